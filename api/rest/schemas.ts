/**
 * The API's shapes, in zod: what each resource looks like in a response (snake_case fields; enum values in
 * snake_case too: `super_user`, `office_mode`) and what each request body may hold. The same schemas check request
 * bodies, type the views, list the fields `$filter` / `$orderby` may use, and make the OpenAPI document.
 */
import { z } from 'zod';
import { alertKinds, attemptKinds, channels } from '../../twin/index.ts';

/** `super-user` → `super_user`: the API writes every enum value in snake_case. */
export function snakeValue(value: string): string {
  return value.replaceAll('-', '_');
}

const idList = z.array(z.string().max(200)).max(1_000);
const utcDateTime = z.string().describe('ISO 8601 instant in UTC (`2026-03-02T08:00:00.000Z`)');

export const accessMethods = ['tag', 'pin_code', 'digital_key', 'inside_handle', 'remote'] as const;

// --- Responses ------------------------------------------------------------------------------------------------

export const scheduleSchema = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).describe('ISO weekdays, 1 = Monday … 7 = Sunday'),
  start: z.string().describe('HH:mm, site-local time'),
  end: z.string().describe('HH:mm, site-local time; 24:00 is the end of the day'),
  from_date: z.string().nullable().describe('YYYY-MM-DD, site-local, inclusive'),
  until_date: z.string().nullable().describe('YYYY-MM-DD, site-local, inclusive'),
});

export const notificationRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  user_ids: z.union([z.array(z.string()), z.literal('anyone')]),
  lock_ids: z.union([z.array(z.string()), z.literal('any')]),
  time_schedules: z.union([z.array(scheduleSchema), z.literal('always')]),
  methods: z.union([z.array(z.enum(accessMethods)), z.literal('any')]),
  events: z
    .union([z.array(z.enum(attemptKinds)), z.literal('both')])
    .describe('entry: openings; rejection: refused attempts'),
  channels: z.array(z.enum(channels)),
  recipients: z.array(z.string()),
});

/** Messages the cloud sends of itself, not from a rule: they carry their kind as rule id (twin/cloud). */
export const cloudMessageKinds = ['invitation', 'iq-pin'] as const;

export const outboxMessageSchema = z.object({
  kind: z.enum(['notification', 'incident', 'invitation', 'iq_pin']),
  rule_id: z.string().nullable().describe('the notification rule that sent it; null for the cloud’s own'),
  channel: z.enum(channels),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  utc_date_time: utcDateTime.describe('when the opening, refused attempt or incident happened'),
});

export const alertSchema = z.object({
  lock_id: z.string(),
  kind: z.enum(alertKinds),
  active: z.boolean(),
  detail: z.string(),
  raised_utc_date_time: utcDateTime,
  cleared_utc_date_time: utcDateTime.nullable(),
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

export const notificationRuleCreateSchema = z.strictObject({
  name: z.string().max(200),
  user_ids: z
    .union([idList, z.literal('anyone')])
    .optional()
    .describe('platform user ids; anyone when left out'),
  lock_ids: z
    .union([idList, z.literal('any')])
    .optional()
    .describe('lock ids; any when left out'),
  time_schedules: z
    .union([schedulesInput, z.literal('always')])
    .optional()
    .describe('always when left out'),
  methods: z
    .union([z.array(z.enum(accessMethods)).max(5), z.literal('any')])
    .optional()
    .describe('any when left out'),
  events: z
    .union([z.array(z.enum(attemptKinds)).min(1).max(2), z.literal('both')])
    .optional()
    .describe('openings (entry), refused attempts (rejection) or both; both when left out'),
  channels: z.array(z.enum(channels)).max(3),
  recipients: z.array(z.string().min(1).max(200)).max(100),
});

export type ScheduleInput = z.infer<typeof scheduleInputSchema>;
export type ScheduleItem = z.infer<typeof scheduleSchema>;
export type NotificationRuleItem = z.infer<typeof notificationRuleSchema>;
export type AlertItem = z.infer<typeof alertSchema>;
export type OutboxMessageItem = z.infer<typeof outboxMessageSchema>;
