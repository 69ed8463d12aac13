/**
 * What inputs act on: the narrow interface the `Twin` facade implements for them. People and faults act on the
 * devices; admin actions act on the cloud. Nothing here hands out a device actor: every change goes through a
 * named action, so an input is the only way in.
 */
import type { BatteryLevel } from '../defaults.ts';
import type { CloudCore } from '../cloud/cloud-core.ts';
import type { Notifier } from '../cloud/notifications.ts';
import type { TwinTrace } from '../events.ts';
import type { VirtualClock } from '../kernel/clock.ts';
import type { RemoteCommand } from '../remote-commands.ts';
import type { AdminOutcomeLog } from './admin-outcomes.ts';

export type DoorPush = 'PUSH' | 'CLOSE' | 'FORCE';

export interface InterferenceInput {
  readonly x: number;
  readonly y: number;
  readonly radiusM: number;
  readonly lossProbability: number;
  readonly durationMs: number;
}

/** What people and faults do to the devices. */
export interface DeviceActions {
  presentTag(tagId: string, lockId: string, holdMs: number): void;
  tapPhone(phoneId: string, lockId: string): void;
  enterPin(pin: string, lockId: string): void;
  moveDoor(doorId: string, push: DoorPush): void;
  holdHandle(doorId: string, durationMs: number): void;
  setIqInternet(iqId: string, up: boolean): void;
  setPower(deviceId: string, on: boolean): void;
  startInterference(interference: InterferenceInput): void;
  setBattery(lockId: string, level: BatteryLevel): void;
  setLockClock(lockId: string, offsetMs: number): void;
  /** Maintenance: new batteries in a lock. */
  replaceBattery(lockId: string): void;
  setPhoneInternet(phoneId: string, on: boolean): void;
  /** The inside privacy knob of an escutcheon, turned on or back. */
  turnPrivacyKnob(lockId: string, on: boolean): void;
  /** A lock's tamper sensor tripped or restored. */
  setTamper(lockId: string, on: boolean): void;
  /** The exit button wired to a wall reader's controller, pressed from inside. */
  pressExitButton(lockId: string): void;
}

/** What admin actions do to the cloud; commands that travel through an IQ settle later. */
export interface CloudActions {
  readonly core: CloudCore;
  readonly notifier: Notifier;
  /** `otp`: the one-time password an IQ with OTP on asks for. */
  remoteOpen(actorId: string, lockId: string, otp?: string): RemoteCommand;
  setOfficeMode(actorId: string, lockId: string, on: boolean): RemoteCommand;
  changePin(actorId: string, userId: string, pin: string | undefined, expiresAtUtcMs?: number): void;
  /** The cloud draws a new PIN for the user (rotating any old one) and answers its digits. */
  issuePin(actorId: string, userId: string, expiresAtUtcMs?: number): string;
  onCommandSettled(commandId: number, listener: (code: number | null) => void): void;
  /** A lock's firmware to `version`, over its mesh path (cloud/firmware-updates.ts). */
  updateFirmware(actorId: string, lockId: string, version: unknown): unknown;
  /** The eventual-consistency fault: new guests stay half-known this long (0: off). */
  setConsistencyLag(lagMs: number): void;
}

export interface InputTarget {
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly devices: DeviceActions;
  readonly cloud: CloudActions;
  readonly adminOutcomes: AdminOutcomeLog;
}
