/**
 * The live twin: one twin running paced to wall time for the server. It is the only owner of state: REST and
 * WebSocket handlers turn requests into inputs (`apply`) or recorded cloud operations (`recordingCore`) and read
 * snapshots; listeners receive every trace event. Every input applied is kept, so `exportScenario` gives back a
 * scenario file that replays the session to the same fingerprint.
 */
import {
  isCoreChange,
  loadNamedSite,
  parseSiteSpec,
  type CloudCore,
  type RemoteCommand,
  type SiteSpec,
  type SiteSpecInput,
  type InputOutcome,
  type TracedTwinEvent,
  type Twin,
  type TwinInput,
} from '../twin/index.ts';
import { prepareRun, scenarioInputsMax, siteScenario, type Scenario } from '../scenarios/index.ts';
import { jsonDepth } from './live/json-depth.ts';
import { InputTooDeepError, SessionEndedError, SessionFullError } from './live/refusals.ts';
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

/** A live twin of a library site with seed 1: what the tests and the benchmarks serve. */
export function liveTwinOfNamedSite(
  site: string,
  options: {
    readonly background?: boolean;
    readonly speed?: number;
    readonly paused?: boolean;
    /** Top-level fields of the spec replaced (tests: a site with fewer seats, OTP on an IQ). */
    readonly overrides?: Readonly<Record<string, unknown>>;
  } = {},
): LiveTwin {
  const named = loadNamedSite(site);
  const input = options.overrides === undefined ? named : { ...(named as object), ...options.overrides };
  const parsed = parseSiteSpec(input);
  if (!parsed.ok) throw new Error(`site ${site} does not parse`);
  const scenario = siteScenario(parsed.spec);
  return new LiveTwin({
    scenario: { ...scenario, background: options.background ?? scenario.background },
    siteInput: options.overrides === undefined ? site : (input as SiteSpecInput),
    seed: 1,
    speed: options.speed ?? 1,
    paused: options.paused ?? false,
  });
}

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
/** Nesting an input may have (arrays and objects); a deeper one is refused before it reaches the trace. */
export const inputDepthMax = 32;
/**
 * Wall time one slice of running the twin may take: a pacer tick does at most one slice (the twin falls behind
 * the speed asked rather than stall the server), an `advance` yields to the event loop between slices.
 */
export const sliceWallMsMax = 20;
/** Pending moments a slice runs between two looks at the wall clock. */
const momentsPerCheck = 16;

export type TraceListener = (traced: TracedTwinEvent) => void;
/** Told once when the session ends (the twin failed): the reason, in words. */
export type FailureListener = (reason: string) => void;

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
  private failure: string | undefined;
  private readonly failureListeners = new Set<FailureListener>();
  private stopped = false;

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
      advanceTo: (virtualMs) => {
        if (this.failure === undefined) this.guarded(() => this.runSlice(virtualMs));
      },
      nowMs: () => this.twin.clock.now(),
      speed: options.speed,
      onError: (error) => this.fail(error),
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
    this.requireRunning();
    if (this.options.scenario.inputs.length + this.sessionInputs.length >= sessionInputsMax)
      throw new SessionFullError(sessionInputsMax);
    if (jsonDepth(input, inputDepthMax) > inputDepthMax) throw new InputTooDeepError(inputDepthMax);
    return this.guarded(() => {
      const startMs = this.twin.clock.now();
      while (
        this.queuedInputMs === this.twin.clock.now() &&
        this.twin.clock.now() - startMs < applyNudgeMsMax
      )
        this.twin.runUntil(this.twin.clock.now() + 1);
      const atMs = this.twin.clock.now();
      // Kept before it runs: should it throw, the session ends and its export still shows what did it.
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
    });
  }

  /** Inputs the session holds now (its scenario's own included); `sessionInputsMax` at most. */
  /** The seed the twin runs with (the Connect API hashes its public ids from it). */
  get seed(): number {
    return this.options.seed;
  }

  /** The name of the scenario (or site) the twin runs. */
  get scenarioName(): string {
    return this.options.scenario.name;
  }

  /** The twin's current instant in UTC ms (its start instant plus virtual time). */
  get nowUtcMs(): number {
    return this.twin.epochUtcMs + this.twin.clock.now();
  }

  get inputCount(): number {
    return this.options.scenario.inputs.length + this.sessionInputs.length;
  }

  /** Why the session ended, or undefined while it runs. */
  get ended(): string | undefined {
    return this.failure;
  }

  /** Tells `listener` once when the session ends; returns its unsubscribe. */
  onFailure(listener: FailureListener): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /**
   * Ends the session: the twin threw, so its state is no longer one a replay would reach. Time stops, every
   * change is refused from now on (SessionEndedError), reads still answer what the twin holds.
   */
  fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.pacer.pause();
    for (const listener of [...this.failureListeners]) listener(this.failure);
  }

  private requireRunning(): void {
    if (this.failure !== undefined) throw new SessionEndedError(this.failure);
  }

  /** Runs `work` on the twin; an exception from it ends the session (and is answered as SessionEndedError). */
  private guarded<R>(work: () => R): R {
    try {
      return work();
    } catch (error) {
      this.fail(error);
      throw new SessionEndedError(this.failure ?? String(error));
    }
  }

  /**
   * Runs the twin towards `targetMs` for about `sliceWallMsMax` of wall time; true once there. It runs from one
   * pending moment to the next (every entry due at one virtual millisecond at once) and looks at the wall clock
   * every `momentsPerCheck` of them, so a slice ends on time however busy the site is; the order of events is the
   * one a single `runUntil(targetMs)` gives.
   */
  private runSlice(targetMs: number): boolean {
    // Another client's advance or the pacer may already have run past this target between two slices.
    if (this.twin.clock.now() >= targetMs) return true;
    const startWallMs = performance.now();
    for (;;) {
      for (let moment = 0; moment < momentsPerCheck; moment++) {
        const nextMs = this.twin.clock.peekNextMs();
        if (nextMs === undefined || nextMs > targetMs) {
          this.twin.runUntil(targetMs);
          return true;
        }
        this.twin.runUntil(Math.max(nextMs, this.twin.clock.now()));
      }
      if (performance.now() - startWallMs >= sliceWallMsMax) return false;
    }
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
    this.requireRunning();
    this.pacer.resume();
  }
  setSpeed(speed: number): void {
    this.pacer.setSpeed(speed);
  }
  /** Moves virtual time forward by `durationMs` now (paused or not), in one go: for tests and small steps. */
  advance(durationMs: number): void {
    this.requireRunning();
    this.guarded(() => this.twin.runUntil(this.twin.clock.now() + durationMs));
  }

  /**
   * Moves virtual time forward by `durationMs` in slices of `sliceWallMsMax`, yielding to the event loop between
   * them, so other clients, REST and `/healthz` are served meanwhile (they may apply inputs in between: each
   * lands at the virtual time it arrives at, as it would while the pacer runs). Gives up after `wallMsMax` of
   * wall time: false then, the twin staying where it got to.
   */
  async advanceSliced(durationMs: number, wallMsMax: number): Promise<boolean> {
    this.requireRunning();
    const targetMs = this.twin.clock.now() + durationMs;
    const startWallMs = performance.now();
    while (!this.guarded(() => this.runSlice(targetMs))) {
      if (this.stopped || performance.now() - startWallMs >= wallMsMax) return false;
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.requireRunning();
    }
    return true;
  }
  stop(): void {
    this.stopped = true;
    this.pacer.pause();
    this.listeners.clear();
    this.failureListeners.clear();
  }

  status(): LiveStatus {
    return {
      virtualMs: this.twin.clock.now(),
      paceMs: this.twin.clock.now() + this.pacer.aheadMs(performance.now()),
      utc: new Date(this.nowUtcMs).toISOString(),
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
      ...(this.options.scenario.visitsPerLockPerHour === undefined
        ? {}
        : { visitsPerLockPerHour: this.options.scenario.visitsPerLockPerHour }),
      defects: [...this.options.scenario.defects],
      inputs: [
        ...scenarioInputs.map((timed) => ({ at: timed.atMs, ...timed.input })),
        ...this.sessionInputs.map((timed) => ({ at: timed.atMs, ...timed.input })),
      ],
      expectedHash: this.twin.trace.fingerprint(),
    };
  }
}
