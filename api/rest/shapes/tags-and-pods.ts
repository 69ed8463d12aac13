/**
 * Tags and pods, which the Connect contract does not describe, in its conventions: public UUIDs, users by their
 * platform id (as group membership), names as `customer_reference`, snake_case.
 */
import { z } from 'zod';
import type { CloudTag, Pod } from '../../../twin/index.ts';
import type { ConnectIds } from '../connect-ids.ts';

export const tagSchema = z.object({
  id: z.string().describe('UUID'),
  customer_reference: z.string().describe('the number printed on the fob'),
  user_id: z.string().nullable().describe('the holder’s platform user id'),
  blocked: z.boolean(),
});

export function tagView(ids: ConnectIds, tag: CloudTag): z.infer<typeof tagSchema> {
  return {
    id: ids.publicId('tag', tag.id),
    customer_reference: tag.id,
    user_id: tag.userId === undefined ? null : ids.publicId('user', tag.userId),
    blocked: tag.blocked,
  };
}

export const podSchema = z.object({
  id: z.string().describe('UUID'),
  customer_reference: z.string(),
  member_ids: z.array(z.string()).describe('platform user ids'),
  guest_ids: z.array(z.string()).describe('platform user ids'),
  lock_ids: z.array(z.string()),
  guest_limit: z.number().int(),
});

export function podView(ids: ConnectIds, pod: Pod): z.infer<typeof podSchema> {
  return {
    id: ids.publicId('pod', pod.id),
    customer_reference: pod.name,
    member_ids: pod.memberIds.map((id) => ids.publicId('user', id)),
    guest_ids: pod.guestIds.map((id) => ids.publicId('user', id)),
    lock_ids: pod.lockIds.map((id) => ids.publicId('lock', id)),
    guest_limit: pod.guestLimit,
  };
}

const idList = z.array(z.string().max(64)).max(1_000);

export const podCreateSchema = z.strictObject({
  customer_reference: z.string().min(1).max(200),
  member_ids: idList.describe('platform user ids'),
  guest_ids: idList.optional(),
  lock_ids: idList.optional(),
  guest_limit: z.number().int().min(0).max(100_000),
});

export const podGuestSchema = z.strictObject({ user_id: z.string().max(64).describe('platform user id') });
