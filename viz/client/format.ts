/** How values read on the page: virtual time, UTC, lock states, RSSI colours. Pure functions. */
import type { LockState } from './protocol.ts';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Virtual time since the start of the run: `T+1d 02:03:04` (days only when there are any). */
export function formatVirtual(virtualMs: number): string {
  const totalSeconds = Math.floor(Math.max(0, virtualMs) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `T+${days > 0 ? `${days}d ` : ''}${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/** A UTC instant as `2026-01-05 08:00:00 UTC`. */
export function formatUtc(utcMs: number): string {
  if (!Number.isFinite(utcMs)) return '';
  return `${new Date(utcMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The time of day of an entry's local date-time (`2026-01-05T09:00:03+01:00` → `09:00:03`). */
export function timeOfDay(localDateTime: string, fallbackMs: number): string {
  const match = /T(\d{2}:\d{2}:\d{2})/.exec(localDateTime);
  return match?.[1] ?? formatVirtual(fallbackMs);
}

export function boltLabel(bolt: LockState['bolt']): string {
  return bolt === 'officeMode' ? 'office mode' : bolt;
}

export function doorLabel(door: LockState['door']): string {
  return door === 'notClosed' ? 'NOT CLOSED' : door === 'open' ? 'door open' : 'door closed';
}

/** RSSI at or above this is drawn fully green. */
export const rssiStrongDbm = -55;
/** RSSI at or below this is drawn fully red. */
export const rssiWeakDbm = -95;

/** Green (strong) through yellow to red (weak); grey when unknown. */
export function rssiColour(rssiDbm: number): string {
  if (!Number.isFinite(rssiDbm)) return 'hsl(0 0% 60%)';
  const strength = Math.min(1, Math.max(0, (rssiDbm - rssiWeakDbm) / (rssiStrongDbm - rssiWeakDbm)));
  return `hsl(${Math.round(strength * 120)} 75% 40%)`;
}

/** `lock_opened` → `lock opened`. */
export function humanize(text: string): string {
  return text.replace(/_/g, ' ');
}
