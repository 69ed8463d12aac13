/**
 * The one mapping from the twin's and the cloud's names (enums, categories, error codes) to the words people read
 * on the page. Anything not listed falls back to the name with `_`/`-` as spaces, so a new category still reads;
 * `test/e2e/viz-controls-units.test.ts` holds every member of the protocol's enums to a word of its own.
 */
import type { AlertState, EntryRow, LockState } from './protocol.ts';

type Method = NonNullable<EntryRow['method']>;

/** How a credential reached the lock (`access_by`). */
export const methodWords: Readonly<Record<Method, string>> = {
  tag: 'tag',
  digital_key: 'phone',
  pin_code: 'PIN',
  remote: 'remote opening',
  inside_handle: 'inside handle',
};

/** What an entry says happened (`event_category`). */
export const categoryWords: Readonly<Record<string, string>> = {
  lock_opened: 'opened',
  lock_rejected: 'refused',
  access_denied: 'refused',
  manual_office_mode: 'office mode',
  easy_office_mode: 'Easy Office Mode',
  not_closed: 'NOT CLOSED',
  not_closed_cleared: 'closed again',
  intrusion: 'intrusion',
  battery_low: 'battery low',
  battery_fresh: 'battery replaced',
  privacy_mode: 'privacy mode',
  tamper: 'TAMPER',
  tamper_cleared: 'tamper sensor restored',
  audit_overflow: 'audit trail overflowed (entries lost)',
};

/** An active alert's kind, as the banner shouts it. */
export const alertWords: Readonly<Record<AlertState['kind'], string>> = {
  not_closed: 'NOT CLOSED',
  intrusion: 'INTRUSION',
  low_battery: 'LOW BATTERY',
  tamper: 'TAMPER',
};

export const boltWords: Readonly<Record<LockState['bolt'], string>> = {
  locked: 'locked',
  unlocked: 'unlocked',
  officeMode: 'office mode',
};

export const officeModeWords: Readonly<Record<NonNullable<LockState['officeMode']>, string>> = {
  manual: 'manual',
  easy: 'Easy Office Mode',
};

export const batteryWords: Readonly<Record<string, string>> = {
  fresh: 'battery OK',
  low: 'battery low',
  'very-low': 'battery very low',
};

export const roleWords: Readonly<Record<string, string>> = {
  owner: 'owner',
  admin: 'admin',
  'super-user': 'super user',
  user: 'user',
  installer: 'installer',
};

export const lockKindWords: Readonly<Record<string, string>> = {
  'bluenet-escutcheon': 'BLUEnet escutcheon',
  'bluenet-cylinder': 'BLUEnet cylinder',
  escutcheon: 'escutcheon',
  pin: 'PIN keypad',
  'wall-reader': 'wall reader',
  'wall-reader-pin': 'wall reader with keypad',
};

/**
 * Refusals in plain words, by the error table's code or the protocol's own kind; the server's message is kept
 * after them (it names the field or the limit).
 */
export const refusalWords: Readonly<Record<string, string>> = {
  '1100': 'the request was not valid',
  '1101': 'a value was not valid',
  '1500': 'not logged in',
  '2202': 'no such person',
  '2203': 'not allowed for this user',
  '2210': 'the site is not released yet',
  '2212': 'the subscription does not cover this',
  '3102': 'the lock did not answer (out of reach of its IQ)',
  '3103': 'the lock refused the command',
  '3104': 'not found',
  '3105': 'the IQ is offline (no internet)',
  'bad-json': 'the page sent something the server could not read',
  'bad-message': 'the server did not accept this',
  'unknown-device': 'the site has no such device',
  'session-full': 'the session holds as many actions as it can',
  'session-ended': 'the live session has ended',
  busy: 'the server is busy, try again',
  'rate-limited': 'too many actions at once, slow down',
  'too-long': 'that would take too long',
  'twin-error': 'the twin failed',
  disconnected: 'not connected to the twin',
  timeout: 'no answer from the server',
  input: 'fill in the form first',
};

/** `lock_opened` → `lock opened`; `very-low` → `very low`: the fallback for a name no table knows. */
export function plainWords(name: string): string {
  return name.replace(/[_-]+/g, ' ');
}

function lookup(table: Readonly<Record<string, string>>, name: string): string {
  return Object.hasOwn(table, name) ? (table[name] as string) : plainWords(name);
}

export function methodWord(method: string): string {
  return lookup(methodWords, method);
}

export function categoryWord(category: string): string {
  return lookup(categoryWords, category);
}

export function alertWord(kind: string): string {
  return lookup(alertWords, kind).toUpperCase();
}

export function batteryWord(level: string): string {
  return lookup(batteryWords, level);
}

export function roleWord(role: string): string {
  return lookup(roleWords, role);
}

export function lockKindWord(kind: string): string {
  return lookup(lockKindWords, kind);
}

export function boltWord(lock: Pick<LockState, 'bolt' | 'officeMode'>): string {
  const bolt = boltWords[lock.bolt];
  return lock.officeMode === undefined ? bolt : `${bolt} (${officeModeWords[lock.officeMode]})`;
}

/** An entry's detail with the method names in it as words (`opened by pin_code` → `opened by PIN`). */
export function detailWords(detail: string): string {
  return detail.replace(/\b(digital_key|pin_code|inside_handle)\b/g, (method) => methodWord(method));
}

/** A refusal as a person reads it: `refused: the IQ is offline (no internet) — Iq is offline… [3105]`. */
export function refusalWord(refusal: { readonly code: string | number; readonly message: string }): string {
  const code = String(refusal.code);
  const words = Object.hasOwn(refusalWords, code) ? refusalWords[code] : undefined;
  const detail = refusal.message.trim();
  if (words === undefined) return `refused: ${detail === '' ? code : detail} [${code}]`;
  return `refused: ${words}${detail === '' ? '' : ` — ${detail}`} [${code}]`;
}
