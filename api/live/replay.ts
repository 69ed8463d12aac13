/**
 * One `state-at` replay: a scenario file (the session's export, or a loaded timeline) run on a replay twin up to a
 * virtual time, read as a snapshot. The replay pool runs them on a worker thread that keeps checkpoints
 * (`replay-checkpoints.ts`) between them; tests may run them in place.
 */
import type { CommandOutcome } from './command-outcome.ts';
import type { StateAtResult } from './protocol.ts';
import { ReplayCheckpoints, type ReplayTask } from './replay-checkpoints.ts';

export type { ReplayTask };

/** Runs one replay from the start (no checkpoints kept). */
export function replayState(task: ReplayTask): CommandOutcome<StateAtResult> {
  return new ReplayCheckpoints().stateAt(task);
}

/** Runs replays somewhere (a worker thread in the server, in place in tests). */
export type Replayer = (task: ReplayTask) => Promise<CommandOutcome<StateAtResult>>;

export const replayInPlace: Replayer = (task) => Promise.resolve(replayState(task));
