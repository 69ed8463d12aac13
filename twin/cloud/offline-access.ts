/**
 * Setting a credential's offline access (an admin action). The rules of the offline list are in offline-list.ts.
 */
import { type CoreContext, commitAccess, found, locksOfUser } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { CloudTag, DigitalKey } from './model.ts';
import { invalid, requireFlag } from './parameters.ts';
import { actor, adminLevel, requireLevel } from './rights.ts';

export type OfflineCredentialKind = 'tag' | 'digital_key';

/**
 * Gives or takes away a tag's or a digital key's offline access (admins and owners: 2203 below). An unassigned or
 * blocked tag cannot hold offline access (2205 "Offline access is invalid").
 */
export function setOfflineAccess(
  context: CoreContext,
  actorId: string,
  kind: OfflineCredentialKind,
  credentialId: string,
  on: boolean,
): CloudTag | DigitalKey {
  const { state } = context;
  const by = actor(context, actorId);
  requireLevel(state.site, by, adminLevel, 'manage offline access');
  const offlineAccess = requireFlag(on, true, 'offline_access');
  if (kind === 'tag') {
    const tag = found(state.tags, credentialId);
    if (tag.userId === undefined) throw new CloudError(2205, `tag ${credentialId} is not assigned to anyone`);
    if (tag.blocked) throw new CloudError(2205, `tag ${credentialId} is blocked`);
    const next: CloudTag = { ...tag, offlineAccess };
    return commitAccess(context, locksOfUser(state, tag.userId), () => {
      state.tags.set(credentialId, next);
      return next;
    });
  }
  if (kind !== 'digital_key') throw invalid('kind', 'tag or digital_key');
  const key = found(state.digitalKeys, credentialId);
  const next: DigitalKey = { ...key, offlineAccess };
  return commitAccess(context, locksOfUser(state, key.userId), () => {
    state.digitalKeys.set(credentialId, next);
    return next;
  });
}
