/**
 * Access groups: users × locks × schedules (site time zone). Managed from super-user up. A group with no schedule
 * is allowed (it is being set up) and grants nothing. A pod guest may be in a group only if all its locks are
 * locks of the guest's pods (2222). Each schedule keeps the id it is given (the API names schedules by id), unique
 * in its group.
 */
import { requireSettled } from './consistency-lag.ts';
import { siteCountsMax } from '../site/physical-bounds.ts';
import { type CoreContext, commitAccess, found, unique } from './core-context.ts';
import type { AccessGroup, GroupSchedule } from './model.ts';
import {
  invalid,
  requireIdList,
  requireName,
  requireNewId,
  requireRoom,
  requireSchedules,
} from './parameters.ts';
import { requireGuestsConfined } from './pods.ts';
import { actor, requireLevel, superUserLevel } from './rights.ts';

export interface NewAccessGroup {
  readonly id: string;
  readonly name: string;
  readonly userIds?: readonly string[];
  readonly lockIds?: readonly string[];
  readonly schedules?: readonly GroupSchedule[];
}

/** Most schedules one group holds (as many as a site spec's group may). */
export const schedulesPerGroupMax = siteCountsMax.schedules;
/** Longest schedule id. */
const scheduleIdLengthMax = 200;

function withoutId(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || !('id' in item)) return item;
  const { id: _id, ...window } = item as Record<string, unknown>;
  return window;
}

/** Valid schedules, each with the id it was given (a string, unique in the group) or none. */
function requireGroupSchedules(value: unknown, parameterName = 'schedules'): GroupSchedule[] {
  if (!Array.isArray(value)) throw invalid(parameterName, 'must be an array of schedules');
  if (value.length > schedulesPerGroupMax)
    throw invalid(parameterName, `a group holds at most ${schedulesPerGroupMax} schedules`);
  const items = value as readonly unknown[];
  // The window is checked without its id (the schedule check knows no id).
  const schedules = requireSchedules(items.map(withoutId), parameterName);
  const seen = new Set<string>();
  return schedules.map((schedule, index) => {
    const id = (items[index] as { readonly id?: unknown }).id;
    if (id === undefined || id === null) return schedule;
    if (typeof id !== 'string' || id === '' || id.length > scheduleIdLengthMax)
      throw invalid(`${parameterName}[${index}].id`, `1–${scheduleIdLengthMax} characters`);
    if (seen.has(id)) throw invalid(`${parameterName}[${index}].id`, `the id ${id} is used twice`);
    seen.add(id);
    return { id, ...schedule };
  });
}

/** The group after the actor's rights and the group's existence are checked. */
function groupToChange(context: CoreContext, actorId: string, groupId: string): AccessGroup {
  const by = actor(context, actorId);
  requireLevel(context.state.site, by, superUserLevel, 'manage access groups');
  return found(context.state.accessGroups, groupId);
}

function existingUsers(context: CoreContext, value: unknown, parameterName: string): string[] {
  const ids = unique(requireIdList(value, parameterName));
  for (const id of ids) found(context.state.users, id);
  return ids;
}

function existingLocks(context: CoreContext, value: unknown, parameterName: string): string[] {
  const ids = unique(requireIdList(value, parameterName));
  for (const id of ids) found(context.state.locks, id);
  return ids;
}

/** Stores the group's new version, reporting the locks whose access changed (old and new locks alike). */
function save(context: CoreContext, old: AccessGroup | undefined, group: AccessGroup): AccessGroup {
  requireGuestsConfined(context.state, group.userIds, group.lockIds);
  return commitAccess(context, [...(old?.lockIds ?? []), ...group.lockIds], () => {
    context.state.accessGroups.set(group.id, group);
    return group;
  });
}

export function createAccessGroup(context: CoreContext, actorId: string, input: NewAccessGroup): AccessGroup {
  const by = actor(context, actorId);
  requireLevel(context.state.site, by, superUserLevel, 'manage access groups');
  requireRoom(context.state.accessGroups.size, siteCountsMax.accessGroups, 'access groups');
  const group: AccessGroup = {
    id: requireNewId(context, input.id, 'id'),
    name: requireName(input.name),
    userIds: existingUsers(context, input.userIds ?? [], 'userIds'),
    lockIds: existingLocks(context, input.lockIds ?? [], 'lockIds'),
    schedules: requireGroupSchedules(input.schedules ?? []),
  };
  return save(context, undefined, group);
}

export function renameAccessGroup(
  context: CoreContext,
  actorId: string,
  groupId: string,
  name: string,
): AccessGroup {
  const old = groupToChange(context, actorId, groupId);
  const group: AccessGroup = { ...old, name: requireName(name) };
  context.state.accessGroups.set(groupId, group);
  return group;
}

export function deleteAccessGroup(context: CoreContext, actorId: string, groupId: string): void {
  const old = groupToChange(context, actorId, groupId);
  commitAccess(context, old.lockIds, () => context.state.accessGroups.delete(groupId));
}

export function addGroupUsers(
  context: CoreContext,
  actorId: string,
  groupId: string,
  userIds: readonly string[],
): AccessGroup {
  const old = groupToChange(context, actorId, groupId);
  const added = existingUsers(context, userIds, 'userIds');
  // A guest the cloud does not know everywhere yet is "not found" here (the eventual-consistency fault).
  for (const userId of added) requireSettled(context, userId, 2202);
  return save(context, old, { ...old, userIds: unique([...old.userIds, ...added]) });
}

export function removeGroupUsers(
  context: CoreContext,
  actorId: string,
  groupId: string,
  userIds: readonly string[],
): AccessGroup {
  const old = groupToChange(context, actorId, groupId);
  const removed = new Set(existingUsers(context, userIds, 'userIds'));
  return save(context, old, { ...old, userIds: old.userIds.filter((id) => !removed.has(id)) });
}

export function addGroupLocks(
  context: CoreContext,
  actorId: string,
  groupId: string,
  lockIds: readonly string[],
): AccessGroup {
  const old = groupToChange(context, actorId, groupId);
  const added = existingLocks(context, lockIds, 'lockIds');
  return save(context, old, { ...old, lockIds: unique([...old.lockIds, ...added]) });
}

export function removeGroupLocks(
  context: CoreContext,
  actorId: string,
  groupId: string,
  lockIds: readonly string[],
): AccessGroup {
  const old = groupToChange(context, actorId, groupId);
  const removed = new Set(existingLocks(context, lockIds, 'lockIds'));
  return save(context, old, { ...old, lockIds: old.lockIds.filter((id) => !removed.has(id)) });
}

/** Replaces the group's schedules; an empty list leaves the group granting nothing. */
export function setGroupSchedules(
  context: CoreContext,
  actorId: string,
  groupId: string,
  schedules: readonly GroupSchedule[],
): AccessGroup {
  const old = groupToChange(context, actorId, groupId);
  return save(context, old, { ...old, schedules: requireGroupSchedules(schedules) });
}
