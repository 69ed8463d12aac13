/**
 * `lockstep check`: property-based exploration of generated sites and input sequences against the invariants,
 * in one of three modes (safety, liveness, both), with shrinking, failure files, sharding across machines, worker
 * threads on one machine, a progress bar on a terminal, a determinism self-check, and coverage (device states
 * and transitions, named situations) that a sweep can be required to reach. The shard comes from `--shard` or
 * from the scheduler's environment (shard-from-env.ts); `--result` writes the sweep's result document, which
 * `lockstep merge` adds up across shards; `--junit` a JUnit report; under GitHub Actions failures are annotated.
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
  distinctFailures,
  emptyTally,
  failuresDirDefault,
  propertyNameOf,
  shardRuns,
  sweepFailureOf,
  sweepResultOf,
  stepsDefault,
  stepsMax,
  transitionCoverageMinPercentDefault,
  type CheckMode,
  type CoverageTally,
  type RunOutcome,
  type SweepFailure,
  type SweepIdentity,
  type SweepResult,
} from '../scenarios/index.ts';
import { defectCatalog, defectNames, isDefectName } from '../twin/index.ts';
import { CheckPool, keepGoingFailedRunsMax, type Sweep, type SweepTask } from './check-pool.ts';
import { closestNames, didYouMeanHint } from './did-you-mean.ts';
import { writtenFailure } from './failure-writer.ts';
import { BadInputError, exitCodes } from './exit-codes.ts';
import { printAnnotations } from './github-annotations.ts';
import { junitSuiteName, junitXmlOf } from './junit-report.ts';
import { outputPathOf, writeOutputFile } from './output-file.ts';
import { progressBar, type Progress } from './progress.ts';
import { describeShard, shardFromEnv, type ShardChoice } from './shard-from-env.ts';

export interface CheckFlags {
  runs?: string;
  seed?: string;
  steps?: string;
  jobs?: string;
  shard?: string;
  shards?: string;
  keepGoing?: boolean;
  /** False with `--no-shrink`. */
  shrink?: boolean;
  result?: string;
  junit?: string;
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
  /** The shard this process runs; undefined for the whole sweep. */
  readonly shard: ShardChoice | undefined;
  readonly keepGoing: boolean;
  /** Shrink failing runs (off with `--no-shrink`: faster, but the failures are the generated cases). */
  readonly shrink: boolean;
  /** Where the result document and the JUnit report go (resolved, their folders checked), when asked for. */
  readonly resultPath: string | undefined;
  readonly junitPath: string | undefined;
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
  const shard = shardFromEnv({ shard: flags.shard, shards: flags.shards, env: process.env, runs });
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
    indices: shardRuns(runs, shard ?? { index: 1, count: 1 }),
    defects,
    out: flags.out ?? failuresDirDefault,
    json: flags.json === true,
    mode: modeOfPlan(flags),
    coverage: coveragePlanOf(flags),
    shard,
    keepGoing: flags.keepGoing === true,
    shrink: flags.shrink !== false,
    ...outputsOf(flags),
  };
}

/** `--result` and `--junit` record a sweep; the determinism self-check is none. Paths are checked up front. */
function outputsOf(flags: CheckFlags): Pick<CheckPlan, 'resultPath' | 'junitPath'> {
  if (flags.determinism === true)
    for (const [given, flag] of [
      [flags.result, '--result'],
      [flags.junit, '--junit'],
      [flags.keepGoing, '--keep-going'],
    ] as const)
      if (given !== undefined)
        throw new BadInputError(
          `${flag} records a sweep; the determinism self-check (--determinism) is none`,
        );
  const resultPath = outputPathOf(flags.result, '--result');
  const junitPath = outputPathOf(flags.junit, '--junit');
  if (resultPath !== undefined && resultPath === junitPath)
    throw new BadInputError('--result and --junit name the same file');
  return { resultPath, junitPath };
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
    keepGoing: plan.keepGoing,
    shrink: plan.shrink,
  };
}

/** An outcome without its run's coverage (counted into the tally instead), to keep and to post. */
function withoutCoverage({ coverage: _coverage, ...outcome }: RunOutcome): RunOutcome {
  return outcome;
}

/** Runs the sweep in this thread, stopping at the first failure (with `--keep-going`, at the bound of them). */
function sweepHere(plan: CheckPlan, tick: () => void): Sweep {
  const sweep: Sweep = { outcomes: [], tally: emptyTally() };
  let failedRuns = 0;
  for (const runIndex of plan.indices) {
    const outcome = checkRun(runIndex, runOptionsOf(plan));
    if (outcome.coverage !== undefined) countRun(sweep.tally, outcome.coverage);
    sweep.outcomes.push(withoutCoverage(outcome));
    tick();
    if (outcome.failed) failedRuns++;
    if (outcome.failed && (!plan.keepGoing || failedRuns >= keepGoingFailedRunsMax)) break;
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

/** Failure files one sweep writes at most: one per distinct failure (the minimal run of each bug). */
const failureFilesMax = 100;

/** What a sweep found: each distinct failure (the first `failureFilesMax` with their files), and the counts. */
interface Findings {
  readonly failures: SweepFailure[];
  readonly failedRuns: number;
  readonly runsDone: number;
  /** Distinct failures without a failure file (past `failureFilesMax`). */
  readonly filesLeftOut: number;
  /** Whether `--keep-going` stopped at its bound of failed runs. */
  readonly stoppedAtBound: boolean;
}

function findingsOf(plan: CheckPlan, outcomes: readonly RunOutcome[]): Findings {
  const failed = outcomes.filter((outcome) => outcome.failed);
  const byRun = new Map(failed.map((outcome) => [outcome.runIndex, outcome]));
  const distinct = distinctFailures(failed.map((outcome) => sweepFailureOf(outcome) as SweepFailure));
  const failures = distinct.map((failure, at) =>
    at < failureFilesMax
      ? writtenFailure(byRun.get(failure.runIndex) as RunOutcome, {
          mode: plan.mode,
          sweepSeed: plan.sweepSeed,
          outDir: plan.out,
        })
      : failure,
  );
  return {
    failures,
    failedRuns: failed.length,
    runsDone: outcomes.length,
    filesLeftOut: Math.max(0, distinct.length - failureFilesMax),
    stoppedAtBound: plan.keepGoing && failed.length >= keepGoingFailedRunsMax,
  };
}

function identityOf(plan: CheckPlan): SweepIdentity {
  return { seed: plan.sweepSeed, runs: plan.runs, steps: plan.steps, mode: plan.mode, defects: plan.defects };
}

function resultOf(plan: CheckPlan, sweep: Sweep, findings: Findings): SweepResult {
  const shard = plan.shard;
  return sweepResultOf(
    identityOf(plan),
    sweep.outcomes.map((outcome) => outcome.runIndex),
    sweep.outcomes,
    plan.coverage === undefined ? undefined : sweep.tally,
    {
      ...(shard === undefined
        ? {}
        : { shard: { index: shard.index, count: shard.count, source: shard.source } }),
      failures: findings.failures,
      failedRuns: findings.failedRuns,
    },
  );
}

/** The JUnit report of one shard: one test case, failed by its failures or by unmet coverage. */
function junitOf(plan: CheckPlan, result: SweepResult, unmet: readonly string[]): string {
  const shardName =
    plan.shard === undefined ? 'whole sweep' : `shard ${plan.shard.index}/${plan.shard.count}`;
  return junitXmlOf({
    name: junitSuiteName('check', result.sweep),
    sweep: result.sweep,
    cases: [
      {
        name: shardName,
        className: `lockstep.check.${propertyNameOf(plan.mode)}`,
        properties: [
          ['shard', plan.shard === undefined ? '1/1' : `${plan.shard.index}/${plan.shard.count}`],
          ['shard-source', plan.shard?.source ?? 'none'],
          ['runs-done', String(result.counts.runs)],
          ['failed-runs', String(result.counts.failedRuns)],
        ],
        failures: result.failures,
        problems: unmet.map((line) => `coverage unmet: ${line}`),
      },
    ],
  });
}

function annotate(plan: CheckPlan, findings: Findings, unmet: readonly string[]): void {
  const where = describeShard(plan.shard);
  printAnnotations([
    ...findings.failures.map((failure) => ({
      level: 'error' as const,
      title: `lockstep check: ${failure.invariant} (run ${failure.runIndex}, seed ${plan.sweepSeed})`,
      message: `${failure.message}\nshrunk to ${failure.inputs} step(s), ${where}${failure.replay === undefined ? '' : `\nreplay: ${failure.replay}`}`,
    })),
    ...(unmet.length === 0
      ? []
      : [{ level: 'error' as const, title: 'lockstep check: coverage unmet', message: unmet.join('\n') }]),
  ]);
}

function shardJson(shard: ShardChoice | undefined) {
  return shard === undefined ? null : { ...shard };
}

/** The failures as `--json` gives them (without their stories, which the result document and JUnit carry). */
function failuresJson(failures: readonly SweepFailure[]) {
  return failures.map(({ story: _story, ...failure }) => failure);
}

function printFindings(plan: CheckPlan, findings: Findings, failure: SweepFailure, shrinks: number): void {
  if (findings.failures.length === 1 && !plan.keepGoing) {
    print(
      `FAILED ${failure.invariant} in run ${failure.runIndex} (seed ${plan.sweepSeed}, mode ${plan.mode}), ${plan.shrink ? `shrunk to ${failure.inputs} step(s) in ${shrinks} shrinks` : `${failure.inputs} step(s), not shrunk (--no-shrink)`}:`,
    );
    print(`  ${failure.message}`);
    print(`failure file: ${failure.artifact ?? '(none)'}`);
    print(`replay: ${failure.replay ?? '(none)'}`);
  } else {
    print(
      `FAILED: ${findings.failedRuns} of ${findings.runsDone} runs failed (seed ${plan.sweepSeed}, mode ${plan.mode}), ${findings.failures.length} distinct failure(s):`,
    );
    for (const each of findings.failures) {
      print(
        `  ${each.invariant} in run ${each.runIndex}, ${plan.shrink ? 'shrunk to ' : ''}${each.inputs} step(s): ${each.message}`,
      );
      if (each.replay !== undefined) print(`    replay: ${each.replay}`);
    }
  }
  if (findings.filesLeftOut > 0)
    print(
      `${findings.filesLeftOut} distinct failure(s) past the first ${failureFilesMax} have no failure file`,
    );
  if (findings.stoppedAtBound)
    print(
      `stopped after ${keepGoingFailedRunsMax} failed runs (the --keep-going bound): ${findings.runsDone} of ${plan.indices.length} runs done`,
    );
  else if (findings.runsDone < plan.indices.length)
    print(
      `stopped at the first failure: ${findings.runsDone} of ${plan.indices.length} runs done (--keep-going runs them all)`,
    );
}

function reportSweep(plan: CheckPlan, sweep: Sweep): void {
  const findings = findingsOf(plan, sweep.outcomes);
  const result = resultOf(plan, sweep, findings);
  const coverage = coverageSummary(plan, sweep.tally);
  const unmet = coverage?.verdict?.met === false ? coverage.verdict.unmet : [];
  if (plan.resultPath !== undefined)
    writeOutputFile(plan.resultPath, JSON.stringify(result) + '\n', '--result');
  if (plan.junitPath !== undefined) writeOutputFile(plan.junitPath, junitOf(plan, result, unmet), '--junit');
  annotate(plan, findings, unmet);
  const first = findings.failures[0];
  const firstOutcome = sweep.outcomes.find((outcome) => outcome.runIndex === first?.runIndex);
  const property = propertyNameOf(plan.mode);
  if (plan.json)
    print(
      JSON.stringify({
        property,
        mode: plan.mode,
        runs: plan.indices.length,
        failed: first !== undefined || unmet.length > 0,
        seed: plan.sweepSeed,
        artifact: first?.artifact ?? null,
        shrunkSteps: first?.inputs ?? null,
        replay: first?.replay ?? null,
        ...(first === undefined ? {} : { invariant: first.invariant, message: first.message }),
        ...(coverage === undefined ? {} : { coverage: coverage.json }),
        shard: shardJson(plan.shard),
        keepGoing: plan.keepGoing,
        runsDone: findings.runsDone,
        failedRuns: findings.failedRuns,
        failures: failuresJson(findings.failures),
        ...(findings.filesLeftOut > 0 ? { failureFilesLeftOut: findings.filesLeftOut } : {}),
        ...(findings.stoppedAtBound ? { stoppedAtFailedRuns: keepGoingFailedRunsMax } : {}),
        result: plan.resultPath ?? null,
        junit: plan.junitPath ?? null,
      }),
    );
  else {
    if (first !== undefined) printFindings(plan, findings, first, firstOutcome?.shrinks ?? 0);
    else
      print(
        `${unmet.length > 0 ? 'invariants held' : 'passed'}: ${plan.indices.length} runs of ${property} (seed ${plan.sweepSeed}, mode ${plan.mode}, up to ${plan.steps} steps${plan.defects.length === 0 ? '' : `, defects ${plan.defects.join(', ')}`}${plan.shard === undefined ? '' : `, ${describeShard(plan.shard)}`})`,
      );
    if (coverage !== undefined)
      for (const line of describeCoverage(
        coverage.report,
        first === undefined ? coverage.verdict : undefined,
      ))
        print(line);
    if (plan.resultPath !== undefined) print(`result: ${plan.resultPath}`);
    if (plan.junitPath !== undefined) print(`junit: ${plan.junitPath}`);
  }
  if (first !== undefined || unmet.length > 0) process.exitCode = exitCodes.failed;
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
  reportSweep(plan, sweep);
}
