/**
 * One chunk of a fleet sweep, run on this machine: its run indices on a warm check worker thread (check-pool.ts),
 * so that the BullMQ worker's own thread stays free to renew the chunk's lock while a run shrinks for seconds;
 * then the failure file of each distinct failure (written under `--out` here, named in the result), and the
 * chunk's result document (scenarios' sweep-result.ts), which becomes the job's return value.
 */
import {
  distinctFailures,
  sweepFailureOf,
  sweepResultOf,
  type RunOutcome,
  type SweepFailure,
  type SweepResult,
} from '../../scenarios/index.ts';
import { CheckPool } from '../check-pool.ts';
import { writtenFailure } from '../failure-writer.ts';
import type { FleetSweep } from './fleet-sweep.ts';

/** A warm check thread for one sweep's options: one per chunk a worker process runs at a time. */
export function chunkPoolOf(record: FleetSweep): CheckPool {
  const { seed, steps, defects, mode } = record.sweep;
  return new CheckPool(1, {
    sweepSeed: seed,
    steps,
    defects,
    mode,
    coverage: true,
    keepGoing: !record.stopOnFailure,
  });
}

/**
 * Runs the chunk's runs [start, end) and answers its result. Without `stopOnFailure` every run is done (as
 * `check --keep-going`); with it the chunk ends at its first failing run, and `covered` says which were done.
 */
export async function runChunk(options: {
  readonly pool: CheckPool;
  readonly record: FleetSweep;
  readonly range: readonly [number, number];
  readonly outDir: string;
}): Promise<SweepResult> {
  const { pool, record, range } = options;
  const indices = Array.from({ length: range[1] - range[0] }, (_, at) => range[0] + at);
  const sweep = await pool.sweep(indices);
  const failed = sweep.outcomes.filter((outcome) => outcome.failed);
  const byRun = new Map(failed.map((outcome) => [outcome.runIndex, outcome]));
  // One failure file per distinct failure of the chunk (the minimal run of each bug), as `check` writes them.
  const distinct = distinctFailures(failed.map((outcome) => sweepFailureOf(outcome) as SweepFailure));
  const failures = distinct.map((failure) =>
    writtenFailure(byRun.get(failure.runIndex) as RunOutcome, {
      mode: record.sweep.mode,
      sweepSeed: record.sweep.seed,
      outDir: options.outDir,
    }),
  );
  return sweepResultOf(
    record.sweep,
    sweep.outcomes.map((outcome) => outcome.runIndex),
    sweep.outcomes,
    sweep.tally,
    { failures },
  );
}
