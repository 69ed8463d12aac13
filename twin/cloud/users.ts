/**
 * Site users: adding (within the subscription's seats), editing, deleting, roles, permissions and PINs.
 *
 * Granting a permission needs the feature it unlocks (remote opening: 'remote-opening'; Manual and Easy Office
 * Mode: 'office-modes'); taking one away never does, so a lapsed subscription can still be cleaned up. The same
 * goes for PINs ('pin-codes').
 */
import { type CoreContext, commitAccess, found, locksOfUser } from './core-context.ts';
import { requireSettled } from './consistency-lag.ts';
import { CloudError } from './error-table.ts';
import { type CloudUser, noPermissions, type Permissions, type Role, roles } from './model.ts';
import {
  invalid,
  requireEmail,
  requireFlag,
  requireInstantMs,
  requireName,
  requireNewId,
  requireObject,
  requirePin,
  requireRoom,
} from './parameters.ts';
import { siteCountsMax } from '../site/physical-bounds.ts';
import {
  actor,
  requireFeature,
  requireLevel,
  requireManage,
  requireMayGrantRole,
  requireNotLastOwner,
  requireNotPodMember,
  superUserLevel,
} from './rights.ts';

export interface NewUser {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** 'user' when left out. */
  readonly role?: Role;
  readonly permissions?: Partial<Permissions>;
  readonly pin?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** true when left out. */
  readonly usePin?: boolean;
  readonly blocked?: boolean;
  readonly expiresAtUtcMs?: number;
  /**
   * At a site whose seats are all taken: 'refuse' (2203, when left out) or 'suspend', which creates the user
   * suspended, holding no seat (what the service does to a new guest at a full site, reporting nothing).
   */
  readonly whenSeatsFull?: 'refuse' | 'suspend';
}

export interface UserChanges {
  readonly name?: string;
  /** `null` removes the email. */
  readonly email?: string | null;
}

const permissionNames = Object.keys(noPermissions) as (keyof Permissions)[];

export function addUser(context: CoreContext, actorId: string, input: NewUser): CloudUser {
  const { state } = context;
  const by = actor(context, actorId);
  requireObject(input, 'user');
  requireLevel(state.site, by, superUserLevel, 'add users');
  requireRoom(state.users.size, siteCountsMax.users, 'users');
  const role = input.role ?? 'user';
  if (!roles.includes(role)) throw invalid('role', `one of ${roles.join(', ')}`);
  requireMayGrantRole(state.site, by, role);
  const id = requireNewId(context, input.id, 'id');
  const name = requireName(input.name);
  const email = input.email === undefined ? undefined : requireEmail(state, input.email, id);
  const permissions = grantedPermissions(context, noPermissions, input.permissions ?? {});
  const pin = input.pin === undefined ? undefined : newPin(context, input.pin, id);
  const full = seatsTaken(state) >= state.site.subscription.seats;
  if (input.whenSeatsFull !== undefined && !['refuse', 'suspend'].includes(input.whenSeatsFull))
    throw invalid('whenSeatsFull', 'refuse or suspend');
  if (full && input.whenSeatsFull !== 'suspend') throw seatsFull(state.site.subscription.seats);
  const user: CloudUser = {
    id,
    name,
    firstName: input.firstName === undefined ? undefined : requireName(input.firstName, 'first_name'),
    lastName: input.lastName === undefined ? undefined : requireName(input.lastName, 'last_name'),
    email,
    role,
    permissions,
    pin,
    pinExpiresAtUtcMs: undefined,
    usePin: requireFlag(input.usePin, true, 'use_pin'),
    blocked: requireFlag(input.blocked, false, 'blocked'),
    subscriptionState: full ? 'suspended' : 'subscribed',
    expiresAtUtcMs:
      input.expiresAtUtcMs === undefined ? undefined : requireInstantMs(input.expiresAtUtcMs, 'expires_at'),
    createdAtUtcMs: context.hooks.nowUtcMs(),
  };
  state.users.set(id, user);
  return user;
}

/** Seats in use: every user who is not suspended. */
export function seatsTaken(state: CoreContext['state']): number {
  let taken = 0;
  for (const user of state.users.values()) if (user.subscriptionState === 'subscribed') taken += 1;
  return taken;
}

export function seatsFull(seats: number): CloudError {
  return new CloudError(2203, `all ${seats} seats of the subscription are taken`);
}

export function updateUser(
  context: CoreContext,
  actorId: string,
  userId: string,
  changes: UserChanges,
): CloudUser {
  const { state } = context;
  const by = actor(context, actorId);
  const target = found(state.users, userId);
  requireManage(state.site, by, target);
  const name = changes.name === undefined ? target.name : requireName(changes.name);
  let email = target.email;
  if (changes.email === null) email = undefined;
  else if (changes.email !== undefined) email = requireEmail(state, changes.email, userId);
  if (email === undefined && target.email !== undefined) requirePodsKeepAnEmail(context, userId);
  const user: CloudUser = { ...target, name, email };
  state.users.set(userId, user);
  return user;
}

/** Removing a user's email must leave every pod they are a member of with a member who has one (2215). */
function requirePodsKeepAnEmail(context: CoreContext, userId: string): void {
  const { state } = context;
  for (const pod of state.pods.values()) {
    if (!pod.memberIds.includes(userId)) continue;
    const others = pod.memberIds.filter((id) => id !== userId);
    if (!others.some((id) => state.users.get(id)?.email !== undefined)) {
      throw new CloudError(2215, `${userId} is the only member of pod ${pod.id} with an email`);
    }
  }
}

/**
 * Deletes a user and everything that is theirs: they leave every access group and every pod they are a guest of,
 * their tags stay in the site unassigned (a blocked tag stays blocked), their phones and digital keys go.
 */
export function deleteUser(context: CoreContext, actorId: string, userId: string): void {
  const { state } = context;
  const by = actor(context, actorId);
  const target = found(state.users, userId);
  requireManage(state.site, by, target);
  requireNotPodMember(state, target);
  requireNotLastOwner(state, target, 'delete');
  const phoneIds = [...state.phones.values()]
    .filter((phone) => phone.userId === userId)
    .map((phone) => phone.id)
    .sort();
  commitAccess(context, locksOfUser(state, userId), () => {
    for (const group of state.accessGroups.values()) {
      if (group.userIds.includes(userId)) {
        state.accessGroups.set(group.id, { ...group, userIds: group.userIds.filter((id) => id !== userId) });
      }
    }
    for (const pod of state.pods.values()) {
      if (pod.guestIds.includes(userId)) {
        state.pods.set(pod.id, { ...pod, guestIds: pod.guestIds.filter((id) => id !== userId) });
      }
    }
    for (const tag of state.tags.values()) {
      if (tag.userId === userId) state.tags.set(tag.id, { ...tag, userId: undefined });
    }
    for (const phone of state.phones.values()) {
      if (phone.userId !== userId) continue;
      state.digitalKeys.delete(phone.id);
      state.phones.delete(phone.id);
    }
    state.users.delete(userId);
  });
  if (phoneIds.length > 0) context.hooks.digitalKeysChanged?.(phoneIds);
}

export function setRole(context: CoreContext, actorId: string, userId: string, role: Role): CloudUser {
  const { state } = context;
  const by = actor(context, actorId);
  if (!roles.includes(role)) throw invalid('role', `one of ${roles.join(', ')}`);
  requireLevel(state.site, by, superUserLevel, 'change roles');
  const target = found(state.users, userId);
  requireManage(state.site, by, target);
  requireMayGrantRole(state.site, by, role);
  requireNotPodMember(state, target);
  if (role !== 'owner') requireNotLastOwner(state, target, 'demote');
  const user: CloudUser = { ...target, role };
  state.users.set(userId, user);
  return user;
}

export function setPermissions(
  context: CoreContext,
  actorId: string,
  userId: string,
  changes: Partial<Permissions>,
): CloudUser {
  const { state } = context;
  const by = actor(context, actorId);
  requireLevel(state.site, by, superUserLevel, 'change permissions');
  const target = found(state.users, userId);
  requireManage(state.site, by, target);
  const permissions = grantedPermissions(context, target.permissions, changes);
  const user: CloudUser = { ...target, permissions };
  return commitAccess(context, locksOfUser(state, userId), () => {
    state.users.set(userId, user);
    return user;
  });
}

export interface PinOptions {
  /** The new PIN works until this instant (UTC ms, exclusive); none when left out. It must lie ahead (1101). */
  readonly expiresAtUtcMs?: number | undefined;
  /**
   * The cloud drew the digits itself (`drawPin`): no `custom-pin` feature needed. A PIN of the caller's choice
   * (left out or false) needs it, as `PUT …/pin {pin}` does on the service (2212).
   */
  readonly issued?: boolean;
  /** Runs after every check, just before the change: the twin's keypad-reach check (3105 / 3102). */
  readonly beforeCommit?: () => void;
}

/** `pin` undefined removes the user's PIN (and its expiry). */
export function setPin(
  context: CoreContext,
  actorId: string,
  userId: string,
  pin: string | undefined,
  options: PinOptions = {},
): CloudUser {
  const { state } = context;
  const by = actor(context, actorId);
  const target = found(state.users, userId);
  requireManage(state.site, by, target);
  const { expiresAtUtcMs } = options;
  if (expiresAtUtcMs !== undefined) {
    requireInstantMs(expiresAtUtcMs, 'expiry_date');
    if (expiresAtUtcMs <= context.hooks.nowUtcMs()) throw invalid('expiry_date', 'is already past');
  }
  requireSettled(context, userId, 2203);
  const digits = pin === undefined ? undefined : newPin(context, pin, userId, options.issued !== true);
  options.beforeCommit?.();
  const user: CloudUser = {
    ...target,
    pin: digits,
    pinExpiresAtUtcMs: digits === undefined ? undefined : expiresAtUtcMs,
  };
  return commitAccess(context, locksOfUser(state, userId), () => {
    state.users.set(userId, user);
    return user;
  });
}

/**
 * The cloud's own sweep at a PIN's expiry (pin-expiry.ts): every PIN ending at or before `nowUtcMs` leaves its
 * user and the locks' data, in one change. Answers the expiries still ahead, for the sweep to plan.
 */
export function removeExpiredPins(context: CoreContext, nowUtcMs: number): number[] {
  const { state } = context;
  const due = [...state.users.values()]
    .filter((user) => user.pinExpiresAtUtcMs !== undefined && user.pinExpiresAtUtcMs <= nowUtcMs)
    .map((user) => user.id)
    .sort();
  const ahead = [...state.users.values()].flatMap((user) =>
    user.pinExpiresAtUtcMs !== undefined && user.pinExpiresAtUtcMs > nowUtcMs ? [user.pinExpiresAtUtcMs] : [],
  );
  if (due.length === 0) return ahead;
  const locks = due.flatMap((userId) => [...locksOfUser(state, userId)]);
  commitAccess(context, locks, () => {
    for (const userId of due) {
      const user = state.users.get(userId) as CloudUser;
      state.users.set(userId, { ...user, pin: undefined, pinExpiresAtUtcMs: undefined });
    }
  });
  return ahead;
}

/** Checks a new PIN: the PIN feature, for one of the caller's choice the custom-PIN feature, then the digits. */
function newPin(context: CoreContext, pin: string, userId: string, chosen = false): string {
  requireFeature(context.state, 'pin-codes');
  if (chosen) requireFeature(context.state, 'custom-pin');
  return requirePin(context.state, pin, userId);
}

/** `current` with `changes` applied; each permission newly granted needs its feature. */
function grantedPermissions(
  context: CoreContext,
  current: Permissions,
  changes: Partial<Permissions>,
): Permissions {
  const next: { -readonly [Name in keyof Permissions]: boolean } = { ...current };
  for (const name of Object.keys(changes)) {
    if (!permissionNames.includes(name as keyof Permissions))
      throw invalid(`permissions.${name}`, 'no such permission');
    const value: unknown = changes[name as keyof Permissions];
    if (typeof value !== 'boolean') throw invalid(`permissions.${name}`, 'must be true or false');
    next[name as keyof Permissions] = value;
  }
  if (next.remoteOpening && !current.remoteOpening) requireFeature(context.state, 'remote-opening');
  const officeModeGranted =
    (next.manualOfficeMode && !current.manualOfficeMode) || (next.easyOfficeMode && !current.easyOfficeMode);
  if (officeModeGranted) requireFeature(context.state, 'office-modes');
  return next;
}
