/**
 * Who may command a lock through its IQ: remote opening needs the remote-opening feature and the user's
 * remote-opening permission (admins and owners have it by role); switching Manual Office Mode needs the
 * office-modes feature and the user's MOM permission. The command itself travels in virtual time
 * (twin/remote-commands.ts); this only decides whether the cloud sends it.
 */
import { type CoreContext, found } from './core-context.ts';
import { CloudError } from './error-table.ts';
import { actingLevel, actor, adminLevel, requireFeature } from './rights.ts';

export type LockCommand = 'open' | 'office-mode';

export function authorizeLockCommand(
  context: CoreContext,
  actorId: string,
  lockId: string,
  command: LockCommand,
): void {
  const user = actor(context, actorId);
  found(context.state.locks, lockId);
  if (command === 'open') {
    requireFeature(context.state, 'remote-opening');
    if (!user.permissions.remoteOpening && actingLevel(context.state.site, user) < adminLevel) {
      throw new CloudError(2203, `${user.id} has no remote-opening permission`);
    }
    return;
  }
  requireFeature(context.state, 'office-modes');
  if (!user.permissions.manualOfficeMode)
    throw new CloudError(2203, `${user.id} has no Manual Office Mode permission`);
}
