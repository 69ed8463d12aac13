/**
 * A door: open or closed, with an inside handle and a sensor that tells its lock. From outside it opens only
 * while its lock's motor lets the outside handle move the latch (lock-motor.ts), or when forced; from inside the
 * handle always lets a person out.
 */
import { assign, setup } from 'xstate';
import type { DeviceEnvironment } from './device-environment.ts';

export interface DoorEnvironment extends DeviceEnvironment {
  /** The lock's outside handle moves the latch (its motor has coupled it and not yet uncoupled it). */
  readonly handleGives: (lockId: string) => boolean;
  /** The door sensor reports to the lock. */
  readonly sensorChanged: (lockId: string, open: boolean, byInsideHandle: boolean) => void;
}

export interface DoorInput {
  readonly id: string;
  readonly lockId: string;
  readonly env: DoorEnvironment;
}

export interface DoorContext extends DoorInput {
  readonly handleHeld: boolean;
}

export type DoorEvent =
  | { readonly type: 'PUSH' }
  | { readonly type: 'FORCE' }
  | { readonly type: 'CLOSE' }
  | { readonly type: 'HANDLE_DOWN' }
  | { readonly type: 'HANDLE_UP' };

export const doorMachine = setup({
  types: { context: {} as DoorContext, events: {} as DoorEvent, input: {} as DoorInput },
  guards: {
    mayOpenFromOutside: ({ context }) => context.handleHeld || context.env.handleGives(context.lockId),
  },
  actions: {
    reportOpened: ({ context }) => {
      context.env.trace.record({ kind: 'door.opened', device: context.id, insideHandle: context.handleHeld });
      context.env.sensorChanged(context.lockId, true, context.handleHeld);
    },
    reportForced: ({ context }) => {
      context.env.trace.record({ kind: 'door.opened', device: context.id, forced: true });
      context.env.sensorChanged(context.lockId, true, false);
    },
    reportClosed: ({ context }) => {
      context.env.trace.record({ kind: 'door.closed', device: context.id });
      context.env.sensorChanged(context.lockId, false, false);
    },
    reportStaysShut: ({ context }) => {
      context.env.trace.record({ kind: 'door.stays-shut', device: context.id, reason: 'locked' });
    },
    holdHandle: assign({ handleHeld: true }),
    releaseHandle: assign({ handleHeld: false }),
  },
}).createMachine({
  id: 'door',
  initial: 'closed',
  context: ({ input }) => ({ ...input, handleHeld: false }),
  on: {
    HANDLE_DOWN: { actions: 'holdHandle' },
    HANDLE_UP: { actions: 'releaseHandle' },
  },
  states: {
    closed: {
      on: {
        PUSH: [
          { guard: 'mayOpenFromOutside', target: 'open', actions: 'reportOpened' },
          { actions: 'reportStaysShut' },
        ],
        FORCE: { target: 'open', actions: 'reportForced' },
      },
    },
    open: {
      on: { CLOSE: { target: 'closed', actions: 'reportClosed' } },
    },
  },
});
