/** One connection's numbering, filtering and back-pressure, against a fake socket and a fake wall clock. */
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../twin/index.ts';
import {
  backPressure,
  compileFilter,
  eventMatches,
  LiveConnection,
  statusEveryWallMs,
  type LiveSocket,
} from './live-connection.ts';
import { closeCodeTooSlow, serverMessageSchema } from './protocol.ts';

const MiB = 1024 * 1024;

class FakeSocket implements LiveSocket {
  bufferedAmount = 0;
  readyState = 1;
  readonly sent: Record<string, unknown>[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  paused = false;

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 2;
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  types(): string[] {
    return this.sent.map((message) => String(message.type));
  }
}

const status = {
  virtualMs: 0,
  utc: '2026-03-02T07:00:00.000Z',
  paused: true,
  speed: 1,
  events: 1,
  traceHash: 'f'.repeat(64),
};

function setup(): {
  socket: FakeSocket;
  connection: LiveConnection;
  clock: { nowMs: number };
  snapshots: () => number;
} {
  const socket = new FakeSocket();
  const clock = { nowMs: 0 };
  let snapshots = 0;
  const connection = new LiveConnection(socket, {
    snapshot: () => {
      snapshots += 1;
      return {
        virtualMs: 0,
        status,
        devices: { locks: [], iqs: [], repeaters: [], links: [], alerts: [] },
        entries: [],
      };
    },
    nowWallMs: () => clock.nowMs,
  });
  return { socket, connection, clock, snapshots: () => snapshots };
}

function record(
  seq: number,
  kind: TraceRecord['kind'] = 'lock.audit',
  device: string | null = 'lock-front',
  fields: TraceRecord['fields'] = {},
): TraceRecord {
  return { seq, tMs: seq * 10, kind, device: device ?? undefined, fields };
}

function offer(connection: LiveConnection, event: TraceRecord): void {
  connection.offerEvent(event, () =>
    JSON.stringify({
      virtualMs: event.tMs,
      kind: event.kind,
      device: event.device ?? null,
      fields: event.fields ?? {},
      traceSeq: event.seq,
    }).slice(1),
  );
}

const statusJson = (): string => JSON.stringify({ type: 'status', ...status });

describe('LiveConnection: the stream', () => {
  it('numbers stream messages from 1 (the snapshot), consecutively, and sends valid messages', () => {
    const { socket, connection } = setup();
    offer(connection, record(1));
    expect(socket.sent).toEqual([]); // not subscribed yet
    connection.subscribe(compileFilter(undefined, new Map()));
    for (let seq = 1; seq <= 5; seq++) offer(connection, record(seq));
    connection.reply({ type: 'ack', id: 'c1', result: null });
    expect(socket.sent.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6, undefined]);
    for (const message of socket.sent) expect(serverMessageSchema.safeParse(message).success).toBe(true);
  });

  it('filters kinds (radio.hop only by name) and devices (a lock also selects its door)', () => {
    const all = compileFilter(undefined, new Map());
    expect(eventMatches(all, record(1, 'lock.audit'))).toBe(true);
    expect(eventMatches(all, record(1, 'radio.hop'))).toBe(false);
    expect(eventMatches(compileFilter({ kinds: ['radio.hop'] }, new Map()), record(1, 'radio.hop'))).toBe(
      true,
    );
    expect(eventMatches(compileFilter({ kinds: [] }, new Map()), record(1, 'lock.audit'))).toBe(false);
    const front = compileFilter({ devices: ['lock-front'] }, new Map([['lock-front', 'door-front']]));
    expect(eventMatches(front, record(1, 'lock.audit', 'lock-front'))).toBe(true);
    expect(eventMatches(front, record(1, 'door.opened', 'door-front'))).toBe(true);
    expect(eventMatches(front, record(1, 'cloud.entries', 'iq-1', { lock: 'lock-front' }))).toBe(true);
    expect(eventMatches(front, record(1, 'input', null, { type: 'open-door', door: 'door-front' }))).toBe(
      true,
    );
    expect(eventMatches(front, record(1, 'lock.audit', 'lock-back'))).toBe(false);
    expect(eventMatches(front, record(1, 'input', null, { type: 'pause' }))).toBe(false);
  });

  it('sends a status at most every 500 ms of wall time, and only when it changed', () => {
    const { socket, connection, clock } = setup();
    connection.tick(statusJson);
    expect(socket.sent).toEqual([]); // not subscribed: no status
    connection.subscribe(compileFilter(undefined, new Map()));
    const changed = (): string => JSON.stringify({ type: 'status', ...status, virtualMs: 50 });
    connection.tick(statusJson);
    expect(socket.types()).toEqual(['snapshot', 'status']);
    clock.nowMs += statusEveryWallMs - 1;
    connection.tick(changed); // changed, but too soon
    expect(socket.types()).toEqual(['snapshot', 'status']);
    clock.nowMs += 1;
    connection.tick(changed);
    expect(socket.types()).toEqual(['snapshot', 'status', 'status']);
    clock.nowMs += statusEveryWallMs * 3;
    connection.tick(changed); // unchanged: nothing
    expect(socket.types()).toEqual(['snapshot', 'status', 'status']);
  });
});

describe('LiveConnection: back-pressure', () => {
  it('coalesces above 1 MiB: drops the stream, then resyncs with one snapshot once under 256 KiB', () => {
    const { socket, connection, snapshots } = setup();
    connection.subscribe(compileFilter(undefined, new Map()));
    offer(connection, record(1));
    socket.bufferedAmount = backPressure.coalesceAboveBytes + 1;
    for (let seq = 2; seq <= 1_000; seq++) offer(connection, record(seq));
    expect(connection.coalescing).toBe(true);
    expect(socket.sent).toHaveLength(2); // the snapshot and the one event before the buffer filled
    connection.reply({ type: 'ack', id: 'c1', result: null }); // answers still go out
    socket.bufferedAmount = 300 * 1024; // draining, but not yet under 256 KiB
    connection.tick(statusJson);
    offer(connection, record(1_001));
    expect(socket.types()).toEqual(['snapshot', 'event', 'ack']);
    socket.bufferedAmount = 100 * 1024;
    connection.tick(statusJson);
    expect(connection.coalescing).toBe(false);
    expect(snapshots()).toBe(2);
    offer(connection, record(1_002));
    expect(socket.types()).toEqual(['snapshot', 'event', 'ack', 'snapshot', 'event']);
    expect(socket.sent.filter((message) => message.seq !== undefined).map((message) => message.seq)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(socket.sent[4]).toMatchObject({ traceSeq: 1_002 });
  });

  it('above 4 MiB stops reading the client, and closes with 4008 after 10 s there', () => {
    const { socket, connection, clock } = setup();
    connection.subscribe(compileFilter(undefined, new Map()));
    socket.bufferedAmount = backPressure.closeAboveBytes + 1;
    connection.tick(statusJson);
    expect(socket.paused).toBe(true);
    clock.nowMs += backPressure.closeAfterWallMs;
    connection.tick(statusJson);
    expect(socket.closedWith).toBeUndefined(); // exactly 10 s is not more than 10 s
    clock.nowMs += 1;
    connection.tick(statusJson);
    expect(socket.closedWith).toEqual({ code: closeCodeTooSlow, reason: 'client too slow' });
    offer(connection, record(1));
    connection.reply({ type: 'ack', id: 'late', result: null });
    expect(socket.types()).toEqual(['snapshot']);
  });

  it('forgives a client that drains in time: reading resumes, no close, the stream resyncs', () => {
    const { socket, connection, clock } = setup();
    connection.subscribe(compileFilter(undefined, new Map()));
    socket.bufferedAmount = 5 * MiB;
    offer(connection, record(1));
    connection.tick(statusJson);
    expect(socket.paused).toBe(true);
    clock.nowMs += 9_000;
    socket.bufferedAmount = 2 * MiB; // under 4 MiB: the 10 s start again next time
    connection.tick(statusJson);
    expect(socket.paused).toBe(true); // still over 1 MiB: keep not reading
    socket.bufferedAmount = 5 * MiB;
    clock.nowMs += 9_000;
    connection.tick(statusJson);
    expect(socket.closedWith).toBeUndefined();
    socket.bufferedAmount = 0;
    clock.nowMs += 100;
    connection.tick(statusJson);
    expect(socket.paused).toBe(false);
    expect(socket.closedWith).toBeUndefined();
    expect(socket.types()).toEqual(['snapshot', 'snapshot']);
  });

  it('bounds memory: whatever is offered while behind, nothing is queued by the connection', () => {
    const { socket, connection } = setup();
    connection.subscribe(compileFilter(undefined, new Map()));
    socket.bufferedAmount = 2 * MiB;
    for (let seq = 1; seq <= 100_000; seq++) offer(connection, record(seq));
    expect(socket.sent).toHaveLength(1);
  });
});
