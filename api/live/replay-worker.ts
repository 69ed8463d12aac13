/**
 * The worker thread of the replay pool: runs one replay per message and posts its outcome. The outcome is posted
 * a macrotask later, so an error the twin's actors report late (XState rethrows an actor's error from a timer)
 * ends this worker before the answer goes out, and the pool answers that error instead of a state it spoiled.
 */
import { parentPort } from 'node:worker_threads';
import { replayState, type ReplayTask } from './replay.ts';

parentPort?.on('message', (task: ReplayTask) => {
  const outcome = replayState(task);
  setTimeout(() => parentPort?.postMessage(outcome), 0);
});
