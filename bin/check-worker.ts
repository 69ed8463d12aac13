/** A worker thread of `lockstep check --jobs J`: runs its share of the sweep and reports each outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkRun } from '../scenarios/index.ts';

interface WorkerTask {
  readonly indices: readonly number[];
  readonly sweepSeed: number;
  readonly steps: number;
  readonly defects: readonly string[];
}

const task = workerData as WorkerTask;
for (const runIndex of task.indices) {
  const outcome = checkRun(runIndex, task);
  parentPort?.postMessage(outcome);
  // Later runs of this worker have higher indices: the sweep reports the lowest failing run, so stop here.
  if (outcome.failed) break;
}
