/**
 * Running a scenario: build the twin from the scenario's site and seed, queue its inputs (and background
 * traffic when asked), run to the end in virtual time, and report the fingerprint.
 */
import {
  createTwin,
  startBackgroundTraffic,
  type SiteSpec,
  type TraceOptions,
  type Twin,
  type TwinEvent,
} from '../twin/index.ts';
import { Observations, checkFinalExpectations, scheduleTimedChecks } from './expectations.ts';
import type { Scenario } from './scenario-file.ts';

/** A site run without a scenario lasts this long by default. */
export const siteRunDefaultMs = 3_600_000;
/** A scenario without `until` runs this long past its last input (relock, alerts, uploads settle). */
export const scenarioTailMs = 60_000;
export const seedDefault = 1;

export interface RunOptions {
  readonly seed?: number;
  readonly untilMs?: number;
  readonly trace?: TraceOptions<TwinEvent>;
  /** Called once the twin exists, before anything runs (narration, live views). */
  readonly onTwin?: (twin: Twin) => void;
}

export interface RunResult {
  readonly scenario: string;
  readonly seed: number;
  readonly passed: boolean;
  readonly events: number;
  readonly simulatedMs: number;
  readonly traceHash: string;
  readonly failures: readonly string[];
}

/** A bare site as a scenario: no inputs, seeded people coming and going. */
export function siteScenario(spec: SiteSpec): Scenario {
  return {
    name: spec.name,
    description: spec.description ?? `site ${spec.name} with background traffic`,
    spec,
    seed: undefined,
    untilMs: siteRunDefaultMs,
    background: true,
    inputs: [],
    expectations: [],
    defects: [],
  };
}

export function scenarioUntilMs(scenario: Scenario, options: RunOptions): number {
  const lastInputMs = scenario.inputs.at(-1)?.atMs ?? 0;
  return options.untilMs ?? scenario.untilMs ?? lastInputMs + scenarioTailMs;
}

/** A twin built from a scenario, its inputs queued, ready to run to `untilMs` (at once or paced). */
export interface PreparedRun {
  readonly scenario: Scenario;
  readonly twin: Twin;
  readonly seed: number;
  readonly untilMs: number;
  readonly observations: Observations;
  /** Failures of expectations checked during the run (lock states at their time). */
  readonly timedFailures: string[];
}

/** Builds the twin and queues the inputs. Throws `TopologyLimitError` for a site over the radio limits. */
export function prepareRun(scenario: Scenario, options: RunOptions = {}): PreparedRun {
  const seed = options.seed ?? scenario.seed ?? seedDefault;
  const untilMs = scenarioUntilMs(scenario, options);
  const observations = new Observations();
  const onEvent = options.trace?.onEvent;
  const trace: TraceOptions<TwinEvent> = {
    ...options.trace,
    onEvent: (traced) => (observations.record(traced), onEvent?.(traced)),
  };
  const twin = createTwin({ spec: scenario.spec, seed, trace, defects: scenario.defects });
  options.onTwin?.(twin);
  const timedFailures: string[] = [];
  scheduleTimedChecks(twin, scenario.expectations, timedFailures);
  for (const { atMs, input } of scenario.inputs) twin.applyAt(atMs, input);
  if (scenario.background)
    startBackgroundTraffic(twin, {
      untilMs,
      ...(scenario.visitsPerLockPerHour === undefined
        ? {}
        : { visitsPerLockPerHour: scenario.visitsPerLockPerHour }),
    });
  return { scenario, twin, seed, untilMs, observations, timedFailures };
}

export function summarizeRun(run: PreparedRun, failures: readonly string[]): RunResult {
  return {
    scenario: run.scenario.name,
    seed: run.seed,
    passed: failures.length === 0,
    events: run.twin.trace.events,
    simulatedMs: run.twin.clock.now(),
    traceHash: run.twin.trace.fingerprint(),
    failures,
  };
}

export function describeFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs a scenario to its end. A run that breaks midway (a limit reached) is a failure in the result. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  return runPrepared(prepareRun(scenario, options));
}

export function runPrepared(run: PreparedRun): RunResult {
  const failures: string[] = [];
  try {
    run.twin.runUntil(run.untilMs);
    failures.push(
      ...run.timedFailures,
      ...checkFinalExpectations(run.twin, run.scenario.expectations, run.observations),
    );
  } catch (error) {
    failures.push(describeFailure(error));
  }
  return summarizeRun(run, failures);
}
