/**
 * Twin events → Chrome trace events that Perfetto (ui.perfetto.dev) and chrome://tracing open: a pure mapper, no
 * I/O; whoever drives it writes what `emit` receives, in order (bin/perfetto-file.ts streams it to a file).
 *
 * What a trace shows (tracks: perfetto-tracks.ts):
 * - bolt states (locked / unlocked / office mode) on each lock's track and door states (closed / open / NOT
 *   CLOSED) on each door's, as begin/end slices from the state's start to the next change; the state open at the
 *   end is closed at the run's end. Locks start locked and doors closed, as their machines do.
 * - every radio hop as a short slice on the sender and one on the receiver with a flow arrow between them; a lost
 *   hop has only the sender's slice, named "LOST". The trace records a hop when it is sent (its latency is not
 *   recorded), so both slices sit at the send time. Uploads of entries (IQ → cloud) and access data reaching an IQ
 *   (cloud → IQ) are flows the same way.
 * - taps, inputs, audit entries and everything else as instants on their device's track; alerts (NOT CLOSED,
 *   intrusion, low battery, audit overflow) raised and cleared as process-wide instants where and when the lock
 *   recorded them; invariant violations as global instants. Every event's args carry its virtual `tMs` and `seq`.
 *
 * Time: `ts` is virtual time in µs. Events on one track at the same virtual millisecond are laid 1 µs apart in
 * trace order, and packet slices last 1 µs, so slices on a track never overlap partly (viewers would drop them)
 * and each track's events are in time order; the shift is at most 1 µs per event in a same-millisecond burst.
 *
 * Bounded: at most `eventsMax` trace events besides the tracks' metadata and the closing of open slices (one per
 * lock and door). Past it the trace stops, open states are closed where it stopped, a global "trace truncated"
 * instant marks the spot and the summary says how many twin events were left out.
 */
import { toTraceRecord, type SiteSpec, type TracedTwinEvent, type TwinEventOf } from '../../twin/index.ts';
import type { PerfettoArgs, PerfettoEvent, PerfettoInstantEvent, PerfettoTrack } from './perfetto-event.ts';
import { PerfettoTracks, serviceThreads } from './perfetto-tracks.ts';

/**
 * The default cap: a million trace events is about 150 MB of JSON, which the Perfetto UI still opens (it loads
 * JSON traces of a few hundred MB); a whole campus day is several times that, so cut it with `--until`.
 */
export const perfettoEventsMaxDefault = 1_000_000;
/** Trace events one twin event can become at most (a hop: two slices and two flow ends). */
const eventsPerTwinEventMax = 4;
const usPerMs = 1_000;
/** How long a packet's slice lasts: the shortest a viewer can bind a flow arrow to. */
const packetSliceUs = 1;

/** Audit categories that raise an alert, and those that clear one (twin/cloud/alerts.ts). */
const alertRaising = new Set(['not_closed', 'intrusion', 'battery_low', 'audit_overflow']);
const alertClearing = new Set(['not_closed_cleared', 'battery_fresh']);

export interface PerfettoViolation {
  readonly invariant: string;
  readonly tMs: number;
  readonly message: string;
}

export interface PerfettoTraceOptions {
  readonly spec: SiteSpec;
  readonly emit: (event: PerfettoEvent) => void;
  /** At most this many trace events (default `perfettoEventsMaxDefault`). */
  readonly eventsMax?: number;
}

/** What the trace holds, for its `metadata`. */
export interface PerfettoTraceSummary {
  readonly site: string;
  readonly seed: number | null;
  readonly twinEvents: number;
  readonly traceEvents: number;
  readonly eventsMax: number;
  readonly truncated: boolean;
  /** Virtual time of the first twin event left out (null when none was). */
  readonly truncatedAtMs: number | null;
  readonly twinEventsLeftOut: number;
  readonly timeNote: string;
}

interface OpenState {
  readonly name: string;
  readonly cat: string;
}

const timeNote =
  'ts is virtual time in microseconds; events on one track at the same virtual millisecond are 1 µs apart in trace order';

const usOf = (tMs: number): number => Math.round(tMs * usPerMs);

export class PerfettoTraceMapper {
  private readonly tracks: PerfettoTracks;
  private readonly emitEvent: (event: PerfettoEvent) => void;
  private readonly eventsMax: number;
  private readonly doorOfLock: ReadonlyMap<string, string>;
  /** Per tid: the earliest ts the track's next event may take. */
  private readonly nextTsByTid = new Map<number, number>();
  /** Per tid, in the order the tracks got their state: the state slice open now. */
  private readonly openStates = new Map<number, OpenState>();
  private readonly site: string;
  private seed: number | null = null;
  private twinEvents = 0;
  private traceEvents = 0;
  private nextFlowId = 1;
  private truncatedAtMs: number | null = null;
  private twinEventsLeftOut = 0;
  private lastMs = 0;

  constructor(options: PerfettoTraceOptions) {
    this.tracks = new PerfettoTracks(options.spec);
    this.emitEvent = options.emit;
    this.eventsMax = options.eventsMax ?? perfettoEventsMaxDefault;
    if (!(Number.isInteger(this.eventsMax) && this.eventsMax >= eventsPerTwinEventMax))
      throw new RangeError(`eventsMax must be an integer of at least ${eventsPerTwinEventMax}`);
    this.doorOfLock = new Map(options.spec.locks.map((lock) => [lock.id, lock.door]));
    this.site = options.spec.name;
    for (const event of this.tracks.declared()) this.emitEvent(event);
    this.tracks.takeNewMetadata();
    this.openInitialStates(options.spec);
  }

  /** Maps one twin event (in trace order). */
  record(traced: TracedTwinEvent): void {
    this.twinEvents += 1;
    this.lastMs = Math.max(this.lastMs, traced.tMs);
    if (this.truncatedAtMs !== null) {
      this.twinEventsLeftOut += 1;
      return;
    }
    if (this.traceEvents + eventsPerTwinEventMax > this.eventsMax) {
      this.truncate(traced.tMs);
      this.twinEventsLeftOut += 1;
      return;
    }
    this.map(traced);
    if (this.tracks.hasNewMetadata())
      for (const event of this.tracks.takeNewMetadata()) this.emitEvent(event);
  }

  /** An invariant the run broke: a global instant (always written, even past the cap). */
  violation(violation: PerfettoViolation): void {
    this.instant(this.tracks.track(serviceThreads.invariants), violation.tMs, {
      name: `VIOLATED ${violation.invariant}`,
      cat: 'invariant',
      s: 'g',
      args: { invariant: violation.invariant, message: violation.message, tMs: violation.tMs },
    });
  }

  /** Closes the open states at the run's end (or where the trace stopped) and says what the trace holds. */
  finish(endMs: number): PerfettoTraceSummary {
    const closeMs = this.truncatedAtMs ?? Math.max(endMs, this.lastMs);
    const open = [...this.openStates.keys()].sort((left, right) => left - right);
    for (const tid of open) this.endState(this.trackOfTid(tid), closeMs);
    return {
      site: this.site,
      seed: this.seed,
      twinEvents: this.twinEvents,
      traceEvents: this.traceEvents,
      eventsMax: this.eventsMax,
      truncated: this.truncatedAtMs !== null,
      truncatedAtMs: this.truncatedAtMs,
      twinEventsLeftOut: this.twinEventsLeftOut,
      timeNote,
    };
  }

  private map(traced: TracedTwinEvent): void {
    const { event, tMs } = traced;
    switch (event.kind) {
      case 'twin.start':
        this.seed = event.seed;
        return;
      case 'input':
        return this.mapInput(event.input, traced);
      case 'radio.hop':
        return this.mapHop(event, traced);
      case 'lock.unlocked':
        return this.changeState(this.tracks.track(event.device), tMs, { name: 'unlocked', cat: 'bolt' });
      case 'lock.locked':
        return this.changeState(this.tracks.track(event.device), tMs, { name: 'locked', cat: 'bolt' });
      case 'lock.office-mode':
        return this.changeState(this.tracks.track(event.device), tMs, { name: 'office mode', cat: 'bolt' });
      case 'door.opened':
        return this.changeState(this.tracks.track(event.device), tMs, {
          name: 'forced' in event ? 'open (forced)' : 'open',
          cat: 'door',
        });
      case 'door.closed':
        return this.changeState(this.tracks.track(event.device), tMs, { name: 'closed', cat: 'door' });
      case 'lock.audit':
        return this.mapAudit(event, traced);
      case 'ble.tap':
        return this.mapTap(event, traced);
      case 'cloud.entries':
        return this.flow(tMs, {
          from: this.tracks.track(event.device),
          to: this.tracks.track(serviceThreads.cloud),
          cat: 'upload',
          sent: `upload ${event.events} entries of ${event.lock}`,
          received: `entries of ${event.lock} from ${event.device}`,
          args: argsOf(traced),
        });
      case 'iq.data':
        return this.flow(tMs, {
          from: this.tracks.track(serviceThreads.cloud),
          to: this.tracks.track(event.device),
          cat: 'data',
          sent: `access data v${event.version} for ${event.lock} → ${event.device}`,
          received: `access data v${event.version} for ${event.lock}`,
          args: argsOf(traced),
        });
      case 'cloud.command':
        return this.cloudInstant(`command #${event.id} ${event.command} → ${event.device}`, traced);
      case 'cloud.command-result':
        return this.cloudInstant(
          `command #${event.id} ${event.ok ? 'done' : `failed${event.code === null ? '' : ` (${event.code})`}`}`,
          traced,
        );
      case 'admin.result':
        return this.genericInstant(this.tracks.track(serviceThreads.admin), traced);
      default:
        return this.genericInstant(this.tracks.track(event.device), traced);
    }
  }

  private mapInput(input: TwinEventOf<'input'>['input'], traced: TracedTwinEvent): void {
    // The trace line leaves a power input's `device` out (a reserved key); the args keep it.
    const args: PerfettoArgs = { ...argsOf(traced), ...('device' in input ? { device: input.device } : {}) };
    if (input.type === 'admin') {
      this.instant(this.tracks.track(serviceThreads.admin), traced.tMs, {
        name: `admin ${input.action} by ${input.actor}`,
        cat: 'input',
        s: 't',
        args,
      });
      return;
    }
    this.instant(this.tracks.track(inputTarget(input)), traced.tMs, {
      name: `input ${input.type}`,
      cat: 'input',
      s: 't',
      args,
    });
  }

  private mapHop(hop: TwinEventOf<'radio.hop'>, traced: TracedTwinEvent): void {
    const from = this.tracks.track(hop.device);
    // Hops are most of a trace: their args are built directly (argsOf's generic record costs more).
    const { device, to, msg, ok, tries, rssi } = hop;
    const args = { device, to, msg, ok, tries, rssi, tMs: traced.tMs, seq: traced.seq };
    if (!hop.ok) {
      this.slice(from, traced.tMs, `${hop.msg} → ${hop.to} LOST`, 'radio', args);
      return;
    }
    this.flow(traced.tMs, {
      from,
      to: this.tracks.track(hop.to),
      cat: 'radio',
      sent: `${hop.msg} → ${hop.to}`,
      received: `${hop.msg} ← ${hop.device}`,
      args,
    });
  }

  private mapAudit(audit: TwinEventOf<'lock.audit'>, traced: TracedTwinEvent): void {
    const track = this.tracks.track(audit.device);
    const raising = alertRaising.has(audit.category);
    const clearing = alertClearing.has(audit.category);
    this.instant(track, traced.tMs, {
      name: raising
        ? `ALERT ${audit.category}: ${audit.detail}`
        : clearing
          ? `alert cleared: ${audit.category}`
          : `${audit.category}: ${audit.detail}`,
      cat: raising || clearing ? 'alert' : 'audit',
      s: raising || clearing ? 'p' : 't',
      args: argsOf(traced),
    });
    const door = this.doorOfLock.get(audit.device);
    // NOT CLOSED is the door's state from the lock's alarm until the door closes (door.closed ends it).
    if (audit.category === 'not_closed' && door !== undefined) {
      const doorTrack = this.tracks.track(door);
      if (this.openStates.get(doorTrack.tid)?.name.startsWith('open') === true)
        this.changeState(doorTrack, traced.tMs, { name: 'NOT CLOSED', cat: 'door' });
    }
  }

  private mapTap(tap: TwinEventOf<'ble.tap'>, traced: TracedTwinEvent): void {
    const outcome =
      tap.taken === null ? ' (no lock took it)' : tap.taken === tap.aimed ? '' : ` (taken by ${tap.taken})`;
    this.instant(this.tracks.track(tap.device), traced.tMs, {
      name: `tap → ${tap.aimed}${outcome}`,
      cat: 'ble',
      s: 't',
      args: argsOf(traced),
    });
  }

  private cloudInstant(name: string, traced: TracedTwinEvent): void {
    this.instant(this.tracks.track(serviceThreads.cloud), traced.tMs, {
      name,
      cat: 'cloud',
      s: 't',
      args: argsOf(traced),
    });
  }

  private genericInstant(track: PerfettoTrack, traced: TracedTwinEvent): void {
    const kind = traced.event.kind;
    this.instant(track, traced.tMs, {
      name: kind,
      cat: kind.slice(0, Math.max(0, kind.indexOf('.'))) || kind,
      s: 't',
      args: argsOf(traced),
    });
  }

  private openInitialStates(spec: SiteSpec): void {
    const initial: [string, OpenState][] = [
      ...spec.locks.map((lock): [string, OpenState] => [lock.id, { name: 'locked', cat: 'bolt' }]),
      ...spec.doors.map((door): [string, OpenState] => [door.id, { name: 'closed', cat: 'door' }]),
    ];
    const ordered = initial
      .map(([device, state]) => ({ track: this.tracks.track(device), state }))
      .sort((left, right) => left.track.tid - right.track.tid);
    for (const { track, state } of ordered) this.changeState(track, 0, state);
  }

  /** Ends the track's open state (if another) and begins `state`. */
  private changeState(track: PerfettoTrack, tMs: number, state: OpenState): void {
    const open = this.openStates.get(track.tid);
    if (open?.name === state.name) return;
    const ts = open === undefined ? this.nextTs(track, tMs) : this.endState(track, tMs);
    this.openStates.set(track.tid, state);
    this.push({ ...state, ph: 'B', ts, pid: track.pid, tid: track.tid, args: { tMs } });
  }

  /** Ends the open state of the track at `tMs` (or just after the track's last event); returns the ts used. */
  private endState(track: PerfettoTrack, tMs: number): number {
    const open = this.openStates.get(track.tid);
    const ts = this.nextTs(track, tMs);
    if (open === undefined) return ts;
    this.openStates.delete(track.tid);
    this.push({ name: open.name, cat: open.cat, ph: 'E', ts, pid: track.pid, tid: track.tid });
    return ts;
  }

  /** A slice on each end and a flow arrow from the first to the second. */
  private flow(
    tMs: number,
    flow: {
      readonly from: PerfettoTrack;
      readonly to: PerfettoTrack;
      readonly cat: string;
      readonly sent: string;
      readonly received: string;
      readonly args: PerfettoArgs;
    },
  ): void {
    const id = this.nextFlowId++;
    const sentTs = this.slice(flow.from, tMs, flow.sent, flow.cat, flow.args);
    this.push({ name: flow.sent, cat: flow.cat, ph: 's', id, ts: sentTs, ...place(flow.from) });
    // Not before the sending slice, so the arrow never points back in time.
    const receivedTs = this.slice(
      flow.to,
      Math.max(tMs, sentTs / usPerMs),
      flow.received,
      flow.cat,
      flow.args,
    );
    this.push({ name: flow.sent, cat: flow.cat, ph: 'f', bp: 'e', id, ts: receivedTs, ...place(flow.to) });
  }

  /** A packet-sized slice on the track; returns its ts. */
  private slice(track: PerfettoTrack, tMs: number, name: string, cat: string, args: PerfettoArgs): number {
    const ts = this.nextTs(track, tMs, packetSliceUs);
    this.push({ name, cat, ph: 'X', ts, dur: packetSliceUs, ...place(track), args });
    return ts;
  }

  private instant(
    track: PerfettoTrack,
    tMs: number,
    event: Pick<PerfettoInstantEvent, 'name' | 'cat' | 's' | 'args'>,
  ): void {
    const ts = this.nextTs(track, tMs);
    this.push({
      name: event.name,
      cat: event.cat,
      ph: 'i',
      s: event.s,
      ts,
      ...place(track),
      ...pickArgs(event),
    });
  }

  private truncate(tMs: number): void {
    this.truncatedAtMs = tMs;
    // On the inputs track, where nothing follows it (a violation may still come, earlier, on its own track).
    this.instant(this.tracks.track(serviceThreads.inputs), tMs, {
      name: 'trace truncated',
      cat: 'lockstep',
      s: 'g',
      args: { eventsMax: this.eventsMax, tMs },
    });
  }

  /** The ts for the track's next event: its virtual time, or just past the track's last event. */
  private nextTs(track: PerfettoTrack, tMs: number, lastsUs = 1): number {
    const ts = Math.max(usOf(tMs), this.nextTsByTid.get(track.tid) ?? 0);
    this.nextTsByTid.set(track.tid, ts + lastsUs);
    return ts;
  }

  private trackOfTid(tid: number): PerfettoTrack {
    const track = this.tracks.byTid(tid);
    if (track === undefined) throw new Error(`no track with tid ${tid}`);
    return track;
  }

  private push(event: PerfettoEvent): void {
    this.traceEvents += 1;
    this.emitEvent(event);
  }
}

const place = (track: PerfettoTrack): { pid: number; tid: number } => ({ pid: track.pid, tid: track.tid });

const pickArgs = (event: { readonly args?: PerfettoArgs }): { args?: PerfettoArgs } =>
  event.args === undefined ? {} : { args: event.args };

/** An event's device and own fields, its virtual time and its sequence number. */
function argsOf(traced: TracedTwinEvent): PerfettoArgs {
  const record = toTraceRecord(traced);
  return {
    ...(record.device === undefined ? {} : { device: record.device }),
    ...record.fields,
    tMs: traced.tMs,
    seq: traced.seq,
  };
}

/** The device an input acts on, else the harness's inputs track (interference, the cloud's lag). */
function inputTarget(input: Exclude<TwinEventOf<'input'>['input'], { type: 'admin' }>): string {
  if ('device' in input) return input.device;
  if ('phone' in input) return input.phone;
  if ('door' in input) return input.door;
  if ('lock' in input) return input.lock;
  if ('iq' in input) return input.iq;
  return input.type === 'cloud-lag' ? serviceThreads.cloud : serviceThreads.inputs;
}
