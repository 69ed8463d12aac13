/**
 * What every cloud operation works on: the state, the hooks to the rest of the twin, the repeaters (the cloud
 * state has no table of its own for them), and `commitAccess`, which runs a mutation and reports exactly the locks
 * whose access data it changed.
 *
 * "Exactly" is measured, not guessed: each operation names the locks it may touch (a cheap superset), and
 * `commitAccess` compiles those locks' access data before and after with the one `AccessCompiler`, and reports
 * only the locks whose data differs. So a group whose schedule is set to what it already was, or a PIN cleared on
 * a user who had none, makes no new version on any lock.
 */
import type { GrantTables, LockAccessData } from '../access/lock-access-data.ts';
import { AccessCompiler } from './access-compiler.ts';
import { CloudError } from './error-table.ts';
import type { CloudState, Schedule } from './model.ts';
import type { OutboxMessage } from './notifications.ts';
import type { CloudRepeater } from './state-from-spec.ts';

export interface CloudHooks {
  /** The access data of these locks changed (sorted, each once, never empty): make and send new versions. */
  accessChanged(lockIds: readonly string[]): void;
  /** The current instant (UTC ms): the run's start instant plus virtual time. */
  nowUtcMs(): number;
  /**
   * These locks are now served by another IQ (`assignLockToIq`, `replaceIq`): their data must be sent again
   * through the new one. Their access data itself did not change, so `accessChanged` is not called for them.
   */
  topologyChanged?(lockIds: readonly string[]): void;
  /** A message the cloud itself sends (an IQ PIN by email) into the outbox; dropped when left out. */
  mail?(message: OutboxMessage): void;
  /**
   * The digital keys of these phones were issued, re-issued or taken away (sorted, each once, never empty): the
   * cloud tells each phone's app over the phone's own internet (twin/phone-key-sync.ts).
   */
  digitalKeysChanged?(phoneIds: readonly string[]): void;
}

export interface CoreContext {
  readonly state: CloudState;
  readonly hooks: CloudHooks;
  readonly repeaters: Map<string, CloudRepeater>;
}

/**
 * Runs `mutate` (which must not throw: every check comes before it) and reports, among `candidateLockIds`, the
 * locks whose compiled access data differs afterwards.
 */
export function commitAccess<T>(
  context: CoreContext,
  candidateLockIds: Iterable<string>,
  mutate: () => T,
): T {
  const candidates = [...new Set(candidateLockIds)].filter((id) => context.state.locks.has(id)).sort();
  const before = fingerprints(context.state, candidates);
  const result = mutate();
  const after = fingerprints(context.state, candidates);
  const changed = candidates.filter((id) => !sameFingerprint(before.get(id), after.get(id)));
  if (changed.length > 0) context.hooks.accessChanged(changed);
  return result;
}

/** A lock's own settings, and its (possibly shared) grant table, each rendered canonically. */
interface Fingerprint {
  readonly lockText: string;
  readonly grantsText: string;
}

function sameFingerprint(a: Fingerprint | undefined, b: Fingerprint | undefined): boolean {
  return a?.lockText === b?.lockText && a?.grantsText === b?.grantsText;
}

function fingerprints(state: CloudState, lockIds: readonly string[]): Map<string, Fingerprint> {
  // A fresh compiler per snapshot: its tables are only valid for the state they were compiled from. Locks granted
  // by the same groups share one table object, so each table is rendered once (a site whose every lock says "all"
  // would otherwise render thousands of users once per lock).
  const compiler = new AccessCompiler(state);
  const tableTexts = new Map<GrantTables, string>();
  return new Map(
    lockIds.map((id) => {
      const data = compiler.compile(id, 0);
      let grantsText = tableTexts.get(data.grants);
      if (grantsText === undefined) {
        grantsText = grantsFingerprint(data.grants);
        tableTexts.set(data.grants, grantsText);
      }
      return [id, { lockText: lockFingerprint(data), grantsText }];
    }),
  );
}

function lockFingerprint(data: LockAccessData): string {
  return JSON.stringify([data.timeZone, data.openTimeMs, data.eomSchedules.map(scheduleKey)]);
}

function grantsFingerprint(grants: GrantTables): string {
  const credentials = [...grants.credentials]
    .sort(([a], [b]) => compareText(a, b))
    .map(([id, grant]) => [
      id,
      grant.userId,
      grant.kind,
      grant.blocked,
      grant.validFromUtcMs ?? null,
      grant.validUntilUtcMs ?? null,
    ]);
  const users = [...grants.users]
    .sort(([a], [b]) => compareText(a, b))
    .map(([id, grant]) => [
      id,
      scheduleSet(grant.schedules),
      grant.manualOfficeMode,
      grant.easyOfficeMode,
      grant.standing,
      grant.usePin,
    ]);
  // The offline list too: giving or taking offline access changes what a cut-off lock opens for.
  return JSON.stringify([credentials, users, [...grants.offline].sort(compareText)]);
}

/** A union of schedules as a set: sorted, each once. */
function scheduleSet(schedules: readonly Schedule[]): string[] {
  return [...new Set(schedules.map(scheduleKey))].sort(compareText);
}

function scheduleKey(schedule: Schedule): string {
  return JSON.stringify([
    [...schedule.weekdays].sort(),
    schedule.start,
    schedule.end,
    schedule.fromDate ?? null,
    schedule.untilDate ?? null,
  ]);
}

/** Code-unit order, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A record by id, or 3104 with the id as detail. */
export function found<T>(map: ReadonlyMap<string, T>, id: string): T {
  // Ids come from JSON arguments too: anything but a string is an invalid parameter, not an unknown entity.
  if (typeof id !== 'string') throw new CloudError(1101, 'an id is a string', 'id');
  const value = map.get(id);
  if (value === undefined) throw new CloudError(3104, id);
  return value;
}

/** The locks of the access groups a user is in: a superset of the locks that hold the user's credentials. */
export function locksOfUser(state: CloudState, userId: string): Set<string> {
  const locks = new Set<string>();
  for (const group of state.accessGroups.values()) {
    if (group.userIds.includes(userId)) for (const lockId of group.lockIds) locks.add(lockId);
  }
  return locks;
}

/** Whether any entity of the site already uses `id` (ids share one namespace, as in the site spec). */
export function idInUse(context: CoreContext, id: string): boolean {
  const { state } = context;
  return (
    state.users.has(id) ||
    state.tags.has(id) ||
    state.phones.has(id) ||
    state.accessGroups.has(id) ||
    state.locks.has(id) ||
    state.iqs.has(id) ||
    state.pods.has(id) ||
    context.repeaters.has(id) ||
    [...state.locks.values()].some((lock) => lock.doorId === id)
  );
}

/** `ids` without repeats, in first-seen order. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
