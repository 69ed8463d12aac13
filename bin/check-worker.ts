/**
 * A worker thread of `lockstep check --jobs J`: runs its share of the sweep, reports each outcome, and once done
 * its coverage tally (when coverage is counted), which the main thread adds to the others.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkRun, countRun, emptyTally, type CheckMode } from '../scenarios/index.ts';
import type { CheckWorkerMessage } from './check-command.ts';

interface WorkerTask {
  readonly indices: readonly number[];
  readonly sweepSeed: number;
  readonly steps: number;
  readonly defects: readonly string[];
  readonly mode: CheckMode;
  readonly coverage: boolean;
}

const task = workerData as WorkerTask;
const post = (message: CheckWorkerMessage): void => parentPort?.postMessage(message);
const tally = emptyTally();
for (const runIndex of task.indices) {
  const { coverage, ...outcome } = checkRun(runIndex, task);
  if (coverage !== undefined) countRun(tally, coverage);
  post({ kind: 'outcome', outcome });
  // Later runs of this worker have higher indices: the sweep reports the lowest failing run, so stop here.
  if (outcome.failed) break;
}
if (task.coverage) post({ kind: 'coverage', tally });
