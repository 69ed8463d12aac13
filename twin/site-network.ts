/**
 * Every route between the locks, the repeaters, the IQs and the cloud: audit uploads (lock → mesh → IQ → internet
 * → cloud, and the acknowledgement back down), heartbeats and their answers, access data pushed down and its
 * landed version reported up, remote commands carried to the lock, and phone taps over BLE. The mesh carries the
 * radio hops; the internet hop (internet-hop.ts) is the one crossing between an IQ and the cloud.
 */
import type { AuditUpload } from './access/audit-event.ts';
import { credentialIds, type LockAccessData } from './access/lock-access-data.ts';
import type { EntriesLog } from './cloud/entries-log.ts';
import type { AccessSync } from './cloud/access-sync.ts';
import { auditUploadBatchMax, bleTapHandshakeMsMax, bleTapHandshakeMsMin } from './defaults.ts';
import { clockNeedsCorrection } from './devices/clock-correction.ts';
import { recordHeartbeatAnswer } from './devices/iq.machine.ts';
import { remoteRefusalOf } from './devices/privacy.ts';
import type { DeviceRegistry } from './devices/registry.ts';
import type { TwinTrace } from './events.ts';
import type { InternetHop } from './internet-hop.ts';
import type { VirtualClock } from './kernel/clock.ts';
import type { RandomStream, SeededRandom } from './kernel/rng.ts';
import { phonePositionAt, resolveTap } from './radio/ble-medium.ts';
import type { LinkTable } from './radio/link.ts';
import type { MeshNetwork } from './radio/mesh-network.ts';
import type { RadioConfig } from './radio/radio-config.ts';
import type { RemoteCommand } from './remote-commands.ts';
import type { LockSpec, Position } from './site/spec.ts';

/** A retry guard: a lock starts a new audit upload only when none is in flight, or the last one is this old. */
const auditUploadRetryMs = 10_000;

/** The parts of the cloud the network delivers to (late-bound: the cloud is built after the network). */
export interface CloudEndpoint {
  readonly entries: EntriesLog;
  readonly sync: AccessSync;
}

export interface SiteNetworkOptions {
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly random: SeededRandom;
  readonly registry: DeviceRegistry;
  readonly mesh: MeshNetwork;
  readonly links: LinkTable;
  readonly internet: InternetHop;
  readonly radioConfig: RadioConfig;
  readonly locks: readonly LockSpec[];
  readonly positionOf: (deviceId: string) => Position;
  readonly weakestLockTakesTaps: boolean;
  readonly cloud: () => CloudEndpoint;
}

/** What runs when a heartbeat reaches the lock, and when its answer reaches the IQ. */
interface HeartbeatEnds {
  readonly iqId: string;
  readonly atLock: () => void;
  readonly atIq: () => void;
}

export class SiteNetwork {
  private readonly auditInFlightSinceMs = new Map<string, number>();
  private readonly tapStreams = new Map<string, RandomStream>();
  /** By lock, for the IQ that polls it: one entry per lock of the site (bounded by the spec). */
  private readonly heartbeats = new Map<string, HeartbeatEnds>();

  constructor(private readonly options: SiteNetworkOptions) {}

  /** Lock → mesh → IQ: the lock's unacknowledged audit events, one batch at a time. */
  uploadAudit(lockId: string): void {
    const { registry, clock, mesh } = this.options;
    const audit = registry.audits.get(lockId);
    if (audit === undefined || !audit.hasUnacknowledged()) return;
    const sinceMs = this.auditInFlightSinceMs.get(lockId);
    if (sinceMs !== undefined && clock.now() - sinceMs < auditUploadRetryMs) return;
    this.auditInFlightSinceMs.set(lockId, clock.now());
    const upload = audit.nextUpload(auditUploadBatchMax);
    const iqId = registry.iqOf(lockId);
    mesh.sendUp(lockId, 'audit', () => registry.iq(iqId).send({ type: 'AUDIT_UPLOAD', lockId, upload }));
  }

  /** IQ → internet → cloud → internet → IQ → lock: the cloud stores the batch once and its acknowledgement travels back. */
  forwardAudit(iqId: string, lockId: string, upload: AuditUpload): void {
    const { internet, trace, clock } = this.options;
    internet.cross(() => {
      const ack = this.options.cloud().entries.receive(lockId, upload, clock.now());
      trace.record({
        kind: 'cloud.entries',
        device: iqId,
        lock: lockId,
        events: upload.events.length,
        ackSeq: ack.seq,
      });
      internet.cross(() => {
        this.options.mesh.sendDown(lockId, 'audit-ack', () => {
          this.options.registry.lock(lockId).send({
            type: 'AUDIT_ACK',
            seq: ack.seq,
            overflowLastSeq: ack.overflowLastSeq,
          });
          this.auditInFlightSinceMs.delete(lockId);
          this.uploadAudit(lockId);
        });
      });
    });
  }

  /** IQ → mesh → lock and back: the answer keeps the lock online in the IQ's eyes. */
  sendHeartbeat(iqId: string, lockId: string): void {
    this.options.mesh.sendDown(lockId, 'hb', this.heartbeatOf(iqId, lockId).atLock);
  }

  /**
   * The two ends of a lock's heartbeat, made once per lock (again if another IQ polls it): a campus day sends a million and a half
   * heartbeats, and each would otherwise make its callbacks and look its actors up again.
   */
  private heartbeatOf(iqId: string, lockId: string): HeartbeatEnds {
    let ends = this.heartbeats.get(lockId);
    if (ends?.iqId !== iqId) {
      const { mesh, registry } = this.options;
      const audit = registry.audits.get(lockId);
      const lockActor = registry.lock(lockId);
      const iq = registry.iq(iqId);
      const atIq = (): void => {
        // Only a powered IQ hears answers (as its machine would: HEARTBEAT_ACK is handled in state `on` only).
        const snapshot = iq.getSnapshot();
        if (snapshot.value === 'on') recordHeartbeatAnswer(snapshot.context, lockId);
      };
      const atLock = (): void => {
        // The lock's radio answers heartbeats by itself; the firmware is woken only when it has audit events
        // waiting, to send them again (most heartbeats of a day find nothing waiting).
        if (audit?.hasUnacknowledged() === true) registry.lock(lockId).send({ type: 'HEARTBEAT' });
        // The IQ's time rides on the heartbeat: a lock whose clock is off by a second or more takes it.
        if (clockNeedsCorrection(lockActor.getSnapshot().context.clockOffsetMs))
          lockActor.send({ type: 'IQ_TIME' });
        mesh.sendUp(lockId, 'hb-ack', atIq);
      };
      ends = { iqId, atLock, atIq };
      this.heartbeats.set(lockId, ends);
    }
    return ends;
  }

  /** IQ → mesh → lock: access data lands and the lock's version goes back up as the acknowledgement. */
  pushData(iqId: string, lockId: string, data: LockAccessData): void {
    const { mesh, registry } = this.options;
    mesh.sendDown(lockId, 'data', () => {
      const lock = registry.lock(lockId);
      lock.send({ type: 'ACCESS_DATA', data });
      const version = lock.getSnapshot().context.data.version;
      mesh.sendUp(lockId, 'data-ack', () => registry.iq(iqId).send({ type: 'DATA_ACK', lockId, version }));
    });
  }

  /** IQ → internet → cloud: the version a lock now holds. */
  reportLockVersion(lockId: string, version: number): void {
    this.options.internet.cross(() => this.options.cloud().sync.lockReported(lockId, version));
  }

  /** Cloud → internet → IQ (when still connected on arrival): a lock's new access data. */
  dataToIq(iqId: string, lockId: string, data: LockAccessData): boolean {
    const { registry, internet } = this.options;
    if (!registry.iqConnected(iqId)) return false;
    internet.cross(() => {
      if (registry.iqConnected(iqId)) registry.iq(iqId).send({ type: 'DATA_FROM_CLOUD', lockId, data });
    });
    return true;
  }

  /** IQ → mesh → lock: a remote command; `onAck` runs at the IQ when the lock's acknowledgement is back. */
  commandToLock(command: RemoteCommand, onAck: (refusal?: string) => void): void {
    const { mesh, registry } = this.options;
    mesh.sendDown(command.lockId, 'command', () => {
      const lock = registry.lock(command.lockId);
      // The lock's answer rides up on its acknowledgement: in privacy mode it refuses what would open it.
      const refusal =
        command.kind === 'office-mode-off'
          ? undefined
          : remoteRefusalOf(lock.getSnapshot().context, command.userId);
      if (command.kind === 'open') lock.send({ type: 'REMOTE_OPEN', userId: command.userId });
      else
        lock.send({
          type: 'REMOTE_OFFICE_MODE',
          on: command.kind === 'office-mode-on',
          userId: command.userId,
        });
      mesh.sendUp(command.lockId, 'command-ack', () => onAck(refusal));
    });
  }

  /** A phone tap at the reader of `aimedLockId`: every lock in range hears it, the radio picks the taker. */
  tap(phoneId: string, aimedLockId: string): void {
    const { trace, clock, registry, radioConfig } = this.options;
    const stream = this.tapStream(phoneId);
    const outcome = resolveTap({
      phoneId,
      phonePosition: phonePositionAt(this.options.positionOf(aimedLockId), radioConfig.phone.holdDistanceM),
      listeners: this.options.locks,
      config: radioConfig,
      stream,
      links: this.options.links,
      weakestWins: this.options.weakestLockTakesTaps,
    });
    const winner = outcome.winner;
    trace.record({
      kind: 'ble.tap',
      device: phoneId,
      aimed: aimedLockId,
      taken: winner ?? null,
      rssi: winner === undefined ? null : outcome.rssiDbm,
      heard: outcome.heard.map((heard) => `${heard.lock}:${heard.rssiDbm}`),
    });
    if (winner === undefined) return;
    const lock = registry.lock(winner);
    const handshakeMs = stream.int(bleTapHandshakeMsMin, bleTapHandshakeMsMax);
    clock.schedule(outcome.heardAfterMs + handshakeMs, () =>
      lock.send({
        type: 'CREDENTIAL',
        credentialId: credentialIds.digitalKey(phoneId),
        method: 'digital_key',
        handleHeld: false,
      }),
    );
  }

  private tapStream(phoneId: string): RandomStream {
    let stream = this.tapStreams.get(phoneId);
    if (stream === undefined) {
      stream = this.options.random.stream(`people.tap:${phoneId}`);
      this.tapStreams.set(phoneId, stream);
    }
    return stream;
  }
}
