/**
 * `lockstep fleet start`: puts a sweep on Redis for `fleet work` processes to take, as chunks of contiguous run
 * indices, one BullMQ job each. The sweep's record goes first, so a second `start` of the same sweep finds it
 * and only adds the chunk jobs that are missing (none, unless the first start was cut short): job ids come from
 * the sweep's name and the chunk index, and BullMQ adds a job id once. A second `start` under the same name with
 * another identity is refused; so is one of a sweep a failure has stopped (its removed chunks would run again).
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  describeSweep,
  sameSweep,
  stepsDefault,
  stepsMax,
  sweepIdentityOf,
  sweepRunsMax,
} from '../../scenarios/index.ts';
import { BadInputError } from '../exit-codes.ts';
import { defectsFlag, modeFlag, print, wholeNumberFlag } from './fleet-flags.ts';
import { closeRedis, connectRedis, parseRedisUrl, redactedUrl } from './fleet-redis.ts';
import {
  chunkJobId,
  chunkRange,
  chunkRunsDefault,
  chunkRunsMax,
  fleetPrefix,
  fleetSweepOf,
  parseSweepName,
  queueNameOf,
  readSweepStop,
  storeSweepRecord,
  type FleetSweep,
} from './fleet-sweep.ts';

export interface FleetStartFlags {
  redis?: string;
  name?: string;
  seed?: string;
  runs?: string;
  steps?: string;
  mode?: string;
  defect?: string[];
  chunk?: string;
  stopOnFailure?: boolean;
  json?: boolean;
}

/** Jobs added per round trip: a sweep of many chunks goes up in batches, not in one huge command. */
const jobsPerBatch = 500;
/** Tries of a chunk whose processing threw (a worker thread that died); a chunk whose worker died is retried by BullMQ's stalled-job check instead. */
const chunkAttempts = 2;

function recordOf(flags: FleetStartFlags): FleetSweep {
  return fleetSweepOf({
    name: parseSweepName(flags.name),
    sweep: sweepIdentityOf({
      seed: wholeNumberFlag(flags.seed, 'seed', { fallback: 1, min: -(2 ** 31), max: 2 ** 31 - 1 }),
      runs: wholeNumberFlag(flags.runs, 'runs', { fallback: 100, min: 1, max: sweepRunsMax }),
      steps: wholeNumberFlag(flags.steps, 'steps', { fallback: stepsDefault, min: 1, max: stepsMax }),
      mode: modeFlag(flags.mode),
      defects: defectsFlag(flags.defect),
    }),
    chunkRuns: wholeNumberFlag(flags.chunk, 'chunk', {
      fallback: chunkRunsDefault,
      min: 1,
      max: chunkRunsMax,
    }),
    stopOnFailure: flags.stopOnFailure === true,
  });
}

const sameRecord = (a: FleetSweep, b: FleetSweep): boolean =>
  sameSweep(a.sweep, b.sweep) && a.chunkRuns === b.chunkRuns && a.stopOnFailure === b.stopOnFailure;

async function enqueueChunks(client: Redis, record: FleetSweep): Promise<void> {
  const queue = new Queue(queueNameOf(record.name), { connection: client, prefix: fleetPrefix });
  queue.on('error', () => undefined); // a lost connection fails the command that waits on it
  try {
    for (let first = 0; first < record.chunks; first += jobsPerBatch) {
      const last = Math.min(first + jobsPerBatch, record.chunks);
      const jobs = [];
      for (let chunk = first; chunk < last; chunk++) {
        const [start, end] = chunkRange(record, chunk);
        jobs.push({
          name: 'chunk',
          data: { chunk, start, end },
          opts: {
            jobId: chunkJobId(record.name, chunk),
            attempts: chunkAttempts,
            // Completed chunks keep their results (the report merges them); failed ones keep their reason.
            removeOnComplete: false,
            removeOnFail: false,
          },
        });
      }
      await queue.addBulk(jobs);
    }
  } finally {
    await queue.close();
  }
}

export async function fleetStartCommand(flags: FleetStartFlags): Promise<void> {
  const url = parseRedisUrl(flags.redis);
  const wanted = recordOf(flags);
  const client = await connectRedis(url, { reconnectAttemptsMax: 3 });
  try {
    const { stored, created } = await storeSweepRecord(client, wanted);
    if (!sameRecord(stored, wanted))
      throw new BadInputError(
        `a different sweep named "${wanted.name}" is on ${redactedUrl(url)} (${describeSweep(stored.sweep)}, chunks of ${stored.chunkRuns}${stored.stopOnFailure ? ', --stop-on-failure' : ''}): pick another --name`,
      );
    const stop = await readSweepStop(client, wanted.name);
    if (stop === undefined) await enqueueChunks(client, wanted);
    const state = stop !== undefined ? 'stopped' : created ? 'enqueued' : 'already-started';
    report(wanted, url, state, flags.json === true);
  } finally {
    await closeRedis(client);
  }
}

type StartState = 'enqueued' | 'already-started' | 'stopped';

function report(record: FleetSweep, url: string, state: StartState, json: boolean): void {
  const work = `lockstep fleet work --redis ${redactedUrl(url)} --name ${record.name}`;
  if (json) {
    print(
      JSON.stringify({
        name: record.name,
        sweep: record.sweep,
        chunkRuns: record.chunkRuns,
        chunks: record.chunks,
        stopOnFailure: record.stopOnFailure,
        state,
        work,
      }),
    );
    return;
  }
  if (state === 'stopped') {
    print(
      `sweep "${record.name}" was stopped by a failure; nothing enqueued (lockstep fleet report --redis … --name ${record.name})`,
    );
    return;
  }
  const again = state === 'already-started' ? ' (already started: only missing chunks were added)' : '';
  print(
    `sweep "${record.name}"${again}: seed ${record.sweep.seed}, ${record.sweep.runs} runs in ${record.chunks} chunk(s) of ${record.chunkRuns} on ${redactedUrl(url)}`,
  );
  print(`workers: ${work}`);
}
