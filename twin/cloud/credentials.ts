/**
 * Credentials: tags (assigned to a user, blocked when lost, replaced by a new one) and phones with their digital
 * keys. A user may manage their own credentials; from super-user up, anyone's of the same or a lower rank.
 *
 * A tag the cloud has not seen before is created when it is first assigned (its id is read from the fob). A
 * blocked tag keeps its user, so the locks that know the user keep refusing it by name; it cannot be handed out
 * again. A digital key needs a registered and verified phone and the 'digital-keys' feature; each phone holds at
 * most one key (issuing again replaces its window).
 */
import { type CoreContext, commitAccess, found, locksOfUser } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { CloudPhone, CloudTag, CloudUser, DigitalKey } from './model.ts';
import { invalid, requireNewId, requireOptionalInstant } from './parameters.ts';
import { actor, requireFeature, requireLevel, requireManage, superUserLevel } from './rights.ts';

export interface TagReplacement {
  /** The old tag, now blocked (still assigned to its user). */
  readonly blocked: CloudTag;
  /** The new tag, assigned to the same user. */
  readonly assigned: CloudTag;
}

/** The user whose credential this is, after checking the actor may manage them. */
function managedOwner(
  context: CoreContext,
  by: CloudUser,
  userId: string | undefined,
): CloudUser | undefined {
  const { state } = context;
  if (userId === undefined) {
    requireLevel(state.site, by, superUserLevel, "manage other users' credentials");
    return undefined;
  }
  const owner = found(state.users, userId);
  requireManage(state.site, by, owner);
  return owner;
}

/**
 * The tag to give `userId`: the existing record if it is free (or already theirs), a new one if the site has never
 * seen the id. A blocked tag (2203) or one that belongs to someone else (2203) is refused.
 */
export function tagForAssignment(
  context: CoreContext,
  tagId: string,
  userId: string,
  parameterName: string,
): CloudTag {
  const existing = context.state.tags.get(tagId);
  if (existing === undefined) {
    return { id: requireNewId(context, tagId, parameterName), userId, blocked: false };
  }
  if (existing.blocked) throw new CloudError(2203, `tag ${tagId} is blocked and cannot be handed out again`);
  if (existing.userId !== undefined && existing.userId !== userId) {
    throw new CloudError(2203, `tag ${tagId} belongs to ${existing.userId}`);
  }
  return { ...existing, userId };
}

export function assignTag(context: CoreContext, actorId: string, tagId: string, userId: string): CloudTag {
  const by = actor(context, actorId);
  managedOwner(context, by, userId);
  const tag = tagForAssignment(context, tagId, userId, 'tagId');
  return commitAccess(context, locksOfUser(context.state, userId), () => {
    context.state.tags.set(tag.id, tag);
    return tag;
  });
}

/** Takes a tag back from its user (it stays in the site, free to hand out unless blocked). */
export function unassignTag(context: CoreContext, actorId: string, tagId: string): CloudTag {
  const by = actor(context, actorId);
  const { state } = context;
  const old = found(state.tags, tagId);
  managedOwner(context, by, old.userId);
  if (old.userId === undefined) return old;
  const tag: CloudTag = { ...old, userId: undefined };
  return commitAccess(context, locksOfUser(state, old.userId), () => {
    state.tags.set(tagId, tag);
    return tag;
  });
}

export function blockTag(context: CoreContext, actorId: string, tagId: string): CloudTag {
  return setBlocked(context, actorId, tagId, true);
}

export function unblockTag(context: CoreContext, actorId: string, tagId: string): CloudTag {
  return setBlocked(context, actorId, tagId, false);
}

function setBlocked(context: CoreContext, actorId: string, tagId: string, blocked: boolean): CloudTag {
  const by = actor(context, actorId);
  const { state } = context;
  const old = found(state.tags, tagId);
  managedOwner(context, by, old.userId);
  if (old.blocked === blocked) return old;
  const tag: CloudTag = { ...old, blocked };
  const locks = old.userId === undefined ? [] : locksOfUser(state, old.userId);
  return commitAccess(context, locks, () => {
    state.tags.set(tagId, tag);
    return tag;
  });
}

/** A lost tag: blocks it and hands `newTagId` to the same user, in one change. */
export function replaceTag(
  context: CoreContext,
  actorId: string,
  oldTagId: string,
  newTagId: string,
): TagReplacement {
  const by = actor(context, actorId);
  const { state } = context;
  const old = found(state.tags, oldTagId);
  if (old.userId === undefined) throw new CloudError(2203, `tag ${oldTagId} is not assigned to anyone`);
  const userId = old.userId;
  managedOwner(context, by, userId);
  if (newTagId === oldTagId) throw invalid('newTagId', 'the new tag must be another tag');
  const assigned = tagForAssignment(context, newTagId, userId, 'newTagId');
  const blocked: CloudTag = { ...old, blocked: true };
  return commitAccess(context, locksOfUser(state, userId), () => {
    state.tags.set(oldTagId, blocked);
    state.tags.set(newTagId, assigned);
    return { blocked, assigned };
  });
}

/** A phone signs in to the app as `userId`; it still has to be verified before it can hold a key. */
export function registerPhone(
  context: CoreContext,
  actorId: string,
  phoneId: string,
  userId: string,
): CloudPhone {
  const by = actor(context, actorId);
  const { state } = context;
  managedOwner(context, by, userId);
  const existing = state.phones.get(phoneId);
  if (existing !== undefined && existing.userId !== userId) {
    throw new CloudError(2203, `phone ${phoneId} is registered to ${existing.userId}`);
  }
  const phone: CloudPhone =
    existing === undefined
      ? { id: requireNewId(context, phoneId, 'phoneId'), userId, registered: true, verified: false }
      : { ...existing, registered: true };
  state.phones.set(phone.id, phone);
  return phone;
}

export function verifyPhone(context: CoreContext, actorId: string, phoneId: string): CloudPhone {
  const by = actor(context, actorId);
  const { state } = context;
  const old = found(state.phones, phoneId);
  managedOwner(context, by, old.userId);
  if (!old.registered) throw new CloudError(2203, `phone ${phoneId} is not registered`);
  const phone: CloudPhone = { ...old, verified: true };
  state.phones.set(phoneId, phone);
  return phone;
}

/** Forgets a phone, and the digital key on it. */
export function removePhone(context: CoreContext, actorId: string, phoneId: string): void {
  const by = actor(context, actorId);
  const { state } = context;
  const phone = found(state.phones, phoneId);
  managedOwner(context, by, phone.userId);
  commitAccess(context, locksOfUser(state, phone.userId), () => {
    state.digitalKeys.delete(phoneId);
    state.phones.delete(phoneId);
  });
  context.hooks.digitalKeysChanged?.([phoneId]);
}

/** Issues (or re-issues with a new window) the digital key on a registered, verified phone. */
export function issueDigitalKey(
  context: CoreContext,
  actorId: string,
  phoneId: string,
  validFromUtcMs?: number,
  validUntilUtcMs?: number,
): DigitalKey {
  const { state } = context;
  const by = actor(context, actorId);
  requireFeature(state, 'digital-keys');
  const phone = found(state.phones, phoneId);
  managedOwner(context, by, phone.userId);
  if (!phone.registered || !phone.verified) {
    const missing = phone.registered ? 'verified' : 'registered';
    throw new CloudError(
      2203,
      `phone ${phoneId} is not ${missing}; a digital key needs a registered, verified phone`,
    );
  }
  const from = requireOptionalInstant(validFromUtcMs, 'validFromUtcMs');
  const until = requireOptionalInstant(validUntilUtcMs, 'validUntilUtcMs');
  if (from !== undefined && until !== undefined && until <= from) {
    // A digital key is offline access (the lock checks it alone): a window that ends before it starts is invalid.
    throw new CloudError(2205, `key window of ${phoneId} ends before it starts`);
  }
  if (until !== undefined && until <= context.hooks.nowUtcMs())
    throw invalid('validUntilUtcMs', 'is already past');
  const key: DigitalKey = { phoneId, userId: phone.userId, validFromUtcMs: from, validUntilUtcMs: until };
  commitAccess(context, locksOfUser(state, phone.userId), () => {
    state.digitalKeys.set(phoneId, key);
  });
  context.hooks.digitalKeysChanged?.([phoneId]);
  return key;
}

export function revokeDigitalKey(context: CoreContext, actorId: string, phoneId: string): void {
  const by = actor(context, actorId);
  const { state } = context;
  const key = found(state.digitalKeys, phoneId);
  managedOwner(context, by, key.userId);
  commitAccess(context, locksOfUser(state, key.userId), () => {
    state.digitalKeys.delete(phoneId);
  });
  context.hooks.digitalKeysChanged?.([phoneId]);
}
