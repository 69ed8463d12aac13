/**
 * A phone with the app's BLE digital key. Its internet connection does not matter for a tap: the key is checked
 * by the lock, locally.
 */
import { assign, setup } from 'xstate';
import type { DeviceEnvironment } from './device-environment.ts';

export interface PhoneEnvironment extends DeviceEnvironment {
  /** The phone advertises at the reader of `lockId`; the radio decides which lock takes it. */
  readonly tap: (phoneId: string, lockId: string) => void;
}

export interface PhoneInput {
  readonly id: string;
  readonly userId: string;
  readonly internet: boolean;
  readonly env: PhoneEnvironment;
}

export type PhoneEvent =
  { readonly type: 'TAP'; readonly lockId: string } | { readonly type: 'SET_INTERNET'; readonly on: boolean };

export const phoneMachine = setup({
  types: { context: {} as PhoneInput, events: {} as PhoneEvent, input: {} as PhoneInput },
  actions: {
    tap: ({ context, event }) => {
      if (event.type === 'TAP') context.env.tap(context.id, event.lockId);
    },
    setInternet: assign(({ context, event }) => {
      if (event.type !== 'SET_INTERNET') return {};
      context.env.trace.record({ kind: 'phone.internet', device: context.id, on: event.on });
      return { internet: event.on };
    }),
  },
}).createMachine({
  id: 'phone',
  initial: 'idle',
  context: ({ input }) => input,
  on: { SET_INTERNET: { actions: 'setInternet' } },
  states: {
    idle: { on: { TAP: { actions: 'tap' } } },
  },
});
