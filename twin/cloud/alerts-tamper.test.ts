import { describe, expect, it } from 'vitest';
import { AlertBoard, type AlertEntry } from './alerts.ts';

function entry(category: string, atUtcMs: number, detail = '', lockId = 'gate'): AlertEntry {
  return { lockId, category, detail, atUtcMs };
}

describe('the tamper alert', () => {
  it('is raised by a tamper entry, once, and cleared only when the sensor is restored', () => {
    const board = new AlertBoard();
    expect(board.onEntry(entry('tamper', 1_000, 'lock tampered with'))).toMatchObject({
      kind: 'tamper',
      raisedUtcMs: 1_000,
      detail: 'lock tampered with',
      clearedUtcMs: undefined,
    });
    expect(board.onEntry(entry('tamper', 2_000, 'lock tampered with'))).toBeUndefined();
    expect(board.acknowledge('gate', 'tamper', 2_500)).toBeUndefined();
    expect(board.active('gate').map((alert) => alert.kind)).toEqual(['tamper']);
    expect(board.onEntry(entry('tamper_cleared', 3_000))).toMatchObject({
      kind: 'tamper',
      clearedUtcMs: 3_000,
    });
    expect(board.active('gate')).toEqual([]);
    expect(board.onEntry(entry('tamper', 4_000))).toMatchObject({
      kind: 'tamper',
      detail: 'lock tampered with',
    });
    expect(board.history().filter((alert) => alert.kind === 'tamper')).toHaveLength(2);
  });
});
