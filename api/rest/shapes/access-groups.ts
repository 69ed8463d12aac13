/**
 * Access groups as the Connect API shows them: the group (`id`, `customer_reference`), its members (platform user
 * ids, one per call) and its locks (one per call). Ids are public UUIDs (connect-ids.ts); the twin's own ids never
 * appear.
 */
import { z } from 'zod';
import type { AccessGroup, CloudLock, CloudUser } from '../../../twin/index.ts';
import type { ConnectIds } from '../connect-ids.ts';

const idText = z.string().max(200);
const referenceText = z.string().min(1).max(200);

// --- Responses ------------------------------------------------------------------------------------------------

export const accessGroupSchema = z.object({
  id: z.string().describe('the group’s UUID'),
  customer_reference: z.string().describe('the group’s name'),
});

export const accessGroupMemberSchema = z.object({
  id: z.string().describe('the platform user id (not the site-user id of /users/{id})'),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  email: z.string().nullable(),
});

export const accessGroupLockSchema = z.object({
  id: z.string().describe('the lock’s UUID'),
  customer_reference: z.string(),
});

// --- Requests -------------------------------------------------------------------------------------------------

export const accessGroupCreateSchema = z.strictObject({
  customer_reference: referenceText.describe('the group’s name (1–200 characters)'),
});

export const accessGroupPatchSchema = z.strictObject({
  customer_reference: referenceText.describe('the group’s new name'),
});

export const accessGroupMemberAddSchema = z.strictObject({
  user_id: idText.describe('the platform user id (`user.id` of a site user); the site-user id is 404/2202'),
});

export const accessGroupLockAddSchema = z.strictObject({
  lock_id: idText.describe('the lock’s UUID'),
});

export type AccessGroupItem = z.infer<typeof accessGroupSchema>;
export type AccessGroupMemberItem = z.infer<typeof accessGroupMemberSchema>;
export type AccessGroupLockItem = z.infer<typeof accessGroupLockSchema>;

// --- Views ----------------------------------------------------------------------------------------------------

export function accessGroupView(ids: ConnectIds, group: AccessGroup): AccessGroupItem {
  return { id: ids.publicId('access-group', group.id), customer_reference: group.name };
}

export function accessGroupMemberView(ids: ConnectIds, user: CloudUser): AccessGroupMemberItem {
  return {
    id: ids.publicId('user', user.id),
    first_name: user.firstName ?? null,
    last_name: user.lastName ?? null,
    email: user.email ?? null,
  };
}

export function accessGroupLockView(ids: ConnectIds, lock: CloudLock): AccessGroupLockItem {
  return { id: ids.publicId('lock', lock.id), customer_reference: lock.name };
}
