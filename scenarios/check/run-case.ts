/**
 * One exploration case: a generated site, a twin seed, a sequence of steps and the defects switched on. The case
 * runs step by step with the invariant monitor watching; after the last step every fault is repaired and the twin
 * runs quietly for the liveness bound. The result is the first violation, if any, and the run's fingerprint.
 */
import {
  createTwin,
  parseSiteSpec,
  type SiteSpecInput,
  type TracedTwinEvent,
  type Twin,
  type TwinInput,
} from '../../twin/index.ts';
import type { Step } from './generated-inputs.ts';
import { InvariantMonitor, propagationBoundMs, type Violation } from './invariants.ts';

export interface Case {
  readonly site: SiteSpecInput;
  readonly seed: number;
  readonly steps: readonly Step[];
  readonly defects: readonly string[];
}

export interface CaseResult {
  readonly violation: Violation | undefined;
  /** Steps applied when the violation was seen (all of them when none was). */
  readonly stepsRun: number;
  readonly traceHash: string;
  readonly events: number;
  readonly lines: readonly string[];
}

/** Time after the last step for faults to heal and changes to land (liveness). */
export const quietPeriodMs = 3 * propagationBoundMs;
/** Lines a case keeps for replay comparison (shrunk cases are short; long ones keep their head). */
export const caseLinesMax = 50_000;

export interface TimedStepInput {
  readonly atMs: number;
  readonly input: TwinInput;
}

/** The absolute times of a case's inputs. */
export function timedInputs(steps: readonly Step[]): TimedStepInput[] {
  let atMs = 0;
  return steps.map((step) => {
    atMs += step.gapMs;
    return { atMs, input: step.input };
  });
}

function repairInputs(site: SiteSpecInput): TwinInput[] {
  return [
    ...site.iqs.map((iq): TwinInput => ({ type: 'power', device: iq.id, on: true })),
    ...(site.repeaters ?? []).map((repeater): TwinInput => ({
      type: 'power',
      device: repeater.id,
      on: true,
    })),
    ...site.iqs.map((iq): TwinInput => ({ type: 'iq-internet', iq: iq.id, up: true })),
  ];
}

export interface RunCaseOptions {
  /** Keep the trace lines (default true; a sweep turns it off and keeps only the fingerprint). */
  readonly keepLines?: boolean;
  /** Also called with every trace event (the replay's story). */
  readonly onEvent?: (traced: TracedTwinEvent) => void;
  readonly onTwin?: (twin: Twin) => void;
}

export function runCase(testCase: Case, options: RunCaseOptions = {}): CaseResult {
  const parsed = parseSiteSpec(testCase.site);
  if (!parsed.ok)
    throw new Error(
      `generated site is invalid: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
    );
  // The monitor needs the twin and the twin's trace needs the monitor: the trace reaches it through this box.
  const box: { monitor?: InvariantMonitor } = {};
  const lines: string[] = [];
  const twin = createTwin({
    spec: parsed.spec,
    seed: testCase.seed,
    defects: testCase.defects,
    trace: {
      onEvent: (traced) => {
        box.monitor?.observe(traced);
        options.onEvent?.(traced);
      },
      ...(options.keepLines === false
        ? {}
        : { onLine: (line: string) => void (lines.length < caseLinesMax && lines.push(line)) }),
    },
  });
  options.onTwin?.(twin);
  const monitor = new InvariantMonitor(twin);
  box.monitor = monitor;
  const timed = timedInputs(testCase.steps);
  let stepsRun = 0;
  for (const { atMs, input } of timed) {
    twin.runUntil(atMs);
    twin.apply(input);
    stepsRun++;
    twin.runUntil(atMs + 1);
    monitor.checkStep();
    if (monitor.firstViolation !== undefined) break;
  }
  if (monitor.firstViolation === undefined) {
    for (const input of repairInputs(testCase.site)) twin.apply(input);
    const endMs = twin.clock.now() + quietPeriodMs;
    for (
      let atMs = twin.clock.now() + 60_000;
      atMs <= endMs && monitor.firstViolation === undefined;
      atMs += 60_000
    ) {
      twin.runUntil(atMs);
      monitor.checkStep();
    }
    monitor.checkLiveness();
  }
  return {
    violation: monitor.firstViolation,
    stepsRun,
    traceHash: twin.trace.fingerprint(),
    events: twin.trace.events,
    lines,
  };
}
