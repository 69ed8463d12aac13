import { describe, expect, it } from 'vitest';
import { accessTwin, hourMs, minuteMs } from '../fixtures/access-site.ts';

type TestTwin = ReturnType<typeof accessTwin>;

function openAndPass(twin: TestTwin, tag: string, lockId: string): void {
  twin.apply({ type: 'present-tag', tag, lock: lockId });
  twin.runUntil(twin.clock.now() + 1_000);
  twin.apply({ type: 'open-door', door: `door-${lockId}` });
  twin.runUntil(twin.clock.now() + 3_000);
  twin.apply({ type: 'close-door', door: `door-${lockId}` });
}

describe('an hour-long outage', () => {
  it('loses no entries: they arrive with their original timestamps, each once', () => {
    const twin = accessTwin();
    twin.runUntil(minuteMs);
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    for (let minute = 2; minute < 62; minute++) {
      twin.runUntil(minute * minuteMs);
      openAndPass(twin, 'tag-1', 'lock-a');
    }
    const opened = twin.entries.entries().filter((entry) => entry.category === 'lock_opened');
    expect(opened).toHaveLength(0);
    twin.runUntil(62 * minuteMs);
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: true });
    twin.runUntil(62 * minuteMs + 10 * minuteMs);
    const arrived = twin.entries.entries().filter((entry) => entry.category === 'lock_opened');
    expect(arrived).toHaveLength(60);
    expect(new Set(arrived.map((entry) => entry.auditSeq)).size).toBe(60);
    expect(arrived.every((entry) => entry.receivedMs >= 62 * minuteMs)).toBe(true);
    expect(arrived.map((entry) => Math.floor(entry.atMs / minuteMs))).toEqual(
      Array.from({ length: 60 }, (_, index) => index + 2),
    );
    expect(arrived[0]).toMatchObject({ lockId: 'lock-a', userId: 'user-1', method: 'tag' });
    expect(arrived[0]?.utcDateTime).toMatch(/^2026-03-02T07:02:00\.\d{3}Z$/);
    expect(arrived[0]?.localDateTime).toMatch(/^2026-03-02T08:02:00\.\d{3}$/);
  });

  it('reports a buffer overflow as an entry', () => {
    const twin = accessTwin({ settings: { auditBufferMax: 20 } });
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    for (let minute = 1; minute <= 30; minute++) {
      twin.runUntil(minute * minuteMs);
      twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
    }
    twin.runUntil(hourMs);
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: true });
    twin.runUntil(hourMs + 10 * minuteMs);
    const entries = twin.entries.entries();
    expect(
      entries.filter((entry) => entry.category === 'audit_overflow').map((entry) => entry.detail),
    ).toEqual(['10 events lost (seq 1–10)']);
    expect(entries.filter((entry) => entry.category === 'lock_opened')).toHaveLength(20);
  });
});

describe('alerts', () => {
  it('NOT CLOSED raises at 38 s and clears only on close', () => {
    const twin = accessTwin();
    twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
    twin.runUntil(1_000);
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    twin.runUntil(2 * minuteMs);
    expect(twin.cloud.alerts.active('lock-a').map((alert) => alert.kind)).toEqual(['not_closed']);
    twin.apply({ type: 'close-door', door: 'door-lock-a' });
    twin.runUntil(3 * minuteMs);
    expect(twin.cloud.alerts.active('lock-a')).toHaveLength(0);
    expect(twin.cloud.alerts.history()[0]?.clearedUtcMs).toBeDefined();
  });

  it('raises intrusion for a forced door and low battery, and clears low battery on a fresh battery', () => {
    const twin = accessTwin();
    twin.apply({ type: 'force-door', door: 'door-lock-a' });
    twin.apply({ type: 'battery', lock: 'lock-a', level: 'low' });
    twin.runUntil(10_000);
    twin.apply({ type: 'close-door', door: 'door-lock-a' });
    twin.runUntil(minuteMs);
    expect(
      twin.cloud.alerts
        .active('lock-a')
        .map((alert) => alert.kind)
        .sort(),
    ).toEqual(['intrusion', 'low_battery']);
    twin.apply({ type: 'battery', lock: 'lock-a', level: 'fresh' });
    twin.runUntil(2 * minuteMs);
    expect(twin.cloud.alerts.active('lock-a').map((alert) => alert.kind)).toEqual(['intrusion']);
  });

  it('raises nothing for a door whose alerts are switched off', () => {
    const twin = accessTwin();
    twin.cloud.core.setAlerts('owner', 'lock-a', { notClosed: false, intrusion: false });
    twin.apply({ type: 'force-door', door: 'door-lock-a' });
    twin.runUntil(2 * minuteMs);
    expect(twin.cloud.alerts.active('lock-a')).toHaveLength(0);
  });
});

describe('notification rules', () => {
  it('deliver to their outbox only for matching who, where, when and how', () => {
    const twin = accessTwin({
      locks: [{ id: 'lock-a' }, { id: 'lock-b' }],
      startsAtUtc: '2026-03-02T07:00:00Z',
    });
    twin.cloud.notifier.setRule({
      id: 'uma-front-morning',
      name: 'Uma at lock-a in the morning by tag',
      userIds: ['user-1'],
      lockIds: ['lock-a'],
      schedules: [{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '12:00' }],
      methods: ['tag'],
      channels: ['email', 'sms'],
      recipients: ['olga@example.com'],
    });
    openAndPass(twin, 'tag-1', 'lock-a'); // matches: Monday 08:00 local, tag
    twin.runUntil(10 * minuteMs);
    openAndPass(twin, 'tag-2', 'lock-a'); // another user
    twin.runUntil(20 * minuteMs);
    openAndPass(twin, 'tag-1', 'lock-b'); // another door
    twin.runUntil(30 * minuteMs);
    twin.apply({ type: 'tap-phone', phone: 'phone-1', lock: 'lock-a' }); // another method
    twin.runUntil(5 * hourMs);
    openAndPass(twin, 'tag-1', 'lock-a'); // 13:00 local: outside the time frame
    twin.runUntil(6 * hourMs);
    const outbox = twin.cloud.notifier.outbox();
    expect(outbox.map((message) => message.channel)).toEqual(['email', 'sms']);
    expect(outbox[0]?.body).toMatch(/Uma One opened/);
    expect(twin.cloud.notifier.outbox('push')).toHaveLength(0);
  });
});
