/**
 * The API's shapes, in zod: what each resource looks like in a response (snake_case fields; enum values in
 * snake_case too: `super_user`, `office_mode`) and what each request body may hold. The same schemas check request
 * bodies, type the views, list the fields `$filter` / `$orderby` may use, and make the OpenAPI document.
 */
import { z } from 'zod';
import { alertKinds, channels, features, roles } from '../../twin/index.ts';

/** `super-user` → `super_user`: the API writes every enum value in snake_case. */
export function snakeValue(value: string): string {
  return value.replaceAll('-', '_');
}

const idList = z.array(z.string().max(200)).max(1_000);
const utcDateTime = z.string().describe('ISO 8601 instant in UTC (`2026-03-02T08:00:00.000Z`)');
const snakeEnum = <const T extends readonly string[]>(values: T) =>
  z.enum(values.map(snakeValue) as [string, ...string[]]);

export const roleValues = roles.map(snakeValue);
export const lockedStates = ['unlocked', 'office_mode', 'locked'] as const;
export const accessMethods = ['tag', 'pin_code', 'digital_key', 'inside_handle', 'remote'] as const;

// --- Responses ------------------------------------------------------------------------------------------------

export const scheduleSchema = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).describe('ISO weekdays, 1 = Monday … 7 = Sunday'),
  start: z.string().describe('HH:mm, site-local time'),
  end: z.string().describe('HH:mm, site-local time; 24:00 is the end of the day'),
  from_date: z.string().nullable().describe('YYYY-MM-DD, site-local, inclusive'),
  until_date: z.string().nullable().describe('YYYY-MM-DD, site-local, inclusive'),
});

export const subscriptionSchema = z.object({
  active: z.boolean(),
  features: z.array(snakeEnum(features)),
  seats: z.number().int(),
  seats_used: z.number().int(),
});

export const siteSchema = z.object({
  id: z.string(),
  name: z.string(),
  time_zone: z.string(),
  released: z.boolean(),
  subscription: subscriptionSchema,
});

export const doorAlertsSchema = z.object({
  not_closed: z.boolean(),
  intrusion: z.boolean(),
  low_battery: z.boolean(),
});

export const lockSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().describe('bluenet_escutcheon, bluenet_cylinder, escutcheon, pin, wall_reader'),
  iq_id: z.string(),
  door_id: z.string(),
  open_time_ms: z.number().int(),
  eom_schedules: z.array(scheduleSchema),
  alerts: doorAlertsSchema,
  locked_state: z.enum(lockedStates),
  office_mode: z.enum(['manual', 'easy']).nullable(),
  door_state: z.enum(['closed', 'open', 'not_closed']),
  battery: z.string(),
  online: z.boolean().describe('the IQ hears the lock (heartbeats answered)'),
  access_version: z.number().int().describe('version of the access data the lock holds'),
  access_stale_ms: z
    .number()
    .int()
    .describe('how long the lock has been behind the cloud’s access data (0: current)'),
});

export const iqSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  activated: z.boolean(),
  connected: z.boolean().describe('powered and connected to the cloud'),
  powered: z.boolean(),
  sync_state: z.enum(['synced', 'pending', 'failed']),
  lock_ids: z.array(z.string()),
});

export const permissionsSchema = z.object({
  remote_opening: z.boolean(),
  manual_office_mode: z.boolean(),
  easy_office_mode: z.boolean(),
  override_privacy: z.boolean(),
});

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(roleValues as [string, ...string[]]),
  permissions: permissionsSchema,
  has_pin: z.boolean().describe('PINs are never shown'),
});

export const tagSchema = z.object({ id: z.string(), user_id: z.string().nullable(), blocked: z.boolean() });

export const accessGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  user_ids: z.array(z.string()),
  lock_ids: z.array(z.string()),
  time_schedules: z.array(scheduleSchema).describe('no schedule: the group grants nothing'),
});

export const podSchema = z.object({
  id: z.string(),
  name: z.string(),
  member_ids: z.array(z.string()),
  guest_ids: z.array(z.string()),
  lock_ids: z.array(z.string()),
  guest_limit: z.number().int(),
});

export const notificationRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  user_ids: z.union([z.array(z.string()), z.literal('anyone')]),
  lock_ids: z.union([z.array(z.string()), z.literal('any')]),
  time_schedules: z.union([z.array(scheduleSchema), z.literal('always')]),
  methods: z.union([z.array(z.enum(accessMethods)), z.literal('any')]),
  channels: z.array(z.enum(channels)),
  recipients: z.array(z.string()),
});

export const outboxMessageSchema = z.object({
  rule_id: z.string(),
  channel: z.enum(channels),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  utc_date_time: utcDateTime.describe('when the opening happened'),
});

export const alertSchema = z.object({
  lock_id: z.string(),
  kind: z.enum(alertKinds),
  active: z.boolean(),
  detail: z.string(),
  raised_utc_date_time: utcDateTime,
  cleared_utc_date_time: utcDateTime.nullable(),
});

export const entrySchema = z.object({
  lock_id: z.string(),
  audit_seq: z.number().int(),
  event_category: z.string().describe('lock_opened, lock_rejected, easy_office_mode, not_closed, …'),
  event_detail: z.string(),
  utc_date_time: utcDateTime.describe('when the lock recorded it (its own clock)'),
  local_date_time: z.string().describe('the same instant in the site’s local time, without offset'),
  received_utc_date_time: utcDateTime,
  user_id: z.string().nullable(),
  access_by: z.enum(accessMethods).nullable(),
});

export const commandSchema = z.object({
  command_id: z.number().int(),
  lock_id: z.string(),
  locked_state: z.enum(lockedStates),
  user_id: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  error_code: z.number().int().nullable(),
  error_message: z.string().nullable(),
  issued_utc_date_time: utcDateTime,
  finished_utc_date_time: utcDateTime.nullable(),
});

export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.unknown()),
});

// --- Requests -------------------------------------------------------------------------------------------------

export const scheduleInputSchema = z.strictObject({
  weekdays: z.array(z.number()).max(7),
  start: z.string().max(5),
  end: z.string().max(5),
  from_date: z.string().max(10).nullable().optional(),
  until_date: z.string().max(10).nullable().optional(),
});
const schedulesInput = z.array(scheduleInputSchema).max(100);

const permissionsInput = z.strictObject({
  remote_opening: z.boolean().optional(),
  manual_office_mode: z.boolean().optional(),
  easy_office_mode: z.boolean().optional(),
  override_privacy: z.boolean().optional(),
});

export const lockPatchSchema = z.strictObject({
  name: z
    .string()
    .max(200)
    .optional()
    .describe('a lock’s name comes from the site spec: only its current name is accepted'),
  open_time_ms: z.number().optional().describe('1000–240000'),
  eom_schedules: schedulesInput.optional(),
  alerts: z
    .strictObject({
      not_closed: z.boolean().optional(),
      intrusion: z.boolean().optional(),
      low_battery: z.boolean().optional(),
    })
    .optional(),
});

export const lockingSchema = z.strictObject({
  locked_state: z
    .enum(lockedStates)
    .describe('unlocked: remote opening; office_mode: Manual Office Mode on; locked: Manual Office Mode off'),
});

export const userCreateSchema = z.strictObject({
  id: z.string().max(200).describe('1–64 letters, digits or _ . : -, unique in the site'),
  name: z.string().max(200),
  email: z.string().max(200).optional(),
  role: z
    .enum(roleValues as [string, ...string[]])
    .optional()
    .describe('user when left out'),
  permissions: permissionsInput.optional(),
  pin: z.string().max(20).optional(),
});

export const userPatchSchema = z.strictObject({
  name: z.string().max(200).optional(),
  email: z.string().max(200).nullable().optional().describe('null removes the email'),
  role: z.enum(roleValues as [string, ...string[]]).optional(),
  permissions: permissionsInput.optional(),
});

export const pinSchema = z.strictObject({
  pin: z.string().max(20).nullable().describe('6 digits; null removes the PIN'),
});

export const accessGroupCreateSchema = z.strictObject({
  id: z.string().max(200),
  name: z.string().max(200),
  user_ids: idList.optional(),
  lock_ids: idList.optional(),
  time_schedules: schedulesInput.optional(),
});

export const accessGroupPatchSchema = z.strictObject({ name: z.string().max(200) });
export const userIdsSchema = z.strictObject({ user_ids: idList });
export const lockIdsSchema = z.strictObject({ lock_ids: idList });
export const timeSchedulesSchema = z.strictObject({ time_schedules: schedulesInput });

export const podCreateSchema = z.strictObject({
  id: z.string().max(200),
  name: z.string().max(200),
  member_ids: idList,
  guest_ids: idList.optional(),
  lock_ids: idList.optional(),
  guest_limit: z.number(),
});

export const notificationRuleCreateSchema = z.strictObject({
  id: z.string().max(200),
  name: z.string().max(200),
  user_ids: z
    .union([idList, z.literal('anyone')])
    .optional()
    .describe('anyone when left out'),
  lock_ids: z
    .union([idList, z.literal('any')])
    .optional()
    .describe('any when left out'),
  time_schedules: z
    .union([schedulesInput, z.literal('always')])
    .optional()
    .describe('always when left out'),
  methods: z
    .union([z.array(z.enum(accessMethods)).max(5), z.literal('any')])
    .optional()
    .describe('any when left out'),
  channels: z.array(z.enum(channels)).max(3),
  recipients: z.array(z.string().min(1).max(200)).max(100),
});

export type ScheduleInput = z.infer<typeof scheduleInputSchema>;
export type SiteItem = z.infer<typeof siteSchema>;
export type LockItem = z.infer<typeof lockSchema>;
export type IqItem = z.infer<typeof iqSchema>;
export type UserItem = z.infer<typeof userSchema>;
export type TagItem = z.infer<typeof tagSchema>;
export type AccessGroupItem = z.infer<typeof accessGroupSchema>;
export type PodItem = z.infer<typeof podSchema>;
export type NotificationRuleItem = z.infer<typeof notificationRuleSchema>;
export type AlertItem = z.infer<typeof alertSchema>;
export type EntryItem = z.infer<typeof entrySchema>;
export type CommandItem = z.infer<typeof commandSchema>;
export type SubscriptionItem = z.infer<typeof subscriptionSchema>;
export type OutboxMessageItem = z.infer<typeof outboxMessageSchema>;
