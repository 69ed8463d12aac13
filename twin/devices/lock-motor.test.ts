import { describe, expect, it } from 'vitest';
import { smallSite } from '../../test/fixtures/sites.ts';
import { motorMsDefault, openTimeMsDefault } from '../defaults.ts';
import { createTwin, type Twin } from '../twin.ts';

function twinOf(options: { motorMs?: number; defects?: string[] } = {}): Twin {
  const spec = smallSite({
    locks: [{ id: 'lock-a', x: 4 }],
    ...(options.motorMs === undefined ? {} : { settings: { motorMs: options.motorMs } }),
  });
  return createTwin({ spec, seed: 3, defects: options.defects ?? [], trace: { keepLinesMax: 100_000 } });
}

/** The PIN acts at once (no read time), so the grant's instant is known: the lock is a keypad lock here. */
function keypadTwin(options: { motorMs?: number; defects?: string[] } = {}): Twin {
  const spec = smallSite({
    locks: [{ id: 'lock-a', x: 4, kind: 'pin' }],
    ...(options.motorMs === undefined ? {} : { settings: { motorMs: options.motorMs } }),
  });
  return createTwin({ spec, seed: 3, defects: options.defects ?? [], trace: { keepLinesMax: 100_000 } });
}

const doorLines = (twin: Twin): string[] =>
  twin.trace.lines().filter((line) => /"kind":"door\.(opened|stays-shut)"/.test(line));

describe('lock motor: the handle gives only once the motor has turned', () => {
  it('keeps the door shut while the motor couples the handle, and opens it from the motor time on', () => {
    const twin = keypadTwin();
    twin.runUntil(1_000);
    twin.apply({ type: 'enter-pin', pin: '123456', lock: 'lock-a' });
    expect(twin.lockView('lock-a').bolt).toBe('unlocked');
    twin.runUntil(1_000 + motorMsDefault - 1);
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    expect(twin.doorView('door-lock-a').open).toBe(false);
    twin.runUntil(1_000 + motorMsDefault);
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    expect(twin.doorView('door-lock-a').open).toBe(true);
    expect(doorLines(twin).map((line) => JSON.parse(line).kind as string)).toEqual([
      'door.stays-shut',
      'door.opened',
    ]);
  });

  it('lets the handle give for the open time: until the relocking run ends, not after', () => {
    const twin = keypadTwin();
    twin.apply({ type: 'enter-pin', pin: '123456', lock: 'lock-a' });
    const relockDoneMs = openTimeMsDefault + motorMsDefault;
    twin.runUntil(openTimeMsDefault + 1);
    // The bolt has relocked but the motor is still uncoupling: the handle still moves the latch, no intrusion.
    expect(twin.lockView('lock-a').bolt).toBe('locked');
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    expect(twin.doorView('door-lock-a').open).toBe(true);
    twin.apply({ type: 'close-door', door: 'door-lock-a' });
    twin.runUntil(relockDoneMs);
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    expect(twin.doorView('door-lock-a').open).toBe(false);
    expect(twin.trace.lines().join()).not.toMatch(/"intrusion"/);
    const motor = twin.trace
      .lines()
      .filter((line) => line.includes('"kind":"lock.motor"'))
      .map((line) => JSON.parse(line) as { t: number; handle: string });
    expect(motor).toEqual([
      expect.objectContaining({ t: motorMsDefault, handle: 'free' }),
      expect.objectContaining({ t: relockDoneMs, handle: 'blocked' }),
    ]);
  });

  it('follows the site setting for the motor time', () => {
    const twin = keypadTwin({ motorMs: 1_200 });
    twin.apply({ type: 'enter-pin', pin: '123456', lock: 'lock-a' });
    twin.runUntil(1_199);
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    expect(twin.doorView('door-lock-a').open).toBe(false);
    twin.runUntil(1_200);
    twin.apply({ type: 'open-door', door: 'door-lock-a' });
    expect(twin.doorView('door-lock-a').open).toBe(true);
  });

  it('a door forced while the handle is blocked is an intrusion; forced during the coupling run it is not', () => {
    const twin = keypadTwin();
    twin.apply({ type: 'enter-pin', pin: '123456', lock: 'lock-a' });
    twin.apply({ type: 'force-door', door: 'door-lock-a' });
    twin.apply({ type: 'close-door', door: 'door-lock-a' });
    expect(twin.trace.lines().join()).not.toMatch(/"intrusion"/);
    twin.runUntil(20_000);
    twin.apply({ type: 'force-door', door: 'door-lock-a' });
    expect(twin.trace.lines().join()).toMatch(/"intrusion"/);
  });

  it('with door-opens-before-motor the handle gives the moment the tag is granted', () => {
    const healthy = twinOf();
    const broken = twinOf({ defects: ['door-opens-before-motor'] });
    for (const twin of [healthy, broken]) {
      twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
      twin.runUntil(301); // every tag is read within 300 ms; the motor has not turned yet
      twin.apply({ type: 'open-door', door: 'door-lock-a' });
    }
    expect(healthy.lockView('lock-a').bolt).toBe('unlocked');
    expect(healthy.doorView('door-lock-a').open).toBe(false);
    expect(broken.doorView('door-lock-a').open).toBe(true);
  });
});
