/**
 * The devices of a twin as the live protocol and the page show them (locks with their places and names, IQs,
 * repeaters, radio links, active alerts). `LiveTwin.snapshot` reads its own twin with it; the live protocol's
 * `state-at` reads a replayed twin with the same code, so both answers have the same shape.
 */
import type { Entry, SiteSpec, Twin } from '../twin/index.ts';
import type { AlertState, DeviceSnapshot, IqState, LockState, RepeaterState } from './live/protocol.ts';

// The shapes are the live protocol's schemas (`live/protocol.ts`, their one source); this file only fills them in.
export type { AlertState, DeviceSnapshot, IqState, LockState, RepeaterState };

/** Reads one twin's devices; the site's lookups are built once. */
export class DeviceView {
  private readonly spec: SiteSpec;
  private readonly lockNames: ReadonlyMap<string, string>;
  private readonly lockSpecs: ReadonlyMap<string, SiteSpec['locks'][number]>;
  private readonly iqSpecs: ReadonlyMap<string, SiteSpec['iqs'][number]>;
  private readonly repeaterSpecs: ReadonlyMap<string, SiteSpec['repeaters'][number]>;

  constructor(private readonly twin: Twin) {
    this.spec = twin.spec;
    const doorName = new Map(this.spec.doors.map((door) => [door.id, door.name ?? door.id]));
    this.lockNames = new Map(
      this.spec.locks.map((lock) => [lock.id, lock.name ?? doorName.get(lock.door) ?? lock.id]),
    );
    this.lockSpecs = new Map(this.spec.locks.map((lock) => [lock.id, lock]));
    this.iqSpecs = new Map(this.spec.iqs.map((iq) => [iq.id, iq]));
    this.repeaterSpecs = new Map(this.spec.repeaters.map((repeater) => [repeater.id, repeater]));
  }

  snapshot(): DeviceSnapshot {
    const twin = this.twin;
    return {
      locks: this.spec.locks.map((lock) => this.lockState(lock.id)),
      iqs: this.spec.iqs.map((iq) => this.iqState(iq.id)),
      repeaters: this.spec.repeaters.map((repeater) => this.repeaterState(repeater.id)),
      links: [...twin.topology.parentOf].map(([child, parent]) => ({
        from: child,
        to: parent,
        rssiDbm: Math.round(twin.linkRssiDbm(child, parent) * 10) / 10,
      })),
      alerts: this.alerts(),
    };
  }

  /** One lock's entry of the snapshot. Throws for an unknown lock. */
  lockState(lockId: string): LockState {
    const lock = this.lockSpecs.get(lockId);
    if (lock === undefined) throw new RangeError(`no lock "${lockId}"`);
    return {
      ...this.twin.lockView(lock.id),
      name: this.lockNames.get(lock.id) ?? lock.id,
      kind: lock.kind,
      doorId: lock.door,
      x: lock.position.x,
      y: lock.position.y,
      iq: lock.iq,
    };
  }

  /** One IQ's entry of the snapshot. Throws for an unknown IQ. */
  iqState(iqId: string): IqState {
    const iq = this.iqSpecs.get(iqId);
    if (iq === undefined) throw new RangeError(`no IQ "${iqId}"`);
    const view = this.twin.iqView(iq.id);
    return {
      id: iq.id,
      x: iq.position.x,
      y: iq.position.y,
      connected: view.connected,
      powered: view.powered,
      sync: view.sync,
    };
  }

  /** One repeater's entry of the snapshot. Throws for an unknown repeater. */
  repeaterState(repeaterId: string): RepeaterState {
    const repeater = this.repeaterSpecs.get(repeaterId);
    if (repeater === undefined) throw new RangeError(`no repeater "${repeaterId}"`);
    const view = this.twin.repeaterView(repeater.id);
    return {
      id: repeater.id,
      x: repeater.position.x,
      y: repeater.position.y,
      iq: repeater.iq,
      powered: view.powered,
      parent: view.parent,
    };
  }

  /** The active alerts, in the order raised. */
  alerts(): AlertState[] {
    return this.twin.cloud.alerts
      .active()
      .map((alert) => ({ lockId: alert.lockId, kind: alert.kind, raisedUtcMs: alert.raisedUtcMs }));
  }
}

/** A twin's devices now, as `LiveTwin.snapshot` gives them. */
export function devicesOf(twin: Twin): DeviceSnapshot {
  return new DeviceView(twin).snapshot();
}

/** Entries scanned from the newest at most (a filter of one quiet lock must not walk a campus log). */
const entriesScanMax = 20_000;

/** The newest `max` entries of the twin's log (of `devices` only, when given), oldest first. */
export function newestEntries(twin: Twin, max: number, devices?: ReadonlySet<string>): Entry[] {
  const stored = twin.entries.entries();
  const picked: Entry[] = [];
  for (
    let index = stored.length - 1;
    index >= 0 && index >= stored.length - entriesScanMax && picked.length < max;
    index--
  ) {
    const entry = stored[index] as Entry;
    if (devices === undefined || devices.has(entry.lockId)) picked.push(entry);
  }
  return picked.reverse();
}
