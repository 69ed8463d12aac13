/**
 * Notification rules: "if _who_ opened _which door_ in _time frame_ via _method_, tell these recipients on these
 * channels". The cloud calls `notify` once per attempt it learns of, an opening or a refusal (the seed: messages
 * come "when a user tries to open a door"; the vendor lets a rule take entries, rejections or both: `events`,
 * both by default). It learns of them from the entries log, so a lock that uploads late still notifies, and the
 * time frame is judged at the attempt's own time by the lock's clock, not at its arrival ("when … in relation to
 * when the door is opened"). Each matching rule × channel × recipient becomes one message in a bounded outbox,
 * which stands in for the email, push and SMS gateways.
 *
 * Incidents (the owner's pre-set alerts: NOT CLOSED, intrusion, low battery, and whatever else the alert board
 * raises) go to every owner by email and push when the board raises them (`notifyIncident`), one path for all.
 *
 * The outbox is retained like the entries (retained-log.ts): at most `outboxMax` messages, none about an opening
 * more than 90 days before the newest.
 */
import { CloudError } from './error-table.ts';
import { DateTime } from 'luxon';
import type { AccessMethod } from '../access/audit-event.ts';
import type { Schedule } from './model.ts';
import { assertTimeZone, isWithinSchedules } from '../access/schedule.ts';
import { scheduleRootPath, validateSchedule } from '../site/schedule-schema.ts';
import { RetainedLog, retentionMsDefault } from './retained-log.ts';

// One definition of the access methods, shared with the locks' audit trail, so the two cannot drift apart.
export type { AccessMethod } from '../access/audit-event.ts';

export const channels = ['email', 'push', 'sms'] as const;
export type Channel = (typeof channels)[number];

/** What a rule fires on: openings (the vendor's "entry" events), refused attempts ("rejection"), or both. */
export const attemptKinds = ['entry', 'rejection'] as const;
export type AttemptKind = (typeof attemptKinds)[number];

/** The channels an incident goes out on to each owner (the vendor's incident notifications: email and push). */
export const incidentChannels: readonly Channel[] = ['email', 'push'];
/** The `ruleId` of an incident's messages: the cloud's own, not a rule's. */
export const incidentRuleIdPrefix = 'incident:';

export interface NotificationRule {
  readonly id: string;
  readonly name: string;
  readonly userIds: readonly string[] | 'anyone';
  readonly lockIds: readonly string[] | 'any';
  /** In the site's local time; an empty list never matches (like an access group without a schedule). */
  readonly schedules: readonly Schedule[] | 'always';
  readonly methods: readonly AccessMethod[] | 'any';
  /** Left out: both (the seed's "tries to open"). */
  readonly events?: readonly AttemptKind[];
  readonly channels: readonly Channel[];
  readonly recipients: readonly string[];
}

export interface OpeningEvent {
  readonly lockId: string;
  /** Undefined when nobody identified opened (inside handle). */
  readonly userId: string | undefined;
  readonly method: AccessMethod;
  readonly atUtcMs: number;
  /** An opening (left out) or a refused attempt, with the lock's reason. */
  readonly refused?: { readonly reason: string };
}

/** An incident as the alert board raised it, for its message. */
export interface IncidentEvent {
  readonly lockId: string;
  readonly kind: string;
  readonly detail: string;
  /** When the condition began, by the lock's clock. */
  readonly atUtcMs: number;
}

export interface OutboxMessage {
  readonly ruleId: string;
  readonly channel: Channel;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  /** When the opening (or incident) happened, not when the message was queued. */
  readonly atUtcMs: number;
  /** An incident's lock and kind (incident messages only). */
  readonly incident?: { readonly lockId: string; readonly kind: string };
}

/** Display names for the message text; ids are used where a name is missing. */
export interface OpeningNames {
  readonly user?: string;
  readonly door: string;
}

/** Messages kept; past this the oldest are dropped and counted, so a long run cannot grow without bound. */
export const outboxMaxDefault = 10_000;
/** Rules per site: far above any real site, low enough that matching every opening against all stays cheap. */
export const notificationRulesMax = 1_000;

const methodPhrases: Readonly<Record<AccessMethod, string>> = {
  tag: 'with a tag',
  digital_key: 'with a digital key',
  pin_code: 'with a PIN code',
  remote: 'remotely',
  inside_handle: 'with the inside handle',
};

export class Notifier {
  private readonly rulesById = new Map<string, NotificationRule>();
  private readonly messages: RetainedLog<OutboxMessage>;

  constructor(
    private readonly timeZone: string,
    outboxMax: number = outboxMaxDefault,
    retentionMs: number = retentionMsDefault,
  ) {
    assertTimeZone(timeZone);
    if (!Number.isSafeInteger(outboxMax) || outboxMax < 1)
      throw new RangeError(`outboxMax must be a positive integer, got ${outboxMax}`);
    this.messages = new RetainedLog<OutboxMessage>({
      countMax: outboxMax,
      retentionMs,
      timeMsOf: (message) => message.atUtcMs,
    });
  }

  /** Adds a rule or replaces the one with its id (keeping its place, so delivery order stays stable). */
  setRule(rule: NotificationRule): void {
    assertRule(rule);
    if (!this.rulesById.has(rule.id) && this.rulesById.size >= notificationRulesMax) {
      throw new RangeError(`at most ${notificationRulesMax} notification rules`);
    }
    this.rulesById.set(rule.id, rule);
  }

  /** Returns whether a rule was removed. */
  removeRule(id: string): boolean {
    return this.rulesById.delete(id);
  }

  /** In the order they were first set. */
  rules(): readonly NotificationRule[] {
    return [...this.rulesById.values()];
  }

  /** Queues and returns one message per matching rule × channel × recipient, in rule, channel, recipient order. */
  notify(event: OpeningEvent, names: OpeningNames): OutboxMessage[] {
    const sent: OutboxMessage[] = [];
    let text: { subject: string; body: string } | undefined;
    for (const rule of this.rulesById.values()) {
      if (!this.matches(rule, event)) continue;
      // Formatting local time costs a zone conversion: do it once, and only when some rule matches.
      text ??= this.describe(event, names);
      for (const channel of rule.channels) {
        for (const recipient of rule.recipients)
          sent.push({ ruleId: rule.id, channel, recipient, ...text, atUtcMs: event.atUtcMs });
      }
    }
    for (const message of sent) this.messages.append(message);
    return sent;
  }

  /**
   * Queues one message per incident channel × owner address for an incident the alert board raised (or changed:
   * a low battery gone very low), and returns them. Owners without an email get the push only.
   */
  notifyIncident(
    incident: IncidentEvent,
    door: string,
    owners: readonly { readonly id: string; readonly email?: string | undefined }[],
  ): OutboxMessage[] {
    const local = this.localTime(incident.atUtcMs);
    const subject = `${incidentTitle(incident.kind)} at ${door}`;
    const body = `${incidentTitle(incident.kind)} at ${door} (${incident.detail}) on ${local}.`;
    const sent: OutboxMessage[] = [];
    for (const channel of incidentChannels) {
      for (const owner of owners) {
        if (channel === 'email' && owner.email === undefined) continue;
        sent.push({
          ruleId: `${incidentRuleIdPrefix}${incident.kind}`,
          channel,
          recipient: channel === 'email' ? (owner.email as string) : (owner.email ?? owner.id),
          subject,
          body,
          atUtcMs: incident.atUtcMs,
          incident: { lockId: incident.lockId, kind: incident.kind },
        });
      }
    }
    for (const message of sent) this.messages.append(message);
    return sent;
  }

  /** Queues a message the cloud sends itself, not from a rule (an IQ PIN mailed to its user). */
  send(message: OutboxMessage): void {
    this.messages.append(message);
  }

  /** Queued messages, oldest first; only one channel's when given. */
  outbox(channel?: Channel): readonly OutboxMessage[] {
    const messages = this.messages.all();
    return channel === undefined ? messages : messages.filter((message) => message.channel === channel);
  }

  /** Messages no longer in the outbox (it was full, or the opening was more than the retention ago). */
  get dropped(): number {
    return this.messages.firstIndex;
  }

  private matches(rule: NotificationRule, event: OpeningEvent): boolean {
    const attempt: AttemptKind = event.refused === undefined ? 'entry' : 'rejection';
    if (rule.events !== undefined && !rule.events.includes(attempt)) return false;
    if (rule.lockIds !== 'any' && !rule.lockIds.includes(event.lockId)) return false;
    if (rule.methods !== 'any' && !rule.methods.includes(event.method)) return false;
    // An unidentified opener matches only a rule for anyone: a rule names people, and this was nobody named.
    if (rule.userIds !== 'anyone' && (event.userId === undefined || !rule.userIds.includes(event.userId)))
      return false;
    // The time frame last: it is the only check that needs a zone conversion.
    return rule.schedules === 'always' || isWithinSchedules(rule.schedules, event.atUtcMs, this.timeZone);
  }

  private describe(event: OpeningEvent, names: OpeningNames): { subject: string; body: string } {
    const who = names.user ?? event.userId ?? 'Someone';
    const when = this.localTime(event.atUtcMs);
    if (event.refused !== undefined)
      return {
        subject: `${names.door} refused ${who}`,
        body: `${who} tried to open ${names.door} ${methodPhrases[event.method]} on ${when} and was refused (${event.refused.reason}).`,
      };
    return {
      subject: `${names.door} opened by ${who}`,
      body: `${who} opened ${names.door} ${methodPhrases[event.method]} on ${when}.`,
    };
  }

  private localTime(atUtcMs: number): string {
    // An explicit locale: luxon's default is the host's, which would make the text differ between machines.
    const local = DateTime.fromMillis(atUtcMs, { zone: this.timeZone, locale: 'en-GB' });
    return `${local.toFormat("yyyy-MM-dd 'at' HH:mm:ss")} (${this.timeZone}, UTC${local.toFormat('ZZ')})`;
  }
}

/** Rules come from admins through the API: a malformed one must fail when set, not when a door opens. */
function assertRule(rule: NotificationRule): void {
  if (rule.id === '') throw new RangeError('a notification rule needs an id');
  // A rule that could never deliver (no channel or nobody to tell) is an invalid try to send a message.
  if (rule.channels.length === 0) throw new CloudError(4101, `notification rule ${rule.id} has no channel`);
  if (rule.recipients.length === 0)
    throw new CloudError(4101, `notification rule ${rule.id} has no recipient`);
  if (rule.events !== undefined) {
    // A rule that takes neither kind of attempt could never deliver either.
    if (!Array.isArray(rule.events) || rule.events.length === 0)
      throw new CloudError(4101, `notification rule ${rule.id} takes no events`);
    const unknown = rule.events.find((kind) => !(attemptKinds as readonly string[]).includes(kind));
    if (unknown !== undefined)
      throw new RangeError(
        `notification rule ${rule.id}: events: ${String(unknown)} is not entry or rejection`,
      );
  }
  if (rule.schedules === 'always') return;
  rule.schedules.forEach((schedule, index) => {
    const result = validateSchedule(schedule);
    if (result.ok) return;
    const field = result.path === scheduleRootPath ? '' : `.${result.path}`;
    throw new RangeError(`notification rule ${rule.id}: schedules[${index}]${field}: ${result.message}`);
  });
}

/** An incident's name in its message ("NOT CLOSED", as the service writes it), its kind where none is known. */
const incidentTitles: Readonly<Record<string, string>> = {
  not_closed: 'NOT CLOSED',
  intrusion: 'Intrusion',
  tamper: 'Tamper alarm',
  low_battery: 'Low battery',
};

function incidentTitle(kind: string): string {
  return incidentTitles[kind] ?? kind;
}
