/**
 * Pods: a named group of site users (a tenant: its members) with their guests and the locks the pod may use.
 * Managed from admin up, with the 'pods' feature. The rules are the error table's 2213–2222:
 * - 2213 a pod's name is unique in the site (ignoring case and surrounding blanks);
 * - 2214 a pod's locks are locks of the site;
 * - 2215 at least one member has an email (checked on create, on removing members, and on removing an email);
 * - 2216 a user is in a pod once (as a member or a guest, not twice, not both);
 * - 2217 a user is a member of at most one pod;
 * - 2218 one tag is not handed to two pod members (`assignPodMemberTag`);
 * - 2219 the guest limit is not set below the current number of guests;
 * - 2220 a pod member's site user is not deleted nor given another role (users.ts);
 * - 2221 guests are not added past the guest limit;
 * - 2222 a pod guest may be given (through access groups) only the locks of their pods: adding such a guest,
 *   giving them a group with other locks, or taking from the pod a lock a guest's group uses, is refused.
 *
 * A pod grants no access by itself: access comes only from access groups (the access compiler reads nothing else).
 */
import { podNameKey } from '../site/references.ts';
import { type CoreContext, commitAccess, found, locksOfUser, unique } from './core-context.ts';
import { tagForAssignment } from './credentials.ts';
import { CloudError } from './error-table.ts';
import type { CloudState, CloudTag, Pod } from './model.ts';
import { requireCount, requireIdList, requireName, requireNewId, requireRoom } from './parameters.ts';
import { siteCountsMax } from '../site/physical-bounds.ts';
import { actor, adminLevel, requireFeature, requireLevel } from './rights.ts';

export interface NewPod {
  readonly id: string;
  readonly name: string;
  readonly memberIds: readonly string[];
  readonly guestIds?: readonly string[];
  readonly lockIds?: readonly string[];
  readonly guestLimit: number;
}

function podActor(context: CoreContext, actorId: string): void {
  const by = actor(context, actorId);
  requireFeature(context.state, 'pods');
  requireLevel(context.state.site, by, adminLevel, 'manage pods');
}

function podToChange(context: CoreContext, actorId: string, podId: string): Pod {
  podActor(context, actorId);
  return found(context.state.pods, podId);
}

export function createPod(context: CoreContext, actorId: string, input: NewPod): Pod {
  podActor(context, actorId);
  const { state } = context;
  requireRoom(state.pods.size, siteCountsMax.pods, 'pods');
  const id = requireNewId(context, input.id, 'id');
  const name = uniquePodName(state, input.name, id);
  const guestLimit = requireCount(input.guestLimit, 'guestLimit');
  const lockIds = siteLocks(state, input.lockIds ?? []);
  const memberIds = newMembers(state, { id, memberIds: [], guestIds: [] }, input.memberIds);
  requireAMemberWithEmail(state, id, memberIds);
  const pod: Pod = { id, name, memberIds, guestIds: [], lockIds, guestLimit };
  const withGuests: Pod = { ...pod, guestIds: newGuests(state, pod, input.guestIds ?? []) };
  state.pods.set(id, withGuests);
  return withGuests;
}

export function renamePod(context: CoreContext, actorId: string, podId: string, name: string): Pod {
  const old = podToChange(context, actorId, podId);
  const pod: Pod = { ...old, name: uniquePodName(context.state, name, podId) };
  context.state.pods.set(podId, pod);
  return pod;
}

/** Removes the pod; its guests keep their access groups (they are no longer confined to the pod's locks). */
export function deletePod(context: CoreContext, actorId: string, podId: string): void {
  podToChange(context, actorId, podId);
  context.state.pods.delete(podId);
}

export function addPodMembers(
  context: CoreContext,
  actorId: string,
  podId: string,
  userIds: readonly string[],
): Pod {
  const old = podToChange(context, actorId, podId);
  const added = newMembers(context.state, old, userIds);
  const pod: Pod = { ...old, memberIds: [...old.memberIds, ...added] };
  context.state.pods.set(podId, pod);
  return pod;
}

export function removePodMembers(
  context: CoreContext,
  actorId: string,
  podId: string,
  userIds: readonly string[],
): Pod {
  const old = podToChange(context, actorId, podId);
  const removed = new Set(existingUsers(context.state, userIds, 'userIds'));
  const memberIds = old.memberIds.filter((id) => !removed.has(id));
  requireAMemberWithEmail(context.state, podId, memberIds);
  const pod: Pod = { ...old, memberIds };
  context.state.pods.set(podId, pod);
  return pod;
}

export function addPodGuests(
  context: CoreContext,
  actorId: string,
  podId: string,
  userIds: readonly string[],
): Pod {
  const old = podToChange(context, actorId, podId);
  const pod: Pod = { ...old, guestIds: [...old.guestIds, ...newGuests(context.state, old, userIds)] };
  context.state.pods.set(podId, pod);
  return pod;
}

export function removePodGuests(
  context: CoreContext,
  actorId: string,
  podId: string,
  userIds: readonly string[],
): Pod {
  const old = podToChange(context, actorId, podId);
  const removed = new Set(existingUsers(context.state, userIds, 'userIds'));
  const pod: Pod = { ...old, guestIds: old.guestIds.filter((id) => !removed.has(id)) };
  context.state.pods.set(podId, pod);
  return pod;
}

/** The locks the pod may use; a lock a guest's access group still uses cannot be taken away (2222). */
export function setPodLocks(
  context: CoreContext,
  actorId: string,
  podId: string,
  lockIds: readonly string[],
): Pod {
  const old = podToChange(context, actorId, podId);
  const { state } = context;
  const pod: Pod = { ...old, lockIds: siteLocks(state, lockIds) };
  const podsAfter = new Map(state.pods).set(podId, pod);
  for (const guestId of pod.guestIds) requireGuestConfined(podsAfter, guestId, locksOfUser(state, guestId));
  state.pods.set(podId, pod);
  return pod;
}

export function setGuestLimit(context: CoreContext, actorId: string, podId: string, guestLimit: number): Pod {
  const old = podToChange(context, actorId, podId);
  const limit = requireCount(guestLimit, 'guestLimit');
  if (limit < old.guestIds.length) {
    throw new CloudError(
      2219,
      `pod ${podId} has ${old.guestIds.length} guests; the limit cannot be ${limit}`,
    );
  }
  const pod: Pod = { ...old, guestLimit: limit };
  context.state.pods.set(podId, pod);
  return pod;
}

/**
 * Hands a tag to a pod member. A tag that already belongs to another pod member is refused (2218), as is any tag
 * `assignTag` would refuse (blocked, or someone else's: 2203).
 */
export function assignPodMemberTag(
  context: CoreContext,
  actorId: string,
  podId: string,
  memberId: string,
  tagId: string,
): CloudTag {
  const pod = podToChange(context, actorId, podId);
  const { state } = context;
  found(state.users, memberId);
  if (!pod.memberIds.includes(memberId))
    throw new CloudError(2203, `${memberId} is not a member of pod ${podId}`);
  const holder = state.tags.get(tagId)?.userId;
  if (holder !== undefined && holder !== memberId && podOfMember(state, holder) !== undefined) {
    throw new CloudError(2218, `tag ${tagId} belongs to pod member ${holder}`);
  }
  const tag = tagForAssignment(context, tagId, memberId, 'tagId');
  return commitAccess(context, locksOfUser(state, memberId), () => {
    state.tags.set(tag.id, tag);
    return tag;
  });
}

/**
 * Every pod guest among `userIds` may use `lockIds` only if they are locks of the guest's pods (2222). Used by
 * the access groups before they give users locks.
 */
export function requireGuestsConfined(
  state: CloudState,
  userIds: readonly string[],
  lockIds: readonly string[],
): void {
  for (const userId of userIds) requireGuestConfined(state.pods, userId, lockIds);
}

function requireGuestConfined(
  pods: ReadonlyMap<string, Pod>,
  userId: string,
  lockIds: Iterable<string>,
): void {
  const guestOf = [...pods.values()].filter((pod) => pod.guestIds.includes(userId));
  if (guestOf.length === 0) return;
  const allowed = new Set(guestOf.flatMap((pod) => pod.lockIds));
  for (const lockId of lockIds) {
    if (!allowed.has(lockId)) {
      const podIds = guestOf.map((pod) => pod.id).join(', ');
      throw new CloudError(2222, `${userId} is a guest of pod ${podIds}, which does not have lock ${lockId}`);
    }
  }
}

function uniquePodName(state: CloudState, value: unknown, podId: string): string {
  const name = requireName(value);
  const key = podNameKey(name);
  for (const pod of state.pods.values()) {
    if (pod.id !== podId && podNameKey(pod.name) === key) {
      throw new CloudError(2213, `pod ${pod.id} is already called ${pod.name}`);
    }
  }
  return name;
}

function siteLocks(state: CloudState, value: unknown): string[] {
  const ids = unique(requireIdList(value, 'lockIds'));
  const missing = ids.filter((id) => !state.locks.has(id));
  if (missing.length > 0) throw new CloudError(2214, missing.join(', '));
  return ids;
}

function existingUsers(state: CloudState, value: unknown, parameterName: string): string[] {
  const ids = requireIdList(value, parameterName);
  for (const id of ids) found(state.users, id);
  return ids;
}

/** The pod a user is a member of, if any. */
function podOfMember(state: CloudState, userId: string): Pod | undefined {
  for (const pod of state.pods.values()) if (pod.memberIds.includes(userId)) return pod;
  return undefined;
}

/** Users to add to `pod` as members: known (3104), not in this pod yet (2216), in no other pod (2217). */
function newMembers(
  state: CloudState,
  pod: Pick<Pod, 'id' | 'memberIds' | 'guestIds'>,
  value: unknown,
): string[] {
  const ids = existingUsers(state, value, 'memberIds');
  requireNotInPodYet(pod, ids);
  for (const id of ids) {
    const other = podOfMember(state, id);
    if (other !== undefined && other.id !== pod.id)
      throw new CloudError(2217, `${id} is a member of pod ${other.id}`);
  }
  return ids;
}

/** Users to add to `pod` as guests: known, not in it yet, within the limit, confined to the pod's locks. */
function newGuests(state: CloudState, pod: Pod, value: unknown): string[] {
  const ids = existingUsers(state, value, 'guestIds');
  requireNotInPodYet(pod, ids);
  if (pod.guestIds.length + ids.length > pod.guestLimit) {
    throw new CloudError(
      2221,
      `pod ${pod.id} has ${pod.guestIds.length} of ${pod.guestLimit} guests; cannot add ${ids.length}`,
    );
  }
  const podsAfter = new Map(state.pods).set(pod.id, { ...pod, guestIds: [...pod.guestIds, ...ids] });
  for (const id of ids) requireGuestConfined(podsAfter, id, locksOfUser(state, id));
  return ids;
}

function requireNotInPodYet(pod: Pick<Pod, 'id' | 'memberIds' | 'guestIds'>, ids: readonly string[]): void {
  const seen = new Set([...pod.memberIds, ...pod.guestIds]);
  for (const id of ids) {
    if (seen.has(id)) throw new CloudError(2216, `${id} is already in pod ${pod.id}`);
    seen.add(id);
  }
}

function requireAMemberWithEmail(state: CloudState, podId: string, memberIds: readonly string[]): void {
  if (memberIds.some((id) => state.users.get(id)?.email !== undefined)) return;
  throw new CloudError(2215, `no member of pod ${podId} has an email`);
}
