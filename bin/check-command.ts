/**
 * `lockstep check`: property-based exploration of generated sites and input sequences against the invariants,
 * with shrinking, failure files, sharding across machines, worker threads on one machine, a progress bar on a
 * terminal, and a determinism self-check.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SingleBar } from 'cli-progress';
import {
  caseOfRun,
  checkRun,
  compareRuns,
  failureFileOf,
  failuresDirDefault,
  propertyName,
  runCase,
  shardRuns,
  stepsDefault,
  stepsMax,
  writeFailureFile,
  type RunOutcome,
} from '../scenarios/index.ts';
import { defectCatalog, defectNames, isDefectName } from '../twin/index.ts';
import { BadInputError, exitCodes } from './exit-codes.ts';

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

function planOf(flags: CheckFlags): CheckPlan {
  const runs = wholeNumber(flags.runs, 'runs', 100, 1, runsMax);
  const shardText = flags.shard ?? '1/1';
  const shardMatch = /^(\d+)\/(\d+)$/.exec(shardText);
  const shard =
    shardMatch === null ? undefined : { index: Number(shardMatch[1]), count: Number(shardMatch[2]) };
  if (shard === undefined || shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw new BadInputError(`--shard must be i/n with 1 ≤ i ≤ n, got "${shardText}"`);
  const defects = flags.defect ?? [];
  for (const defect of defects)
    if (!isDefectName(defect))
      throw new BadInputError(`unknown defect "${defect}" (known: ${defectNames.join(', ')})`);
  return {
    runs,
    sweepSeed: wholeNumber(flags.seed, 'seed', 1, -(2 ** 31), 2 ** 31 - 1),
    steps: wholeNumber(flags.steps, 'steps', stepsDefault, 1, stepsMax),
    jobs: wholeNumber(flags.jobs, 'jobs', 1, 1, Math.min(jobsMax, Math.max(1, availableParallelism() * 4))),
    indices: shardRuns(runs, shard),
    defects,
    out: flags.out ?? failuresDirDefault,
    json: flags.json === true,
  };
}

function print(text: string): void {
  process.stdout.write(text + '\n');
}

function progressBar(plan: CheckPlan, label: string): { tick: () => void; stop: () => void } {
  if (plan.json || process.stderr.isTTY !== true) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} runs | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
    },
    undefined,
  );
  bar.start(plan.indices.length, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

/** Runs the sweep in this thread, stopping at the first failure. */
function sweepHere(plan: CheckPlan, tick: () => void): RunOutcome[] {
  const outcomes: RunOutcome[] = [];
  for (const runIndex of plan.indices) {
    const outcome = checkRun(runIndex, {
      sweepSeed: plan.sweepSeed,
      steps: plan.steps,
      defects: plan.defects,
    });
    outcomes.push(outcome);
    tick();
    if (outcome.failed) break;
  }
  return outcomes;
}

/** Runs the sweep on worker threads, each taking every J-th run. */
async function sweepOnWorkers(plan: CheckPlan, tick: () => void): Promise<RunOutcome[]> {
  const parts = Array.from({ length: plan.jobs }, (_, job) =>
    plan.indices.filter((_, position) => position % plan.jobs === job),
  ).filter((part) => part.length > 0);
  const outcomes: RunOutcome[] = [];
  await Promise.all(
    parts.map(
      (indices) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./check-worker.js', import.meta.url), {
            workerData: { indices, sweepSeed: plan.sweepSeed, steps: plan.steps, defects: plan.defects },
          });
          worker.on('message', (outcome: RunOutcome) => {
            outcomes.push(outcome);
            tick();
          });
          worker.once('error', reject);
          worker.once('exit', () => resolve());
        }),
    ),
  );
  return outcomes.sort((a, b) => a.runIndex - b.runIndex);
}

function reportFailure(plan: CheckPlan, failure: RunOutcome): void {
  const testCase = failure.counterexample;
  if (testCase === undefined || failure.violation === undefined)
    throw new Error(`run ${failure.runIndex} failed without a counterexample`);
  const rerun = runCase(testCase);
  const file = failureFileOf({
    property: propertyName,
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
  if (plan.json) {
    print(
      JSON.stringify({
        property: propertyName,
        runs: plan.indices.length,
        failed: true,
        seed: plan.sweepSeed,
        artifact,
        shrunkSteps: testCase.steps.length,
        replay,
        invariant: failure.violation.invariant,
        message: failure.violation.message,
      }),
    );
  } else {
    print(
      `FAILED ${failure.violation.invariant} in run ${failure.runIndex} (seed ${plan.sweepSeed}), shrunk to ${testCase.steps.length} step(s) in ${failure.shrinks ?? 0} shrinks:`,
    );
    print(`  ${failure.violation.message}`);
    print(`failure file: ${artifact}`);
    print(`replay: ${replay}`);
  }
  process.exitCode = exitCodes.failed;
}

function listDefects(json: boolean): void {
  const defects = defectNames.map((name) => ({ name, description: defectCatalog[name] }));
  if (json) print(JSON.stringify({ defects }));
  else for (const defect of defects) print(`${defect.name.padEnd(28)} ${defect.description}`);
}

function determinismCheck(plan: CheckPlan): void {
  const bar = progressBar(plan, 'determinism');
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
  const bar = progressBar(plan, 'check');
  const outcomes = plan.jobs === 1 ? sweepHere(plan, bar.tick) : await sweepOnWorkers(plan, bar.tick);
  bar.stop();
  const failure = outcomes.find((outcome) => outcome.failed);
  if (failure !== undefined) return reportFailure(plan, failure);
  if (plan.json)
    print(
      JSON.stringify({
        property: propertyName,
        runs: plan.indices.length,
        failed: false,
        seed: plan.sweepSeed,
        artifact: null,
        shrunkSteps: null,
        replay: null,
      }),
    );
  else
    print(
      `passed: ${plan.indices.length} runs of ${propertyName} (seed ${plan.sweepSeed}, up to ${plan.steps} steps${plan.defects.length === 0 ? '' : `, defects ${plan.defects.join(', ')}`})`,
    );
}
