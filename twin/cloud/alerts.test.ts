import { describe, expect, it } from 'vitest';
import type { AlertEntry } from './alerts.ts';
import { AlertBoard } from './alerts.ts';

function entry(category: string, atUtcMs: number, detail = '', lockId = 'front'): AlertEntry {
  return { lockId, category, detail, atUtcMs };
}

describe('AlertBoard', () => {
  it('raises NOT CLOSED and clears it only when the door closes', () => {
    const board = new AlertBoard();
    const raised = board.onEntry(entry('not_closed', 1_000, 'door open 38 s'));
    expect(raised).toEqual({
      lockId: 'front',
      kind: 'not_closed',
      raisedUtcMs: 1_000,
      clearedUtcMs: undefined,
      detail: 'door open 38 s',
    });
    expect(board.active('front')).toEqual([raised]);
    // A repeat (a batch uploaded twice) raises nothing new; acknowledging does not close a door.
    expect(board.onEntry(entry('not_closed', 1_000, 'door open 38 s'))).toBeUndefined();
    expect(board.acknowledge('front', 'not_closed', 2_000)).toBeUndefined();
    expect(board.active()).toHaveLength(1);
    const cleared = board.onEntry(entry('not_closed_cleared', 5_000, 'door closed'));
    expect(cleared).toMatchObject({ kind: 'not_closed', raisedUtcMs: 1_000, clearedUtcMs: 5_000 });
    expect(board.active()).toEqual([]);
    expect(board.history()).toEqual([cleared]);
    // The alert handed out when raised is a value: clearing did not change it.
    expect(raised?.clearedUtcMs).toBeUndefined();
    expect(board.onEntry(entry('not_closed_cleared', 6_000))).toBeUndefined();
  });

  it('keeps an intrusion active until someone acknowledges it', () => {
    const board = new AlertBoard();
    expect(board.onEntry(entry('intrusion', 1_000, 'door opened without an opening'))).toMatchObject({
      kind: 'intrusion',
    });
    expect(board.onEntry(entry('not_closed_cleared', 2_000))).toBeUndefined();
    expect(board.onEntry(entry('intrusion', 3_000))).toBeUndefined();
    expect(board.active('front').map((alert) => alert.kind)).toEqual(['intrusion']);
    expect(board.acknowledge('front', 'intrusion', 4_000)).toMatchObject({
      kind: 'intrusion',
      raisedUtcMs: 1_000,
      clearedUtcMs: 4_000,
    });
    expect(board.active()).toEqual([]);
    expect(board.acknowledge('front', 'intrusion', 5_000)).toBeUndefined();
    // A new intrusion after acknowledgement is a new alert.
    expect(board.onEntry(entry('intrusion', 6_000))).toMatchObject({
      raisedUtcMs: 6_000,
      detail: 'door opened without an opening',
    });
    expect(board.history()).toHaveLength(2);
  });

  it('raises low battery, follows the level, and clears it on a fresh battery', () => {
    const board = new AlertBoard();
    expect(board.onEntry(entry('battery_low', 1_000, 'battery low'))).toMatchObject({
      kind: 'low_battery',
      detail: 'battery low',
    });
    expect(board.onEntry(entry('battery_low', 2_000, 'battery low'))).toBeUndefined();
    const worse = board.onEntry(entry('battery_low', 3_000, 'battery very-low'));
    expect(worse).toMatchObject({ raisedUtcMs: 1_000, clearedUtcMs: undefined, detail: 'battery very low' });
    expect(board.active()).toEqual([worse]);
    expect(board.acknowledge('front', 'low_battery', 3_500)).toBeUndefined();
    expect(board.onEntry(entry('battery_fresh', 4_000, 'battery fresh'))).toMatchObject({
      clearedUtcMs: 4_000,
      detail: 'battery very low',
    });
    expect(board.active()).toEqual([]);
    expect(board.history()).toEqual([
      {
        lockId: 'front',
        kind: 'low_battery',
        raisedUtcMs: 1_000,
        clearedUtcMs: 4_000,
        detail: 'battery very low',
      },
    ]);
  });

  it('raises nothing for a kind switched off on a door, and keeps other doors and kinds on', () => {
    const board = new AlertBoard();
    board.setEnabled('front', 'intrusion', false);
    expect(board.isEnabled('front', 'intrusion')).toBe(false);
    expect(board.isEnabled('front', 'not_closed')).toBe(true);
    expect(board.isEnabled('back', 'intrusion')).toBe(true);
    expect(board.onEntry(entry('intrusion', 1_000))).toBeUndefined();
    expect(board.onEntry(entry('intrusion', 1_000, '', 'back'))).toMatchObject({ lockId: 'back' });
    expect(board.onEntry(entry('not_closed', 1_000))).toMatchObject({ lockId: 'front', kind: 'not_closed' });
    board.setDoorAlerts('front', { notClosed: true, intrusion: true, lowBattery: false });
    expect(board.onEntry(entry('intrusion', 2_000))).toMatchObject({ lockId: 'front' });
    expect(board.onEntry(entry('battery_low', 2_000, 'battery low'))).toBeUndefined();
    expect(board.active('front').map((alert) => alert.kind)).toEqual(['not_closed', 'intrusion']);
    expect(board.active().map((alert) => alert.lockId)).toEqual(['back', 'front', 'front']);
  });

  it('lets an alert raised before its kind was switched off clear normally', () => {
    const board = new AlertBoard();
    board.onEntry(entry('not_closed', 1_000));
    board.setEnabled('front', 'not_closed', false);
    expect(board.active()).toHaveLength(1);
    expect(board.onEntry(entry('not_closed_cleared', 2_000))).toMatchObject({ clearedUtcMs: 2_000 });
  });

  it('ignores entries that are not alerts', () => {
    const board = new AlertBoard();
    for (const category of ['lock_opened', 'lock_rejected', 'easy_office_mode', 'audit_overflow']) {
      expect(board.onEntry(entry(category, 1_000))).toBeUndefined();
    }
    expect(board.history()).toEqual([]);
  });

  it('bounds the history, dropping the oldest, while active alerts stay on the board', () => {
    const board = new AlertBoard(2);
    board.onEntry(entry('intrusion', 1_000, '', 'a'));
    board.onEntry(entry('intrusion', 2_000, '', 'b'));
    board.onEntry(entry('intrusion', 3_000, '', 'c'));
    expect(board.dropped).toBe(1);
    expect(board.history().map((alert) => alert.lockId)).toEqual(['b', 'c']);
    expect(board.active().map((alert) => alert.lockId)).toEqual(['a', 'b', 'c']);
    // Clearing a dropped one still clears it; clearing a kept one updates its history entry.
    expect(board.acknowledge('a', 'intrusion', 4_000)).toMatchObject({ lockId: 'a', clearedUtcMs: 4_000 });
    board.acknowledge('c', 'intrusion', 5_000);
    expect(board.history().map((alert) => [alert.lockId, alert.clearedUtcMs])).toEqual([
      ['b', undefined],
      ['c', 5_000],
    ]);
    expect(() => new AlertBoard(0)).toThrow(RangeError);
  });

  it('lets alerts raised more than 90 days before the newest leave the history; active ones stay on the board', () => {
    const dayMs = 86_400_000;
    const board = new AlertBoard();
    board.onEntry(entry('intrusion', 0, '', 'kept-active'));
    for (let day = 1; day <= 120; day++) {
      board.onEntry(entry('not_closed', day * dayMs, '', 'door'));
      board.onEntry(entry('not_closed_cleared', day * dayMs + 60_000, '', 'door'));
    }
    const history = board.history();
    expect(history[0]?.raisedUtcMs).toBe(30 * dayMs);
    expect(history).toHaveLength(91);
    expect(board.dropped).toBe(30);
    expect(board.active().map((alert) => alert.lockId)).toEqual(['kept-active']);
    expect(board.acknowledge('kept-active', 'intrusion', 121 * dayMs)).toMatchObject({
      clearedUtcMs: 121 * dayMs,
    });
  });
});
