/**
 * Entries as the Connect API shows them (`GET /v1.1/sites/{site_id}/entries`): the fields and values a live site
 * answers, made from the twin's entries log. What the twin decides where the service leaves it open:
 *
 * - `event_detail` of a refusal (`lock_rejected`), from the firmware's reason: a PIN the lock does not know is
 *   `no_access` with the sentinel `user_id` below; an unknown tag or phone key is `null` with no user (as observed
 *   on a live site); a known user refused by a setting (`use_pin: false`) or by privacy mode, a lock without a
 *   keypad or with a battery too low is `null` with the user; a suspended user is `suspended`; every other refusal
 *   of a known credential (no group, outside its schedules, blocked tag or user, key not valid yet or any more) is
 *   `no_access`. Office modes and privacy mode (`privacy_mode`) are `start` / `end`; every other entry (among them
 *   `tamper` and `tamper_cleared`) has `null`. `offline` is never produced (a lock the IQ cannot reach makes no
 *   entry).
 * - `user_id` is the platform user id (as in group membership), also of a user deleted since; names are then null.
 * - `utc_date_time` / `local_date_time` are the lock's own time, to the whole second (`…T07:00:00Z` / `…T08:00:00`).
 * - `access_detail` (the service's tag number) is always `""`: the entries log does not keep which tag was shown
 *   (and a PIN is never shown); MAC addresses are derived from the public ids; `iq_revision` is `2.0`; `ttl_in_seconds` is the 90 days the log keeps an entry.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CloudState, Entry } from '../../../twin/index.ts';
import type { ConnectIds } from '../connect-ids.ts';

/** The `user_id` of an entry made by a PIN the lock does not know: the nil UUID, which names no user. */
export const unknownPinUserId = '00000000-0000-0000-0000-000000000000';

export const eventDetails = ['no_access', 'suspended', 'offline', 'start', 'end'] as const;
export const accessMethods = ['tag', 'pin_code', 'digital_key', 'inside_handle', 'remote'] as const;

/** How long the log keeps an entry (`entriesRetentionMs`), as the service writes it. */
export const entryTtlSeconds = 90 * 24 * 60 * 60;
const entryTtlMs = entryTtlSeconds * 1000;
const iqRevision = '2.0';

export const entrySchema = z.object({
  id: z.string().describe('the entry’s UUID'),
  event_category: z
    .string()
    .describe('lock_opened, lock_rejected, easy_office_mode, manual_office_mode, intrusion, not_closed, …'),
  event_detail: z
    .enum(eventDetails)
    .nullable()
    .describe(
      'refusals: no_access, suspended (or null: refused by a setting such as use_pin false); office modes: start, end',
    ),
  utc_date_time: z.string().describe('when the lock recorded it (its own clock), UTC, whole seconds'),
  local_date_time: z.string().describe('the same instant in the site’s wall-clock time, without offset'),
  lock_id: z.string(),
  lock_mac_address: z.string(),
  lock_customer_reference: z.string().nullable(),
  user_id: z
    .string()
    .nullable()
    .describe(`the platform user id; ${unknownPinUserId} for a PIN the lock does not know`),
  user_first_name: z.string().nullable(),
  user_last_name: z.string().nullable(),
  user_image_url: z.string().nullable(),
  user_alias: z.string().nullable(),
  iq_id: z.string().nullable(),
  iq_customer_reference: z.string().nullable(),
  iq_mac_address: z.string().nullable(),
  iq_revision: z.string().nullable(),
  exit_requested: z.boolean().describe('opened from inside (the handle)'),
  access_by: z.enum(accessMethods).nullable(),
  access_detail: z.string().describe('always empty in the twin (the service shows the tag number)'),
  ttl_in_seconds: z.number().int(),
  expiration_date_time: z.string().describe('when the log lets the entry go (90 days after it arrived)'),
});

export type EntryItem = z.infer<typeof entrySchema>;

type EventDetail = (typeof eventDetails)[number];

/** Refusals of a known user or credential that are not `no_access` (the firmware's reasons). */
const refusalDetails: Readonly<Record<string, EventDetail | null>> = {
  'user suspended': 'suspended',
  // A lock cut off from its IQ, the credential not on its offline list (twin/cloud/offline-access.ts).
  'lock offline': 'offline',
  'pin not enabled for this user': null,
  'no keypad on this lock': null,
  'battery very low': null,
  // A known user at a door whose inside knob is turned: refused by the lock's state, not for lack of access.
  'privacy mode': null,
};
const unknownCredential = 'credential not on this lock';

function eventDetailOf(entry: Entry): EventDetail | null {
  switch (entry.category) {
    case 'lock_rejected':
      if (entry.detail === unknownCredential) return entry.method === 'pin_code' ? 'no_access' : null;
      return Object.hasOwn(refusalDetails, entry.detail)
        ? (refusalDetails[entry.detail] as EventDetail | null)
        : 'no_access';
    case 'easy_office_mode':
    case 'manual_office_mode':
      return entry.detail.startsWith('office mode on') ? 'start' : 'end';
    case 'privacy_mode':
      return entry.detail.startsWith('privacy mode on') ? 'start' : 'end';
    default:
      return null;
  }
}

/** What a view reads besides the entry: the state (names), the ids, the site's epoch and the IQs' names. */
export interface EntryViewContext {
  readonly ids: ConnectIds;
  readonly state: CloudState;
  /** `entryIdPrefix(seed)`. */
  readonly idPrefix: string;
  readonly epochUtcMs: number;
  readonly iqNames: ReadonlyMap<string, string | undefined>;
}

/** The first 20 hex digits of every entry id of a twin (hashed from its seed), as `xxxxxxxx-xxxx-4xxx-axxx-`. */
export function entryIdPrefix(seed: number): string {
  const hex = createHash('sha256').update(`lockstep-entry|${seed}`, 'utf8').digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-`;
}

/**
 * A UUID for the entry at an absolute position of the log: the twin's prefix and the position in the last 12 hex
 * digits, so the same entry always has the same id, no two entries share one, and making it costs no hash (a
 * sorted or filtered page makes the view of every entry kept).
 */
function entryId(prefix: string, position: number): string {
  return `${prefix}${position.toString(16).padStart(12, '0')}`;
}

/** A MAC-like address from a public id: `bytes` hex bytes, joined by `separator`, upper case. */
function macOf(publicId: string, bytes: number, separator: string): string {
  const hex = publicId.replaceAll('-', '').toUpperCase();
  const parts: string[] = [];
  for (let index = 0; index < bytes; index++) parts.push(hex.slice(index * 2, index * 2 + 2));
  return parts.join(separator);
}

/** `2026-03-02T07:00:00.000Z` → `2026-03-02T07:00:00Z`; `2026-03-02T08:00:00.000` → `2026-03-02T08:00:00`. */
function wholeSeconds(isoText: string): string {
  return isoText.replace(/\.\d+(?=Z?$)/, '');
}

/**
 * The value the view of `entry` has at `path`, for the fields a sort can read without making the whole view
 * (undefined for the others): the entries log is sorted by time far more often than by anything else.
 */
export function entrySortValue(entry: Entry, path: readonly string[]): string | undefined {
  if (path.length !== 1) return undefined;
  switch (path[0]) {
    case 'utc_date_time':
      return wholeSeconds(entry.utcDateTime);
    case 'local_date_time':
      return wholeSeconds(entry.localDateTime);
    case 'event_category':
      return entry.category;
    default:
      return undefined;
  }
}

export function entryView(context: EntryViewContext, entry: Entry, position: number): EntryItem {
  const { ids, state } = context;
  const detail = eventDetailOf(entry);
  const user = entry.userId === undefined ? undefined : state.users.get(entry.userId);
  const lock = state.locks.get(entry.lockId);
  const lockId = ids.publicId('lock', entry.lockId);
  const iqId = lock === undefined ? undefined : ids.publicId('iq', lock.iqId);
  let userId: string | null = null;
  if (entry.userId !== undefined) userId = ids.publicId('user', entry.userId);
  else if (detail === 'no_access' && entry.method === 'pin_code') userId = unknownPinUserId;
  return {
    id: entryId(context.idPrefix, position),
    event_category: entry.category,
    event_detail: detail,
    utc_date_time: wholeSeconds(entry.utcDateTime),
    local_date_time: wholeSeconds(entry.localDateTime),
    lock_id: lockId,
    lock_mac_address: macOf(lockId, 7, ''),
    lock_customer_reference: lock?.name ?? null,
    user_id: userId,
    user_first_name: user?.firstName ?? null,
    user_last_name: user?.lastName ?? null,
    user_image_url: null,
    user_alias: user?.name ?? null,
    iq_id: iqId ?? null,
    iq_customer_reference: lock === undefined ? null : (context.iqNames.get(lock.iqId) ?? null),
    iq_mac_address: iqId === undefined ? null : macOf(iqId, 3, '.'),
    iq_revision: iqId === undefined ? null : iqRevision,
    exit_requested: entry.method === 'inside_handle',
    access_by: entry.method ?? null,
    access_detail: '',
    ttl_in_seconds: entryTtlSeconds,
    expiration_date_time: new Date(context.epochUtcMs + entry.receivedMs + entryTtlMs).toISOString(),
  };
}
