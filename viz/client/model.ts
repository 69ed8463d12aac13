/**
 * What the page knows of the live twin, built only from the messages it received: the devices (snapshot, then
 * deltas, the alert list by its own delta), the status, the newest entries, and a bounded history of device
 * snapshots for the timeline. Pure data, no DOM, so it is tested in Node (`test/e2e/viz-model.test.ts`).
 *
 * Device lists are immutable: a delta makes a new list with the one device replaced. So a history frame is just a
 * reference to the device snapshot of its moment, never a copy.
 */
import type {
  DeviceDeltaMessage,
  DeviceSnapshot,
  EntryRow,
  LinkState,
  LiveStatus,
  ServerMessage,
  SiteSummary,
} from './protocol.ts';

/** Entries the log keeps (newest first). */
export const entriesMax = 200;
/** Virtual time between two kept frames of the timeline, until the history thins. */
export const historyIntervalMsDefault = 10_000;
/** Frames the timeline keeps; past this every other one is dropped and the interval doubles. */
export const historyFramesMaxDefault = 720;

export interface HistoryFrame {
  readonly atMs: number;
  readonly devices: DeviceSnapshot;
}

/**
 * The timeline's memory: one device snapshot per `intervalMs` of virtual time, at most `framesMax`. When full it
 * thins itself (keeps the first, the last and every other one between, and doubles the interval), so the whole
 * session stays reachable at a coarser grain instead of its beginning falling off.
 */
export class SnapshotHistory {
  private frames: HistoryFrame[] = [];
  private interval: number;

  constructor(private readonly options: { readonly intervalMs?: number; readonly framesMax?: number } = {}) {
    this.interval = options.intervalMs ?? historyIntervalMsDefault;
    if (!(this.interval > 0)) throw new RangeError(`intervalMs must be positive, got ${this.interval}`);
    if (this.framesMax < 3) throw new RangeError(`framesMax must be at least 3, got ${this.framesMax}`);
  }

  private get framesMax(): number {
    return this.options.framesMax ?? historyFramesMaxDefault;
  }

  get intervalMs(): number {
    return this.interval;
  }

  get size(): number {
    return this.frames.length;
  }

  get earliestMs(): number | undefined {
    return this.frames[0]?.atMs;
  }

  clear(): void {
    this.frames = [];
    this.interval = this.options.intervalMs ?? historyIntervalMsDefault;
  }

  /** Keeps `devices` as the state at `atMs` when a frame is due (the first, or `intervalMs` after the last). */
  record(atMs: number, devices: DeviceSnapshot): void {
    const last = this.frames.at(-1);
    if (last !== undefined && atMs < last.atMs + this.interval) return;
    this.frames.push({ atMs, devices });
    if (this.frames.length > this.framesMax) this.thin();
  }

  /** The frame showing the state at `atMs`: the last one kept at or before it (the first when none is). */
  at(atMs: number): HistoryFrame | undefined {
    let low = 0;
    let high = this.frames.length - 1;
    if (high < 0) return undefined;
    if (atMs < this.frames[0]!.atMs) return this.frames[0];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.frames[middle]!.atMs <= atMs) low = middle;
      else high = middle - 1;
    }
    return this.frames[low];
  }

  private thin(): void {
    const last = this.frames.length - 1;
    this.frames = this.frames.filter((_, index) => index % 2 === 0 || index === last);
    this.interval *= 2;
  }
}

/** Fields that say where a device is and what it is: they never change, so a delta may leave them out. */
const identityFields = ['x', 'y', 'name', 'kind', 'doorId', 'iq'] as const;

function linkKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

export class LiveModel {
  devices: DeviceSnapshot | undefined;
  status: LiveStatus | undefined;
  /** Newest first by the lock's time, at most `entriesMax`. */
  entries: readonly EntryRow[] = [];
  /** Virtual time of the newest message. */
  virtualMs = 0;
  /** Wall-clock instant (ms, page's own clock) that `virtualMs` was learnt at: the clock runs on from it. */
  virtualAtWallMs = 0;
  /** UTC instant virtual time 0 stands for, once a status told it. */
  epochUtcMs: number | undefined;
  /** The site in names and its time zone, from the last snapshot that carried it. */
  site: SiteSummary | undefined;
  readonly history: SnapshotHistory;
  private snapshotSeq = -1;
  private readonly rssiByLink = new Map<string, number>();
  private readonly entryKeys = new Set<string>();

  constructor(options: { readonly intervalMs?: number; readonly framesMax?: number } = {}) {
    this.history = new SnapshotHistory(options);
  }

  /** Applies one message; true when something shown changed. `wallMs` is the page's clock at arrival. */
  apply(message: ServerMessage, wallMs: number): boolean {
    switch (message.type) {
      case 'snapshot':
        this.applySnapshot(message, wallMs);
        return true;
      case 'delta':
        if (!this.fresh(message.seq) || this.devices === undefined) return false;
        this.advance(message.virtualMs, wallMs);
        if (message.collection === 'alerts') this.devices = { ...this.devices, alerts: message.state.alerts };
        else this.applyDelta(message);
        this.recordFrame();
        return true;
      case 'entry':
        if (!this.fresh(message.seq)) return false;
        this.advance(message.virtualMs, wallMs);
        this.addEntries([message.entry]);
        return true;
      case 'event':
        if (!this.fresh(message.seq)) return false;
        this.advance(message.virtualMs, wallMs);
        // The count runs on between status messages (the next one corrects it).
        if (this.status !== undefined) this.status = { ...this.status, events: this.status.events + 1 };
        this.recordFrame();
        return true;
      case 'status': {
        // A status message is the status itself, its fields at the top level beside `type`.
        const { type: _type, ...status } = message;
        this.applyStatus(status, wallMs);
        return true;
      }
      default:
        return false;
    }
  }

  /** A status from the server (a `status` message, or the answer to a time command), once a snapshot is there. */
  applyStatus(status: LiveStatus, wallMs: number): void {
    if (this.status === undefined) return;
    this.status = status;
    this.advance(status.virtualMs, wallMs);
    this.learnEpoch(status.utc, status.virtualMs);
  }

  /**
   * Virtual time now, running on from the last message at the current speed: a quiet site sends little, and the
   * pacer keeps moving. At most `aheadMsMax` of wall time ahead, in case the server stalls.
   */
  virtualNow(wallMs: number, aheadMsMax = 30_000): number {
    if (this.status === undefined || this.status.paused) return this.virtualMs;
    const wallAheadMs = Math.min(aheadMsMax, Math.max(0, wallMs - this.virtualAtWallMs));
    return this.virtualMs + Math.floor(wallAheadMs * this.status.speed);
  }

  rssiDbm(from: string, to: string): number | undefined {
    return this.rssiByLink.get(linkKey(from, to));
  }

  /** Links for a device snapshot: each device to its parent, with the RSSI last reported for that pair. */
  linksOf(devices: DeviceSnapshot): readonly LinkState[] {
    const links: LinkState[] = [];
    const add = (from: string, to: string | undefined): void => {
      if (to === undefined) return;
      const rssiDbm = this.rssiDbm(from, to);
      links.push({ from, to, rssiDbm: rssiDbm ?? Number.NaN });
    };
    for (const repeater of devices.repeaters) add(repeater.id, repeater.parent);
    for (const lock of devices.locks) add(lock.id, lock.parent);
    return links;
  }

  /**
   * A stream message counts once a snapshot is there and when it came after it: `seq` runs on per connection, so
   * one at or below the snapshot's was sent before it, and the snapshot already holds what it told.
   */
  private fresh(seq: number): boolean {
    return this.devices !== undefined && seq > this.snapshotSeq;
  }

  private advance(virtualMs: number, wallMs: number): void {
    if (virtualMs >= this.virtualMs) {
      this.virtualMs = virtualMs;
      this.virtualAtWallMs = wallMs;
    }
    if (this.status !== undefined && virtualMs > this.status.virtualMs)
      this.status = { ...this.status, virtualMs };
  }

  private applySnapshot(message: Extract<ServerMessage, { type: 'snapshot' }>, wallMs: number): void {
    // A snapshot from an earlier virtual time means a new session (the server restarted): forget the old one.
    if (message.virtualMs < this.virtualMs) {
      this.history.clear();
      this.entries = [];
      this.entryKeys.clear();
    }
    this.devices = message.devices;
    this.site = message.site ?? this.site;
    this.status = message.status;
    this.virtualMs = message.virtualMs;
    this.virtualAtWallMs = wallMs;
    this.snapshotSeq = message.seq;
    this.rssiByLink.clear();
    for (const link of message.devices.links) this.rssiByLink.set(linkKey(link.from, link.to), link.rssiDbm);
    this.learnEpoch(message.status.utc, message.status.virtualMs);
    this.addEntries(message.entries);
    this.recordFrame();
  }

  /** The UTC instant of virtual time 0, from a status that gave both clocks of one moment. */
  private learnEpoch(utc: string, virtualMs: number): void {
    const utcMs = Date.parse(utc);
    if (Number.isFinite(utcMs)) this.epochUtcMs = utcMs - virtualMs;
  }

  /** A device's delta: its whole new entry replaces the old one in the list its `collection` names. */
  private applyDelta(delta: DeviceDeltaMessage): void {
    const devices = this.devices;
    if (devices === undefined) return;
    switch (delta.collection) {
      case 'locks': {
        // A lock the snapshot did not have is added (its place comes with it).
        const locks = replaced(devices.locks, delta.device, delta.state) ?? [...devices.locks, delta.state];
        this.devices = { ...devices, locks };
        return;
      }
      case 'iqs': {
        const iqs = replaced(devices.iqs, delta.device, delta.state);
        if (iqs !== undefined) this.devices = { ...devices, iqs };
        return;
      }
      case 'repeaters': {
        const repeaters = replaced(devices.repeaters, delta.device, delta.state);
        if (repeaters !== undefined) this.devices = { ...devices, repeaters };
        return;
      }
    }
  }

  private addEntries(rows: readonly EntryRow[]): void {
    const fresh = rows.filter((row) => !this.entryKeys.has(`${row.lockId}\u0000${row.auditSeq}`));
    if (fresh.length === 0) return;
    for (const row of fresh) this.entryKeys.add(`${row.lockId}\u0000${row.auditSeq}`);
    const merged = [...fresh, ...this.entries].sort(
      (a, b) =>
        b.atMs - a.atMs || (a.lockId < b.lockId ? -1 : a.lockId > b.lockId ? 1 : b.auditSeq - a.auditSeq),
    );
    const kept = merged.slice(0, entriesMax);
    for (const dropped of merged.slice(entriesMax))
      this.entryKeys.delete(`${dropped.lockId}\u0000${dropped.auditSeq}`);
    this.entries = kept;
  }

  private recordFrame(): void {
    if (this.devices !== undefined) this.history.record(this.virtualMs, this.devices);
  }
}

/**
 * `list` with the device `id` replaced by `state` (a new list: kept history frames still hold the old one), or
 * undefined when the list has no such device. A delta is the device's whole entry, so fields it leaves out (a
 * lock's `parent` out of reach, `officeMode` outside office mode) are gone; only where the device sits and what it
 * is stay from before.
 */
function replaced<T extends { readonly id: string }>(
  list: readonly T[],
  id: string,
  state: T,
): T[] | undefined {
  const index = list.findIndex((device) => device.id === id);
  if (index < 0) return undefined;
  const before = list[index] as Record<string, unknown>;
  const identity = Object.fromEntries(
    identityFields.filter((field) => field in before).map((field) => [field, before[field]]),
  );
  const next = [...list];
  next[index] = { ...identity, ...state, id };
  return next;
}
