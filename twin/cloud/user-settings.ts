/**
 * The settings of a site user that the Connect API exposes beside name, role and permissions: the names of the
 * person, whether keypads take their PIN, whether an admin blocked them, the shown expiry, and their seat
 * (`subscription_state`). Blocking, suspending and the PIN switch reach the locks (the lock refuses the user by
 * name); names and expiry do not.
 *
 * Seats: a subscribed user holds one; subscribing a suspended user needs a free seat (2203); suspending frees it
 * at once. Expiry frees none (as on the service: only deleting or suspending the user does).
 */
import { type CoreContext, commitAccess, found, locksOfUser } from './core-context.ts';
import type { CloudUser, SubscriptionState } from './model.ts';
import { invalid, requireFlag, requireInstantMs, requireName, requireObject } from './parameters.ts';
import { actor, requireLevel, requireManage, superUserLevel } from './rights.ts';
import { seatsFull, seatsTaken } from './users.ts';

export interface UserSettings {
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly usePin?: boolean;
  readonly blocked?: boolean;
  /** `null` removes the expiry. */
  readonly expiresAtUtcMs?: number | null;
}

const subscriptionStates: readonly SubscriptionState[] = ['subscribed', 'suspended'];

export function setUserSettings(
  context: CoreContext,
  actorId: string,
  userId: string,
  settings: UserSettings,
): CloudUser {
  const { state } = context;
  const by = actor(context, actorId);
  requireObject(settings, 'settings');
  const target = found(state.users, userId);
  requireManage(state.site, by, target);
  // Blocking or unblocking someone, or switching their PIN, is an admin's act even on oneself.
  if (settings.blocked !== undefined || settings.usePin !== undefined)
    requireLevel(state.site, by, superUserLevel, 'block users or switch their PIN');
  const user: CloudUser = {
    ...target,
    firstName: optionalName(settings.firstName, target.firstName, 'first_name'),
    lastName: optionalName(settings.lastName, target.lastName, 'last_name'),
    usePin: requireFlag(settings.usePin, target.usePin, 'use_pin'),
    blocked: requireFlag(settings.blocked, target.blocked, 'blocked'),
    expiresAtUtcMs: expiry(settings.expiresAtUtcMs, target.expiresAtUtcMs),
  };
  return commitAccess(context, locksOfUser(state, userId), () => {
    state.users.set(userId, user);
    return user;
  });
}

export function setSubscriptionState(
  context: CoreContext,
  actorId: string,
  userId: string,
  subscriptionState: SubscriptionState,
): CloudUser {
  const { state } = context;
  const by = actor(context, actorId);
  requireLevel(state.site, by, superUserLevel, 'change seats');
  const target = found(state.users, userId);
  requireManage(state.site, by, target);
  if (!subscriptionStates.includes(subscriptionState))
    throw invalid('state', `one of ${subscriptionStates.join(', ')}`);
  const { seats } = state.site.subscription;
  if (
    subscriptionState === 'subscribed' &&
    target.subscriptionState === 'suspended' &&
    seatsTaken(state) >= seats
  )
    throw seatsFull(seats);
  const user: CloudUser = { ...target, subscriptionState };
  return commitAccess(context, locksOfUser(state, userId), () => {
    state.users.set(userId, user);
    return user;
  });
}

function optionalName(
  value: string | null | undefined,
  current: string | undefined,
  parameterName: string,
): string | undefined {
  if (value === undefined) return current;
  if (value === null) return undefined;
  return requireName(value, parameterName);
}

function expiry(value: unknown, current: number | undefined): number | undefined {
  if (value === undefined) return current;
  if (value === null) return undefined;
  return requireInstantMs(value, 'expires_at');
}
