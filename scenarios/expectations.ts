/**
 * Expectations: what a scenario says must (or must not) happen. Lock states are checked at their own virtual
 * time; decisions, taps, entries, alerts, admin outcomes and notifications are checked against what the run
 * recorded. Each unmet expectation becomes one plain-words failure.
 */
import { z } from 'zod';
import type { TracedTwinEvent, Twin } from '../twin/index.ts';
import { formatDurationMs, parseDurationMs } from './duration.ts';

const id = z.string().min(1);
const duration = z.union([z.string(), z.number()]).refine((value) => parseDurationMs(value) !== undefined, {
  message: 'is not a duration (like "90s", "2m", "1h")',
});

export const expectationSchema = z.discriminatedUnion('type', [
  /** The lock's state at a time. */
  z.strictObject({
    type: z.literal('lock-state'),
    at: duration,
    lock: id,
    bolt: z.enum(['locked', 'unlocked', 'officeMode']).optional(),
    officeMode: z.enum(['manual', 'easy']).optional(),
    door: z.enum(['closed', 'open', 'notClosed']).optional(),
    online: z.boolean().optional(),
    /** Privacy mode: the inside knob turned. */
    privacy: z.boolean().optional(),
    /** The firmware version the lock runs (devices/firmware-update.ts). */
    firmware: z.string().min(1).max(14).optional(),
  }),
  /** A decision the lock itself recorded (whether or not it ever reached the cloud). */
  z.strictObject({
    type: z.literal('decision'),
    lock: id,
    category: z.string().min(1),
    detail: z.string().optional(),
    user: id.optional(),
    after: duration.optional(),
    before: duration.optional(),
    absent: z.boolean().optional(),
  }),
  /** An entry in the cloud's entries log by the end of the run. */
  z.strictObject({
    type: z.literal('entry'),
    lock: id.optional(),
    category: z.string().min(1),
    detail: z.string().optional(),
    user: id.optional(),
    method: z.string().optional(),
    count: z.number().int().min(0).optional(),
    absent: z.boolean().optional(),
  }),
  /** An alert on the cloud's board: raised at some point, or active at a time. */
  z.strictObject({
    type: z.literal('alert'),
    lock: id,
    kind: z.enum(['not_closed', 'intrusion', 'low_battery', 'tamper']),
    activeAt: duration.optional(),
    absent: z.boolean().optional(),
  }),
  /** The outcome of a labelled admin action: "ok" or the error table's code. */
  z.strictObject({
    type: z.literal('admin-result'),
    label: z.string().min(1),
    code: z.union([z.literal('ok'), z.number().int()]),
  }),
  /** Messages in the notification outbox. */
  z.strictObject({
    type: z.literal('outbox'),
    channel: z.enum(['email', 'push', 'sms']).optional(),
    count: z.number().int().min(0),
  }),
  /** Which lock took a phone tap aimed at `aimed`. */
  z.strictObject({ type: z.literal('tap'), aimed: id, taken: id, absent: z.boolean().optional() }),
]);

export type Expectation = z.infer<typeof expectationSchema>;

/** Records the run keeps for checking expectations (bounded: scenarios are short stories). */
export class Observations {
  readonly decisions: { tMs: number; lock: string; category: string; detail: string; user: string | null }[] =
    [];
  readonly taps: { aimed: string; taken: string | null }[] = [];
  private readonly limit = 100_000;

  record({ event, tMs }: TracedTwinEvent): void {
    if (this.decisions.length + this.taps.length >= this.limit) return;
    if (event.kind === 'lock.audit') {
      const { device: lock, category, detail, user } = event;
      this.decisions.push({ tMs, lock, category, detail, user });
    } else if (event.kind === 'ble.tap') {
      this.taps.push({ aimed: event.aimed, taken: event.taken });
    }
  }
}

const ms = (value: string | number | undefined): number | undefined =>
  value === undefined ? undefined : parseDurationMs(value);

/** Schedules the timed checks (lock states, active alerts) into the run; failures are pushed as they happen. */
export function scheduleTimedChecks(
  twin: Twin,
  expectations: readonly Expectation[],
  failures: string[],
): void {
  expectations.forEach((expectation, index) => {
    if (expectation.type === 'lock-state') {
      twin.clock.scheduleAt(ms(expectation.at) as number, () => {
        const view = twin.lockView(expectation.lock);
        const wanted = {
          bolt: expectation.bolt,
          officeMode: expectation.officeMode,
          door: expectation.door,
          online: expectation.online,
          privacy: expectation.privacy,
          firmware: expectation.firmware,
        };
        for (const [field, value] of Object.entries(wanted)) {
          const actual = view[field as keyof typeof view];
          if (value !== undefined && actual !== value)
            failures.push(
              `expect[${index}]: at ${formatDurationMs(twin.clock.now())} ${expectation.lock}.${field} is ${String(actual)}, expected ${String(value)}`,
            );
        }
      });
    }
    if (expectation.type === 'alert' && expectation.activeAt !== undefined) {
      twin.clock.scheduleAt(ms(expectation.activeAt) as number, () => {
        const active = twin.cloud.alerts
          .active(expectation.lock)
          .some((alert) => alert.kind === expectation.kind);
        const wanted = expectation.absent !== true;
        if (active !== wanted)
          failures.push(
            `expect[${index}]: at ${formatDurationMs(twin.clock.now())} ${expectation.kind} alert on ${expectation.lock} is ${active ? 'active' : 'not active'}`,
          );
      });
    }
  });
}

/** Checks everything that is judged on the whole run; returns the failures. */
export function checkFinalExpectations(
  twin: Twin,
  expectations: readonly Expectation[],
  observations: Observations,
): string[] {
  const failures: string[] = [];
  expectations.forEach((expectation, index) => {
    const failure = finalFailure(twin, expectation, observations);
    if (failure !== undefined) failures.push(`expect[${index}]: ${failure}`);
  });
  return failures;
}

function presence(
  found: number,
  absent: boolean | undefined,
  what: string,
  count?: number,
): string | undefined {
  if (absent === true) return found === 0 ? undefined : `${what} appeared ${found} time(s), expected none`;
  if (count !== undefined)
    return found === count ? undefined : `${what} appeared ${found} time(s), expected ${count}`;
  return found > 0 ? undefined : `${what} never appeared`;
}

function finalFailure(twin: Twin, expectation: Expectation, observations: Observations): string | undefined {
  switch (expectation.type) {
    case 'lock-state':
      return undefined;
    case 'decision': {
      const after = ms(expectation.after) ?? 0;
      const before = ms(expectation.before) ?? Number.POSITIVE_INFINITY;
      const found = observations.decisions.filter(
        (decision) =>
          decision.lock === expectation.lock &&
          decision.category === expectation.category &&
          (expectation.detail === undefined || decision.detail.includes(expectation.detail)) &&
          (expectation.user === undefined || decision.user === expectation.user) &&
          decision.tMs >= after &&
          decision.tMs < before,
      ).length;
      return presence(
        found,
        expectation.absent,
        `decision ${expectation.category}${expectation.detail === undefined ? '' : ` (${expectation.detail})`} at ${expectation.lock}`,
      );
    }
    case 'entry': {
      const found = twin.entries
        .entries()
        .filter(
          (entry) =>
            entry.category === expectation.category &&
            (expectation.lock === undefined || entry.lockId === expectation.lock) &&
            (expectation.detail === undefined || entry.detail.includes(expectation.detail)) &&
            (expectation.user === undefined || entry.userId === expectation.user) &&
            (expectation.method === undefined || entry.method === expectation.method),
        ).length;
      return presence(
        found,
        expectation.absent,
        `entry ${expectation.category}${expectation.lock === undefined ? '' : ` of ${expectation.lock}`}`,
        expectation.count,
      );
    }
    case 'alert': {
      if (expectation.activeAt !== undefined) return undefined;
      const found = twin.cloud.alerts
        .history()
        .filter((alert) => alert.lockId === expectation.lock && alert.kind === expectation.kind).length;
      return presence(found, expectation.absent, `${expectation.kind} alert on ${expectation.lock}`);
    }
    case 'admin-result': {
      const outcome = twin.adminOutcomes().find((candidate) => candidate.label === expectation.label);
      if (outcome === undefined) return `no admin action labelled "${expectation.label}" ran`;
      if (!outcome.settled) return `admin action "${expectation.label}" had not settled by the end`;
      const actual = outcome.code ?? 'ok';
      return actual === expectation.code
        ? undefined
        : `admin action "${expectation.label}" gave ${String(actual)}, expected ${String(expectation.code)}`;
    }
    case 'outbox': {
      const found = twin.cloud.notifier.outbox(expectation.channel).length;
      return found === expectation.count
        ? undefined
        : `outbox${expectation.channel === undefined ? '' : ` (${expectation.channel})`} holds ${found} message(s), expected ${expectation.count}`;
    }
    case 'tap': {
      const found = observations.taps.filter(
        (tap) => tap.aimed === expectation.aimed && tap.taken === expectation.taken,
      ).length;
      return presence(
        found,
        expectation.absent,
        `a tap aimed at ${expectation.aimed} taken by ${expectation.taken}`,
      );
    }
  }
}
