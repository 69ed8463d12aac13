/**
 * One client of the live protocol: its subscription (filter), its message numbering, and its back-pressure.
 *
 * Stream messages (snapshot, event, delta, entry) carry `seq`, consecutive per connection from 1. Back-pressure
 * is judged on the socket's own send buffer, so memory per client stays bounded whatever the client does:
 * - above `coalesceAboveBytes` the stream stops (events, deltas, entries and statuses are dropped, not queued) and
 *   a resync is due; once the buffer drains below `resyncBelowBytes` one fresh snapshot replaces all that was
 *   dropped;
 * - above `closeAboveBytes` the client's own messages are no longer read (so its commands cannot pile up
 *   answers), and if the buffer stays above it for `closeAfterWallMs` of wall time the socket is closed with
 *   4008 "client too slow".
 * Answers to commands (ack, error) are never dropped: a client that asks gets its answer.
 */
import type { TraceRecord } from '../../twin/index.ts';
import type { DeviceDelta } from './device-states.ts';
import { closeCodeTooSlow, type SubscriptionFilter } from './protocol.ts';

/** What a connection needs of a WebSocket (ws's `WebSocket` is one; tests use a fake). */
export interface LiveSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  pause(): void;
  resume(): void;
}

export const backPressure = {
  coalesceAboveBytes: 1024 * 1024,
  resyncBelowBytes: 256 * 1024,
  closeAboveBytes: 4 * 1024 * 1024,
  closeAfterWallMs: 10_000,
} as const;

/** Wall time between two statuses to one client, at least. */
export const statusEveryWallMs = 500;
/**
 * Wall time between two snapshots that `subscribe`s ask for, at least: subscribes within it are coalesced into
 * one snapshot at its end (a client sending thousands gets a few, not one each).
 */
export const snapshotEveryWallMs = 250;

const socketOpen = 1;

/** The parts of a snapshot message after `seq`, made by the hub for one filter. */
export interface SnapshotParts {
  readonly virtualMs: number;
  readonly status: unknown;
  readonly devices: unknown;
  readonly entries: readonly unknown[];
  /** The site in names (`site-summary.ts`). */
  readonly site?: unknown;
  /** The floor plan (`floor-plan-state.ts`); undefined for a site without one. */
  readonly plan?: unknown;
}

/** A subscription filter made ready for matching. */
export interface CompiledFilter {
  /** Device ids (with the doors of listed locks); undefined: every device. */
  readonly devices: ReadonlySet<string> | undefined;
  /** Trace kinds; undefined: every kind but `radio.hop`. */
  readonly kinds: ReadonlySet<string> | undefined;
}

/** Trace kinds left out unless a subscription names them (a busy site sends thousands per virtual minute). */
export const kindsOnlyOnRequest: ReadonlySet<string> = new Set(['radio.hop']);

/** Fields of a trace event that name a device, besides `device`. */
const deviceFields = ['lock', 'door', 'iq', 'device'] as const;

export function compileFilter(
  filter: SubscriptionFilter | undefined,
  doorOfLock: ReadonlyMap<string, string>,
): CompiledFilter {
  let devices: Set<string> | undefined;
  if (filter?.devices !== undefined) {
    devices = new Set(filter.devices);
    for (const id of filter.devices) {
      const door = doorOfLock.get(id);
      if (door !== undefined) devices.add(door);
    }
  }
  return { devices, kinds: filter?.kinds === undefined ? undefined : new Set(filter.kinds) };
}

export function eventMatches(filter: CompiledFilter, record: TraceRecord): boolean {
  if (filter.kinds === undefined ? kindsOnlyOnRequest.has(record.kind) : !filter.kinds.has(record.kind))
    return false;
  const devices = filter.devices;
  if (devices === undefined) return true;
  if (record.device !== undefined && devices.has(record.device)) return true;
  const fields = record.fields;
  if (fields === undefined) return false;
  return deviceFields.some((field) => {
    const value = fields[field];
    return typeof value === 'string' && devices.has(value);
  });
}

export interface LiveConnectionOptions {
  /** A fresh snapshot for this connection's filter (devices, status, newest entries). */
  readonly snapshot: (filter: CompiledFilter) => SnapshotParts;
  /** Wall-clock milliseconds (monotonic). */
  readonly nowWallMs: () => number;
}

export class LiveConnection {
  private seq = 0;
  private subscription: CompiledFilter | undefined;
  private resyncDue = false;
  private overSinceWallMs: number | undefined;
  private readingPaused = false;
  private lastStatusWallMs = Number.NEGATIVE_INFINITY;
  private lastStatusJson = '';
  private closed = false;
  private lastSubscribeSnapshotWallMs = Number.NEGATIVE_INFINITY;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly socket: LiveSocket,
    private readonly options: LiveConnectionOptions,
  ) {}

  get subscribed(): boolean {
    return this.subscription !== undefined;
  }

  /** Whether stream messages are being dropped until a resync snapshot. */
  get coalescing(): boolean {
    return this.resyncDue;
  }

  /** The last `seq` sent. */
  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Follows `filter` from a fresh snapshot: at once, or (within `snapshotEveryWallMs` of the last one) once that
   * time is up, when one snapshot answers every subscribe made meanwhile (the last filter wins). Stream messages
   * wait for that snapshot.
   */
  subscribe(filter: CompiledFilter): void {
    this.subscription = filter;
    const nowMs = this.options.nowWallMs();
    const waitMs = this.lastSubscribeSnapshotWallMs + snapshotEveryWallMs - nowMs;
    if (waitMs <= 0) {
      this.resyncDue = false;
      this.lastSubscribeSnapshotWallMs = nowMs;
      this.sendSnapshot();
      return;
    }
    if (this.snapshotTimer !== undefined) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      if (this.subscription === undefined) return;
      this.resyncDue = false;
      this.lastSubscribeSnapshotWallMs = this.options.nowWallMs();
      this.sendSnapshot();
    }, waitMs);
    this.snapshotTimer.unref?.();
  }

  unsubscribe(): void {
    this.subscription = undefined;
    this.resyncDue = false;
  }

  /** Closes the socket with `code` (nothing more is sent). */
  close(code: number, reason: string): void {
    if (this.open()) this.socket.close(code, reason);
    this.closedBySocket();
  }

  /** An answer to the client (ack or error): always sent while the socket is open. */
  reply(message: Record<string, unknown>): void {
    if (!this.open()) return;
    this.socket.send(JSON.stringify(message));
    this.checkPressure(this.options.nowWallMs());
  }

  /**
   * A trace event, sent when it matches the filter. `rest` gives the message's fields after `seq` as JSON without
   * the opening brace (`"virtualMs":…}`), made once and shared by every client.
   */
  offerEvent(record: TraceRecord, rest: () => string): void {
    const filter = this.subscription;
    if (filter === undefined || !eventMatches(filter, record)) return;
    this.sendStream('event', rest);
  }

  /** A device's new state: sent for devices in the filter (the alert list to everyone subscribed). */
  offerDelta(delta: DeviceDelta, rest: () => string): void {
    const devices = this.subscription?.devices;
    if (
      this.subscription === undefined ||
      (devices !== undefined && delta.collection !== 'alerts' && !devices.has(delta.device))
    )
      return;
    this.sendStream('delta', rest);
  }

  /** A new entry of the cloud's log: sent when its lock is in the filter. */
  offerEntry(lockId: string, rest: () => string): void {
    const devices = this.subscription?.devices;
    if (this.subscription === undefined || (devices !== undefined && !devices.has(lockId))) return;
    this.sendStream('entry', rest);
  }

  /**
   * Called every ~100 ms of wall time by the hub: judges the send buffer (resync, stop reading, close) and sends
   * a status when one is due and it changed. `statusJson` is the status message's JSON for this moment.
   */
  tick(statusJson: () => string): void {
    if (!this.open()) return;
    const nowMs = this.options.nowWallMs();
    if (!this.checkPressure(nowMs)) return;
    const buffered = this.socket.bufferedAmount;
    if (this.resyncDue && this.snapshotTimer === undefined) {
      if (buffered >= backPressure.resyncBelowBytes) return;
      this.resyncDue = false;
      this.sendSnapshot();
      return;
    }
    if (
      this.subscription === undefined ||
      this.snapshotTimer !== undefined ||
      buffered > backPressure.coalesceAboveBytes ||
      nowMs - this.lastStatusWallMs < statusEveryWallMs
    )
      return;
    const json = statusJson();
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.lastStatusWallMs = nowMs;
    this.socket.send(json);
  }

  /** Notes that the socket closed (nothing more is sent). */
  closedBySocket(): void {
    this.closed = true;
    this.subscription = undefined;
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
  }

  private open(): boolean {
    return !this.closed && this.socket.readyState === socketOpen;
  }

  /** False when the client is being dropped; pauses and resumes reading around the hard limit. */
  private checkPressure(nowMs: number): boolean {
    const buffered = this.socket.bufferedAmount;
    if (buffered > backPressure.closeAboveBytes) {
      this.overSinceWallMs ??= nowMs;
      if (!this.readingPaused) {
        this.readingPaused = true;
        this.socket.pause();
      }
      if (nowMs - this.overSinceWallMs > backPressure.closeAfterWallMs) {
        this.closed = true;
        this.subscription = undefined;
        this.socket.close(closeCodeTooSlow, 'client too slow');
        return false;
      }
      return true;
    }
    this.overSinceWallMs = undefined;
    if (this.readingPaused && buffered <= backPressure.coalesceAboveBytes) {
      this.readingPaused = false;
      this.socket.resume();
    }
    return true;
  }

  /** Sends `{"type":…,"seq":…,` + `rest` (the message's other fields, one JSON text shared by all clients). */
  private sendStream(type: 'event' | 'delta' | 'entry', rest: () => string): void {
    if (this.resyncDue || this.snapshotTimer !== undefined || !this.open()) return;
    if (this.socket.bufferedAmount > backPressure.coalesceAboveBytes) {
      this.resyncDue = true;
      return;
    }
    this.seq += 1;
    this.socket.send(`{"type":"${type}","seq":${this.seq},${rest()}`);
  }

  private sendSnapshot(): void {
    const filter = this.subscription;
    if (filter === undefined || !this.open()) return;
    const parts = this.options.snapshot(filter);
    this.seq += 1;
    this.socket.send(
      JSON.stringify({
        type: 'snapshot',
        seq: this.seq,
        virtualMs: parts.virtualMs,
        status: parts.status,
        devices: parts.devices,
        entries: parts.entries,
        site: parts.site,
        plan: parts.plan,
      }),
    );
    this.lastStatusJson = '';
  }
}
