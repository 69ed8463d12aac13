import { describe, expect, it } from 'vitest';
import { EventLimitError, VirtualClock } from './clock.ts';

describe('VirtualClock', () => {
  it('fires timers with equal deadlines in insertion order', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) clock.setTimeout(() => fired.push(name), 100);
    clock.setTimeout(() => fired.push('early'), 50);
    clock.advance(100);
    expect(fired).toEqual(['early', 'a', 'b', 'c', 'd', 'e']);
  });

  it('queues scheduleCall(fn, arg) in the same order as schedule, calling fn with its argument', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const call = (name: string): void => void fired.push(`${name}@${clock.now()}`);
    clock.schedule(100, () => call('closure-a'));
    clock.scheduleCall(100, call, 'arg-b');
    clock.schedule(100, () => call('closure-c'));
    clock.scheduleCall(40, call, 'arg-early');
    clock.advance(100);
    expect(fired).toEqual(['arg-early@40', 'closure-a@100', 'arg-b@100', 'closure-c@100']);
  });

  it('fires a timer set for t with now() == t even when advanced past it in one call', () => {
    const clock = new VirtualClock();
    const seenAtMs: number[] = [];
    clock.setTimeout(() => seenAtMs.push(clock.now()), 250);
    clock.setTimeout(() => seenAtMs.push(clock.now()), 700);
    clock.advance(10_000);
    expect(seenAtMs).toEqual([250, 700]);
    expect(clock.now()).toBe(10_000);
  });

  it('fires timers scheduled from inside a callback at their own deadlines within the same advance', () => {
    const clock = new VirtualClock();
    const seenAtMs: number[] = [];
    const tick = (): void => {
      seenAtMs.push(clock.now());
      if (seenAtMs.length < 4) clock.setTimeout(tick, 300);
    };
    clock.setTimeout(tick, 300);
    clock.advance(5_000);
    expect(seenAtMs).toEqual([300, 600, 900, 1200]);
  });

  it('never fires a cancelled timer', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const handle = clock.setTimeout(() => fired.push('cancelled'), 100);
    clock.setTimeout(() => fired.push('kept'), 100);
    clock.clearTimeout(handle);
    clock.advance(1_000);
    expect(fired).toEqual(['kept']);
    expect(clock.step()).toBe(false);
  });

  it('step fires one entry at a time and reports an empty queue', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    clock.schedule(20, () => fired.push(clock.now()));
    clock.schedule(10, () => fired.push(clock.now()));
    expect(clock.step()).toBe(true);
    expect(fired).toEqual([10]);
    expect(clock.step()).toBe(true);
    expect(fired).toEqual([10, 20]);
    expect(clock.step()).toBe(false);
  });

  it('stops a run that exceeds its event limit with a clear error', () => {
    const clock = new VirtualClock({ eventsPerRunMax: 100 });
    const loop = (): void => void clock.schedule(1, loop);
    clock.schedule(1, loop);
    let caught: unknown;
    try {
      clock.advance(1_000);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventLimitError);
    expect(String(caught)).toMatch(/limit of 100 events at virtual time 101 ms/);
  });

  it('refuses to schedule in the past or run backwards', () => {
    const clock = new VirtualClock();
    clock.advance(100);
    expect(() => clock.scheduleAt(50, () => undefined)).toThrow(RangeError);
    expect(() => clock.runUntil(10)).toThrow(RangeError);
  });

  it('runs lane-1 entries (inputs) after everything else due in the same millisecond', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.scheduleAt(100, () => fired.push('input'), 1);
    clock.scheduleAt(100, () => {
      fired.push('event');
      clock.scheduleAt(100, () => fired.push('follow-up'));
    });
    clock.advance(100);
    expect(fired).toEqual(['event', 'follow-up', 'input']);
  });
});
