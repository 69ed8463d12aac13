/**
 * Who may do what. Roles rank owner > admin > super-user > user = guest; a user edits only users at the same or a lower
 * rank, and a plain user manages nobody but themselves (and reads everyone). An installer commissions the site:
 * until it is released nobody else may use it at all (2210) and the installer acts with an admin's rank; once it is
 * released the installer has no rights left (2203), though reads still work.
 *
 * Features are sold by subscription: an operation that uses one needs an active subscription that has it (2212).
 */
import type { CoreContext } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { CloudState, CloudUser, Feature, Role, SiteRecord } from './model.ts';

/** Rank of each role; higher manages lower. An installer ranks as an admin, and acts so only before release. */
export const roleLevels: Readonly<Record<Role, number>> = Object.freeze({
  owner: 4,
  admin: 3,
  'super-user': 2,
  user: 1,
  // A guest (the Connect API's `site_guest`: a booking's visitor) has a plain user's rights: none over others.
  guest: 1,
  installer: 3,
});

export const superUserLevel = roleLevels['super-user'];
export const adminLevel = roleLevels.admin;
/** The rank of an installer on a released site: below every role. */
const noRights = 0;

/** The rank a user acts with now. */
export function actingLevel(site: SiteRecord, user: CloudUser): number {
  if (user.role === 'installer') return site.released ? noRights : roleLevels.installer;
  return roleLevels[user.role];
}

/** The acting user of a read: known (3104), and allowed on the site at all (2210). */
export function reader(context: CoreContext, actorId: string): CloudUser {
  const actor = context.state.users.get(actorId);
  if (actor === undefined) throw new CloudError(3104, actorId);
  if (!context.state.site.released && actor.role !== 'installer') {
    throw new CloudError(2210, `site ${context.state.site.id} has not been released by its installer`);
  }
  return actor;
}

/** The acting user of a change: as a reader, and with some rights left (an installer after release has none). */
export function actor(context: CoreContext, actorId: string): CloudUser {
  const user = reader(context, actorId);
  if (actingLevel(context.state.site, user) === noRights) {
    throw new CloudError(2203, `installer ${user.id} has no rights on a released site`);
  }
  return user;
}

/** The actor acts with at least this rank. */
export function requireLevel(site: SiteRecord, user: CloudUser, level: number, what: string): void {
  if (actingLevel(site, user) >= level) return;
  throw new CloudError(2203, `a user with the role ${user.role} cannot ${what}`);
}

/** The actor may manage `target`: themselves, or (from super-user up) anyone of the same or a lower rank. */
export function requireManage(site: SiteRecord, user: CloudUser, target: CloudUser): void {
  if (user.id === target.id) return;
  const level = actingLevel(site, user);
  if (level < superUserLevel) {
    throw new CloudError(2203, `a user with the role ${user.role} manages only themselves, not ${target.id}`);
  }
  if (roleLevels[target.role] > level) {
    throw new CloudError(2203, `${target.id} (${target.role}) ranks above ${user.id} (${user.role})`);
  }
}

/** The actor may give `role` to someone: never a rank above their own, and only installers make installers. */
export function requireMayGrantRole(site: SiteRecord, user: CloudUser, role: Role): void {
  if (role === 'installer' && user.role !== 'installer') {
    throw new CloudError(2203, 'only an installer can make a user an installer');
  }
  if (roleLevels[role] > actingLevel(site, user)) {
    throw new CloudError(2203, `${user.id} (${user.role}) cannot give the role ${role}`);
  }
}

/** An active subscription that includes `feature`, or 2212. Exported for the operations other modules own. */
export function requireFeature(state: CloudState, feature: Feature): void {
  const { subscription } = state.site;
  if (!subscription.active) throw new CloudError(2212, `the subscription is not active (${feature})`);
  if (!subscription.features.includes(feature)) {
    throw new CloudError(2212, `the subscription does not include ${feature}`);
  }
}

/** The site keeps an owner: the only owner can be neither demoted nor deleted (once the site has one). */
export function requireNotLastOwner(state: CloudState, target: CloudUser, what: string): void {
  if (target.role !== 'owner') return;
  for (const user of state.users.values()) if (user.role === 'owner' && user.id !== target.id) return;
  throw new CloudError(2203, `cannot ${what} ${target.id}: the site must keep an owner`);
}

/** A pod member's site user may not be deleted or given another role while in the pod (2220). */
export function requireNotPodMember(state: CloudState, target: CloudUser): void {
  for (const pod of state.pods.values()) {
    if (pod.memberIds.includes(target.id))
      throw new CloudError(2220, `${target.id} is a member of pod ${pod.id}`);
  }
}
