/**
 * The live twin: one twin running paced to wall time for the server. It is the only owner of state: REST and
 * WebSocket handlers turn requests into inputs (`apply`) or recorded cloud operations (`recordingCore`) and read
 * snapshots; listeners receive every trace event. Every input applied is kept, so `exportScenario` gives back a
 * scenario file that replays the session to the same fingerprint.
 */
import {
  isCoreChange,
  type CloudCore,
  type RemoteCommand,
  type SiteSpec,
  type SiteSpecInput,
  type InputOutcome,
  type TracedTwinEvent,
  type Twin,
  type TwinInput,
} from '../twin/index.ts';
import { prepareRun, scenarioInputsMax, type Scenario } from '../scenarios/index.ts';
import { SessionFullError } from './live/refusals.ts';
import { Pacer } from './pacer.ts';
import {
  DeviceView,
  type AlertState,
  type DeviceSnapshot,
  type IqState,
  type LockState,
  type RepeaterState,
} from './device-view.ts';

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

export type { AlertState, DeviceSnapshot, IqState, LockState, RepeaterState };

/** The twin's clock, speed and fingerprint: the live protocol's `status` (its schema is the one source). */
import type { LiveStatus } from './live/protocol.ts';

export type { LiveStatus };

/**
 * Inputs a session keeps for export (its scenario's own included), as many as a scenario file may list; a session
 * longer than this refuses new inputs rather than grow or export a file that would not load.
 */
export const sessionInputsMax = scenarioInputsMax;
/** Milliseconds `apply` may step past inputs queued for the same millisecond (see `apply`). */
const applyNudgeMsMax = 1_000;

export type TraceListener = (traced: TracedTwinEvent) => void;

/** A lock command sent (it settles later), or refused with the error table's code. */
export type LockCommandOutcome =
  | { readonly issued: true; readonly command: RemoteCommand }
  | { readonly issued: false; readonly code: number };

/** An input the live twin applied: when, and what it did. */
export interface AppliedInput {
  readonly atMs: number;
  readonly outcome: InputOutcome;
}

export class LiveTwin {
  readonly twin: Twin;
  readonly spec: SiteSpec;
  private readonly pacer: Pacer;
  private readonly listeners = new Set<TraceListener>();
  private readonly sessionInputs: { atMs: number; input: TwinInput }[] = [];
  /** Virtual time of the last input the twin applied from its own queue (scenario or background traffic). */
  private queuedInputMs = -1;
  private applying = false;
  private readonly view: DeviceView;

  constructor(private readonly options: LiveTwinOptions) {
    const run = prepareRun(options.scenario, {
      seed: options.seed,
      untilMs: 365 * 86_400_000,
      trace: {
        onEvent: (traced) => {
          if (traced.event.kind === 'input' && !this.applying) this.queuedInputMs = traced.tMs;
          this.listeners.forEach((listener) => listener(traced));
        },
      },
    });
    this.twin = run.twin;
    this.spec = run.twin.spec;
    this.view = new DeviceView(this.twin);
    this.pacer = new Pacer({
      advanceTo: (virtualMs) => this.twin.runUntil(virtualMs),
      nowMs: () => this.twin.clock.now(),
      speed: options.speed,
    });
    if (options.paused !== true) this.pacer.resume();
  }

  get cloud(): CloudCore {
    return this.twin.cloud.core;
  }

  /**
   * Applies an input now (after every event due now), keeps it for export and returns the virtual time it was
   * applied at. Replayed, a session input is queued from the start, so it runs before any input the twin queues
   * for the same millisecond during the run (background traffic); live it runs after those. So when such an input
   * already ran in this millisecond, time first moves on by a millisecond (or a few), and both orders agree.
   */
  apply(input: TwinInput): AppliedInput {
    if (this.options.scenario.inputs.length + this.sessionInputs.length >= sessionInputsMax)
      throw new SessionFullError(sessionInputsMax);
    const startMs = this.twin.clock.now();
    while (this.queuedInputMs === this.twin.clock.now() && this.twin.clock.now() - startMs < applyNudgeMsMax)
      this.twin.runUntil(this.twin.clock.now() + 1);
    const atMs = this.twin.clock.now();
    this.sessionInputs.push({ atMs, input });
    this.applying = true;
    let outcome: InputOutcome;
    try {
      outcome = this.twin.apply(input);
    } finally {
      this.applying = false;
    }
    this.twin.runUntil(atMs);
    return { atMs, outcome };
  }

  /**
   * Remote opening or office mode through the cloud as an input (so export replays it). Throws CloudError when
   * the actor may not (nothing is applied then); a refusal of the applied input (3105: IQ offline) is answered.
   */
  lockCommand(
    actorId: string,
    lockId: string,
    state: 'unlocked' | 'office_mode' | 'locked',
  ): LockCommandOutcome {
    const action = state === 'unlocked' ? 'remote-open' : 'office-mode';
    const args = state === 'unlocked' ? [lockId] : [lockId, state === 'office_mode'];
    this.twin.cloud.core.authorizeLockCommand(actorId, lockId, state === 'unlocked' ? 'open' : 'office-mode');
    const { outcome } = this.apply({ type: 'admin', actor: actorId, action, args });
    if (outcome.kind === 'admin-pending') return { issued: true, command: outcome.command };
    if (outcome.kind === 'admin-refused') return { issued: false, code: outcome.code };
    throw new RangeError(`${action} answered no command`);
  }

  /**
   * The cloud core as the REST API uses it: every changing operation becomes an admin input (so the session's
   * export replays it), with the arguments as JSON sees them in both the live run and the replay; reads go
   * straight to the core.
   */
  recordingCore(): CloudCore {
    const core = this.twin.cloud.core;
    return new Proxy(core, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (typeof property !== 'string' || !isCoreChange(core, property))
          return (value as (...args: unknown[]) => unknown).bind(target);
        return (actorId: string, ...args: unknown[]) => this.recordedCoreCall(actorId, property, args);
      },
    });
  }

  private recordedCoreCall(actorId: string, method: string, args: readonly unknown[]): unknown {
    const jsonArgs = JSON.parse(
      JSON.stringify(args.map((arg) => (arg === undefined ? null : arg))),
    ) as unknown[];
    const { outcome } = this.apply({
      type: 'admin',
      actor: actorId,
      action: 'core',
      args: [method, ...jsonArgs],
    });
    if (outcome.kind === 'admin-refused') throw outcome.error;
    return outcome.kind === 'admin-accepted' ? outcome.result : undefined;
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

  /** The devices now (the same reading `state-at` makes of a replayed twin, see `device-view.ts`). */
  snapshot(): DeviceSnapshot {
    return this.view.snapshot();
  }

  /** One lock's entry of the snapshot. Throws for an unknown lock. */
  lockState(lockId: string): LockState {
    return this.view.lockState(lockId);
  }

  /** One IQ's entry of the snapshot. Throws for an unknown IQ. */
  iqState(iqId: string): IqState {
    return this.view.iqState(iqId);
  }

  /** One repeater's entry of the snapshot. Throws for an unknown repeater. */
  repeaterState(repeaterId: string): RepeaterState {
    return this.view.repeaterState(repeaterId);
  }

  /** The active alerts, in the order raised. */
  alerts(): AlertState[] {
    return this.view.alerts();
  }

  /** The session so far as a scenario file: replaying it gives the same fingerprint. */
  exportScenario(): Record<string, unknown> {
    const nowMs = this.twin.clock.now();
    // The scenario's own inputs still ahead never happened in this session; its expectations are not exported
    // (a session is a recording, not a test), its defects are (they change what happens).
    const scenarioInputs = this.options.scenario.inputs.filter((timed) => timed.atMs <= nowMs);
    return {
      name: `${this.options.scenario.name}-session`,
      description: `live session exported at ${this.status().utc} (virtual time ${nowMs} ms)`,
      site: this.options.siteInput,
      seed: this.options.seed,
      until: nowMs,
      background: this.options.scenario.background,
      defects: [...this.options.scenario.defects],
      inputs: [
        ...scenarioInputs.map((timed) => ({ at: timed.atMs, ...timed.input })),
        ...this.sessionInputs.map((timed) => ({ at: timed.atMs, ...timed.input })),
      ],
      expectedHash: this.twin.trace.fingerprint(),
    };
  }
}
