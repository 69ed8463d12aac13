/**
 * The live twin: one twin running paced to wall time for the server. It is the only owner of state: REST and
 * WebSocket handlers turn requests into inputs (`apply`) or cloud operations (`cloudOperation`) and read
 * snapshots; listeners receive every trace event. Every input applied is kept, so `exportScenario` gives back a
 * scenario file that replays the session to the same fingerprint.
 */
import {
  epochUtcIsoDefault,
  type CloudCore,
  type LockView,
  type RemoteCommand,
  type SiteSpec,
  type SiteSpecInput,
  type TraceRecord,
  type Twin,
  type TwinInput,
} from '../twin/index.ts';
import { prepareRun, type Scenario } from '../scenarios/index.ts';
import { Pacer } from './pacer.ts';

export interface LiveTwinOptions {
  readonly scenario: Scenario;
  /** The site spec as written (kept for export). */
  readonly siteInput: SiteSpecInput | string;
  readonly seed: number;
  /** Virtual seconds per wall second. */
  readonly speed: number;
  /** Start paused (tests drive time by hand). */
  readonly paused?: boolean;
}

export interface DeviceSnapshot {
  readonly locks: readonly (LockView & { readonly name: string; readonly kind: string; readonly doorId: string; readonly x: number; readonly y: number; readonly iq: string })[];
  readonly iqs: readonly { readonly id: string; readonly x: number; readonly y: number; readonly connected: boolean; readonly powered: boolean; readonly sync: string }[];
  readonly repeaters: readonly { readonly id: string; readonly x: number; readonly y: number; readonly iq: string; readonly powered: boolean; readonly parent: string | undefined }[];
  readonly links: readonly { readonly from: string; readonly to: string; readonly rssiDbm: number }[];
  readonly alerts: readonly { readonly lockId: string; readonly kind: string; readonly raisedUtcMs: number }[];
}

export interface LiveStatus {
  readonly virtualMs: number;
  readonly utc: string;
  readonly paused: boolean;
  readonly speed: number;
  readonly events: number;
  readonly traceHash: string;
}

/** Inputs a session keeps for export; a session longer than this refuses new inputs rather than grow. */
export const sessionInputsMax = 200_000;

export type TraceListener = (record: TraceRecord) => void;

export class LiveTwin {
  readonly twin: Twin;
  readonly spec: SiteSpec;
  private readonly pacer: Pacer;
  private readonly listeners = new Set<TraceListener>();
  private readonly sessionInputs: { atMs: number; input: TwinInput }[] = [];

  constructor(private readonly options: LiveTwinOptions) {
    const run = prepareRun(options.scenario, {
      seed: options.seed,
      untilMs: 365 * 86_400_000,
      trace: { onRecord: (record) => this.listeners.forEach((listener) => listener(record)) },
    });
    this.twin = run.twin;
    this.spec = run.twin.spec;
    this.pacer = new Pacer({ advanceTo: (virtualMs) => this.twin.runUntil(virtualMs), nowMs: () => this.twin.clock.now(), speed: options.speed });
    if (options.paused !== true) this.pacer.resume();
  }

  get cloud(): CloudCore {
    return this.twin.cloud.core;
  }

  /** Applies an input now (after every event due now), and keeps it for export. */
  apply(input: TwinInput): void {
    if (this.sessionInputs.length >= sessionInputsMax) throw new RangeError(`a session keeps at most ${sessionInputsMax} inputs`);
    this.sessionInputs.push({ atMs: this.twin.clock.now(), input });
    this.twin.apply(input);
    this.twin.runUntil(this.twin.clock.now());
  }

  /** Remote opening or office mode through the cloud as an input (so export replays it). Throws CloudError. */
  lockCommand(actorId: string, lockId: string, state: 'unlocked' | 'office_mode' | 'locked'): RemoteCommand | undefined {
    const action = state === 'unlocked' ? 'remote-open' : 'office-mode';
    const args = state === 'unlocked' ? [lockId] : [lockId, state === 'office_mode'];
    this.twin.cloud.core.authorizeLockCommand(actorId, lockId, state === 'unlocked' ? 'open' : 'office-mode');
    this.apply({ type: 'admin', actor: actorId, action, args });
    const outcome = this.twin.adminOutcomes().at(-1);
    if (outcome?.code !== null && outcome?.code !== undefined) return undefined;
    return this.twin.cloud.commands.all().at(-1);
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pause(): void {
    this.pacer.pause();
  }
  resume(): void {
    this.pacer.resume();
  }
  setSpeed(speed: number): void {
    this.pacer.setSpeed(speed);
  }
  /** Moves virtual time forward by `durationMs` now (paused or not). */
  advance(durationMs: number): void {
    this.twin.runUntil(this.twin.clock.now() + durationMs);
  }
  stop(): void {
    this.pacer.pause();
    this.listeners.clear();
  }

  status(): LiveStatus {
    return {
      virtualMs: this.twin.clock.now(),
      utc: new Date(this.twin.epochUtcMs + this.twin.clock.now()).toISOString(),
      paused: this.pacer.paused,
      speed: this.pacer.speed,
      events: this.twin.trace.events,
      traceHash: this.twin.trace.fingerprint(),
    };
  }

  snapshot(): DeviceSnapshot {
    const twin = this.twin;
    const doorName = new Map(this.spec.doors.map((door) => [door.id, door.name ?? door.id]));
    return {
      locks: this.spec.locks.map((lock) => ({ ...twin.lockView(lock.id), name: lock.name ?? doorName.get(lock.door) ?? lock.id, kind: lock.kind, doorId: lock.door, x: lock.position.x, y: lock.position.y, iq: lock.iq })),
      iqs: this.spec.iqs.map((iq) => ({ id: iq.id, x: iq.position.x, y: iq.position.y, connected: twin.iqConnected(iq.id), powered: twin.iqActor(iq.id).getSnapshot().value === 'on', sync: twin.iqSyncState(iq.id) })),
      repeaters: this.spec.repeaters.map((repeater) => ({ id: repeater.id, x: repeater.position.x, y: repeater.position.y, iq: repeater.iq, powered: twin.repeaterActor(repeater.id)?.getSnapshot().value === 'on', parent: twin.topology.parentOf.get(repeater.id) })),
      links: [...twin.topology.parentOf].map(([child, parent]) => ({ from: child, to: parent, rssiDbm: Math.round(twin.linkRssiDbm(child, parent) * 10) / 10 })),
      alerts: twin.cloud.alerts.active().map((alert) => ({ lockId: alert.lockId, kind: alert.kind, raisedUtcMs: alert.raisedUtcMs })),
    };
  }

  /** The session so far as a scenario file: replaying it gives the same fingerprint. */
  exportScenario(): Record<string, unknown> {
    return {
      name: `${this.options.scenario.name}-session`,
      description: `live session exported at ${this.status().utc}`,
      site: this.options.siteInput,
      seed: this.options.seed,
      until: this.twin.clock.now(),
      background: this.options.scenario.background,
      inputs: [...this.options.scenario.inputs.map((timed) => ({ at: timed.atMs, ...timed.input })), ...this.sessionInputs.map((timed) => ({ at: timed.atMs, ...timed.input }))],
      expectedHash: this.twin.trace.fingerprint(),
      startsAt: this.spec.startsAtUtc ?? epochUtcIsoDefault,
    };
  }
}
