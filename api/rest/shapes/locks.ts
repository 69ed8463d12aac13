/**
 * Locks as the Connect API shows them (ks-connect-contract.md, "Shapes"), the locking request, and the twin's
 * remote command record. Ids are public UUIDs; a lock carries no site id, as on the service.
 *
 * - `lock_type` from the twin's lock kind: BLUEnet escutcheon and the older escutcheon → `escutcheon`, BLUEnet
 *   cylinder → `cylinder`, PIN lock → `escutcheon_pin`, wall reader → `wall_reader`, wall reader with a keypad →
 *   `wall_reader_pin`;
 * - `communication_type` is always `blue_net` and `vendor.reference` always `salto`;
 * - `locked_state` is the bolt as the twin holds it (`locked`, `unlocked`, `office_mode`);
 * - `left_open_alarm` / `intrusion_alarm`: an active NOT CLOSED / intrusion alert on the door's alert board;
 * - `privacy_mode`: the lock's inside knob is turned (escutcheons only; the lock opens for nobody but users with
 *   `override_privacy_mode`), as the lock itself holds it.
 */
import { z } from 'zod';
import type { CloudLock, LockKind, RemoteCommand } from '../../../twin/index.ts';
import type { LiveTwin } from '../../live-twin.ts';
import type { ConnectIds } from '../connect-ids.ts';
import { notFound } from '../errors.ts';

export const lockTypes = [
  'escutcheon',
  'escutcheon_pin',
  'cylinder',
  'wall_reader',
  'wall_reader_pin',
] as const;
export const lockedStates = ['none', 'locked', 'office_mode', 'uncertain', 'unlocked'] as const;
/** The states a locking request may ask for: remote opening, Manual Office Mode on, Manual Office Mode off. */
export const requestedLockStates = ['unlocked', 'office_mode', 'locked'] as const;
export const batteryLevels = ['fresh', 'low', 'very_low'] as const;

const lockTypeOfKind: Readonly<Record<LockKind, (typeof lockTypes)[number]>> = {
  'bluenet-escutcheon': 'escutcheon',
  'bluenet-cylinder': 'cylinder',
  escutcheon: 'escutcheon',
  pin: 'escutcheon_pin',
  'wall-reader': 'wall_reader',
  'wall-reader-pin': 'wall_reader_pin',
};

export const lockSchema = z.object({
  id: z.string(),
  customer_reference: z.string().describe('the lock’s name'),
  lock_type: z.enum(lockTypes),
  communication_type: z.enum(['blue_net']),
  vendor: z.object({ reference: z.string() }),
  locked_state: z.enum(lockedStates),
  online: z.boolean().describe('the lock’s IQ is connected and hears the lock (heartbeats answered)'),
  battery_level: z.enum(batteryLevels),
  left_open_alarm: z.boolean().describe('an active NOT CLOSED alert'),
  intrusion_alarm: z.boolean().describe('an active intrusion alert'),
  privacy_mode: z
    .boolean()
    .describe('the inside knob is turned: only users with override_privacy_mode open it'),
  iq: z.object({ id: z.string(), otp_enabled: z.boolean() }),
});

export const lockingSchema = z.strictObject({
  locked_state: z
    .enum(requestedLockStates)
    .describe('unlocked: remote opening; office_mode: Manual Office Mode on; locked: Manual Office Mode off'),
  otp: z
    .string()
    .max(64)
    .optional()
    .describe('the one-time password; required for unlocked when the lock’s IQ has otp_enabled'),
});

export const commandSchema = z.object({
  command_id: z.number().int(),
  lock_id: z.string(),
  locked_state: z.enum(requestedLockStates),
  user_id: z.string().describe('the platform id of the user who sent it'),
  status: z.enum(['pending', 'succeeded', 'failed']),
  error_code: z.number().int().nullable(),
  error_message: z.string().nullable(),
  issued_utc_date_time: z.string(),
  finished_utc_date_time: z.string().nullable(),
});

export type LockItem = z.infer<typeof lockSchema>;
export type LockingBody = z.infer<typeof lockingSchema>;
export type CommandItem = z.infer<typeof commandSchema>;

const kindIndexes = new WeakMap<LiveTwin, ReadonlyMap<string, LockKind>>();

/** The site spec's lock kinds by id (a spec never changes, so the index is made once per twin). */
function kindOf(live: LiveTwin, lockId: string): LockKind | undefined {
  let index = kindIndexes.get(live);
  if (index === undefined) {
    index = new Map(live.spec.locks.map((lock) => [lock.id, lock.kind]));
    kindIndexes.set(live, index);
  }
  return index.get(lockId);
}

export function lockView(live: LiveTwin, ids: ConnectIds, lock: CloudLock): LockItem {
  const kind = kindOf(live, lock.id);
  // Every cloud lock is a spec lock (the cloud cannot add locks); a lock without a device is not found.
  if (kind === undefined) throw notFound(`lock ${ids.publicId('lock', lock.id)}`);
  const device = live.twin.lockView(lock.id);
  const alerts = live.twin.cloud.alerts.active(lock.id);
  const iq = live.twin.cloud.state.iqs.get(lock.iqId);
  return {
    id: ids.publicId('lock', lock.id),
    customer_reference: lock.name,
    lock_type: lockTypeOfKind[kind],
    communication_type: 'blue_net',
    vendor: { reference: 'salto' },
    locked_state: device.bolt === 'officeMode' ? 'office_mode' : device.bolt,
    online: device.online,
    battery_level: device.battery === 'very-low' ? 'very_low' : device.battery === 'low' ? 'low' : 'fresh',
    left_open_alarm: alerts.some((alert) => alert.kind === 'not_closed'),
    intrusion_alarm: alerts.some((alert) => alert.kind === 'intrusion'),
    privacy_mode: device.privacy,
    iq: { id: ids.publicId('iq', lock.iqId), otp_enabled: iq?.otpEnabled ?? false },
  };
}

const commandStates = {
  open: 'unlocked',
  'office-mode-on': 'office_mode',
  'office-mode-off': 'locked',
} as const;

function utcIso(utcMs: number): string {
  return new Date(utcMs).toISOString();
}

export function commandView(command: RemoteCommand, ids: ConnectIds, epochUtcMs: number): CommandItem {
  return {
    command_id: command.id,
    lock_id: ids.publicId('lock', command.lockId),
    locked_state: commandStates[command.kind],
    user_id: ids.publicId('user', command.userId),
    status: command.status,
    error_code: command.error?.code ?? null,
    error_message: command.error?.message ?? null,
    issued_utc_date_time: utcIso(epochUtcMs + command.issuedMs),
    finished_utc_date_time: command.finishedMs === undefined ? null : utcIso(epochUtcMs + command.finishedMs),
  };
}
