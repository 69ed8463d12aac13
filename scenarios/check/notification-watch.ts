/**
 * Watches the outbox against what a client sees of the cloud (its alert board, its entries, its rules):
 * - incident-notified: every incident the alert board raises is sent to the site's owners (one message per
 *   owner and incident channel at least), whatever its kind;
 * - attempt-notified: a rule for anyone at any lock, always, by any method and for both kinds of attempt fires
 *   once per opening and once per refused attempt the cloud stores after the rule was set (× its channels ×
 *   recipients). Narrower rules are matched by the unit tests of the notifier, not judged here.
 * Both are skipped once the outbox has dropped messages (it was full, or retention took some).
 */
import type { NotificationRule, Twin } from '../../twin/index.ts';

export type NotificationWatchInvariant = 'incident-notified' | 'attempt-notified';

/** Catch-all rules followed (generated runs add one or two). */
const rulesFollowedMax = 16;

function catchAll(rule: NotificationRule): boolean {
  return (
    rule.userIds === 'anyone' &&
    rule.lockIds === 'any' &&
    rule.schedules === 'always' &&
    rule.methods === 'any' &&
    rule.events === undefined
  );
}

export class NotificationWatch {
  /** Absolute indexes (counting dropped ones) of the next alert and outbox message to look at. */
  private alertCursor = 0;
  private outboxCursor = 0;
  private readonly incidentKeys = new Set<string>();
  /** When each catch-all rule was first seen set (run time, ms), by its id. */
  private readonly rulesSeenMs = new Map<string, number>();

  constructor(
    private readonly twin: Twin,
    private readonly fail: (invariant: NotificationWatchInvariant, message: string) => void,
  ) {}

  /** When an admin action setting a rule was answered: the rules' time is the time they were set. */
  noteRules(nowMs: number): void {
    for (const rule of this.twin.cloud.notifier.rules()) {
      if (this.rulesSeenMs.size >= rulesFollowedMax) return;
      if (catchAll(rule) && !this.rulesSeenMs.has(rule.id)) this.rulesSeenMs.set(rule.id, nowMs);
    }
  }

  checkStep(): void {
    const { notifier } = this.twin.cloud;
    if (notifier.dropped > 0) return;
    const outbox = notifier.outbox();
    for (; this.outboxCursor < outbox.length; this.outboxCursor++) {
      const incident = outbox[this.outboxCursor]?.incident;
      const message = outbox[this.outboxCursor];
      if (incident !== undefined && message !== undefined)
        this.incidentKeys.add(`${incident.lockId}|${incident.kind}|${message.atUtcMs}`);
    }
    this.checkIncidents();
    this.checkAttempts(outbox);
  }

  private checkIncidents(): void {
    const { alerts, state } = this.twin.cloud;
    const history = alerts.history();
    const first = alerts.dropped;
    const owners = [...state.users.values()].some((user) => user.role === 'owner');
    for (; this.alertCursor < first + history.length; this.alertCursor++) {
      const alert = history[this.alertCursor - first];
      if (alert === undefined || !owners) continue;
      if (!this.incidentKeys.has(`${alert.lockId}|${alert.kind}|${alert.raisedUtcMs}`))
        this.fail(
          'incident-notified',
          `the ${alert.kind} alert on ${alert.lockId} was raised but no owner was sent a message about it`,
        );
    }
  }

  private checkAttempts(outbox: ReturnType<Twin['cloud']['notifier']['outbox']>): void {
    if (this.rulesSeenMs.size === 0) return;
    const rules = new Map(this.twin.cloud.notifier.rules().map((rule) => [rule.id, rule]));
    const attempts = this.twin.entries
      .entries()
      .filter(
        (entry) =>
          (entry.category === 'lock_opened' || entry.category === 'lock_rejected') &&
          entry.method !== undefined,
      );
    for (const [ruleId, seenMs] of [...this.rulesSeenMs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const rule = rules.get(ruleId);
      if (rule === undefined) continue; // removed: not judged
      const each = rule.channels.length * rule.recipients.length;
      // An entry stored in the very millisecond the rule was set may come before or after it.
      const surely = attempts.filter((entry) => entry.receivedMs > seenMs).length * each;
      const maybe = attempts.filter((entry) => entry.receivedMs >= seenMs).length * each;
      const sent = outbox.filter((message) => message.ruleId === ruleId).length;
      if (sent < surely || sent > maybe)
        this.fail(
          'attempt-notified',
          `rule ${ruleId} (anyone, any lock, always) sent ${sent} message(s) for ${surely / each} attempt(s) stored since it was set (${each} each)`,
        );
    }
  }
}
