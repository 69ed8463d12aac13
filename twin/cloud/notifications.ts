/**
 * Notification rules: "if _who_ opened _which door_ in _time frame_ via _method_, tell these recipients on these
 * channels". The cloud calls `notify` once per opening it learns of (from the entries log, so a lock that uploads
 * late still notifies, with the opening's own time); each matching rule × channel × recipient becomes one message
 * in a bounded outbox, which stands in for the email, push and SMS gateways.
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

export interface NotificationRule {
  readonly id: string;
  readonly name: string;
  readonly userIds: readonly string[] | 'anyone';
  readonly lockIds: readonly string[] | 'any';
  /** In the site's local time; an empty list never matches (like an access group without a schedule). */
  readonly schedules: readonly Schedule[] | 'always';
  readonly methods: readonly AccessMethod[] | 'any';
  readonly channels: readonly Channel[];
  readonly recipients: readonly string[];
}

export interface OpeningEvent {
  readonly lockId: string;
  /** Undefined when nobody identified opened (inside handle). */
  readonly userId: string | undefined;
  readonly method: AccessMethod;
  readonly atUtcMs: number;
}

export interface OutboxMessage {
  readonly ruleId: string;
  readonly channel: Channel;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  /** When the opening happened, not when the message was queued. */
  readonly atUtcMs: number;
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
    // An explicit locale: luxon's default is the host's, which would make the text differ between machines.
    const local = DateTime.fromMillis(event.atUtcMs, { zone: this.timeZone, locale: 'en-GB' });
    const when = `${local.toFormat("yyyy-MM-dd 'at' HH:mm:ss")} (${this.timeZone}, UTC${local.toFormat('ZZ')})`;
    return {
      subject: `${names.door} opened by ${who}`,
      body: `${who} opened ${names.door} ${methodPhrases[event.method]} on ${when}.`,
    };
  }
}

/** Rules come from admins through the API: a malformed one must fail when set, not when a door opens. */
function assertRule(rule: NotificationRule): void {
  if (rule.id === '') throw new RangeError('a notification rule needs an id');
  // A rule that could never deliver (no channel or nobody to tell) is an invalid try to send a message.
  if (rule.channels.length === 0) throw new CloudError(4101, `notification rule ${rule.id} has no channel`);
  if (rule.recipients.length === 0)
    throw new CloudError(4101, `notification rule ${rule.id} has no recipient`);
  if (rule.schedules === 'always') return;
  rule.schedules.forEach((schedule, index) => {
    const result = validateSchedule(schedule);
    if (result.ok) return;
    const field = result.path === scheduleRootPath ? '' : `.${result.path}`;
    throw new RangeError(`notification rule ${rule.id}: schedules[${index}]${field}: ${result.message}`);
  });
}
