/**
 * `lockstep check`: property-based exploration of generated sites and input sequences against the invariants,
 * in one of three modes (safety, liveness, both), with shrinking, failure files, sharding across machines, worker
 * threads on one machine, a progress bar on a terminal, a determinism self-check, and coverage (device states
 * and transitions, named situations) that a sweep can be required to reach.
 */
import { availableParallelism } from 'node:os';
import {
  caseOfRun,
  checkModeDefault,
  checkModes,
  checkRun,
  compareRuns,
  countRun,
  coverageReport,
  coverageVerdict,
  describeCoverage,
  emptyTally,
  failureFileOf,
  failuresDirDefault,
  propertyNameOf,
  runCase,
  shardRuns,
  stepsDefault,
  stepsMax,
  transitionCoverageMinPercentDefault,
  writeFailureFile,
  type CheckMode,
  type CoverageTally,
  type RunOutcome,
} from '../scenarios/index.ts';
import { defectCatalog, defectNames, isDefectName } from '../twin/index.ts';
import { CheckPool, type Sweep, type SweepTask } from './check-pool.ts';
import { closestNames, didYouMeanHint } from './did-you-mean.ts';
import { BadInputError, exitCodes } from './exit-codes.ts';
import { progressBar, type Progress } from './progress.ts';

export interface CheckFlags {
  runs?: string;
  seed?: string;
  steps?: string;
  jobs?: string;
  shard?: string;
  defect?: string[];
  listDefects?: boolean;
  determinism?: boolean;
  out?: string;
  json?: boolean;
  mode?: string;
  coverage?: boolean;
  requireCoverage?: boolean;
  transitionCoverageMin?: string;
}

interface CoveragePlan {
  /** Gate the sweep on it (exit 1 when unmet), not only report it. */
  readonly required: boolean;
  readonly transitionCoverageMinPercent: number;
}

interface CheckPlan {
  readonly runs: number;
  readonly sweepSeed: number;
  readonly steps: number;
  readonly jobs: number;
  readonly indices: number[];
  readonly defects: string[];
  readonly out: string;
  readonly json: boolean;
  readonly mode: CheckMode;
  /** Set when coverage is counted (`--coverage`, `--require-coverage`). */
  readonly coverage: CoveragePlan | undefined;
}

const runsMax = 1_000_000;
const jobsMax = 64;

function wholeNumber(
  text: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) throw new BadInputError(`--${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max)
    throw new BadInputError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function modeOf(text: string | undefined): CheckMode {
  if (text === undefined) return checkModeDefault;
  const mode = checkModes.find((known) => known === text);
  if (mode === undefined)
    throw new BadInputError(`--mode must be one of ${checkModes.join(', ')}, got "${text}"`);
  return mode;
}

function coveragePlanOf(flags: CheckFlags): CoveragePlan | undefined {
  const text = flags.transitionCoverageMin;
  let transitionCoverageMinPercent = transitionCoverageMinPercentDefault;
  if (text !== undefined) {
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || value > 100)
      throw new BadInputError(`--transition-coverage-min must be a percent from 0 to 100, got "${text}"`);
    transitionCoverageMinPercent = value;
  }
  const required = flags.requireCoverage === true;
  if (!required && flags.coverage !== true) {
    if (text !== undefined)
      throw new BadInputError('--transition-coverage-min needs --coverage or --require-coverage');
    return undefined;
  }
  if (flags.determinism === true)
    throw new BadInputError('--coverage counts a sweep; the determinism self-check (--determinism) has none');
  return { required, transitionCoverageMinPercent };
}

function planOf(flags: CheckFlags): CheckPlan {
  const runs = wholeNumber(flags.runs, 'runs', 100, 1, runsMax);
  const shardText = flags.shard ?? '1/1';
  const shardMatch = /^(\d+)\/(\d+)$/.exec(shardText);
  const shard =
    shardMatch === null ? undefined : { index: Number(shardMatch[1]), count: Number(shardMatch[2]) };
  if (shard === undefined || shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw new BadInputError(`--shard must be i/n with 1 ≤ i ≤ n, got "${shardText}"`);
  const defects = flags.defect ?? [];
  for (const defect of defects) {
    if (isDefectName(defect)) continue;
    const suggestions = closestNames(defect, defectNames);
    throw new BadInputError(
      `unknown defect "${defect}" (${didYouMeanHint(suggestions)}known: ${defectNames.join(', ')})`,
      {
        code: 'unknown-name',
        suggestions,
      },
    );
  }
  return {
    runs,
    sweepSeed: wholeNumber(flags.seed, 'seed', 1, -(2 ** 31), 2 ** 31 - 1),
    steps: wholeNumber(flags.steps, 'steps', stepsDefault, 1, stepsMax),
    jobs: wholeNumber(flags.jobs, 'jobs', 1, 1, Math.min(jobsMax, Math.max(1, availableParallelism() * 4))),
    indices: shardRuns(runs, shard),
    defects,
    out: flags.out ?? failuresDirDefault,
    json: flags.json === true,
    mode: modeOfPlan(flags),
    coverage: coveragePlanOf(flags),
  };
}

/** The determinism self-check runs every case in `both` (compareRuns), so another mode would be ignored. */
function modeOfPlan(flags: CheckFlags): CheckMode {
  const mode = modeOf(flags.mode);
  if (flags.determinism === true && mode !== 'both')
    throw new BadInputError(`--determinism runs each case in mode both; --mode ${mode} does not apply`);
  return mode;
}

function print(text: string): void {
  process.stdout.write(text + '\n');
}

function planProgress(plan: CheckPlan, label: string): Progress {
  return progressBar({ total: plan.indices.length, unit: 'runs', label, json: plan.json });
}

function runOptionsOf(plan: CheckPlan): SweepTask {
  return {
    sweepSeed: plan.sweepSeed,
    steps: plan.steps,
    defects: plan.defects,
    mode: plan.mode,
    coverage: plan.coverage !== undefined,
  };
}

/** An outcome without its run's coverage (counted into the tally instead), to keep and to post. */
function withoutCoverage({ coverage: _coverage, ...outcome }: RunOutcome): RunOutcome {
  return outcome;
}

/** Runs the sweep in this thread, stopping at the first failure. */
function sweepHere(plan: CheckPlan, tick: () => void): Sweep {
  const sweep: Sweep = { outcomes: [], tally: emptyTally() };
  for (const runIndex of plan.indices) {
    const outcome = checkRun(runIndex, runOptionsOf(plan));
    if (outcome.coverage !== undefined) countRun(sweep.tally, outcome.coverage);
    sweep.outcomes.push(withoutCoverage(outcome));
    tick();
    if (outcome.failed) break;
  }
  return sweep;
}

/** Runs the sweep on a pool of warm worker threads (check-pool.ts), which adds up their coverage tallies. */
async function sweepOnWorkers(plan: CheckPlan, tick: () => void): Promise<Sweep> {
  const pool = new CheckPool(Math.min(plan.jobs, plan.indices.length), runOptionsOf(plan));
  try {
    return await pool.sweep(plan.indices, tick);
  } finally {
    await pool.close();
  }
}

/** The coverage part of the summary (`--json`): the report, and the verdict when the sweep is gated on it. */
function coverageSummary(plan: CheckPlan, tally: CoverageTally) {
  if (plan.coverage === undefined) return undefined;
  const report = coverageReport(tally);
  const verdict = coverageVerdict(report, plan.coverage);
  return {
    report,
    verdict: plan.coverage.required ? verdict : undefined,
    json: {
      ...report,
      required: plan.coverage.required,
      transitionCoverageMin: plan.coverage.transitionCoverageMinPercent,
      met: verdict.met,
      unmet: verdict.met ? [] : verdict.unmet,
    },
  };
}

function reportFailure(plan: CheckPlan, failure: RunOutcome, tally: CoverageTally): void {
  const testCase = failure.counterexample;
  if (testCase === undefined || failure.violation === undefined)
    throw new Error(`run ${failure.runIndex} failed without a counterexample`);
  const rerun = runCase(testCase, { mode: plan.mode });
  const property = propertyNameOf(plan.mode);
  const file = failureFileOf({
    property,
    testCase,
    violation: failure.violation,
    sweepSeed: plan.sweepSeed,
    runIndex: failure.runIndex,
    fcSeed: failure.fcSeed,
    fcPath: failure.fcPath,
    traceHash: rerun.traceHash,
    lines: rerun.lines,
  });
  const artifact = writeFailureFile(plan.out, file);
  const replay = `npx lockstep replay ${artifact}`;
  const coverage = coverageSummary(plan, tally);
  if (plan.json) {
    print(
      JSON.stringify({
        property,
        mode: plan.mode,
        runs: plan.indices.length,
        failed: true,
        seed: plan.sweepSeed,
        artifact,
        shrunkSteps: testCase.steps.length,
        replay,
        invariant: failure.violation.invariant,
        message: failure.violation.message,
        ...(coverage === undefined ? {} : { coverage: coverage.json }),
      }),
    );
  } else {
    print(
      `FAILED ${failure.violation.invariant} in run ${failure.runIndex} (seed ${plan.sweepSeed}, mode ${plan.mode}), shrunk to ${testCase.steps.length} step(s) in ${failure.shrinks ?? 0} shrinks:`,
    );
    print(`  ${failure.violation.message}`);
    print(`failure file: ${artifact}`);
    print(`replay: ${replay}`);
    if (coverage !== undefined) for (const line of describeCoverage(coverage.report, undefined)) print(line);
  }
  process.exitCode = exitCodes.failed;
}

function reportPass(plan: CheckPlan, tally: CoverageTally): void {
  const property = propertyNameOf(plan.mode);
  const coverage = coverageSummary(plan, tally);
  const unmet = coverage?.verdict?.met === false;
  if (plan.json)
    print(
      JSON.stringify({
        property,
        mode: plan.mode,
        runs: plan.indices.length,
        failed: unmet,
        seed: plan.sweepSeed,
        artifact: null,
        shrunkSteps: null,
        replay: null,
        ...(coverage === undefined ? {} : { coverage: coverage.json }),
      }),
    );
  else {
    print(
      `${unmet ? 'invariants held' : 'passed'}: ${plan.indices.length} runs of ${property} (seed ${plan.sweepSeed}, mode ${plan.mode}, up to ${plan.steps} steps${plan.defects.length === 0 ? '' : `, defects ${plan.defects.join(', ')}`})`,
    );
    if (coverage !== undefined)
      for (const line of describeCoverage(coverage.report, coverage.verdict)) print(line);
  }
  if (unmet) process.exitCode = exitCodes.failed;
}

function listDefects(json: boolean): void {
  const defects = defectNames.map((name) => ({ name, description: defectCatalog[name] }));
  if (json) print(JSON.stringify({ defects }));
  else for (const defect of defects) print(`${defect.name.padEnd(28)} ${defect.description}`);
}

function determinismCheck(plan: CheckPlan): void {
  const bar = planProgress(plan, 'determinism');
  for (const runIndex of plan.indices) {
    const comparison = compareRuns(
      caseOfRun(runIndex, { sweepSeed: plan.sweepSeed, steps: plan.steps, defects: plan.defects }),
    );
    bar.tick();
    if (comparison.identical) continue;
    bar.stop();
    const divergence = comparison.firstDivergence;
    if (plan.json)
      print(
        JSON.stringify({
          property: 'determinism',
          runs: plan.indices.length,
          failed: true,
          seed: plan.sweepSeed,
          runIndex,
          firstDivergence: divergence ?? null,
        }),
      );
    else
      print(
        `NOT DETERMINISTIC: run ${runIndex} parts at event ${divergence?.index ?? '?'}:\n  first:  ${divergence?.left ?? '(end)'}\n  second: ${divergence?.right ?? '(end)'}`,
      );
    process.exitCode = exitCodes.failed;
    return;
  }
  bar.stop();
  if (plan.json)
    print(
      JSON.stringify({
        property: 'determinism',
        runs: plan.indices.length,
        failed: false,
        seed: plan.sweepSeed,
        firstDivergence: null,
      }),
    );
  else print(`deterministic: ${plan.indices.length} runs, each run twice, identical traces`);
}

export async function checkCommand(flags: CheckFlags): Promise<void> {
  if (flags.listDefects === true) return listDefects(flags.json === true);
  const plan = planOf(flags);
  if (flags.determinism === true) return determinismCheck(plan);
  const bar = planProgress(plan, 'check');
  const sweep = plan.jobs === 1 ? sweepHere(plan, bar.tick) : await sweepOnWorkers(plan, bar.tick);
  bar.stop();
  const failure = sweep.outcomes.find((outcome) => outcome.failed);
  if (failure !== undefined) return reportFailure(plan, failure, sweep.tally);
  reportPass(plan, sweep.tally);
}
