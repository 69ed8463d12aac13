/**
 * Compiles the cloud's state into one lock's access data: which credentials it accepts (and which it must refuse
 * as blocked), each user's schedules on that lock (the union over the access groups that give it), office-mode
 * permissions, and the lock's settings. Locks granted by the same set of groups share one table, so a change
 * touching many locks compiles each distinct table once.
 */
import type { CredentialGrant, GrantTables, LockAccessData, UserGrant } from '../access/lock-access-data.ts';
import { credentialIds } from '../access/lock-access-data.ts';
import type { UserStanding } from '../access/lock-access-data.ts';
import type { AccessGroup, CloudState, CloudUser, Schedule } from './model.ts';
import { offlineAccessMaxBluenet, offlineListOf } from './offline-list.ts';

/** Blocked before suspended: a blocked user stays refused whatever their seat. */
function standingOf(user: CloudUser | undefined): UserStanding {
  if (user?.blocked === true) return 'blocked';
  if (user?.subscriptionState === 'suspended') return 'suspended';
  return 'active';
}

export class AccessCompiler {
  /** Tables by the ids of the groups that grant a lock; valid until the state changes (`invalidate`). */
  private tables = new Map<string, GrantTables>();

  constructor(private readonly state: CloudState) {}

  /** Forget every compiled table: the state has changed. */
  invalidate(): void {
    this.tables = new Map();
  }

  compile(lockId: string, version: number): LockAccessData {
    const lock = this.state.locks.get(lockId);
    if (lock === undefined) throw new RangeError(`no lock ${lockId} in the cloud`);
    const groups = [...this.state.accessGroups.values()].filter((group) => group.lockIds.includes(lockId));
    const key = groups.map((group) => group.id).join('\u0000');
    let grants = this.tables.get(key);
    if (grants === undefined) {
      grants = this.compileTables(groups);
      this.tables.set(key, grants);
    }
    return {
      version,
      timeZone: this.state.site.timeZone,
      grants,
      openTimeMs: lock.settings.openTimeMs,
      eomSchedules: lock.settings.eomSchedules,
    };
  }

  private compileTables(groups: readonly AccessGroup[]): GrantTables {
    const schedulesByUser = new Map<string, Schedule[]>();
    for (const group of groups) {
      for (const userId of group.userIds) {
        const schedules = schedulesByUser.get(userId) ?? [];
        schedules.push(...group.schedules);
        schedulesByUser.set(userId, schedules);
      }
    }
    const users = new Map<string, UserGrant>();
    for (const [userId, schedules] of schedulesByUser) {
      const user = this.state.users.get(userId);
      users.set(userId, {
        schedules,
        manualOfficeMode: user?.permissions.manualOfficeMode ?? false,
        easyOfficeMode: user?.permissions.easyOfficeMode ?? false,
        standing: standingOf(user),
        usePin: user?.usePin ?? true,
        overridePrivacy: user?.permissions.overridePrivacy ?? false,
      });
    }
    const offlineCandidates: string[] = [];
    const credentials = this.compileCredentials(users, offlineCandidates);
    const offline = offlineListOf(offlineCandidates, this.state.offlineAccessMax ?? offlineAccessMaxBluenet);
    return { credentials, users, offline };
  }

  /** Every credential of a granted user; blocked tags stay in, marked, so the lock refuses them by name. */
  /** Also collects the credentials with offline access (not blocked; every PIN) into `offlineCandidates`. */
  private compileCredentials(
    users: ReadonlyMap<string, UserGrant>,
    offlineCandidates: string[],
  ): Map<string, CredentialGrant> {
    const credentials = new Map<string, CredentialGrant>();
    const open = { validFromUtcMs: undefined, validUntilUtcMs: undefined };
    for (const tag of this.state.tags.values()) {
      if (tag.userId === undefined || !users.has(tag.userId)) continue;
      if (!tag.blocked && tag.offlineAccess !== false) offlineCandidates.push(credentialIds.tag(tag.id));
      credentials.set(credentialIds.tag(tag.id), {
        userId: tag.userId,
        kind: 'tag',
        blocked: tag.blocked,
        ...open,
      });
    }
    for (const key of this.state.digitalKeys.values()) {
      if (!users.has(key.userId)) continue;
      if (key.offlineAccess !== false) offlineCandidates.push(credentialIds.digitalKey(key.phoneId));
      credentials.set(credentialIds.digitalKey(key.phoneId), {
        userId: key.userId,
        kind: 'digital_key',
        blocked: false,
        validFromUtcMs: key.validFromUtcMs,
        validUntilUtcMs: key.validUntilUtcMs,
      });
    }
    for (const user of this.state.users.values()) {
      if (user.pin === undefined || !users.has(user.id)) continue;
      offlineCandidates.push(credentialIds.pin(user.pin));
      credentials.set(credentialIds.pin(user.pin), {
        userId: user.id,
        kind: 'pin',
        blocked: false,
        validFromUtcMs: undefined,
        validUntilUtcMs: user.pinExpiresAtUtcMs,
      });
    }
    return credentials;
  }
}
