/**
 * Running a scenario: build the twin from the scenario's site and seed, queue its inputs (and background
 * traffic when asked), run to the end in virtual time, and report the fingerprint. A run that breaks (an input
 * the twin refuses, a limit reached) is reported as a failure, never as an exception.
 */
import { createTwin, startBackgroundTraffic, type Twin, type TraceOptions, type SiteSpec } from '../twin/index.ts';
import type { Scenario } from './scenario-file.ts';

/** A site run without a scenario lasts this long by default. */
export const siteRunDefaultMs = 3_600_000;
/** A scenario without `until` runs this long past its last input (relock, alerts, uploads settle). */
export const scenarioTailMs = 60_000;
export const seedDefault = 1;

export interface RunOptions {
  readonly seed?: number;
  readonly untilMs?: number;
  readonly trace?: TraceOptions;
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
  return { name: spec.name, description: spec.description ?? `site ${spec.name} with background traffic`, spec, seed: undefined, untilMs: siteRunDefaultMs, background: true, inputs: [] };
}

export function scenarioUntilMs(scenario: Scenario, options: RunOptions): number {
  const lastInputMs = scenario.inputs.at(-1)?.atMs ?? 0;
  return options.untilMs ?? scenario.untilMs ?? lastInputMs + scenarioTailMs;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed ?? seedDefault;
  const untilMs = scenarioUntilMs(scenario, options);
  const failures: string[] = [];
  let twin: Twin | undefined;
  try {
    twin = createTwin({ spec: scenario.spec, seed, ...(options.trace === undefined ? {} : { trace: options.trace }) });
    options.onTwin?.(twin);
    for (const { atMs, input } of scenario.inputs) twin.applyAt(atMs, input);
    if (scenario.background) startBackgroundTraffic(twin, { untilMs });
    twin.runUntil(untilMs);
  } catch (error) {
    failures.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return {
    scenario: scenario.name,
    seed,
    passed: failures.length === 0,
    events: twin?.trace.events ?? 0,
    simulatedMs: twin?.clock.now() ?? 0,
    traceHash: twin?.trace.fingerprint() ?? '',
    failures,
  };
}
