/**
 * The visualization's model without a browser: how messages build the state, the bounded entries log, the alert
 * mirror, and the timeline's snapshot history (one frame per interval, thinning when full).
 */
import { describe, expect, it } from 'vitest';
import { LiveModel, SnapshotHistory, entriesMax } from '../../viz/client/model.ts';
import {
  parseServerMessage,
  type DeviceSnapshot,
  type EntryRow,
  type LockState,
  type ServerMessage,
} from '../../viz/client/protocol.ts';

const lock: LockState = {
  id: 'lock-front',
  name: 'Front door',
  kind: 'bluenet-escutcheon',
  doorId: 'door-front',
  x: 0,
  y: -6,
  iq: 'iq-1',
  bolt: 'locked',
  officeMode: undefined,
  door: 'closed',
  privacy: false,
  battery: 'fresh',
  online: true,
  accessVersion: 1,
  auditBuffered: 0,
  parent: 'iq-1',
};

const devices: DeviceSnapshot = {
  locks: [lock],
  iqs: [{ id: 'iq-1', x: 0, y: 0, connected: true, powered: true, sync: 'synced' }],
  repeaters: [],
  links: [{ from: 'lock-front', to: 'iq-1', rssiDbm: -61.5 }],
  alerts: [],
};

function snapshot(virtualMs: number, seq = 10): ServerMessage {
  return {
    type: 'snapshot',
    seq,
    virtualMs,
    status: {
      virtualMs,
      utc: new Date(Date.UTC(2026, 0, 5, 7) + virtualMs).toISOString(),
      paused: false,
      speed: 1,
      events: 5,
      traceHash: 'ab',
    },
    devices,
    entries: [],
  };
}

function entry(lockId: string, auditSeq: number, atMs: number, category = 'lock_opened'): EntryRow {
  return {
    lockId,
    auditSeq,
    atMs,
    utcDateTime: new Date(Date.UTC(2026, 0, 5, 7) + atMs).toISOString(),
    localDateTime: '',
    receivedMs: atMs + 150,
    category,
    detail: '',
    userId: 'user-anna',
    method: 'tag',
  };
}

describe('SnapshotHistory', () => {
  it('keeps one frame per interval and shows the last one at or before a time', () => {
    const history = new SnapshotHistory({ intervalMs: 10_000, framesMax: 100 });
    for (let atMs = 0; atMs <= 60_000; atMs += 1_000)
      history.record(atMs, {
        ...devices,
        alerts: [{ lockId: String(atMs), kind: 'not_closed', raisedUtcMs: 0 }],
      });
    expect(history.size).toBe(7);
    expect(history.at(25_000)?.atMs).toBe(20_000);
    expect(history.at(20_000)?.atMs).toBe(20_000);
    expect(history.at(-5)?.atMs).toBe(0);
    expect(history.at(1e9)?.atMs).toBe(60_000);
    expect(history.at(25_000)?.devices.alerts[0]?.lockId).toBe('20000');
  });

  it('thins itself when full: the first and last stay, the interval doubles, the whole session stays reachable', () => {
    const history = new SnapshotHistory({ intervalMs: 1_000, framesMax: 10 });
    for (let atMs = 0; atMs <= 100_000; atMs += 1_000) history.record(atMs, devices);
    expect(history.size).toBeLessThanOrEqual(10);
    expect(history.earliestMs).toBe(0);
    expect(history.intervalMs).toBeGreaterThan(1_000);
    expect(history.at(100_000)!.atMs).toBeGreaterThan(100_000 - 2 * history.intervalMs);
  });
});

describe('LiveModel', () => {
  it('ignores everything before the snapshot, then applies deltas without touching kept frames', () => {
    const model = new LiveModel({ intervalMs: 10_000 });
    expect(
      model.apply(
        {
          type: 'delta',
          seq: 1,
          virtualMs: 1,
          collection: 'locks',
          device: 'lock-front',
          state: { ...lock, bolt: 'unlocked' },
        },
        0,
      ),
    ).toBe(false);
    model.apply(snapshot(1_000), 0);
    const first = model.devices;
    // A message from before the snapshot (same or lower seq) is already in it.
    model.apply(
      {
        type: 'delta',
        seq: 9,
        virtualMs: 900,
        collection: 'locks',
        device: 'lock-front',
        state: { ...lock, door: 'open' },
      },
      0,
    );
    expect(model.devices?.locks[0]?.door).toBe('closed');
    model.apply(
      {
        type: 'delta',
        seq: 11,
        virtualMs: 12_000,
        collection: 'locks',
        device: 'lock-front',
        state: { ...lock, bolt: 'unlocked' },
      },
      0,
    );
    expect(model.devices?.locks[0]?.bolt).toBe('unlocked');
    expect(first?.locks[0]?.bolt).toBe('locked');
    expect(model.history.at(5_000)?.devices.locks[0]?.bolt).toBe('locked');
    expect(model.history.at(12_000)?.devices.locks[0]?.bolt).toBe('unlocked');
    expect(model.virtualMs).toBe(12_000);
    expect(model.epochUtcMs).toBe(Date.UTC(2026, 0, 5, 7));
  });

  it('keeps the newest entries first, once each, at most entriesMax', () => {
    const model = new LiveModel();
    model.apply(snapshot(0), 0);
    for (let index = 0; index < entriesMax + 20; index++)
      model.apply(
        {
          type: 'entry',
          seq: 11 + index,
          virtualMs: index * 100,
          entry: entry('lock-front', index, index * 100),
        },
        0,
      );
    model.apply(
      {
        type: 'entry',
        seq: 500,
        virtualMs: 50_000,
        entry: entry('lock-front', entriesMax + 19, (entriesMax + 19) * 100),
      },
      0,
    );
    expect(model.entries).toHaveLength(entriesMax);
    expect(model.entries[0]?.auditSeq).toBe(entriesMax + 19);
    expect(model.entries[1]?.auditSeq).toBe(entriesMax + 18);
    expect(model.entries.at(-1)?.auditSeq).toBe(20);
  });

  it('takes the alert list from its delta', () => {
    const model = new LiveModel();
    model.apply(snapshot(0), 0);
    const message = parseServerMessage(
      '{"type":"delta","seq":11,"virtualMs":40000,"collection":"alerts","device":"alerts","state":{"alerts":[{"lockId":"lock-front","kind":"not_closed","raisedUtcMs":1}]}}',
    );
    expect(message).toMatchObject({ type: 'delta', collection: 'alerts' });
    model.apply(message!, 0);
    expect(model.devices?.alerts.map((alert) => alert.kind)).toEqual(['not_closed']);
    model.apply(
      parseServerMessage(
        '{"type":"delta","seq":12,"virtualMs":50000,"collection":"alerts","device":"alerts","state":{"alerts":[]}}',
      )!,
      0,
    );
    expect(model.devices?.alerts).toEqual([]);
  });

  it('replaces a device entry whole: fields a delta leaves out are gone', () => {
    const model = new LiveModel();
    model.apply(snapshot(0), 0);
    model.apply(
      {
        type: 'delta',
        seq: 11,
        virtualMs: 1,
        collection: 'locks',
        device: 'lock-front',
        state: { ...lock, bolt: 'officeMode', officeMode: 'manual' },
      },
      0,
    );
    expect(model.devices?.locks[0]?.officeMode).toBe('manual');
    const { officeMode: _officeMode, parent: _parent, ...rest } = { ...lock, bolt: 'locked' as const };
    model.apply(
      {
        type: 'delta',
        seq: 12,
        virtualMs: 2,
        collection: 'locks',
        device: 'lock-front',
        state: rest as LockState,
      },
      0,
    );
    expect(model.devices?.locks[0]).toMatchObject({ bolt: 'locked', x: 0, y: -6, name: 'Front door' });
    expect(model.devices?.locks[0]?.officeMode).toBeUndefined();
    expect(model.devices?.locks[0]?.parent).toBeUndefined();
    expect(model.linksOf(model.devices!)).toEqual([]);
  });

  it('draws links from parents with the RSSI last reported', () => {
    const model = new LiveModel();
    model.apply(snapshot(0), 0);
    expect(model.linksOf(model.devices!)).toEqual([{ from: 'lock-front', to: 'iq-1', rssiDbm: -61.5 }]);
    model.apply(
      {
        type: 'delta',
        seq: 11,
        virtualMs: 1,
        collection: 'locks',
        device: 'lock-front',
        state: { ...lock, parent: 'rep-1' },
      },
      0,
    );
    expect(model.linksOf(model.devices!)[0]?.rssiDbm).toBeNaN();
  });

  it('runs the clock on at the current speed until paused', () => {
    const model = new LiveModel();
    model.apply(snapshot(10_000), 1_000);
    expect(model.virtualNow(1_500)).toBe(10_500);
    const status = snapshot(10_000);
    if (status.type !== 'snapshot') throw new Error('not a snapshot');
    model.applyStatus({ ...status.status, paused: true }, 2_000);
    expect(model.virtualNow(5_000)).toBe(10_000);
  });
});

describe('parseServerMessage', () => {
  it('drops what the page cannot use', () => {
    expect(parseServerMessage('not json')).toBeUndefined();
    expect(parseServerMessage('{"type":"delta","seq":1}')).toBeUndefined();
    expect(
      parseServerMessage(
        '{"type":"snapshot","seq":1,"virtualMs":0,"devices":{"locks":[{"id":1}],"iqs":[],"repeaters":[]}}',
      ),
    ).toBeUndefined();
    // The server has no `hello`: the first message of a subscription is its snapshot.
    expect(parseServerMessage('{"type":"hello"}')).toBeUndefined();
  });

  it('reads a status message with its fields at the top level, as the server sends it', () => {
    const status =
      '"virtualMs":5,"utc":"2026-01-05T07:00:00.005Z","paused":false,"speed":2,"events":9,"traceHash":"ab"';
    expect(parseServerMessage(`{"type":"status",${status}}`)).toEqual({
      type: 'status',
      virtualMs: 5,
      utc: '2026-01-05T07:00:00.005Z',
      paused: false,
      speed: 2,
      events: 9,
      traceHash: 'ab',
    });
    // The shape the page once expected (fields under `status`) is not the server's.
    expect(parseServerMessage('{"type":"status","status":{"paused":true,"speed":2}}')).toBeUndefined();
  });

  it('applies a status message to the model: clock, speed and pause', () => {
    const model = new LiveModel();
    model.apply(snapshot(10_000), 1_000);
    const message = parseServerMessage(
      '{"type":"status","virtualMs":20000,"utc":"2026-01-05T07:00:20.000Z","paused":true,"speed":5,"events":7,"traceHash":"cd"}',
    );
    expect(model.apply(message!, 2_000)).toBe(true);
    expect(model.status).toEqual({
      virtualMs: 20_000,
      utc: '2026-01-05T07:00:20.000Z',
      paused: true,
      speed: 5,
      events: 7,
      traceHash: 'cd',
    });
    expect(model.virtualNow(9_000)).toBe(20_000);
  });
});
