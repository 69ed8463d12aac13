/**
 * Who may command a lock through its IQ: remote opening needs the remote-opening feature and the user's
 * remote-opening permission (admins and owners have it by role); switching Manual Office Mode needs the
 * office-modes feature and the user's MOM permission. The service grants both per the access groups the person
 * is in: a user below admin must also be in a group of the lock (whatever its schedule: the schedule is the
 * lock's business at the door), so a permission alone opens nothing. Admins and owners manage every lock and
 * command it by role. The command itself travels in virtual time (twin/remote-commands.ts); this only decides
 * whether the cloud sends it.
 */
import { type CoreContext, found, locksOfUser } from './core-context.ts';
import { CloudError } from './error-table.ts';
import { actingLevel, actor, adminLevel, requireFeature } from './rights.ts';

export type LockCommand = 'open' | 'office-mode';

export function authorizeLockCommand(
  context: CoreContext,
  actorId: string,
  lockId: string,
  command: LockCommand,
  /** The defect `remote-ignores-access`: the permission alone lets a user command any lock. */
  ignoreAccessGroups = false,
): void {
  const user = actor(context, actorId);
  found(context.state.locks, lockId);
  const byRole = actingLevel(context.state.site, user) >= adminLevel;
  if (command === 'open') {
    requireFeature(context.state, 'remote-opening');
    if (!user.permissions.remoteOpening && !byRole) {
      throw new CloudError(2203, `${user.id} has no remote-opening permission`);
    }
  } else {
    requireFeature(context.state, 'office-modes');
    if (!user.permissions.manualOfficeMode)
      throw new CloudError(2203, `${user.id} has no Manual Office Mode permission`);
  }
  if (!byRole && !ignoreAccessGroups && !locksOfUser(context.state, user.id).has(lockId))
    throw new CloudError(2203, `${user.id} is in no access group of lock ${lockId}`);
}
