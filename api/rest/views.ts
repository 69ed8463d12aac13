/** Twin records as the API shows them (shapes in schemas.ts). Pure functions of the twin's state. */
import type {
  AccessGroup,
  Alert,
  CloudLock,
  CloudTag,
  CloudUser,
  Entry,
  NotificationRule,
  OutboxMessage,
  Pod,
  RemoteCommand,
  Schedule,
  SiteRecord,
} from '../../twin/index.ts';
import type { LiveTwin } from '../live-twin.ts';
import { notFound } from './errors.ts';
import {
  snakeValue,
  type AccessGroupItem,
  type AlertItem,
  type CommandItem,
  type EntryItem,
  type IqItem,
  type LockItem,
  type NotificationRuleItem,
  type OutboxMessageItem,
  type PodItem,
  type SiteItem,
  type SubscriptionItem,
  type TagItem,
  type UserItem,
} from './schemas.ts';

export function utcIso(utcMs: number): string {
  return new Date(utcMs).toISOString();
}

export function scheduleView(schedule: Schedule): LockItem['eom_schedules'][number] {
  return {
    weekdays: [...schedule.weekdays],
    start: schedule.start,
    end: schedule.end,
    from_date: schedule.fromDate ?? null,
    until_date: schedule.untilDate ?? null,
  };
}

export function subscriptionView(site: SiteRecord, usersCount: number): SubscriptionItem {
  const { subscription } = site;
  return {
    active: subscription.active,
    features: subscription.features.map(snakeValue),
    seats: subscription.seats,
    seats_used: usersCount,
  };
}

export function siteView(site: SiteRecord, usersCount: number): SiteItem {
  return {
    id: site.id,
    name: site.name,
    time_zone: site.timeZone,
    released: site.released,
    subscription: subscriptionView(site, usersCount),
  };
}

type SpecOf<Key extends 'locks' | 'iqs'> = LiveTwin['spec'][Key][number];
const specIndexes = new WeakMap<
  LiveTwin,
  { locks: Map<string, SpecOf<'locks'>>; iqs: Map<string, SpecOf<'iqs'>> }
>();

/** The site spec's locks and IQs by id (a spec never changes, so the index is made once per twin). */
function specIndex(live: LiveTwin): { locks: Map<string, SpecOf<'locks'>>; iqs: Map<string, SpecOf<'iqs'>> } {
  let index = specIndexes.get(live);
  if (index === undefined) {
    index = {
      locks: new Map(live.spec.locks.map((lock) => [lock.id, lock])),
      iqs: new Map(live.spec.iqs.map((iq) => [iq.id, iq])),
    };
    specIndexes.set(live, index);
  }
  return index;
}

export function lockView(live: LiveTwin, lock: CloudLock): LockItem {
  const spec = specIndex(live).locks.get(lock.id);
  // Every cloud lock is a spec lock (the cloud cannot add locks); a lock without a device is not found.
  if (spec === undefined) throw notFound(`lock ${lock.id}`);
  const device = live.twin.lockView(lock.id);
  const { settings } = lock;
  return {
    id: lock.id,
    name: lock.name,
    kind: snakeValue(spec.kind),
    iq_id: lock.iqId,
    door_id: lock.doorId,
    open_time_ms: settings.openTimeMs,
    eom_schedules: settings.eomSchedules.map(scheduleView),
    alerts: {
      not_closed: settings.alerts.notClosed,
      intrusion: settings.alerts.intrusion,
      low_battery: settings.alerts.lowBattery,
    },
    locked_state: device.bolt === 'officeMode' ? 'office_mode' : device.bolt,
    office_mode: device.officeMode ?? null,
    door_state: device.door === 'notClosed' ? 'not_closed' : device.door,
    battery: snakeValue(device.battery),
    online: device.online,
    access_version: device.accessVersion,
    access_stale_ms: live.twin.staleness(lock.id).staleForMs,
  };
}

export function iqView(live: LiveTwin, iq: { readonly id: string; readonly activated: boolean }): IqItem {
  const spec = specIndex(live).iqs.get(iq.id);
  const lockIds = [...live.twin.cloud.state.locks.values()]
    .filter((lock) => lock.iqId === iq.id)
    .map((lock) => lock.id);
  // An IQ the cloud knows but the twin has no device for is shown as switched off.
  const device = spec === undefined ? undefined : live.twin.iqView(iq.id);
  return {
    id: iq.id,
    name: spec?.name ?? null,
    activated: iq.activated,
    connected: device?.connected ?? false,
    powered: device?.powered ?? false,
    sync_state: device?.sync ?? 'failed',
    lock_ids: lockIds,
  };
}

export function userView(user: CloudUser): UserItem {
  const { permissions } = user;
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    role: snakeValue(user.role),
    permissions: {
      remote_opening: permissions.remoteOpening,
      manual_office_mode: permissions.manualOfficeMode,
      easy_office_mode: permissions.easyOfficeMode,
      override_privacy: permissions.overridePrivacy,
    },
    has_pin: user.pin !== undefined,
  };
}

export function tagView(tag: CloudTag): TagItem {
  return { id: tag.id, user_id: tag.userId ?? null, blocked: tag.blocked };
}

export function accessGroupView(group: AccessGroup): AccessGroupItem {
  return {
    id: group.id,
    name: group.name,
    user_ids: [...group.userIds],
    lock_ids: [...group.lockIds],
    time_schedules: group.schedules.map(scheduleView),
  };
}

export function podView(pod: Pod): PodItem {
  return {
    id: pod.id,
    name: pod.name,
    member_ids: [...pod.memberIds],
    guest_ids: [...pod.guestIds],
    lock_ids: [...pod.lockIds],
    guest_limit: pod.guestLimit,
  };
}

export function notificationRuleView(rule: NotificationRule): NotificationRuleItem {
  return {
    id: rule.id,
    name: rule.name,
    user_ids: rule.userIds === 'anyone' ? 'anyone' : [...rule.userIds],
    lock_ids: rule.lockIds === 'any' ? 'any' : [...rule.lockIds],
    time_schedules: rule.schedules === 'always' ? 'always' : rule.schedules.map(scheduleView),
    methods: rule.methods === 'any' ? 'any' : [...rule.methods],
    channels: [...rule.channels],
    recipients: [...rule.recipients],
  };
}

export function outboxMessageView(message: OutboxMessage): OutboxMessageItem {
  return {
    rule_id: message.ruleId,
    channel: message.channel,
    recipient: message.recipient,
    subject: message.subject,
    body: message.body,
    utc_date_time: utcIso(message.atUtcMs),
  };
}

export function alertView(alert: Alert): AlertItem {
  return {
    lock_id: alert.lockId,
    kind: alert.kind,
    active: alert.clearedUtcMs === undefined,
    detail: alert.detail,
    raised_utc_date_time: utcIso(alert.raisedUtcMs),
    cleared_utc_date_time: alert.clearedUtcMs === undefined ? null : utcIso(alert.clearedUtcMs),
  };
}

export function entryView(entry: Entry, epochUtcMs: number): EntryItem {
  return {
    lock_id: entry.lockId,
    audit_seq: entry.auditSeq,
    event_category: entry.category,
    event_detail: entry.detail,
    utc_date_time: entry.utcDateTime,
    local_date_time: entry.localDateTime,
    received_utc_date_time: utcIso(epochUtcMs + entry.receivedMs),
    user_id: entry.userId ?? null,
    access_by: entry.method ?? null,
  };
}

const commandStates = {
  open: 'unlocked',
  'office-mode-on': 'office_mode',
  'office-mode-off': 'locked',
} as const;

export function commandView(command: RemoteCommand, epochUtcMs: number): CommandItem {
  return {
    command_id: command.id,
    lock_id: command.lockId,
    locked_state: commandStates[command.kind],
    user_id: command.userId,
    status: command.status,
    error_code: command.error?.code ?? null,
    error_message: command.error?.message ?? null,
    issued_utc_date_time: utcIso(epochUtcMs + command.issuedMs),
    finished_utc_date_time: command.finishedMs === undefined ? null : utcIso(epochUtcMs + command.finishedMs),
  };
}
