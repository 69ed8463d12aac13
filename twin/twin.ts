/**
 * The `Twin` facade: builds a whole site from a validated spec and a seed (kernel, radio, device actors, the
 * cloud's entries log), applies inputs at virtual times, and answers questions about its state. It owns all
 * state; callers only add inputs and read.
 */
import { createActor, type Actor } from 'xstate';
import {
  auditBufferMaxDefault,
  auditUploadBatchMax,
  bleTapHandshakeMsMax,
  bleTapHandshakeMsMin,
  cloudLatencyMsMax,
  cloudLatencyMsMin,
  heartbeatIntervalMsDefault,
  notClosedAfterMsDefault,
  officeModeTagHoldMs,
  tagReadMsMax,
  tagReadMsMin,
} from './defaults.ts';
import { CloudError } from './cloud/error-table.ts';
import { locksOfUser } from './cloud/core-context.ts';
import type { Staleness } from './cloud/access-sync.ts';
import { AuditBuffer } from './devices/audit-buffer.ts';
import { credentialIds, type LockAccessData } from './devices/lock-access-data.ts';
import { doorMachine } from './devices/door.machine.ts';
import { iqMachine, iqSyncState, recordHeartbeatAnswer, type IqSyncState } from './devices/iq.machine.ts';
import { lockMachine } from './devices/lock.machine.ts';
import { phoneMachine } from './devices/phone.machine.ts';
import { repeaterMachine } from './devices/repeater.machine.ts';
import { applyInput } from './apply-input.ts';
import type { TwinInput } from './inputs.ts';
import { VirtualClock, type VirtualClockOptions } from './kernel/clock.ts';
import { createSeededRandom, type RandomStream, type SeededRandom } from './kernel/rng.ts';
import { Trace, type TraceFields, type TraceOptions } from './kernel/trace.ts';
import { phonePositionAt, resolveTap } from './radio/ble-medium.ts';
import { InterferenceField } from './radio/interference.ts';
import { LinkTable } from './radio/link.ts';
import { MeshNetwork } from './radio/mesh-network.ts';
import { resolveRadioConfig, type RadioConfig } from './radio/radio-config.ts';
import { buildTopology, type Topology } from './radio/topology.ts';
import { SiteCloud } from './site-cloud.ts';
import type { RemoteCommand } from './remote-commands.ts';
import { fillFakePeople } from './site/fake-people.ts';
import { Defects } from './defects.ts';
import { adminOutcomesMax, type AdminOutcome } from './admin-actions.ts';
import type { Position, SiteSpec } from './site/spec.ts';

export interface TwinOptions {
  readonly spec: SiteSpec;
  readonly seed: number;
  /** Defects switched on besides the spec's own. */
  readonly defects?: readonly string[];
  readonly trace?: TraceOptions;
  readonly clock?: VirtualClockOptions;
}

/** A lock as the twin sees it, for narration, tests and the live views. */
export interface LockView {
  readonly id: string;
  readonly bolt: 'locked' | 'unlocked' | 'officeMode';
  /** Which office mode, when in one. */
  readonly officeMode: 'manual' | 'easy' | undefined;
  readonly door: 'closed' | 'open' | 'notClosed';
  readonly battery: string;
  /** The IQ's view: has the lock answered its heartbeats? */
  readonly online: boolean;
  readonly accessVersion: number;
  readonly auditBuffered: number;
  readonly parent: string | undefined;
}

type LockActor = Actor<typeof lockMachine>;
type DoorActor = Actor<typeof doorMachine>;
type IqActor = Actor<typeof iqMachine>;
type RepeaterActor = Actor<typeof repeaterMachine>;
type PhoneActor = Actor<typeof phoneMachine>;

/** The `not-closed-at-30s` defect's alert time. */
const notClosedAtDefectMs = 30_000;

/** A retry guard: a lock starts a new audit upload only when none is in flight, or the last one is this old. */
const auditUploadRetryMs = 10_000;

export class Twin {
  readonly spec: SiteSpec;
  readonly seed: number;
  readonly clock: VirtualClock;
  readonly trace: Trace;
  readonly random: SeededRandom;
  readonly radioConfig: RadioConfig;
  readonly topology: Topology;
  readonly interference = new InterferenceField();
  /** UTC instant of virtual time 0 (the spec's `startsAtUtc`). */
  readonly epochUtcMs: number;
  readonly cloud: SiteCloud;
  readonly defects: Defects;
  private readonly links: LinkTable;
  private readonly mesh: MeshNetwork;
  private readonly positions = new Map<string, Position>();
  private readonly iqOfLock = new Map<string, string>();
  private readonly lockOfDoor = new Map<string, string>();
  private readonly doorOfLock = new Map<string, string>();
  private readonly locks = new Map<string, LockActor>();
  private readonly audits = new Map<string, AuditBuffer>();
  private readonly doors = new Map<string, DoorActor>();
  private readonly iqs = new Map<string, IqActor>();
  private readonly repeaters = new Map<string, RepeaterActor>();
  private readonly phones = new Map<string, PhoneActor>();
  private readonly auditInFlightSinceMs = new Map<string, number>();
  private readonly streams: {
    readonly tags: RandomStream;
    readonly cloud: RandomStream;
    readonly taps: Map<string, RandomStream>;
  };
  private interferenceCount = 0;
  private readonly adminOutcomeLog: AdminOutcome[] = [];

  constructor(options: TwinOptions) {
    this.seed = options.seed;
    this.clock = new VirtualClock(options.clock);
    this.trace = new Trace(() => this.clock.now(), options.trace);
    this.random = createSeededRandom(options.seed);
    this.spec = fillFakePeople(options.spec, this.random.stream('people.names'));
    this.epochUtcMs = Date.parse(this.spec.startsAtUtc);
    this.defects = new Defects([...this.spec.defects, ...(options.defects ?? [])]);
    this.streams = {
      tags: this.random.stream('people.tags'),
      cloud: this.random.stream('cloud.latency'),
      taps: new Map(),
    };
    this.radioConfig = resolveRadioConfig(this.spec.settings.radio);
    for (const device of [...this.spec.iqs, ...this.spec.repeaters, ...this.spec.locks])
      this.positions.set(device.id, device.position);
    this.links = new LinkTable(this.radioConfig, this.random, (id) => this.positionOf(id));
    this.topology = buildTopology({
      iqs: this.spec.iqs,
      repeaters: this.spec.repeaters,
      locks: this.spec.locks,
      meanRssiDbm: (a, b) => this.links.get(a, b).meanRssiDbm,
      hearingThresholdDbm: this.radioConfig.hearingThresholdDbm,
    });
    this.mesh = new MeshNetwork({
      clock: this.clock,
      trace: this.trace,
      links: this.links,
      topology: this.topology,
      interference: this.interference,
      positionOf: (id) => this.positionOf(id),
      isRadioUp: (id) => this.isRadioUp(id),
    });
    for (const lock of this.spec.locks) this.iqOfLock.set(lock.id, lock.iq);
    this.cloud = this.createCloud();
    this.trace.record('twin.start', undefined, { site: this.spec.name, seed: options.seed });
    this.createDevices();
  }

  /** The cloud's log of entries (audit events that reached it). */
  get entries(): SiteCloud['entries'] {
    return this.cloud.entries;
  }

  /** Applies an input now. */
  apply(input: TwinInput): void {
    // Inputs are validated JSON (admin arguments included), so they trace as JSON.
    this.trace.record('input', undefined, { ...input } as TraceFields);
    applyInput(this, input);
  }

  /**
   * Applies an input at virtual time `atMs` (now or later), after everything else due then: the same order as
   * an input applied to the running twin at that time, so a recorded session replays exactly.
   */
  applyAt(atMs: number, input: TwinInput): void {
    this.clock.scheduleAt(atMs, () => this.apply(input), 1);
  }

  runUntil(untilMs: number): void {
    this.clock.runUntil(untilMs);
  }

  lockIds(): string[] {
    return this.spec.locks.map((lock) => lock.id);
  }

  lockView(lockId: string): LockView {
    const actor = this.lockActor(lockId);
    const snapshot = actor.getSnapshot();
    const value = snapshot.value as {
      bolt: 'locked' | 'unlocked' | { officeMode: 'manual' | 'easy' };
      door: 'closed' | 'open' | 'notClosed';
    };
    const iqId = this.iqOfLock.get(lockId) as string;
    const liveness = this.iqActor(iqId).getSnapshot().context.liveness.get(lockId);
    return {
      id: lockId,
      bolt: typeof value.bolt === 'string' ? value.bolt : 'officeMode',
      officeMode: typeof value.bolt === 'string' ? undefined : value.bolt.officeMode,
      door: value.door,
      battery: snapshot.context.battery,
      online: liveness?.online ?? false,
      accessVersion: snapshot.context.data.version,
      auditBuffered: this.audits.get(lockId)?.size ?? 0,
      parent: this.topology.parentOf.get(lockId),
    };
  }

  // Device access for inputs (twin/apply-input.ts) and tests.
  lockActor(lockId: string): LockActor {
    return required(this.locks.get(lockId), 'lock', lockId);
  }
  doorActor(doorId: string): DoorActor {
    return required(this.doors.get(doorId), 'door', doorId);
  }
  iqActor(iqId: string): IqActor {
    return required(this.iqs.get(iqId), 'IQ', iqId);
  }
  phoneActor(phoneId: string): PhoneActor {
    return required(this.phones.get(phoneId), 'phone', phoneId);
  }
  repeaterActor(repeaterId: string): RepeaterActor | undefined {
    return this.repeaters.get(repeaterId);
  }
  doorOf(lockId: string): string {
    return required(this.doorOfLock.get(lockId), 'lock', lockId);
  }
  nextInterferenceId(): string {
    return `interference-${++this.interferenceCount}`;
  }

  /**
   * A tag is read by the lock it is presented to after the reader's read time. Held longer than the office-mode
   * hold time, the lock notices it is still there at that mark.
   */
  presentTag(tagId: string, lockId: string, holdMs = 0): void {
    const lock = this.lockActor(lockId);
    const credentialId = credentialIds.tag(tagId);
    this.clock.schedule(this.streams.tags.int(tagReadMsMin, tagReadMsMax), () => {
      lock.send({ type: 'CREDENTIAL', credentialId, method: 'tag', handleHeld: this.handleHeld(lockId) });
      if (holdMs > officeModeTagHoldMs)
        this.clock.schedule(officeModeTagHoldMs, () => lock.send({ type: 'TAG_HELD', credentialId }));
    });
  }

  enterPin(digits: string, lockId: string): void {
    this.lockActor(lockId).send({
      type: 'CREDENTIAL',
      credentialId: credentialIds.pin(digits),
      method: 'pin_code',
      handleHeld: this.handleHeld(lockId),
    });
  }

  /** Remote opening through the cloud and the IQ. Throws the cloud's refusal; the outcome arrives later. */
  remoteOpen(actorId: string, lockId: string): RemoteCommand {
    this.cloud.core.authorizeLockCommand(actorId, lockId, 'open');
    return this.cloud.commands.issue('open', actorId, lockId);
  }

  /** Manual Office Mode on or off from the cloud (the API's `office_mode` / `locked`). */
  setOfficeMode(actorId: string, lockId: string, on: boolean): RemoteCommand {
    this.cloud.core.authorizeLockCommand(actorId, lockId, 'office-mode');
    return this.cloud.commands.issue(on ? 'office-mode-on' : 'office-mode-off', actorId, lockId);
  }

  /**
   * A PIN change must reach every keypad lock that holds the user's credentials: refused with 3105 when one's IQ
   * is not connected and 3102 when one is out of its IQ's reach; otherwise it syncs like any change.
   */
  changePin(actorId: string, userId: string, pin: string | undefined): void {
    for (const lockId of [...locksOfUser(this.cloud.state, userId)].sort()) {
      if (this.spec.locks.find((lock) => lock.id === lockId)?.kind !== 'pin') continue;
      const iqId = this.iqOfLock.get(lockId) as string;
      if (!this.iqConnected(iqId)) throw new CloudError(3105, `IQ ${iqId} of keypad lock ${lockId}`);
      if (!this.lockView(lockId).online) throw new CloudError(3102, `keypad lock ${lockId} is out of reach`);
    }
    this.cloud.core.setPin(actorId, userId, pin);
  }

  /** Mean RSSI of the radio link between two fixed devices (for views of the radio tree). */
  linkRssiDbm(a: string, b: string): number {
    return this.links.get(a, b).meanRssiDbm;
  }

  /** How far behind the cloud a lock's data is, right now. */
  staleness(lockId: string): Staleness {
    return this.cloud.sync.staleness(lockId, this.lockActor(lockId).getSnapshot().context.data.version);
  }

  /** Outcomes of admin actions applied as inputs, oldest first (bounded). */
  adminOutcomes(): readonly AdminOutcome[] {
    return this.adminOutcomeLog;
  }

  recordAdminOutcome(outcome: AdminOutcome): void {
    this.adminOutcomeLog.push(outcome);
    if (this.adminOutcomeLog.length > adminOutcomesMax) this.adminOutcomeLog.shift();
  }

  onCommandSettled(commandId: number, listener: (code: number | null) => void): void {
    this.cloud.commands.onSettled(commandId, listener);
  }

  iqSyncState(iqId: string): IqSyncState {
    return iqSyncState(this.iqActor(iqId).getSnapshot().context);
  }

  /** The IQ is powered and its internet link is up. */
  iqConnected(iqId: string): boolean {
    const snapshot = this.iqActor(iqId).getSnapshot();
    return snapshot.value === 'on' && snapshot.context.cloudConnected;
  }

  private handleHeld(lockId: string): boolean {
    const door = this.doors.get(this.doorOf(lockId));
    return door?.getSnapshot().context.handleHeld ?? false;
  }

  private positionOf(deviceId: string): Position {
    return required(this.positions.get(deviceId), 'device', deviceId);
  }

  private isRadioUp(deviceId: string): boolean {
    const iq = this.iqs.get(deviceId);
    if (iq !== undefined) return iq.getSnapshot().value === 'on';
    const repeater = this.repeaters.get(deviceId);
    if (repeater !== undefined) return repeater.getSnapshot().value === 'on';
    return true;
  }

  private tapStream(phoneId: string): RandomStream {
    let stream = this.streams.taps.get(phoneId);
    if (stream === undefined) {
      stream = this.random.stream(`people.tap:${phoneId}`);
      this.streams.taps.set(phoneId, stream);
    }
    return stream;
  }

  /** A phone tap at the reader of `aimedLockId`: every lock in range hears it, the radio picks the taker. */
  private tap(phoneId: string, aimedLockId: string): void {
    const stream = this.tapStream(phoneId);
    const outcome = resolveTap({
      phoneId,
      phonePosition: phonePositionAt(this.positionOf(aimedLockId), this.radioConfig.phone.holdDistanceM),
      listeners: this.spec.locks,
      config: this.radioConfig,
      stream,
      links: this.links,
      weakestWins: this.defects.has('weakest-lock-answers-tap'),
    });
    const winner = outcome.winner;
    this.trace.record('ble.tap', phoneId, {
      aimed: aimedLockId,
      taken: winner ?? null,
      rssi: winner === undefined ? null : outcome.rssiDbm,
      heard: outcome.heard.map((heard) => `${heard.lock}:${heard.rssiDbm}`),
    });
    if (winner === undefined) return;
    const lock = this.lockActor(winner);
    const handshakeMs = stream.int(bleTapHandshakeMsMin, bleTapHandshakeMsMax);
    this.clock.schedule(outcome.heardAfterMs + handshakeMs, () =>
      lock.send({
        type: 'CREDENTIAL',
        credentialId: credentialIds.digitalKey(phoneId),
        method: 'digital_key',
        handleHeld: false,
      }),
    );
  }

  private uploadAudit(lockId: string): void {
    const audit = this.audits.get(lockId);
    if (audit === undefined || !audit.hasUnacknowledged()) return;
    const sinceMs = this.auditInFlightSinceMs.get(lockId);
    if (sinceMs !== undefined && this.clock.now() - sinceMs < auditUploadRetryMs) return;
    this.auditInFlightSinceMs.set(lockId, this.clock.now());
    const upload = audit.nextUpload(auditUploadBatchMax);
    const iqId = this.iqOfLock.get(lockId) as string;
    this.mesh.sendUp(lockId, 'audit', () =>
      this.iqActor(iqId).send({ type: 'AUDIT_UPLOAD', lockId, upload }),
    );
  }

  private cloudLatencyMs(): number {
    return this.streams.cloud.int(cloudLatencyMsMin, cloudLatencyMsMax);
  }

  /** IQ → cloud → IQ → lock: the cloud stores the batch once and its acknowledgement travels back down. */
  private forwardAudit(iqId: string, lockId: string, upload: ReturnType<AuditBuffer['nextUpload']>): void {
    this.clock.schedule(this.cloudLatencyMs(), () => {
      const ack = this.cloud.entries.receive(lockId, upload, this.clock.now());
      this.trace.record('cloud.entries', iqId, {
        lock: lockId,
        events: upload.events.length,
        ackSeq: ack.seq,
      });
      this.clock.schedule(this.cloudLatencyMs(), () => {
        this.mesh.sendDown(lockId, 'audit-ack', () => {
          this.lockActor(lockId).send({
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

  private sendHeartbeat(iqId: string, lockId: string): void {
    this.mesh.sendDown(lockId, 'hb', () => {
      // The lock's radio answers heartbeats by itself; the firmware is woken only when it has audit events
      // waiting, to send them again (most heartbeats of a day find nothing waiting).
      if (this.audits.get(lockId)?.hasUnacknowledged() === true)
        this.lockActor(lockId).send({ type: 'HEARTBEAT' });
      this.mesh.sendUp(lockId, 'hb-ack', () => {
        // Only a powered IQ hears answers (as its machine would: HEARTBEAT_ACK is handled in state `on` only).
        const snapshot = this.iqActor(iqId).getSnapshot();
        if (snapshot.value === 'on') recordHeartbeatAnswer(snapshot.context, lockId);
      });
    });
  }

  private createCloud(): SiteCloud {
    return new SiteCloud(this.spec, this.defects, {
      clock: this.clock,
      trace: this.trace,
      epochUtcMs: this.epochUtcMs,
      cloudLatencyMs: () => this.cloudLatencyMs(),
      iqOfLock: (lockId) => required(this.iqOfLock.get(lockId), 'lock', lockId),
      iqConnected: (iqId) => this.iqConnected(iqId),
      lockOnline: (lockId) => this.lockView(lockId).online,
      dataToIq: (iqId, lockId, data) => this.iqActor(iqId).send({ type: 'DATA_FROM_CLOUD', lockId, data }),
      commandToLock: (command, onAck) => this.commandToLock(command, onAck),
    });
  }

  /** IQ → repeaters → lock: access data lands and the lock's version goes back up as the acknowledgement. */
  private pushData(iqId: string, lockId: string, data: LockAccessData): void {
    this.mesh.sendDown(lockId, 'data', () => {
      const lock = this.lockActor(lockId);
      lock.send({ type: 'ACCESS_DATA', data });
      const version = lock.getSnapshot().context.data.version;
      this.mesh.sendUp(lockId, 'data-ack', () =>
        this.iqActor(iqId).send({ type: 'DATA_ACK', lockId, version }),
      );
    });
  }

  private reportLockVersion(lockId: string, version: number): void {
    this.clock.schedule(this.cloudLatencyMs(), () => this.cloud.sync.lockReported(lockId, version));
  }

  private commandToLock(command: RemoteCommand, onAck: () => void): void {
    this.mesh.sendDown(command.lockId, 'command', () => {
      const lock = this.lockActor(command.lockId);
      if (command.kind === 'open') lock.send({ type: 'REMOTE_OPEN', userId: command.userId });
      else
        lock.send({
          type: 'REMOTE_OFFICE_MODE',
          on: command.kind === 'office-mode-on',
          userId: command.userId,
        });
      this.mesh.sendUp(command.lockId, 'command-ack', onAck);
    });
  }

  /** The cloud notices an IQ back on the internet and sends what it missed. */
  iqBackOnline(iqId: string): void {
    if (this.iqConnected(iqId)) this.cloud.sync.iqReconnected(iqId);
  }

  private createDevices(): void {
    const clock = this.clock;
    const trace = this.trace;
    const settings = this.spec.settings;
    for (const lock of this.spec.locks) {
      this.lockOfDoor.set(lock.door, lock.id);
      this.doorOfLock.set(lock.id, lock.door);
    }
    const iqEnv = {
      clock,
      trace,
      sendHeartbeat: (iqId: string, lockId: string) => this.sendHeartbeat(iqId, lockId),
      forwardAudit: (iqId: string, lockId: string, upload: ReturnType<AuditBuffer['nextUpload']>) =>
        this.forwardAudit(iqId, lockId, upload),
      lockStatusChanged: () => undefined,
      pushData: (iqId: string, lockId: string, data: LockAccessData) => this.pushData(iqId, lockId, data),
      reportLockVersion: (_iqId: string, lockId: string, version: number) =>
        this.reportLockVersion(lockId, version),
    };
    for (const iq of this.spec.iqs) {
      const input = {
        id: iq.id,
        lockIds: this.topology.locksOf.get(iq.id) ?? [],
        heartbeatIntervalMs: settings.heartbeatIntervalMs ?? heartbeatIntervalMsDefault,
        initialVersion: this.cloud.sync.initialVersion,
        env: iqEnv,
      };
      this.iqs.set(iq.id, createActor(iqMachine, { input, clock, id: iq.id, systemId: iq.id }));
    }
    const deviceEnv = { clock, trace };
    for (const repeater of this.spec.repeaters) {
      this.repeaters.set(
        repeater.id,
        createActor(repeaterMachine, {
          input: { id: repeater.id, env: deviceEnv },
          clock,
          id: repeater.id,
          systemId: repeater.id,
        }),
      );
    }
    const lockEnv = {
      clock,
      trace,
      epochUtcMs: this.epochUtcMs,
      defects: this.defects,
      uploadAudit: (lockId: string) => this.uploadAudit(lockId),
    };
    for (const lock of this.spec.locks) {
      const audit = new AuditBuffer(settings.auditBufferMax ?? auditBufferMaxDefault);
      this.audits.set(lock.id, audit);
      const input = {
        id: lock.id,
        kind: lock.kind,
        doorId: lock.door,
        notClosedAfterMs: this.defects.has('not-closed-at-30s')
          ? notClosedAtDefectMs
          : (settings.notClosedAfterMs ?? notClosedAfterMsDefault),
        battery: lock.kind === 'wall-reader' ? ('fresh' as const) : lock.battery,
        data: this.cloud.sync.initialData(lock.id),
        audit,
        env: lockEnv,
      };
      this.locks.set(lock.id, createActor(lockMachine, { input, clock, id: lock.id, systemId: lock.id }));
    }
    const doorEnv = {
      clock,
      trace,
      isLockUnlocked: (lockId: string) => this.lockView(lockId).bolt !== 'locked',
      sensorChanged: (lockId: string, open: boolean, byInsideHandle: boolean) =>
        this.lockActor(lockId).send(open ? { type: 'DOOR_OPENED', byInsideHandle } : { type: 'DOOR_CLOSED' }),
    };
    for (const door of this.spec.doors) {
      const lockId = this.lockOfDoor.get(door.id);
      if (lockId === undefined) continue; // a door without a lock is only a wall opening
      this.doors.set(
        door.id,
        createActor(doorMachine, {
          input: { id: door.id, lockId, env: doorEnv },
          clock,
          id: door.id,
          systemId: door.id,
        }),
      );
    }
    const phoneEnv = { clock, trace, tap: (phoneId: string, lockId: string) => this.tap(phoneId, lockId) };
    for (const phone of this.spec.phones) {
      this.phones.set(
        phone.id,
        createActor(phoneMachine, {
          input: { id: phone.id, userId: phone.user, internet: phone.internet, env: phoneEnv },
          clock,
          id: phone.id,
          systemId: phone.id,
        }),
      );
    }
    // Start in a defined order: IQs first so their heartbeat timers are queued before anything else.
    for (const actors of [this.iqs, this.repeaters, this.locks, this.doors, this.phones] as const) {
      for (const actor of (actors as Map<string, Actor<never>>).values()) actor.start();
    }
  }
}

function required<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new UnknownDeviceError(what, id);
  return value;
}

/** An input named a device the site does not have. */
export class UnknownDeviceError extends Error {
  constructor(
    readonly what: string,
    readonly deviceId: string,
  ) {
    super(`unknown ${what} "${deviceId}"`);
    this.name = 'UnknownDeviceError';
  }
}

export function createTwin(options: TwinOptions): Twin {
  return new Twin(options);
}
