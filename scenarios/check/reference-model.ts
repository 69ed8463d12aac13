/**
 * The reference model: a small, plain statement of what the service should allow, written apart from the lock
 * firmware and the access compiler. For every version of every lock's data it keeps the rules the cloud held when
 * that version was made, read straight from the cloud's state; it judges schedules with luxon's calendar fields,
 * not with the firmware's schedule code. The invariants ask it whether an opening was allowed.
 */
import { DateTime } from 'luxon';
import type { CloudState, Schedule, Twin } from '../../twin/index.ts';

interface Rules {
  readonly timeZone: string;
  readonly tags: ReadonlyMap<string, { readonly user: string | undefined; readonly blocked: boolean }>;
  readonly keys: ReadonlyMap<
    string,
    { readonly user: string; readonly fromUtcMs: number | undefined; readonly untilUtcMs: number | undefined }
  >;
  readonly pins: ReadonlyMap<string, string>;
  /** Schedules per user on this lock: the union over groups giving it. */
  readonly schedules: ReadonlyMap<string, readonly Schedule[]>;
  readonly permissions: ReadonlyMap<string, { readonly mom: boolean; readonly eom: boolean }>;
  readonly eomSchedules: readonly Schedule[];
  readonly openTimeMs: number;
}

/** Versions remembered per lock (generated runs make a few dozen changes at most). */
const versionsPerLockMax = 1_000;

function rulesOf(state: CloudState, lockId: string): Rules {
  const schedules = new Map<string, Schedule[]>();
  for (const group of state.accessGroups.values()) {
    if (!group.lockIds.includes(lockId)) continue;
    for (const userId of group.userIds)
      schedules.set(userId, [...(schedules.get(userId) ?? []), ...group.schedules]);
  }
  const lock = state.locks.get(lockId);
  return {
    timeZone: state.site.timeZone,
    tags: new Map(
      [...state.tags.values()].map((tag) => [tag.id, { user: tag.userId, blocked: tag.blocked }]),
    ),
    keys: new Map(
      [...state.digitalKeys.values()].map((key) => [
        key.phoneId,
        { user: key.userId, fromUtcMs: key.validFromUtcMs, untilUtcMs: key.validUntilUtcMs },
      ]),
    ),
    pins: new Map(
      [...state.users.values()].flatMap((user) =>
        user.pin === undefined ? [] : [[user.pin, user.id] as const],
      ),
    ),
    schedules,
    permissions: new Map(
      [...state.users.values()].map((user) => [
        user.id,
        { mom: user.permissions.manualOfficeMode, eom: user.permissions.easyOfficeMode },
      ]),
    ),
    eomSchedules: lock?.settings.eomSchedules ?? [],
    openTimeMs: lock?.settings.openTimeMs ?? 5_000,
  };
}

/** Whether `utcMs` falls in one of the schedules, in local wall time (independent of twin/cloud/schedule.ts). */
export function inSchedules(schedules: readonly Schedule[], utcMs: number, timeZone: string): boolean {
  const local = DateTime.fromMillis(utcMs, { zone: timeZone });
  const minute = local.hour * 60 + local.minute + local.second / 60;
  const date = local.toISODate() ?? '';
  return schedules.some((schedule) => {
    const [startHour, startMinute] = schedule.start.split(':').map(Number) as [number, number];
    const [endHour, endMinute] = schedule.end.split(':').map(Number) as [number, number];
    return (
      schedule.weekdays.includes(local.weekday as 1) &&
      (schedule.fromDate === undefined || date >= schedule.fromDate) &&
      (schedule.untilDate === undefined || date <= schedule.untilDate) &&
      minute >= startHour * 60 + startMinute &&
      minute < endHour * 60 + endMinute
    );
  });
}

export class ReferenceModel {
  private readonly versions = new Map<string, Map<number, Rules>>();

  constructor(private readonly twin: Twin) {
    for (const lockId of twin.lockIds())
      this.versions.set(lockId, new Map([[1, rulesOf(twin.cloud.state, lockId)]]));
  }

  /** Call after anything that may have changed the cloud: remembers the rules of every new version. */
  noteCloudChanges(): void {
    for (const [lockId, versions] of this.versions) {
      const cloudVersion = this.twin.staleness(lockId).cloudVersion;
      if (versions.has(cloudVersion) || versions.size >= versionsPerLockMax) continue;
      versions.set(cloudVersion, rulesOf(this.twin.cloud.state, lockId));
    }
  }

  rules(lockId: string, version: number): Rules | undefined {
    return this.versions.get(lockId)?.get(version);
  }

  /** Who a credential belongs to under these rules, and why it must be refused (undefined: allowed). */
  refusal(rules: Rules, credentialId: string, lockUtcMs: number): string | undefined {
    const user = this.ownerOf(rules, credentialId, lockUtcMs);
    if (typeof user !== 'string' || user.startsWith('!'))
      return typeof user === 'string' ? user.slice(1) : 'unknown credential';
    const schedules = rules.schedules.get(user) ?? [];
    if (!inSchedules(schedules, lockUtcMs, rules.timeZone))
      return `${user} is outside every schedule on this lock`;
    return undefined;
  }

  /** The owner, or a reason prefixed with '!'. */
  ownerOf(rules: Rules, credentialId: string, lockUtcMs: number): string | undefined {
    if (credentialId.startsWith('key:')) {
      const key = rules.keys.get(credentialId.slice(4));
      if (key === undefined) return '!no such key';
      if (key.fromUtcMs !== undefined && lockUtcMs < key.fromUtcMs) return '!key not yet valid';
      if (key.untilUtcMs !== undefined && lockUtcMs >= key.untilUtcMs) return '!key expired';
      return key.user;
    }
    if (credentialId.startsWith('pin:')) return rules.pins.get(credentialId.slice(4)) ?? '!no such PIN';
    const tag = rules.tags.get(credentialId);
    if (tag === undefined || tag.user === undefined) return '!no such tag';
    if (tag.blocked) return '!tag blocked';
    return tag.user;
  }
}
