/** Builds each lock's initial access list from a site spec, sharing one list among locks with the same users. */
import type { SiteSpec } from '../site/spec.ts';
import { AccessList, credentialIds, type Credential } from './access-list.ts';

function credentialsOfUsers(spec: SiteSpec, userIds: ReadonlySet<string> | 'all'): Credential[] {
  const included = (userId: string): boolean => userIds === 'all' || userIds.has(userId);
  const credentials: Credential[] = [];
  for (const tag of spec.tags) if (included(tag.user)) credentials.push({ credentialId: credentialIds.tag(tag.id), userId: tag.user });
  for (const phone of spec.phones) if (included(phone.user)) credentials.push({ credentialId: credentialIds.digitalKey(phone.id), userId: phone.user });
  for (const user of spec.users) if (user.pin !== undefined && included(user.id)) credentials.push({ credentialId: credentialIds.pin(user.pin), userId: user.id });
  return credentials;
}

/** Lock id → its access list (version 1). Locks granting the same users share one list object. */
export function buildInitialAccessLists(spec: SiteSpec): Map<string, AccessList> {
  const byUsers = new Map<string, AccessList>();
  const byLock = new Map<string, AccessList>();
  for (const lock of spec.locks) {
    const key = lock.access === 'all' ? '*' : [...lock.access].sort().join(',');
    let list = byUsers.get(key);
    if (list === undefined) {
      list = new AccessList(1, credentialsOfUsers(spec, lock.access === 'all' ? 'all' : new Set(lock.access)));
      byUsers.set(key, list);
    }
    byLock.set(lock.id, list);
  }
  return byLock;
}
