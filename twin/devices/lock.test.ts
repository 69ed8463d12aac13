import { describe, expect, it } from 'vitest';
import { smallSite } from '../../test/fixtures/sites.ts';
import { heartbeatIntervalMsDefault, notClosedAfterMsDefault } from '../defaults.ts';
import { createTwin, type Twin } from '../twin.ts';

const site = () =>
  smallSite({
    locks: [
      { id: 'lock-a', x: 4 },
      { id: 'far', x: 17 },
    ],
    repeaters: [{ id: 'rep-1', x: 9 }],
  });

function twinWithTrace(options: { auditBufferMax?: number } = {}): Twin {
  const spec = site();
  const withSettings =
    options.auditBufferMax === undefined
      ? spec
      : { ...spec, settings: { ...spec.settings, auditBufferMax: options.auditBufferMax } };
  return createTwin({ spec: withSettings, seed: 11, trace: { keepLinesMax: 200_000 } });
}

const kinds = (twin: Twin, kind: string): string[] =>
  twin.trace.lines().filter((line) => line.includes(`"kind":"${kind}"`));

describe('lock: opening and relocking', () => {
  it('unlocks for a tag on its list and relocks after its open time (5 s by default)', () => {
    const twin = twinWithTrace();
    twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
    twin.runUntil(400);
    expect(twin.lockView('lock-a').bolt).toBe('unlocked');
    const unlockedAt = JSON.parse(kinds(twin, 'lock.unlocked')[0] as string).t as number;
    twin.runUntil(unlockedAt + 4_999);
    expect(twin.lockView('lock-a').bolt).toBe('unlocked');
    twin.runUntil(unlockedAt + 5_000);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
  });

  it('refuses a credential it does not hold and says why', () => {
    const twin = twinWithTrace();
    twin.apply({ type: 'present-tag', tag: 'tag-unknown', lock: 'lock-a' });
    twin.runUntil(1_000);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
    expect(kinds(twin, 'lock.audit').join()).toMatch(
      /"category":"lock_rejected".*"detail":"credential not on this lock"/,
    );
  });

  it('refuses every credential on a very low battery and raises a battery alert', () => {
    const twin = twinWithTrace();
    twin.apply({ type: 'battery', lock: 'lock-a', level: 'very-low' });
    twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
    twin.runUntil(1_000);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
    const audit = kinds(twin, 'lock.audit').join();
    expect(audit).toMatch(/battery_low/);
    expect(audit).toMatch(/battery very low/);
  });

  it('opens on a PIN only on a keypad lock', () => {
    const spec = smallSite({
      locks: [
        { id: 'keypad', x: 3, kind: 'pin' },
        { id: 'plain', x: -3 },
      ],
    });
    const twin = createTwin({ spec, seed: 1 });
    twin.apply({ type: 'enter-pin', pin: '123456', lock: 'keypad' });
    twin.apply({ type: 'enter-pin', pin: '123456', lock: 'plain' });
    expect(twin.lockView('keypad').bolt).toBe('unlocked');
    expect(twin.lockView('plain').bolt).toBe('locked');
  });
});

describe('lock: NOT CLOSED', () => {
  function openDoorAt(twin: Twin): number {
    twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
    twin.runUntil(1_000);
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    return twin.clock.now();
  }

  it('is raised when the door stays open 38 s and not at 37.9 s', () => {
    const twin = twinWithTrace();
    const openedAt = openDoorAt(twin);
    twin.runUntil(openedAt + 37_900);
    expect(twin.lockView('lock-a').door).toBe('open');
    expect(kinds(twin, 'lock.audit').join()).not.toMatch(/not_closed/);
    twin.runUntil(openedAt + notClosedAfterMsDefault);
    expect(twin.lockView('lock-a').door).toBe('notClosed');
    const alert = JSON.parse(
      kinds(twin, 'lock.audit').find((line) => line.includes('"not_closed"')) as string,
    );
    expect(alert.t).toBe(openedAt + 38_000);
  });

  it('is cleared only when the door closes', () => {
    const twin = twinWithTrace();
    const openedAt = openDoorAt(twin);
    twin.runUntil(openedAt + 120_000);
    expect(twin.lockView('lock-a').door).toBe('notClosed');
    twin.apply({ type: 'close-door', door: 'door-lock-a' });
    expect(twin.lockView('lock-a').door).toBe('closed');
    expect(kinds(twin, 'lock.audit').join()).toMatch(/not_closed_cleared/);
  });

  it('is not raised when the door closes in time', () => {
    const twin = twinWithTrace();
    const openedAt = openDoorAt(twin);
    twin.runUntil(openedAt + 10_000);
    twin.apply({ type: 'close-door', door: 'door-lock-a' });
    twin.runUntil(openedAt + 120_000);
    expect(kinds(twin, 'lock.audit').join()).not.toMatch(/not_closed/);
  });

  it('reports an intrusion when a locked door is forced, but not when opened from inside', () => {
    const twin = twinWithTrace();
    twin.apply({ type: 'hold-handle', door: 'door-lock-a', durationMs: 2_000 });
    twin.runUntil(3_000);
    twin.apply({ type: 'close-door', door: 'door-lock-a' });
    expect(kinds(twin, 'lock.audit').join()).not.toMatch(/intrusion/);
    twin.apply({ type: 'force-door', door: 'door-lock-a' });
    expect(kinds(twin, 'lock.audit').join()).toMatch(/intrusion/);
  });
});

describe('lock: audit trail', () => {
  /** Openings at the far lock while its repeater is off (the lock cannot reach its IQ). */
  function openingsDuringOutage(twin: Twin, count: number, gapMs: number): number[] {
    twin.apply({ type: 'power', device: 'rep-1', on: false });
    for (let index = 0; index < count; index++) {
      twin.runUntil(twin.clock.now() + gapMs);
      twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'far' });
    }
    twin.runUntil(twin.clock.now() + 1_000);
    return kinds(twin, 'lock.audit')
      .map((line) => JSON.parse(line) as { device: string; t: number; category: string })
      .filter((event) => event.device === 'far' && event.category === 'lock_opened')
      .map((event) => event.t);
  }

  it('buffers events while the IQ is unreachable and uploads them later with their original timestamps, none lost or twice', () => {
    const twin = twinWithTrace();
    const recordedAt = openingsDuringOutage(twin, 30, 60_000);
    expect(recordedAt).toHaveLength(30);
    expect(twin.entries.entries().filter((entry) => entry.lockId === 'far')).toHaveLength(0);
    expect(twin.lockView('far').auditBuffered).toBe(30);
    twin.apply({ type: 'power', device: 'rep-1', on: true });
    twin.runUntil(twin.clock.now() + 10 * heartbeatIntervalMsDefault);
    const arrived = twin.entries.entries().filter((entry) => entry.lockId === 'far');
    expect(arrived.map((entry) => entry.atMs)).toEqual(recordedAt);
    expect(new Set(arrived.map((entry) => entry.auditSeq)).size).toBe(30);
    expect(arrived.every((entry) => entry.receivedMs > entry.atMs)).toBe(true);
    expect(twin.lockView('far').auditBuffered).toBe(0);
  });

  it('reports a buffer overflow as an entry and loses only what it reports', () => {
    const twin = twinWithTrace({ auditBufferMax: 10 });
    const recordedAt = openingsDuringOutage(twin, 25, 5_000);
    twin.apply({ type: 'power', device: 'rep-1', on: true });
    twin.runUntil(twin.clock.now() + 10 * heartbeatIntervalMsDefault);
    const arrived = twin.entries.entries().filter((entry) => entry.lockId === 'far');
    const overflow = arrived.filter((entry) => entry.category === 'audit_overflow');
    expect(overflow).toHaveLength(1);
    expect(overflow[0]?.detail).toMatch(/^15 events lost/);
    expect(arrived.filter((entry) => entry.category === 'lock_opened').map((entry) => entry.atMs)).toEqual(
      recordedAt.slice(15),
    );
  });
});
