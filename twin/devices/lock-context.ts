/**
 * A lock's context, input and events, and what its firmware reads of them: its own clock and its decision for a
 * credential (firmware-decision.ts). Shared by the lock machine and the lock's audit records.
 */
import type { AccessMethod } from '../access/audit-event.ts';
import type { LockAccessData } from '../access/lock-access-data.ts';
import type { BatteryLevel } from '../defaults.ts';
import type { Defects } from '../defects.ts';
import type { LockKind } from '../site/spec.ts';
import type { AuditBuffer } from './audit-buffer.ts';
import type { DeviceEnvironment } from './device-environment.ts';
import { decide, type Decision } from './firmware-decision.ts';
import type { FirmwareBlock, FirmwareProgress } from './firmware-image.ts';

export interface LockEnvironment extends DeviceEnvironment {
  /** Sends the lock's unacknowledged audit events towards its IQ (when a path may exist). */
  readonly uploadAudit: (lockId: string) => void;
  /** UTC instant of virtual time 0. */
  readonly epochUtcMs: number;
  readonly defects: Defects;
  /** Whether the lock has lost its IQ now (registry.ts `lockCutOff`); never when left out. */
  readonly cutOff?: (lockId: string) => boolean;
}

/** What a wall reader knows of its controller (gate-controller.ts). */
export interface ControllerInput {
  readonly relayOpenTimeMs: number;
  readonly exitButton: boolean;
}

export interface LockInput {
  readonly id: string;
  readonly kind: LockKind;
  readonly doorId: string;
  readonly notClosedAfterMs: number;
  /** How long one run of the motor takes (lock-motor.ts). */
  readonly motorMs: number;
  readonly battery: BatteryLevel;
  readonly data: LockAccessData;
  readonly audit: AuditBuffer;
  readonly env: LockEnvironment;
  /** A wall reader's controller (gate-controller.ts); none on other locks. */
  readonly controller?: ControllerInput;
}

export interface LockContext extends LockInput {
  /** How far the lock's own clock is off (positive: ahead). */
  readonly clockOffsetMs: number;
  /** When the current Easy Office Mode window ends, as a delay from entering it. */
  readonly eomEndsInMs: number;
  /** The inside knob is turned: privacy mode (privacy.ts). */
  readonly privacy: boolean;
  /** The tamper sensor is tripped (tamper.ts). */
  readonly tampered: boolean;
  /** The firmware version the lock runs, and an update it is receiving (firmware-update.ts). */
  readonly firmware: string;
  readonly firmwareUpdate: FirmwareProgress | undefined;
}

export type LockEvent =
  | {
      readonly type: 'CREDENTIAL';
      readonly credentialId: string;
      readonly method: AccessMethod;
      readonly handleHeld: boolean;
    }
  | { readonly type: 'TAG_HELD'; readonly credentialId: string }
  | { readonly type: 'REMOTE_OPEN'; readonly userId: string }
  | { readonly type: 'REMOTE_OFFICE_MODE'; readonly on: boolean; readonly userId: string }
  | { readonly type: 'DOOR_OPENED'; readonly byInsideHandle: boolean }
  | { readonly type: 'DOOR_CLOSED' }
  | { readonly type: 'SET_BATTERY'; readonly level: BatteryLevel }
  | { readonly type: 'SET_CLOCK_OFFSET'; readonly offsetMs: number }
  | { readonly type: 'ACCESS_DATA'; readonly data: LockAccessData }
  | { readonly type: 'AUDIT_ACK'; readonly seq: number; readonly overflowLastSeq: number | undefined }
  | { readonly type: 'HEARTBEAT' }
  /** Maintenance: new batteries (maintenance.ts). */
  | { readonly type: 'REPLACE_BATTERY' }
  /** The IQ's time arrived with a heartbeat and differs from the lock's clock (clock-correction.ts). */
  | { readonly type: 'IQ_TIME' }
  /** The inside privacy knob turned on or back (privacy.ts). */
  | { readonly type: 'PRIVACY_KNOB'; readonly on: boolean }
  /** The tamper sensor tripped or restored (tamper.ts). */
  | { readonly type: 'TAMPER'; readonly on: boolean }
  /** The exit button on a wall reader's controller pressed (gate-controller.ts). */
  | { readonly type: 'EXIT_BUTTON' }
  /** A block of a firmware update landed, or none did for the stall bound (firmware-update.ts). */
  | ({ readonly type: 'FIRMWARE_BLOCK' } & FirmwareBlock)
  | { readonly type: 'FIRMWARE_ABANDON'; readonly version: string };

/** The lock's own clock, in virtual milliseconds (what it stamps its audit events with). */
export function lockClockMs(context: LockContext): number {
  return context.env.clock.now() + context.clockOffsetMs;
}

export function lockUtcMs(context: LockContext): number {
  return context.env.epochUtcMs + lockClockMs(context);
}

/** The firmware's decision for a credential event (tags, keys, PINs). */
export function decisionFor(context: LockContext, event: LockEvent): Decision | undefined {
  if (event.type !== 'CREDENTIAL' && event.type !== 'TAG_HELD') return undefined;
  const method: AccessMethod = event.type === 'CREDENTIAL' ? event.method : 'tag';
  return decide(
    { credentialId: event.credentialId, method },
    {
      kind: context.kind,
      battery: context.battery,
      lockUtcMs: lockUtcMs(context),
      data: context.data,
      defects: context.env.defects,
      privacy: context.privacy,
      cutOff: context.env.cutOff?.(context.id) === true,
    },
  );
}
