/**
 * What one lock's data should say, by the reference model: the credentials of the users an access group gives
 * this lock (with their blocks and key windows), each such user's schedules and office-mode permissions, and the
 * lock's own settings. The fingerprint is what makes two versions the same: sets are compared as sets.
 */
import { offlineListOf } from './offline-model.ts';
import type { Schedule, SiteModel } from './site-model.ts';

export interface CredentialRule {
  readonly user: string;
  readonly blocked: boolean;
  readonly fromUtcMs?: number;
  readonly untilUtcMs?: number;
}

export interface LockRules {
  readonly timeZone: string;
  /** By credential id: the tag id, `key:<phone>`, `pin:<digits>`. */
  readonly credentials: ReadonlyMap<string, CredentialRule>;
  /** Schedules per user on this lock: the union over the groups giving it (empty: a group without schedules). */
  readonly schedules: ReadonlyMap<string, readonly Schedule[]>;
  /** Per user: the MOM and EOM permissions, and the override of privacy mode. */
  readonly permissions: ReadonlyMap<
    string,
    { readonly mom: boolean; readonly eom: boolean; readonly override: boolean }
  >;
  /** Users the lock knows but must refuse whatever they show (blocked outranks suspended). */
  readonly refusedUsers: ReadonlyMap<string, 'blocked' | 'suspended'>;
  readonly eomSchedules: readonly Schedule[];
  readonly openTimeMs: number;
  /** What still opens while the lock is cut off from its IQ (offline-model.ts). */
  readonly offline: ReadonlySet<string>;
  readonly fingerprint: string;
}

export function lockRulesOf(model: SiteModel, lockId: string): LockRules {
  const schedules = grantedSchedules(model, lockId);
  const credentials = new Map<string, CredentialRule>();
  for (const [tagId, tag] of model.tags)
    if (tag.user !== undefined && schedules.has(tag.user))
      credentials.set(tagId, { user: tag.user, blocked: tag.blocked });
  for (const [phoneId, key] of model.keys)
    if (schedules.has(key.user)) credentials.set(`key:${phoneId}`, { ...key, blocked: false });
  const permissions = new Map<string, { mom: boolean; eom: boolean; override: boolean }>();
  const refusedUsers = new Map<string, 'blocked' | 'suspended'>();
  for (const [userId, user] of model.users) {
    if (!schedules.has(userId)) continue;
    if (user.pin !== undefined)
      credentials.set(`pin:${user.pin}`, {
        user: userId,
        blocked: false,
        ...(user.pinUntilUtcMs === undefined ? {} : { untilUtcMs: user.pinUntilUtcMs }),
      });
    permissions.set(userId, {
      mom: user.manualOfficeMode,
      eom: user.easyOfficeMode,
      override: user.overridePrivacy === true,
    });
    if (user.blocked === true) refusedUsers.set(userId, 'blocked');
    else if (user.suspended === true) refusedUsers.set(userId, 'suspended');
  }
  const lock = model.locks.get(lockId);
  const offlineCandidates = [...credentials.keys()].filter((id) => {
    if (id.startsWith('pin:')) return true;
    if (id.startsWith('key:')) return model.keys.get(id.slice('key:'.length))?.offline !== false;
    const tag = model.tags.get(id);
    return tag !== undefined && !tag.blocked && tag.offline !== false;
  });
  const rules = {
    timeZone: model.timeZone,
    credentials,
    schedules,
    permissions,
    refusedUsers,
    eomSchedules: lock?.eomSchedules ?? [],
    openTimeMs: lock?.openTimeMs ?? 0,
    offline: offlineListOf(offlineCandidates, model.offlineBound),
  };
  return { ...rules, fingerprint: fingerprintOf(rules) };
}

function grantedSchedules(model: SiteModel, lockId: string): Map<string, Schedule[]> {
  const schedules = new Map<string, Schedule[]>();
  for (const group of model.groups.values()) {
    // A group with no schedule still puts its users' credentials on the lock (refused: no group grants it).
    if (!group.locks.has(lockId)) continue;
    for (const userId of group.users)
      schedules.set(userId, [...(schedules.get(userId) ?? []), ...group.schedules]);
  }
  return schedules;
}

const byKey = <T>(entries: Iterable<[string, T]>): [string, T][] =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function scheduleText(schedule: Schedule): string {
  const { weekdays, start, end, fromDate, untilDate } = schedule;
  return JSON.stringify([[...weekdays].sort(), start, end, fromDate ?? null, untilDate ?? null]);
}

function scheduleSetText(schedules: readonly Schedule[]): string[] {
  return [...new Set(schedules.map(scheduleText))].sort();
}

function fingerprintOf(rules: Omit<LockRules, 'fingerprint'>): string {
  return JSON.stringify([
    rules.timeZone,
    rules.openTimeMs,
    scheduleSetText(rules.eomSchedules),
    byKey(rules.credentials).map(([id, c]) => [
      id,
      c.user,
      c.blocked,
      c.fromUtcMs ?? null,
      c.untilUtcMs ?? null,
    ]),
    byKey(rules.schedules).map(([id, list]) => [id, scheduleSetText(list)]),
    byKey(rules.permissions).map(([id, p]) => [id, p.mom, p.eom, p.override]),
    byKey(rules.refusedUsers),
    [...rules.offline].sort(),
  ]);
}
