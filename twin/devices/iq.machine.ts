/**
 * The IQ: the site's hub. While powered it polls each of its locks with a heartbeat and declares a lock offline
 * after `missedHeartbeatsOffline` unanswered polls in a row; it relays audit uploads to the cloud while its
 * internet link is up (and drops them otherwise: the lock keeps them until the cloud acknowledges).
 */
import { assign, setup } from 'xstate';
import { missedHeartbeatsOffline } from '../defaults.ts';
import type { AuditUpload } from './audit-buffer.ts';
import type { DeviceEnvironment } from './device-environment.ts';

export interface IqEnvironment extends DeviceEnvironment {
  readonly sendHeartbeat: (iqId: string, lockId: string) => void;
  readonly forwardAudit: (iqId: string, lockId: string, upload: AuditUpload) => void;
  readonly lockStatusChanged: (iqId: string, lockId: string, online: boolean) => void;
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
  readonly env: IqEnvironment;
}

export interface IqContext extends IqInput {
  readonly liveness: ReadonlyMap<string, LockLiveness>;
  readonly cloudConnected: boolean;
}

export type IqEvent =
  | { readonly type: 'POWER_OFF' }
  | { readonly type: 'POWER_ON' }
  | { readonly type: 'CLOUD_DOWN' }
  | { readonly type: 'CLOUD_UP' }
  | { readonly type: 'HEARTBEAT_ACK'; readonly lockId: string }
  | { readonly type: 'AUDIT_UPLOAD'; readonly lockId: string; readonly upload: AuditUpload };

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
        context.env.trace.record('iq.lock-offline', context.id, { lock: lockId, missed: liveness.missedHeartbeats });
        context.env.lockStatusChanged(context.id, lockId, false);
      }
    }
    liveness.answeredSinceLastPoll = false;
    context.env.sendHeartbeat(context.id, lockId);
  }
}

export const iqMachine = setup({
  types: { context: {} as IqContext, events: {} as IqEvent, input: {} as IqInput },
  delays: { heartbeatInterval: ({ context }) => context.heartbeatIntervalMs },
  actions: {
    pollLocks: ({ context }) => pollLocks(context),
    heartbeatAnswered: ({ context, event }) => {
      if (event.type !== 'HEARTBEAT_ACK') return;
      const liveness = context.liveness.get(event.lockId);
      if (liveness === undefined) return;
      liveness.answeredSinceLastPoll = true;
      liveness.missedHeartbeats = 0;
      if (!liveness.online) {
        liveness.online = true;
        context.env.trace.record('iq.lock-online', context.id, { lock: event.lockId });
        context.env.lockStatusChanged(context.id, event.lockId, true);
      }
    },
    forwardAudit: ({ context, event }) => {
      if (event.type !== 'AUDIT_UPLOAD') return;
      if (context.cloudConnected) context.env.forwardAudit(context.id, event.lockId, event.upload);
      else context.env.trace.record('iq.audit-held-back', context.id, { lock: event.lockId, events: event.upload.events.length });
    },
    setCloud: assign(({ context }, params: { connected: boolean }) => {
      context.env.trace.record('iq.cloud', context.id, { connected: params.connected });
      return { cloudConnected: params.connected };
    }),
    tracePower: ({ context }, params: { on: boolean }) => context.env.trace.record('iq.power', context.id, { on: params.on }),
  },
}).createMachine({
  id: 'iq',
  initial: 'on',
  context: ({ input }) => ({
    ...input,
    cloudConnected: true,
    liveness: new Map(input.lockIds.map((lockId) => [lockId, { answeredSinceLastPoll: true, missedHeartbeats: 0, online: true }])),
  }),
  on: {
    CLOUD_DOWN: { actions: { type: 'setCloud', params: { connected: false } } },
    CLOUD_UP: { actions: { type: 'setCloud', params: { connected: true } } },
  },
  states: {
    on: {
      after: { heartbeatInterval: { target: 'on', reenter: true, actions: 'pollLocks' } },
      on: {
        POWER_OFF: { target: 'off', actions: { type: 'tracePower', params: { on: false } } },
        HEARTBEAT_ACK: { actions: 'heartbeatAnswered' },
        AUDIT_UPLOAD: { actions: 'forwardAudit' },
      },
    },
    off: {
      on: { POWER_ON: { target: 'on', actions: { type: 'tracePower', params: { on: true } } } },
    },
  },
});
