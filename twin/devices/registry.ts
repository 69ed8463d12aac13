/**
 * The site's device actors, by id, and the views of them that the rest of the twin and its callers read. The
 * actors stay inside the twin: callers get plain views (`lockView`, `iqView`, `repeaterView`, `doorView`) and
 * change notifications, never an actor or a snapshot.
 */
import type { Actor } from 'xstate';
import type { Topology } from '../radio/topology.ts';
import type { AuditBuffer } from './audit-buffer.ts';
import type { doorMachine } from './door.machine.ts';
import { iqSyncState, type iqMachine, type IqSyncState } from './iq.machine.ts';
import type { lockMachine } from './lock.machine.ts';
import type { FirmwareProgress } from './firmware-image.ts';
import { handleGives, type MotorState } from './lock-motor.ts';
import type { phoneMachine } from './phone.machine.ts';
import type { repeaterMachine } from './repeater.machine.ts';

export type LockActor = Actor<typeof lockMachine>;
export type DoorActor = Actor<typeof doorMachine>;
export type IqActor = Actor<typeof iqMachine>;
export type RepeaterActor = Actor<typeof repeaterMachine>;
export type PhoneActor = Actor<typeof phoneMachine>;

/** A lock as the twin sees it, for narration, tests and the live views. */
export interface LockView {
  readonly id: string;
  readonly bolt: 'locked' | 'unlocked' | 'officeMode';
  /** Which office mode, when in one. */
  readonly officeMode: 'manual' | 'easy' | undefined;
  readonly door: 'closed' | 'open' | 'notClosed';
  /** The inside knob is turned (privacy mode): only users with the override open it. */
  readonly privacy: boolean;
  readonly battery: string;
  /**
   * As the cloud reads it: the lock's IQ reaches the cloud and hears the lock (heartbeats answered). An IQ without
   * power or internet reports nothing, so its locks read offline with it.
   */
  readonly online: boolean;
  readonly accessVersion: number;
  readonly auditBuffered: number;
  readonly parent: string | undefined;
  /** The lock has lost its IQ (the IQ off, or no longer hearing it): only its offline list opens. */
  readonly cutOff: boolean;
  /** Credentials on the offline list of the data the lock holds (bounded: twin/cloud/offline-access.ts). */
  readonly offlineList: number;
  /** The firmware version the lock runs, and an update it is receiving (devices/firmware-update.ts). */
  readonly firmware: string;
  readonly firmwareUpdate: FirmwareProgress | undefined;
}

export interface IqView {
  readonly id: string;
  readonly powered: boolean;
  /** Powered, with its internet link up. */
  readonly connected: boolean;
  readonly sync: IqSyncState;
}

export interface RepeaterView {
  readonly id: string;
  readonly powered: boolean;
  readonly parent: string | undefined;
}

export interface DoorView {
  readonly id: string;
  readonly lockId: string;
  readonly open: boolean;
  readonly handleHeld: boolean;
}

type BoltValue = 'locked' | 'unlocked' | { readonly officeMode: 'manual' | 'easy' };

export class DeviceRegistry {
  readonly locks = new Map<string, LockActor>();
  readonly audits = new Map<string, AuditBuffer>();
  readonly doors = new Map<string, DoorActor>();
  readonly iqs = new Map<string, IqActor>();
  readonly repeaters = new Map<string, RepeaterActor>();
  readonly phones = new Map<string, PhoneActor>();
  private readonly iqOfLock = new Map<string, string>();
  private readonly doorOfLock = new Map<string, string>();

  constructor(
    private readonly topology: Topology,
    locks: readonly { readonly id: string; readonly iq: string; readonly door: string }[],
    /** The defect `iq-off-locks-online`: the cloud shows what a dead IQ last heard instead of offline. */
    private readonly staleOnlineShown = false,
  ) {
    for (const lock of locks) {
      this.iqOfLock.set(lock.id, lock.iq);
      this.doorOfLock.set(lock.id, lock.door);
    }
  }

  lock(lockId: string): LockActor {
    return required(this.locks.get(lockId), 'lock', lockId);
  }
  door(doorId: string): DoorActor {
    return required(this.doors.get(doorId), 'door', doorId);
  }
  iq(iqId: string): IqActor {
    return required(this.iqs.get(iqId), 'IQ', iqId);
  }
  phone(phoneId: string): PhoneActor {
    return required(this.phones.get(phoneId), 'phone', phoneId);
  }
  iqOf(lockId: string): string {
    return required(this.iqOfLock.get(lockId), 'lock', lockId);
  }
  doorOf(lockId: string): string {
    return required(this.doorOfLock.get(lockId), 'lock', lockId);
  }

  /** Starts every actor in a defined order: IQs first, so their heartbeat timers are queued before anything else. */
  start(): void {
    for (const actors of [this.iqs, this.repeaters, this.locks, this.doors, this.phones] as const) {
      for (const actor of (actors as Map<string, Actor<never>>).values()) actor.start();
    }
  }

  /**
   * Whether a device can send, receive and relay (IQs and repeaters when powered), resolved to its actor once,
   * for routes that ask it on every hop; undefined for a device whose radio is always up (locks, doors, phones).
   */
  radioUpCheck(deviceId: string): (() => boolean) | undefined {
    const actor = this.iqs.get(deviceId) ?? this.repeaters.get(deviceId);
    if (actor === undefined) return undefined;
    return () => actor.getSnapshot().value === 'on';
  }

  /** The IQ is powered and its internet link is up. */
  iqConnected(iqId: string): boolean {
    const snapshot = this.iq(iqId).getSnapshot();
    return snapshot.value === 'on' && snapshot.context.cloudConnected;
  }

  /** The IQ's own view of the lock: heartbeats answered (an IQ without power keeps its last view). */
  lockHeardByIq(lockId: string): boolean {
    return this.iq(this.iqOf(lockId)).getSnapshot().context.liveness.get(lockId)?.online ?? false;
  }

  /** The lock as the cloud reads it: its IQ connected and hearing it. */
  lockOnline(lockId: string): boolean {
    const heard = this.lockHeardByIq(lockId);
    return heard && (this.staleOnlineShown || this.iqConnected(this.iqOf(lockId)));
  }

  /** The version of the access data the lock holds now. */
  lockDataVersion(lockId: string): number {
    return this.lock(lockId).getSnapshot().context.data.version;
  }

  /** The lock's outside handle moves the latch: its motor has coupled it (lock-motor.ts). */
  lockHandleGives(lockId: string): boolean {
    const motor = (this.lock(lockId).getSnapshot().value as { motor: MotorState }).motor;
    return handleGives(motor);
  }

  handleHeld(lockId: string): boolean {
    return this.doors.get(this.doorOf(lockId))?.getSnapshot().context.handleHeld ?? false;
  }

  lockView(lockId: string): LockView {
    const snapshot = this.lock(lockId).getSnapshot();
    const value = snapshot.value as { bolt: BoltValue; door: LockView['door'] };
    return {
      id: lockId,
      bolt: typeof value.bolt === 'string' ? value.bolt : 'officeMode',
      officeMode: typeof value.bolt === 'string' ? undefined : value.bolt.officeMode,
      door: value.door,
      privacy: snapshot.context.privacy,
      battery: snapshot.context.battery,
      online: this.lockOnline(lockId),
      accessVersion: snapshot.context.data.version,
      auditBuffered: this.audits.get(lockId)?.size ?? 0,
      parent: this.topology.parentOf.get(lockId),
      cutOff: this.lockCutOff(lockId),
      offlineList: snapshot.context.data.grants.offline.size,
      firmware: snapshot.context.firmware,
      firmwareUpdate: snapshot.context.firmwareUpdate,
    };
  }

  /**
   * Whether the lock has lost its IQ: the IQ is off, or its heartbeats no longer reach the lock (after the missed
   * heartbeats that make the IQ declare it offline; the lock misses the same heartbeats). An IQ without internet
   * still answers its locks, so they are not cut off.
   */
  lockCutOff(lockId: string): boolean {
    return this.iq(this.iqOf(lockId)).getSnapshot().value !== 'on' || !this.lockHeardByIq(lockId);
  }

  iqView(iqId: string): IqView {
    const snapshot = this.iq(iqId).getSnapshot();
    return {
      id: iqId,
      powered: snapshot.value === 'on',
      connected: snapshot.value === 'on' && snapshot.context.cloudConnected,
      sync: iqSyncState(snapshot.context),
    };
  }

  repeaterView(repeaterId: string): RepeaterView {
    const actor = required(this.repeaters.get(repeaterId), 'repeater', repeaterId);
    return {
      id: repeaterId,
      powered: actor.getSnapshot().value === 'on',
      parent: this.topology.parentOf.get(repeaterId),
    };
  }

  doorView(doorId: string): DoorView {
    const snapshot = this.door(doorId).getSnapshot();
    return {
      id: doorId,
      lockId: snapshot.context.lockId,
      open: snapshot.value !== 'closed',
      handleHeld: snapshot.context.handleHeld,
    };
  }

  /** Calls `listener` whenever the device's state changes; returns the way to stop. */
  onChange(deviceId: string, listener: () => void): () => void {
    const actor =
      this.locks.get(deviceId) ??
      this.iqs.get(deviceId) ??
      this.repeaters.get(deviceId) ??
      this.doors.get(deviceId) ??
      this.phones.get(deviceId);
    const subscription = required(actor as Actor<never> | undefined, 'device', deviceId).subscribe(listener);
    return () => subscription.unsubscribe();
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
