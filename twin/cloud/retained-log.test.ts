import { describe, expect, it } from 'vitest';
import { RetainedLog } from './retained-log.ts';

const dayMs = 86_400_000;

function log(countMax: number, retentionMs = 90 * dayMs): RetainedLog<{ id: number; atMs: number }> {
  return new RetainedLog({ countMax, retentionMs, timeMsOf: (item) => item.atMs });
}

describe('RetainedLog', () => {
  it('keeps at most countMax items, the newest, and counts those that left', () => {
    const items = log(3);
    for (let id = 0; id < 10; id++) items.append({ id, atMs: id });
    expect(items.all().map((item) => item.id)).toEqual([7, 8, 9]);
    expect(items.size).toBe(3);
    expect(items.firstIndex).toBe(7);
    expect(items.droppedOverCount).toBe(7);
    expect(items.expired).toBe(0);
    expect(items.nextIndex).toBe(10);
  });

  it('lets items older than the retention (against the newest time) expire, oldest first', () => {
    const items = log(1_000, 10 * dayMs);
    for (let day = 0; day <= 30; day++) items.append({ id: day, atMs: day * dayMs });
    expect(items.all().map((item) => item.id)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(items.expired).toBe(20);
    expect(items.droppedOverCount).toBe(0);
  });

  it('replaces a kept item by its absolute index, and refuses one that left', () => {
    const items = log(2);
    items.append({ id: 0, atMs: 0 });
    items.append({ id: 1, atMs: 1 });
    items.append({ id: 2, atMs: 2 });
    expect(items.replaceAt(0, { id: 99, atMs: 0 })).toBe(false);
    expect(items.replaceAt(2, { id: 42, atMs: 2 })).toBe(true);
    expect(items.all().map((item) => item.id)).toEqual([1, 42]);
    expect(items.replaceAt(3, { id: 7, atMs: 3 })).toBe(false);
  });

  it('holds at most twice its bound in memory however many items pass (compaction)', () => {
    const items = log(100);
    for (let id = 0; id < 100_000; id++) {
      items.append({ id, atMs: id });
      expect((items as unknown as { items: unknown[] }).items.length).toBeLessThanOrEqual(201);
    }
    expect(items.all()).toHaveLength(100);
  });

  it('refuses bounds that could not hold anything', () => {
    expect(() => log(0)).toThrow(RangeError);
    expect(() => log(1, 0)).toThrow(RangeError);
  });
});
