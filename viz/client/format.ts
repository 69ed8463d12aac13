/**
 * How values read on the page: virtual time, the site's time (Intl, in the site's zone), UTC, lock states, RSSI
 * colours. Pure functions.
 */
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

/** Formatters by time zone and kind (Intl builds are slow; a page uses one or two zones). */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formattersMax = 16;

/** Zones already judged (building a formatter to test one costs as much as formatting a whole list). */
const zonesKnown = new Map<string, string>();

/** The zone itself when Intl knows it, else `UTC` (a spec's zone is checked by the twin, not by the browser). */
export function knownZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone === '') return 'UTC';
  const known = zonesKnown.get(timeZone);
  if (known !== undefined) return known;
  let judged = 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    judged = timeZone;
  } catch {
    // Not a zone this browser knows: the page tells time in UTC and says so.
  }
  if (zonesKnown.size >= formattersMax) zonesKnown.clear();
  zonesKnown.set(timeZone, judged);
  return judged;
}

function formatter(timeZone: string, kind: 'time' | 'date'): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(
      'en-GB',
      kind === 'time'
        ? { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
        : { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
    );
    if (formatters.size >= formattersMax) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

/** A UTC instant as the site's time of day: `09:14:03` (zone `UTC` when unknown). */
export function siteTime(utcMs: number, timeZone: string): string {
  if (!Number.isFinite(utcMs)) return '';
  return formatter(knownZone(timeZone), 'time').format(utcMs);
}

/** A UTC instant as the site's time of day with its zone: `09:14:03 Europe/Berlin`. */
export function siteTimeWithZone(utcMs: number, timeZone: string): string {
  if (!Number.isFinite(utcMs)) return '';
  return `${siteTime(utcMs, timeZone)} ${knownZone(timeZone)}`;
}

/** A UTC instant as the site's date: `Mon, 2 Mar 2026`. */
export function siteDate(utcMs: number, timeZone: string): string {
  if (!Number.isFinite(utcMs)) return '';
  return formatter(knownZone(timeZone), 'date').format(utcMs);
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
