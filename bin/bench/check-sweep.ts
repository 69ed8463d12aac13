/**
 * The property sweep's speed: runs per second of `lockstep check` on one thread (what `--jobs 1` runs), and on
 * two warm worker threads (`--jobs 2`), over the same runs. Both sides first run a few runs of their own, so
 * neither is timed while it loads the twin or while the JIT warms up.
 */
import { checkModeDefault, checkRun, stepsDefault } from '../../scenarios/index.ts';
import { CheckPool, type SweepTask } from '../check-pool.ts';

export interface CheckSweepResult {
  readonly runs: number;
  readonly runsPerS: number;
}

const sweepTask = (sweepSeed: number): SweepTask => ({
  sweepSeed,
  steps: stepsDefault,
  defects: [],
  mode: checkModeDefault,
  coverage: false,
});

const runIndices = (runs: number, first = 0): number[] =>
  Array.from({ length: runs }, (_, index) => first + index);

/** Warm-up runs, per thread, before the timed ones (indices past the timed range). */
const warmUpRuns = 10;

function resultOf(runs: number, startMs: number): CheckSweepResult {
  return { runs, runsPerS: runs / ((performance.now() - startMs) / 1000) };
}

/** `runs` runs of the sweep one after another on this thread. */
export function measureCheckOneThread(runs: number, sweepSeed = 1): CheckSweepResult {
  const task = sweepTask(sweepSeed);
  for (const runIndex of runIndices(warmUpRuns, runs)) checkRun(runIndex, task);
  const startMs = performance.now();
  for (const runIndex of runIndices(runs)) {
    const outcome = checkRun(runIndex, task);
    if (outcome.failed) throw new Error(`check run ${runIndex} failed during the benchmark`);
  }
  return resultOf(runs, startMs);
}

/** The same runs over `jobs` warm worker threads. */
export async function measureCheckOnWorkers(
  runs: number,
  jobs: number,
  sweepSeed = 1,
): Promise<CheckSweepResult> {
  const pool = new CheckPool(jobs, sweepTask(sweepSeed));
  try {
    await pool.warm();
    await pool.sweep(runIndices(warmUpRuns * jobs, runs));
    const startMs = performance.now();
    const sweep = await pool.sweep(runIndices(runs));
    const result = resultOf(runs, startMs);
    if (sweep.outcomes.length !== runs || sweep.outcomes.some((outcome) => outcome.failed))
      throw new Error('the check sweep on workers failed during the benchmark');
    return result;
  } finally {
    await pool.close();
  }
}
