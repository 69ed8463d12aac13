/** A repeater: relays packets between its parent and children while powered. */
import { setup } from 'xstate';
import type { DeviceEnvironment } from './device-environment.ts';

export interface RepeaterInput {
  readonly id: string;
  readonly env: DeviceEnvironment;
}

export type RepeaterEvent = { readonly type: 'POWER_OFF' } | { readonly type: 'POWER_ON' };

export const repeaterMachine = setup({
  types: { context: {} as RepeaterInput, events: {} as RepeaterEvent, input: {} as RepeaterInput },
  actions: {
    tracePower: ({ context }, params: { on: boolean }) =>
      context.env.trace.record({ kind: 'repeater.power', device: context.id, on: params.on }),
  },
}).createMachine({
  id: 'repeater',
  initial: 'on',
  context: ({ input }) => input,
  states: {
    on: { on: { POWER_OFF: { target: 'off', actions: { type: 'tracePower', params: { on: false } } } } },
    off: { on: { POWER_ON: { target: 'on', actions: { type: 'tracePower', params: { on: true } } } } },
  },
});
