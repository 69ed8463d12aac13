/**
 * A worker thread of `lockstep check --jobs J` (check-pool.ts): loads the twin once, says it is ready, then runs
 * each chunk of runs it is handed, reports every outcome, and closes the chunk with the chunk's coverage tally
 * (when coverage is counted). It keeps nothing from one chunk to the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkRun, countRun, emptyTally } from '../scenarios/index.ts';
import type { FromCheckWorker, SweepTask, ToCheckWorker } from './check-pool.ts';

const task = workerData as SweepTask;
const port = parentPort;
if (port === null) throw new Error('check-worker.ts runs as a worker thread of lockstep check');
const post = (message: FromCheckWorker): void => port.postMessage(message);
function runChunk(indices: readonly number[]): void {
  const tally = task.coverage ? emptyTally() : undefined;
  for (const runIndex of indices) {
    const { coverage, ...outcome } = checkRun(runIndex, task);
    if (coverage !== undefined && tally !== undefined) countRun(tally, coverage);
    post({ kind: 'outcome', outcome });
    // The sweep reports the lowest failing run, and the rest of this chunk has higher indices: stop here
    // (unless the sweep keeps going; the pool then stops handing out chunks once enough runs failed).
    if (outcome.failed && task.keepGoing !== true) break;
  }
  post({ kind: 'chunk-done', tally });
}

port.on('message', (message: ToCheckWorker) => runChunk(message.indices));
post({ kind: 'ready' });
