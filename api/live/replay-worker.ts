/**
 * The worker thread of the replay pool: answers one replay per message from its checkpoints and, while no
 * message waits, fills them in a step at a time (one macrotask each, so a message is handled between two steps).
 * The outcome is posted a macrotask later, so an error the twin's actors report late (XState rethrows an actor's
 * error from a timer) ends this worker before the answer goes out, and the pool answers that error instead of a
 * state it spoiled.
 */
import { parentPort } from 'node:worker_threads';
import { ReplayCheckpoints, type ReplayTask } from './replay-checkpoints.ts';

const checkpoints = new ReplayCheckpoints();
let refilling = false;

function refillWhileIdle(): void {
  if (refilling) return;
  refilling = true;
  const step = (): void => {
    if (checkpoints.refillStep()) setImmediate(step);
    else refilling = false;
  };
  setImmediate(step);
}

parentPort?.on('message', (task: ReplayTask) => {
  const outcome = checkpoints.stateAt(task);
  setTimeout(() => {
    parentPort?.postMessage(outcome);
    refillWhileIdle();
  }, 0);
});
