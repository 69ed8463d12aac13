/**
 * A wireless lock (BLUEnet escutcheon or cylinder, older escutcheon, PIN lock, or a wall reader with its
 * controller). It decides on its own copy of the access data, relocks after its open time, watches its door
 * (NOT CLOSED after the door stays open, intrusion when it opens while locked), measures its battery on each
 * attempt, and keeps a bounded audit buffer that it uploads through its IQ.
 */
import { assign, setup, stateIn } from 'xstate';
import { type BatteryLevel } from '../defaults.ts';
import type { LockKind } from '../site/spec.ts';
import type { AccessList } from './access-list.ts';
import type { AccessMethod, AuditBuffer, AuditEvent } from './audit-buffer.ts';
import type { DeviceEnvironment } from './device-environment.ts';

export interface LockEnvironment extends DeviceEnvironment {
  /** Sends the lock's unacknowledged audit events towards its IQ (when a path may exist). */
  readonly uploadAudit: (lockId: string) => void;
}

export interface LockInput {
  readonly id: string;
  readonly kind: LockKind;
  readonly doorId: string;
  readonly openTimeMs: number;
  readonly notClosedAfterMs: number;
  readonly battery: BatteryLevel;
  readonly access: AccessList;
  readonly audit: AuditBuffer;
  readonly env: LockEnvironment;
}

export interface LockContext extends LockInput {
  /** Why the last attempt was refused (for the story a replay tells). */
  readonly lastRefusal: string | undefined;
}

export type LockEvent =
  | { readonly type: 'CREDENTIAL'; readonly credentialId: string; readonly method: AccessMethod }
  | { readonly type: 'DOOR_OPENED'; readonly byInsideHandle: boolean }
  | { readonly type: 'DOOR_CLOSED' }
  | { readonly type: 'SET_BATTERY'; readonly level: BatteryLevel }
  | { readonly type: 'ACCESS_DATA'; readonly access: AccessList }
  | { readonly type: 'AUDIT_ACK'; readonly seq: number; readonly overflowLastSeq: number | undefined }
  | { readonly type: 'HEARTBEAT' };

type CredentialEvent = Extract<LockEvent, { type: 'CREDENTIAL' }>;

/** Records an audit event with the lock's own clock and sends it on its way. */
function recordAudit(context: LockContext, event: Omit<AuditEvent, 'seq' | 'atMs'>): void {
  const stored = context.audit.record({ atMs: context.env.clock.now(), ...event });
  context.env.trace.record('lock.audit', context.id, { auditSeq: stored.seq, category: stored.category, detail: stored.detail, user: stored.userId ?? null });
  context.env.uploadAudit(context.id);
}

/** The firmware's decision on its own data: why a credential is refused, or undefined when it opens. */
export function refusalReason(context: LockContext, event: CredentialEvent): string | undefined {
  if (context.battery === 'very-low') return 'battery very low';
  if (event.method === 'pin_code' && context.kind !== 'pin') return 'no keypad on this lock';
  if (context.access.ownerOf(event.credentialId) === undefined) return 'credential not on this lock';
  return undefined;
}

export const lockMachine = setup({
  types: {
    context: {} as LockContext,
    events: {} as LockEvent,
    input: {} as LockInput,
  },
  delays: {
    openTime: ({ context }) => context.openTimeMs,
    notClosedAfter: ({ context }) => context.notClosedAfterMs,
  },
  guards: {
    credentialAccepted: ({ context, event }) => event.type === 'CREDENTIAL' && refusalReason(context, event) === undefined,
    openedByInsideHandle: ({ event }) => event.type === 'DOOR_OPENED' && event.byInsideHandle,
  },
  actions: {
    recordOpening: ({ context, event }) => {
      if (event.type !== 'CREDENTIAL') return;
      const userId = context.access.ownerOf(event.credentialId);
      recordAudit(context, { category: 'lock_opened', detail: `opened by ${event.method}`, credentialId: event.credentialId, method: event.method, ...(userId === undefined ? {} : { userId }) });
    },
    recordRefusal: assign(({ context, event }) => {
      if (event.type !== 'CREDENTIAL') return {};
      const reason = refusalReason(context, event) ?? 'refused';
      recordAudit(context, { category: 'lock_rejected', detail: reason, credentialId: event.credentialId, method: event.method });
      return { lastRefusal: reason };
    }),
    traceBolt: ({ context }, params: { state: 'unlocked' | 'locked' }) => {
      context.env.trace.record(`lock.${params.state}`, context.id);
    },
    recordInsideHandle: ({ context }) => {
      recordAudit(context, { category: 'lock_opened', detail: 'opened from inside', method: 'inside_handle' });
    },
    recordIntrusion: ({ context }) => {
      recordAudit(context, { category: 'intrusion', detail: 'door opened without an opening' });
    },
    raiseNotClosed: ({ context }) => {
      recordAudit(context, { category: 'not_closed', detail: `door open ${context.notClosedAfterMs / 1000} s` });
    },
    clearNotClosed: ({ context }) => {
      recordAudit(context, { category: 'not_closed_cleared', detail: 'door closed' });
    },
    traceDoor: ({ context }, params: { open: boolean }) => {
      context.env.trace.record(params.open ? 'lock.door-open-seen' : 'lock.door-closed-seen', context.id);
    },
    setBattery: assign(({ context, event }) => {
      if (event.type !== 'SET_BATTERY' || event.level === context.battery) return {};
      if (event.level !== 'fresh') recordAudit(context, { category: 'battery_low', detail: `battery ${event.level}` });
      return { battery: event.level };
    }),
    installAccess: assign(({ context, event }) => {
      if (event.type !== 'ACCESS_DATA') return {};
      context.env.trace.record('lock.access-data', context.id, { version: event.access.version });
      return { access: event.access };
    }),
    acknowledgeAudit: ({ context, event }) => {
      if (event.type !== 'AUDIT_ACK') return;
      context.audit.acknowledge(event.seq, event.overflowLastSeq);
    },
    resendAudit: ({ context }) => {
      if (context.audit.hasUnacknowledged()) context.env.uploadAudit(context.id);
    },
  },
}).createMachine({
  id: 'lock',
  type: 'parallel',
  context: ({ input }) => ({ ...input, lastRefusal: undefined }),
  on: {
    SET_BATTERY: { actions: 'setBattery' },
    ACCESS_DATA: { actions: 'installAccess' },
    AUDIT_ACK: { actions: 'acknowledgeAudit' },
    HEARTBEAT: { actions: 'resendAudit' },
  },
  states: {
    bolt: {
      initial: 'locked',
      states: {
        locked: {
          on: {
            CREDENTIAL: [
              { guard: 'credentialAccepted', target: 'unlocked', actions: 'recordOpening' },
              { actions: 'recordRefusal' },
            ],
          },
        },
        unlocked: {
          entry: { type: 'traceBolt', params: { state: 'unlocked' } },
          exit: { type: 'traceBolt', params: { state: 'locked' } },
          after: { openTime: { target: 'locked' } },
          on: {
            CREDENTIAL: [
              { guard: 'credentialAccepted', target: 'unlocked', reenter: true, actions: 'recordOpening' },
              { actions: 'recordRefusal' },
            ],
          },
        },
      },
    },
    door: {
      initial: 'closed',
      states: {
        closed: {
          on: {
            DOOR_OPENED: [
              { guard: 'openedByInsideHandle', target: 'open', actions: [{ type: 'traceDoor', params: { open: true } }, 'recordInsideHandle'] },
              { guard: stateIn('#lock.bolt.locked'), target: 'open', actions: [{ type: 'traceDoor', params: { open: true } }, 'recordIntrusion'] },
              { target: 'open', actions: { type: 'traceDoor', params: { open: true } } },
            ],
          },
        },
        open: {
          after: { notClosedAfter: { target: 'notClosed' } },
          on: { DOOR_CLOSED: { target: 'closed', actions: { type: 'traceDoor', params: { open: false } } } },
        },
        notClosed: {
          entry: 'raiseNotClosed',
          on: { DOOR_CLOSED: { target: 'closed', actions: [{ type: 'traceDoor', params: { open: false } }, 'clearNotClosed'] } },
        },
      },
    },
  },
});
