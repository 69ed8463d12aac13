import { describe, expect, it } from 'vitest';
import { accessTwin, auditOf, hourMs, weekdays } from '../fixtures/access-site.ts';

/**
 * Europe/Amsterdam moves from UTC+1 to UTC+2 on Sunday 2026-03-29. The run starts Friday 2026-03-27 05:00 UTC
 * (06:00 local); the group grants Mon–Fri 08:00–10:00 local.
 */
const morning = weekdays('08:00', '10:00');

function attemptAt(tMs: number, twin: ReturnType<typeof accessTwin>): string {
  twin.runUntil(tMs);
  twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
  twin.runUntil(tMs + 1_000);
  const last = auditOf(twin, 'lock-a').at(-1);
  return last === undefined ? 'nothing' : `${last.category}: ${last.detail}`;
}

describe('access groups under schedules in the site local time', () => {
  it('opens inside the schedule and refuses outside it, across the daylight-saving change', () => {
    const twin = accessTwin({
      startsAtUtc: '2026-03-27T05:00:00Z',
      accessGroups: [{ id: 'morning', users: ['user-1'], locks: ['lock-a'], schedules: [morning] }],
    });
    // Friday 08:30 local (07:30 UTC, winter time): inside.
    expect(attemptAt(2.5 * hourMs, twin)).toBe('lock_opened: opened by tag');
    // Friday 10:30 local: outside.
    expect(attemptAt(4.5 * hourMs, twin)).toBe('lock_rejected: outside schedule');
    // Saturday 09:00 local: not a weekday of the group.
    expect(attemptAt(27 * hourMs, twin)).toBe('lock_rejected: outside schedule');
    // Monday 08:30 local is 06:30 UTC in summer time: inside (at UTC+1 it would be 07:30, outside).
    expect(attemptAt(73.5 * hourMs, twin)).toBe('lock_opened: opened by tag');
    // Monday 10:15 local is 08:15 UTC: outside (at UTC+1 it would be 09:15, inside).
    expect(attemptAt(75.25 * hourMs, twin)).toBe('lock_rejected: outside schedule');
  });

  it('grants nothing through a group without a schedule', () => {
    const twin = accessTwin({
      accessGroups: [{ id: 'empty', users: ['user-1'], locks: ['lock-a'], schedules: [] }],
    });
    expect(attemptAt(1_000, twin)).toBe('lock_rejected: no access group grants this lock');
  });

  it('judges the schedule on the lock’s own clock: a lock running an hour fast refuses early', () => {
    const twin = accessTwin({
      startsAtUtc: '2026-03-27T05:00:00Z',
      accessGroups: [{ id: 'morning', users: ['user-1'], locks: ['lock-a'], schedules: [morning] }],
    });
    // With its IQ off no heartbeat brings the IQ's time, so the lock keeps its drifted clock (clock-correction.ts);
    // its tag has offline access, so it is judged on its schedule as usual.
    twin.apply({ type: 'power', device: 'iq-1', on: false });
    twin.apply({ type: 'lock-clock', lock: 'lock-a', offsetMs: hourMs });
    // Friday 09:30 local by the wall, 10:30 by the lock's clock.
    expect(attemptAt(3.5 * hourMs, twin)).toBe('lock_rejected: outside schedule');
    // Once its IQ is back, the next heartbeat sets the lock's clock right: the same time of day opens.
    twin.apply({ type: 'power', device: 'iq-1', on: true });
    twin.runUntil(twin.clock.now() + 2 * 60_000);
    expect(attemptAt(twin.clock.now() + 1_000, twin)).toBe('lock_opened: opened by tag');
  });

  it('refuses a user whose group lost the lock once the change has synced, and says how stale the lock was', () => {
    const twin = accessTwin();
    expect(attemptAt(60_000, twin)).toBe('lock_opened: opened by tag');
    twin.cloud.core.removeGroupUsers('owner', 'everyone', ['user-1']);
    expect(twin.staleness('lock-a').staleForMs).toBe(0);
    twin.runUntil(61_000);
    expect(twin.staleness('lock-a').cloudVersion).toBe(2);
    expect(attemptAt(3 * 60_000, twin)).toBe('lock_rejected: credential not on this lock');
    expect(twin.staleness('lock-a')).toEqual({ cloudVersion: 2, lockVersion: 2, staleForMs: 0 });
    expect(twin.iqView('iq-1').sync).toBe('synced');
  });
});
