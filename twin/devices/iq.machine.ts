/**
 * The IQ: the site's hub. While powered it polls each of its locks with a heartbeat and declares a lock offline
 * after `missedHeartbeatsOffline` unanswered polls in a row; it relays audit uploads to the cloud while its
 * internet link is up (and drops them otherwise: the lock keeps them until the cloud acknowledges); and it carries
 * access data from the cloud down to its locks, pushing it again with every heartbeat round until the lock
 * acknowledges the version, reporting each landed version to the cloud.
 */
import { assign, setup } from 'xstate';
import { missedHeartbeatsOffline } from '../defaults.ts';
import type { AuditUpload } from '../access/audit-event.ts';
import type { DeviceEnvironment } from './device-environment.ts';
import type { LockAccessData } from '../access/lock-access-data.ts';

export interface IqEnvironment extends DeviceEnvironment {
  readonly sendHeartbeat: (iqId: string, lockId: string) => void;
  /** Pushes access data down to a lock (the lock acknowledges with DATA_ACK when it lands). */
  readonly pushData: (iqId: string, lockId: string, data: LockAccessData) => void;
  /** Tells the cloud which version a lock now holds (while the internet link is up). */
  readonly reportLockVersion: (iqId: string, lockId: string, version: number) => void;
  readonly forwardAudit: (iqId: string, lockId: string, upload: AuditUpload) => void;
}

/** What the IQ knows of one lock. Mutable on purpose: it changes on every heartbeat of every lock. */
export interface LockLiveness {
  answeredSinceLastPoll: boolean;
  missedHeartbeats: number;
  online: boolean;
}

export interface IqInput {
  readonly id: string;
  readonly lockIds: readonly string[];
  readonly heartbeatIntervalMs: number;
  /** The access-data version every lock starts with (installed at commissioning). */
  readonly initialVersion: number;
  readonly env: IqEnvironment;
}

/** Access data the IQ still has to land on a lock (the newest version only), and the version it last saw. */
export interface LockSync {
  pending: LockAccessData | undefined;
  lockVersion: number;
}

export type IqSyncState = 'synced' | 'pending' | 'failed';

export interface IqContext extends IqInput {
  readonly liveness: ReadonlyMap<string, LockLiveness>;
  readonly sync: ReadonlyMap<string, LockSync>;
  readonly cloudConnected: boolean;
}

/**
 * The IQ's sync state as the service shows it: synced when every lock holds the newest data, pending while some
 * data is on its way, failed when data waits for a lock the IQ has declared offline.
 */
export function iqSyncState(context: IqContext): IqSyncState {
  let pending = false;
  for (const [lockId, sync] of context.sync) {
    if (sync.pending === undefined) continue;
    if (context.liveness.get(lockId)?.online === false) return 'failed';
    pending = true;
  }
  return pending ? 'pending' : 'synced';
}

export type IqEvent =
  | { readonly type: 'POWER_OFF' }
  | { readonly type: 'POWER_ON' }
  | { readonly type: 'CLOUD_DOWN' }
  | { readonly type: 'CLOUD_UP' }
  | { readonly type: 'HEARTBEAT_ACK'; readonly lockId: string }
  | { readonly type: 'AUDIT_UPLOAD'; readonly lockId: string; readonly upload: AuditUpload }
  | { readonly type: 'DATA_FROM_CLOUD'; readonly lockId: string; readonly data: LockAccessData }
  | { readonly type: 'DATA_ACK'; readonly lockId: string; readonly version: number };

function pollLocks(context: IqContext): void {
  for (const lockId of context.lockIds) {
    const liveness = context.liveness.get(lockId);
    if (liveness === undefined) continue;
    if (liveness.answeredSinceLastPoll) {
      liveness.missedHeartbeats = 0;
    } else {
      liveness.missedHeartbeats++;
      if (liveness.online && liveness.missedHeartbeats >= missedHeartbeatsOffline) {
        liveness.online = false;
        context.env.trace.record({
          kind: 'iq.lock-offline',
          device: context.id,
          lock: lockId,
          missed: liveness.missedHeartbeats,
        });
      }
    }
    liveness.answeredSinceLastPoll = false;
    context.env.sendHeartbeat(context.id, lockId);
    // Retry: data that has not landed yet goes down again with every heartbeat round until it does.
    const pending = context.sync.get(lockId)?.pending;
    if (pending !== undefined) context.env.pushData(context.id, lockId, pending);
  }
}

/**
 * A lock answered its heartbeat. Exported so the twin can hand the IQ its hottest event (a campus day has a million
 * and a half of them) without a full XState macrostep: it changes no state of the machine, only the liveness
 * record in its context, and it is the same function the machine's own HEARTBEAT_ACK action runs.
 */
export function recordHeartbeatAnswer(context: IqContext, lockId: string): void {
  const liveness = context.liveness.get(lockId);
  if (liveness === undefined) return;
  liveness.answeredSinceLastPoll = true;
  liveness.missedHeartbeats = 0;
  if (!liveness.online) {
    liveness.online = true;
    context.env.trace.record({ kind: 'iq.lock-online', device: context.id, lock: lockId });
  }
}

export const iqMachine = setup({
  types: { context: {} as IqContext, events: {} as IqEvent, input: {} as IqInput },
  delays: { heartbeatInterval: ({ context }) => context.heartbeatIntervalMs },
  actions: {
    pollLocks: ({ context }) => pollLocks(context),
    heartbeatAnswered: ({ context, event }) => {
      if (event.type === 'HEARTBEAT_ACK') recordHeartbeatAnswer(context, event.lockId);
    },
    forwardAudit: ({ context, event }) => {
      if (event.type !== 'AUDIT_UPLOAD') return;
      if (context.cloudConnected) context.env.forwardAudit(context.id, event.lockId, event.upload);
      else
        context.env.trace.record({
          kind: 'iq.audit-held-back',
          device: context.id,
          lock: event.lockId,
          events: event.upload.events.length,
        });
    },
    acceptData: ({ context, event }) => {
      if (event.type !== 'DATA_FROM_CLOUD') return;
      const sync = context.sync.get(event.lockId);
      if (
        sync === undefined ||
        event.data.version <= sync.lockVersion ||
        event.data.version <= (sync.pending?.version ?? 0)
      )
        return;
      sync.pending = event.data;
      context.env.trace.record({
        kind: 'iq.data',
        device: context.id,
        lock: event.lockId,
        version: event.data.version,
      });
      context.env.pushData(context.id, event.lockId, event.data);
    },
    dataLanded: ({ context, event }) => {
      if (event.type !== 'DATA_ACK') return;
      const sync = context.sync.get(event.lockId);
      if (sync === undefined || event.version <= sync.lockVersion) return;
      sync.lockVersion = event.version;
      if (sync.pending !== undefined && sync.pending.version <= event.version) sync.pending = undefined;
      context.env.trace.record({
        kind: 'iq.data-landed',
        device: context.id,
        lock: event.lockId,
        version: event.version,
      });
      if (context.cloudConnected) context.env.reportLockVersion(context.id, event.lockId, event.version);
    },
    reportAllVersions: ({ context }) => {
      for (const [lockId, sync] of context.sync)
        context.env.reportLockVersion(context.id, lockId, sync.lockVersion);
    },
    setCloud: assign(({ context }, params: { connected: boolean }) => {
      context.env.trace.record({ kind: 'iq.cloud', device: context.id, connected: params.connected });
      return { cloudConnected: params.connected };
    }),
    tracePower: ({ context }, params: { on: boolean }) =>
      context.env.trace.record({ kind: 'iq.power', device: context.id, on: params.on }),
  },
}).createMachine({
  id: 'iq',
  initial: 'on',
  context: ({ input }) => ({
    ...input,
    cloudConnected: true,
    sync: new Map(
      input.lockIds.map((lockId) => [lockId, { pending: undefined, lockVersion: input.initialVersion }]),
    ),
    liveness: new Map(
      input.lockIds.map((lockId) => [
        lockId,
        { answeredSinceLastPoll: true, missedHeartbeats: 0, online: true },
      ]),
    ),
  }),
  on: {
    CLOUD_DOWN: { actions: { type: 'setCloud', params: { connected: false } } },
    CLOUD_UP: { actions: [{ type: 'setCloud', params: { connected: true } }, 'reportAllVersions'] },
  },
  states: {
    on: {
      after: { heartbeatInterval: { target: 'on', reenter: true, actions: 'pollLocks' } },
      on: {
        POWER_OFF: { target: 'off', actions: { type: 'tracePower', params: { on: false } } },
        HEARTBEAT_ACK: { actions: 'heartbeatAnswered' },
        AUDIT_UPLOAD: { actions: 'forwardAudit' },
        DATA_FROM_CLOUD: { actions: 'acceptData' },
        DATA_ACK: { actions: 'dataLanded' },
      },
    },
    off: {
      on: { POWER_ON: { target: 'on', actions: { type: 'tracePower', params: { on: true } } } },
    },
  },
});
