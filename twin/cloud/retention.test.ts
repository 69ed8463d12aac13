import { describe, expect, it } from 'vitest';
import { startBackgroundTraffic } from '../background-traffic.ts';
import { parseSiteSpec } from '../site/validate.ts';
import { createTwin } from '../twin.ts';
import { alertsMaxDefault } from './alerts.ts';
import { entriesMaxDefault, entriesRetentionMs } from './entries-log.ts';
import { outboxMaxDefault } from './notifications.ts';

const dayMs = 86_400_000;
/** Long enough that the 90-day retention has let the first weeks go. */
const runDays = 110;

/** One door and two people, heart-beating once an hour, so months of virtual time run in seconds. */
const smallSite = {
  name: 'retention',
  settings: { heartbeatIntervalMs: 3_600_000 },
  iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
  doors: [{ id: 'door-1', name: 'Front door' }],
  locks: [{ id: 'lock-1', kind: 'bluenet-escutcheon', iq: 'iq-1', door: 'door-1', position: { x: 3, y: 0 } }],
  users: [
    { id: 'user-1', name: 'Owner', role: 'owner' },
    { id: 'user-2', name: 'Sam' },
  ],
  tags: [
    { id: 'tag-1', user: 'user-1' },
    { id: 'tag-2', user: 'user-2' },
  ],
};

describe('the twin’s retained history over months of virtual time', () => {
  it('keeps entries, alerts and outbox messages within 90 days and their counts', () => {
    const parsed = parseSiteSpec(smallSite);
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
    const twin = createTwin({ spec: parsed.spec, seed: 5 });
    twin.apply({
      type: 'admin',
      actor: 'user-1',
      action: 'add-notification-rule',
      args: [
        {
          id: 'every-opening',
          name: 'Every opening',
          userIds: 'anyone',
          lockIds: 'any',
          schedules: 'always',
          methods: 'any',
          channels: ['email'],
          recipients: ['owner@example.com'],
        },
      ],
    });
    startBackgroundTraffic(twin, { untilMs: runDays * dayMs, visitsPerLockPerHour: 2 });
    const entryCounts: number[] = [];
    for (let day = 10; day <= runDays; day += 10) {
      twin.runUntil(day * dayMs);
      entryCounts.push(twin.entries.entries().length);
      // At every point: within the count bounds, and nothing older than the retention against the newest.
      const entries = twin.entries.entries();
      expect(entries.length).toBeLessThanOrEqual(entriesMaxDefault);
      const newestReceivedMs = entries.at(-1)?.receivedMs ?? 0;
      expect(newestReceivedMs - (entries[0]?.receivedMs ?? 0)).toBeLessThanOrEqual(entriesRetentionMs);
      expect(twin.cloud.alerts.history().length).toBeLessThanOrEqual(alertsMaxDefault);
      expect(twin.cloud.notifier.outbox().length).toBeLessThanOrEqual(outboxMaxDefault);
    }
    const nowUtcMs = twin.epochUtcMs + twin.clock.now();
    // The history grew while younger than the retention, then stopped growing: the oldest left as new arrived.
    expect(entryCounts[8]).toBeGreaterThan(entryCounts[0] ?? 0);
    expect(Math.abs((entryCounts[10] ?? 0) - (entryCounts[9] ?? 0))).toBeLessThan((entryCounts[0] ?? 0) / 2);
    expect(twin.entries.expired).toBeGreaterThan(0);
    expect(twin.entries.entries()[0]?.receivedMs).toBeGreaterThanOrEqual(
      twin.clock.now() - entriesRetentionMs - dayMs,
    );
    const outbox = twin.cloud.notifier.outbox();
    expect(outbox.length).toBeGreaterThan(0);
    expect(twin.cloud.notifier.dropped).toBeGreaterThan(0);
    expect(nowUtcMs - (outbox[0]?.atUtcMs ?? 0)).toBeLessThanOrEqual(entriesRetentionMs + dayMs);
    const alerts = twin.cloud.alerts.history();
    expect(alerts.length).toBeGreaterThan(0);
    expect(twin.cloud.alerts.dropped).toBeGreaterThan(0);
    expect(nowUtcMs - (alerts[0]?.raisedUtcMs ?? 0)).toBeLessThanOrEqual(entriesRetentionMs + dayMs);
  });
});
