/**
 * A phone with the app's BLE digital key. The app holds its own copy of the key: it gets it from the cloud only
 * over the phone's internet (twin/phone-key-sync.ts), so a key issued while the phone is offline is not on the
 * phone until it is online again, and a revocation leaves the key on an offline phone until then. A tap presents
 * only a key the phone holds (a phone without one has nothing to offer the lock); the internet does not matter for
 * the tap itself: the lock checks the key locally against its own list, which wins once it has the change.
 *
 * Each sync carries the cloud's revision of that phone's key: a sync older than the one the app applied (two in
 * flight, the later one faster) changes nothing.
 */
import { assign, setup } from 'xstate';
import type { DeviceEnvironment } from './device-environment.ts';

/** The key as the app holds it: its validity window (UTC ms; open-ended where undefined). */
export interface PhoneKey {
  readonly validFromUtcMs: number | undefined;
  readonly validUntilUtcMs: number | undefined;
}

export interface PhoneEnvironment extends DeviceEnvironment {
  /** The phone advertises its key at the reader of `lockId`; the radio decides which lock takes it. */
  readonly tap: (phoneId: string, lockId: string) => void;
  /** The app asks the cloud for its key (the phone's internet just came up). */
  readonly fetchKey: (phoneId: string) => void;
}

export interface PhoneInput {
  readonly id: string;
  readonly userId: string;
  readonly internet: boolean;
  /** The key the app holds as the run starts (synced before it). */
  readonly key: PhoneKey | undefined;
  /** The defect `revocation-never-reaches-phone`: the app ignores a sync that takes its key away. */
  readonly keepsRevokedKey: boolean;
  readonly env: PhoneEnvironment;
}

export interface PhoneContext extends PhoneInput {
  /** The cloud's revision of the key the app last applied (0: the one it started with). */
  readonly keyRevision: number;
}

export type PhoneEvent =
  | { readonly type: 'TAP'; readonly lockId: string }
  | { readonly type: 'SET_INTERNET'; readonly on: boolean }
  | { readonly type: 'KEY_SYNC'; readonly revision: number; readonly key: PhoneKey | undefined };

export const phoneMachine = setup({
  types: { context: {} as PhoneContext, events: {} as PhoneEvent, input: {} as PhoneInput },
  actions: {
    tap: ({ context, event }) => {
      if (event.type !== 'TAP') return;
      if (context.key !== undefined) context.env.tap(context.id, event.lockId);
      else context.env.trace.record({ kind: 'phone.no-key', device: context.id, aimed: event.lockId });
    },
    setInternet: assign(({ context, event }) => {
      if (event.type !== 'SET_INTERNET') return {};
      context.env.trace.record({ kind: 'phone.internet', device: context.id, on: event.on });
      // Back online, the app asks for its key at once (what changed while it was offline reaches it now).
      if (event.on && !context.internet) context.env.fetchKey(context.id);
      return { internet: event.on };
    }),
    applyKey: assign(({ context, event }) => {
      // A phone without internet hears nothing from the cloud; it asks again when it is back online.
      if (event.type !== 'KEY_SYNC' || !context.internet || event.revision <= context.keyRevision) return {};
      if (event.key === undefined && context.keepsRevokedKey) return { keyRevision: event.revision };
      context.env.trace.record({
        kind: 'phone.key',
        device: context.id,
        revision: event.revision,
        held: event.key !== undefined,
      });
      return { key: event.key, keyRevision: event.revision };
    }),
  },
}).createMachine({
  id: 'phone',
  initial: 'idle',
  context: ({ input }) => ({ ...input, keyRevision: 0 }),
  on: { SET_INTERNET: { actions: 'setInternet' }, KEY_SYNC: { actions: 'applyKey' } },
  states: {
    idle: { on: { TAP: { actions: 'tap' } } },
  },
});
