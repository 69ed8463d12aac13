/** Twin records as the API shows them (shapes in schemas.ts). Pure functions of the twin's state. */
import type { Alert, NotificationRule, OutboxMessage, Schedule } from '../../twin/index.ts';
import {
  type AlertItem,
  type NotificationRuleItem,
  type OutboxMessageItem,
  type ScheduleItem,
  cloudMessageKinds,
} from './schemas.ts';
import type { ConnectIds } from './connect-ids.ts';

export function utcIso(utcMs: number): string {
  return new Date(utcMs).toISOString();
}

export function scheduleView(schedule: Schedule): ScheduleItem {
  return {
    weekdays: [...schedule.weekdays],
    start: schedule.start,
    end: schedule.end,
    from_date: schedule.fromDate ?? null,
    until_date: schedule.untilDate ?? null,
  };
}

export function notificationRuleView(ids: ConnectIds, rule: NotificationRule): NotificationRuleItem {
  return {
    id: ids.publicId('notification-rule', rule.id),
    name: rule.name,
    user_ids: rule.userIds === 'anyone' ? 'anyone' : rule.userIds.map((id) => ids.publicId('user', id)),
    lock_ids: rule.lockIds === 'any' ? 'any' : rule.lockIds.map((id) => ids.publicId('lock', id)),
    time_schedules: rule.schedules === 'always' ? 'always' : rule.schedules.map(scheduleView),
    methods: rule.methods === 'any' ? 'any' : [...rule.methods],
    events: rule.events === undefined ? 'both' : [...rule.events],
    channels: [...rule.channels],
    recipients: [...rule.recipients],
  };
}

/** The cloud's own messages (invitations, IQ PINs) name their kind instead of a rule. */
function outboxOrigin(ids: ConnectIds, ruleId: string): Pick<OutboxMessageItem, 'kind' | 'rule_id'> {
  const own = cloudMessageKinds.find((kind) => kind === ruleId);
  if (own !== undefined) return { kind: own === 'iq-pin' ? 'iq_pin' : own, rule_id: null };
  return { kind: 'notification', rule_id: ids.publicId('notification-rule', ruleId) };
}

export function outboxMessageView(ids: ConnectIds, message: OutboxMessage): OutboxMessageItem {
  return {
    ...(message.incident === undefined
      ? outboxOrigin(ids, message.ruleId)
      : { kind: 'incident' as const, rule_id: null }),
    channel: message.channel,
    recipient: message.recipient,
    subject: message.subject,
    body: message.body,
    utc_date_time: utcIso(message.atUtcMs),
  };
}

export function alertView(ids: ConnectIds, alert: Alert): AlertItem {
  return {
    lock_id: ids.publicId('lock', alert.lockId),
    kind: alert.kind,
    active: alert.clearedUtcMs === undefined,
    detail: alert.detail,
    raised_utc_date_time: utcIso(alert.raisedUtcMs),
    cleared_utc_date_time: alert.clearedUtcMs === undefined ? null : utcIso(alert.clearedUtcMs),
  };
}
