/**
 * One `state-at` replay: a scenario file (the session's export, or a loaded timeline) run on a fresh twin up to a
 * virtual time, read as a snapshot. Pure and synchronous; the replay pool runs it on a worker thread, tests may
 * run it in place.
 */
import { parseScenario, prepareRun } from '../../scenarios/index.ts';
import { devicesOf, newestEntries } from '../device-view.ts';
import { accepted, type CommandOutcome } from './command-outcome.ts';
import { protocolLimits, type StateAtResult } from './protocol.ts';
import { refusal, refusalOfError } from './refusals.ts';

/** What a replay needs: a scenario file as JSON and the virtual time to rebuild. */
export interface ReplayTask {
  readonly file: Record<string, unknown>;
  readonly ms: number;
}

/** Runs a replay (the file was checked before: a file that no longer loads is the twin's own error). */
export function replayState(task: ReplayTask): CommandOutcome<StateAtResult> {
  try {
    const parsed = parseScenario(task.file);
    if (!parsed.ok)
      return refusal(
        'twin-error',
        `the timeline does not load: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
      );
    const run = prepareRun(parsed.value, { untilMs: task.ms });
    run.twin.runUntil(task.ms);
    return accepted({
      virtualMs: run.twin.clock.now(),
      devices: devicesOf(run.twin),
      entries: newestEntries(run.twin, protocolLimits.snapshotEntriesMax),
    });
  } catch (error) {
    return refusalOfError(error);
  }
}

/** Runs replays somewhere (a worker thread in the server, in place in tests). */
export type Replayer = (task: ReplayTask) => Promise<CommandOutcome<StateAtResult>>;

export const replayInPlace: Replayer = (task) => Promise.resolve(replayState(task));
