/**
 * Handing the site over: the installer commissions it and releases it to its owner. Before that nobody but an
 * installer may use it (2210); after it the installer has no rights (2203).
 */
import { type CoreContext, found } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { SiteRecord } from './model.ts';
import { actor } from './rights.ts';

export function releaseSite(context: CoreContext, installerId: string, ownerId: string): SiteRecord {
  const { state } = context;
  const installer = actor(context, installerId);
  if (installer.role !== 'installer')
    throw new CloudError(2203, `only an installer releases a site, not ${installer.id}`);
  const owner = found(state.users, ownerId);
  if (owner.role === 'installer') throw new CloudError(2203, `installer ${ownerId} cannot own the site`);
  state.users.set(ownerId, { ...owner, role: 'owner' });
  state.site = { ...state.site, released: true };
  return state.site;
}
