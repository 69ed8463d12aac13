/**
 * One exploration case: a generated site, a twin seed, a sequence of steps and the defects switched on. How the
 * case runs and what is judged depends on the mode (as TigerBeetle's VOPR splits them):
 * - `safety`: the steps run with their faults; every invariant but liveness is judged after every step; nothing
 *   is repaired and nothing runs after the last step.
 * - `liveness`: the steps run with their faults, unjudged; then every fault is repaired and the twin runs quietly
 *   for `quietPeriodMs`, after which it must have converged (`InvariantMonitor.checkLiveness`).
 * - `both` (the default): the steps judged as in `safety`, then the repair and the quiet period judged every
 *   minute, then liveness.
 * The result is the first violation, if any, and the run's fingerprint.
 */
import {
  TopologyLimitError,
  createTwin,
  parseSiteSpec,
  type SiteSpec,
  type SiteSpecInput,
  type TracedTwinEvent,
  type Twin,
  type TwinInput,
  type TwinOptions,
} from '../../twin/index.ts';
import type { Step } from './generated-inputs.ts';
import { InvariantMonitor, propagationBoundMs, treeOverLimits, type Violation } from './invariants.ts';

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

/** The modes a case can run in: which faults it sees and which invariants judge it (see the top of this file). */
export const checkModes = ['safety', 'liveness', 'both'] as const;
export type CheckMode = (typeof checkModes)[number];
export const checkModeDefault: CheckMode = 'both';

/**
 * The liveness bound: once every fault is repaired, the twin has this long (15 minutes: three propagation
 * bounds) to converge, i.e. every lock holds the cloud's data version.
 */
export const quietPeriodMs = 3 * propagationBoundMs;
/** How often the quiet period stops to judge the twin's state (in `both`). */
const quietCheckEveryMs = 60_000;
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

/**
 * Every fault of the case undone; the cloud's lag only when the case switched it on (older files replay as they
 * were). These are the harness's inputs, not the case's steps: stories and timelines label them so.
 */
export function repairInputs(site: SiteSpecInput, steps: readonly Step[]): TwinInput[] {
  const lagged = steps.some((step) => step.input.type === 'cloud-lag');
  return [
    ...site.iqs.map((iq): TwinInput => ({ type: 'power', device: iq.id, on: true })),
    ...(site.repeaters ?? []).map((repeater): TwinInput => ({
      type: 'power',
      device: repeater.id,
      on: true,
    })),
    ...site.iqs.map((iq): TwinInput => ({ type: 'iq-internet', iq: iq.id, up: true })),
    ...(lagged ? [{ type: 'cloud-lag', lagMs: 0 } as const] : []),
  ];
}

export interface RunCaseOptions {
  /** Keep the trace lines (default true; a sweep turns it off and keeps only the fingerprint). */
  readonly keepLines?: boolean;
  /** Which faults the case sees and which invariants judge it (default `both`). */
  readonly mode?: CheckMode;
  /** Also called with every trace event (the replay's story, coverage). */
  readonly onEvent?: (traced: TracedTwinEvent) => void;
  readonly onTwin?: (twin: Twin) => void;
  /** Called with the virtual time just before the harness repairs every fault (not in `safety`). */
  readonly onHarness?: (tMs: number) => void;
  /** Reads the device actors' XState inspection events (coverage); it changes nothing in the run. */
  readonly inspect?: TwinOptions['inspect'];
}

export function runCase(testCase: Case, options: RunCaseOptions = {}): CaseResult {
  const mode = options.mode ?? checkModeDefault;
  const parsed = parseSiteSpec(testCase.site);
  if (!parsed.ok)
    throw new Error(
      `generated site is invalid: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
    );
  // The monitor needs the twin and the twin's trace needs the monitor: the trace reaches it through this box.
  const box: { monitor?: InvariantMonitor | undefined } = {};
  const lines: string[] = [];
  const built = buildTwin(parsed.spec, testCase, options, lines, box);
  if (!built.ok) return built.result;
  const twin = built.twin;
  options.onTwin?.(twin);
  const monitor = new InvariantMonitor(twin);
  // Liveness alone judges nothing on the way: its monitor reads only the twin's state at the end.
  const judged = mode === 'liveness' ? undefined : monitor;
  box.monitor = judged;
  const stepsRun = runSteps(twin, testCase.steps, judged);
  if (mode !== 'safety' && monitor.firstViolation === undefined) {
    options.onHarness?.(twin.clock.now());
    for (const input of repairInputs(testCase.site, testCase.steps)) twin.apply(input);
    runQuietPeriod(twin, judged);
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

/** Applies the steps at their times, judging after each when a monitor judges; answers how many ran. */
function runSteps(twin: Twin, steps: readonly Step[], judged: InvariantMonitor | undefined): number {
  let stepsRun = 0;
  for (const { atMs, input } of timedInputs(steps)) {
    twin.runUntil(atMs);
    twin.apply(input);
    stepsRun++;
    twin.runUntil(atMs + 1);
    judged?.checkStep();
    if (judged?.firstViolation !== undefined) break;
  }
  return stepsRun;
}

/** Runs the quiet period after the repair, a minute at a time, judging each minute when a monitor judges. */
function runQuietPeriod(twin: Twin, judged: InvariantMonitor | undefined): void {
  const endMs = twin.clock.now() + quietPeriodMs;
  for (
    let atMs = twin.clock.now() + quietCheckEveryMs;
    atMs <= endMs && judged?.firstViolation === undefined;
    atMs += quietCheckEveryMs
  ) {
    twin.runUntil(atMs);
    judged?.checkStep();
  }
}

type Built = { readonly ok: true; readonly twin: Twin } | { readonly ok: false; readonly result: CaseResult };

/**
 * The case's twin. A radio tree the twin refuses (`TopologyLimitError`) is a run of its own: right when the tree
 * is over the domain's limits, a violation of `topology-limits` when it is within them.
 */
function buildTwin(
  spec: SiteSpec,
  testCase: Case,
  options: RunCaseOptions,
  lines: string[],
  box: { monitor?: InvariantMonitor | undefined },
): Built {
  try {
    return {
      ok: true,
      twin: createTwin({
        spec,
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
        ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
      }),
    };
  } catch (error) {
    if (!(error instanceof TopologyLimitError)) throw error;
    const over = treeOverLimits(spec);
    const violation: Violation | undefined =
      over === undefined
        ? {
            invariant: 'topology-limits',
            tMs: 0,
            message: `the twin refused a tree within the limits: ${error.message}`,
          }
        : undefined;
    return { ok: false, result: { violation, stepsRun: 0, traceHash: '', events: 0, lines: [] } };
  }
}
