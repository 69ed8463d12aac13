/**
 * `lockstep fleet work`: a BullMQ worker of one fleet sweep. It takes chunks from the sweep's queue, runs each on
 * a warm check thread (fleet-chunk.ts) and returns the chunk's result document as the job's return value, keyed
 * by the job (the chunk): a chunk done twice completes once, so it is counted once. Any number of these run on
 * any machines. A worker killed mid-chunk loses nothing: its lock on the chunk is no longer renewed, and
 * BullMQ's stalled-job check (run by every other worker every `--stalled-interval-ms`) puts the chunk back for
 * another worker once the lock has expired (`--lock-ms`). A failure of a sweep started with `--stop-on-failure`
 * pauses the queue and removes the chunks not yet taken. SIGTERM or SIGINT ends the worker after the chunks it is
 * running (a second signal at once: those chunks go back to the queue); `--exit-when-idle` ends it once the queue
 * has nothing left to run.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { failuresDirDefault, type SweepResult } from '../../scenarios/index.ts';
import { BadInputError } from '../exit-codes.ts';
import { print, wholeNumberFlag } from './fleet-flags.ts';
import { chunkPoolOf, runChunk } from './fleet-chunk.ts';
import { closeRedis, connectRedis, parseRedisUrl, redactedUrl } from './fleet-redis.ts';
import {
  chunkRange,
  fleetPrefix,
  noteSweepStop,
  parseSweepName,
  queueNameOf,
  readSweepStop,
  requireSweepRecord,
  type FleetSweep,
} from './fleet-sweep.ts';
import type { CheckPool } from '../check-pool.ts';

export interface FleetWorkFlags {
  redis?: string;
  name?: string;
  concurrency?: string;
  out?: string;
  lockMs?: string;
  stalledIntervalMs?: string;
  exitWhenIdle?: boolean;
  json?: boolean;
}

interface WorkPlan {
  readonly url: string;
  readonly name: string;
  readonly concurrency: number;
  readonly outDir: string;
  readonly lockMs: number;
  readonly stalledIntervalMs: number;
  readonly exitWhenIdle: boolean;
  readonly json: boolean;
}

/** Chunks one worker process runs at once, each on a check thread of its own. */
const concurrencyMax = 64;
/** BullMQ's defaults: a killed worker's chunk runs again within about a minute. */
const lockMsDefault = 30_000;
const stalledIntervalMsDefault = 30_000;
/** Times a chunk may be found stalled (its worker gone) and put back before it counts as failed. */
const stalledCountMax = 3;
/** How often an idle worker with `--exit-when-idle` asks whether anything is left. */
const idlePollMs = 250;
/** Reconnection attempts after a lost Redis (about a minute) before the worker gives up. */
const reconnectAttemptsMax = 40;
/** A closing worker waits this long for BullMQ to let go (a Redis gone away would keep it waiting). */
const closeTimeoutMs = 15_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The failure files' folder, made now: a worker that cannot write there is bad input, not failed chunks. */
function outDirOf(text: string | undefined): string {
  const outDir = text ?? failuresDirDefault;
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new BadInputError(`--out ${outDir}: cannot make the folder (${messageOf(error)})`);
  }
  return outDir;
}

function planOf(flags: FleetWorkFlags): WorkPlan {
  return {
    url: parseRedisUrl(flags.redis),
    name: parseSweepName(flags.name),
    concurrency: wholeNumberFlag(flags.concurrency, 'concurrency', {
      fallback: 1,
      min: 1,
      max: concurrencyMax,
    }),
    outDir: outDirOf(flags.out),
    lockMs: wholeNumberFlag(flags.lockMs, 'lock-ms', { fallback: lockMsDefault, min: 500, max: 3_600_000 }),
    stalledIntervalMs: wholeNumberFlag(flags.stalledIntervalMs, 'stalled-interval-ms', {
      fallback: stalledIntervalMsDefault,
      min: 100,
      max: 3_600_000,
    }),
    exitWhenIdle: flags.exitWhenIdle === true,
    json: flags.json === true,
  };
}

const workerName = `${hostname()}:${process.pid}`;

function log(text: string): void {
  process.stderr.write(`lockstep fleet work ${workerName}: ${text}\n`);
}

/** The chunk a job names, checked against the sweep (job data is input from Redis). */
function chunkOfJob(job: Job, record: FleetSweep): { chunk: number; range: [number, number] } {
  const data = job.data as { chunk?: unknown; start?: unknown; end?: unknown } | null;
  const chunk = data?.chunk;
  if (typeof chunk !== 'number' || !Number.isInteger(chunk) || chunk < 0 || chunk >= record.chunks)
    throw new Error(`job ${job.id ?? '?'} names no chunk of sweep "${record.name}"`);
  const range = chunkRange(record, chunk);
  if (data?.start !== range[0] || data.end !== range[1])
    throw new Error(`job ${job.id ?? '?'} gives chunk ${chunk} runs that are not the sweep's`);
  return { chunk, range };
}

interface WorkTotals {
  chunks: number;
  runs: number;
  failedRuns: number;
}

/** Pauses the queue and removes the chunks not yet taken; the chunks running now still finish. */
async function stopSweep(
  client: Redis,
  queue: Queue,
  record: FleetSweep,
  result: SweepResult,
): Promise<void> {
  const first = result.failures[0];
  if (first === undefined) return;
  await noteSweepStop(client, record.name, { runIndex: first.runIndex, invariant: first.invariant });
  await queue.pause();
  await queue.drain(true);
  log(`stopped the sweep: ${first.invariant} in run ${first.runIndex} (--stop-on-failure)`);
}

/** Nothing left that this worker could take or wait for (a stopped sweep: nothing running). */
async function queueIdle(client: Redis, queue: Queue, name: string): Promise<boolean> {
  const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children');
  if ((await readSweepStop(client, name)) !== undefined) return counts.active === 0;
  return Object.values(counts).every((count) => count === 0);
}

function processorOf(options: {
  readonly client: Redis;
  readonly queue: Queue;
  readonly record: FleetSweep;
  readonly plan: WorkPlan;
  readonly pools: CheckPool[];
  readonly totals: WorkTotals;
}) {
  const { record, pools, totals } = options;
  return async (job: Job): Promise<SweepResult> => {
    const { chunk, range } = chunkOfJob(job, record);
    const pool = pools.pop();
    if (pool === undefined) throw new Error('more chunks at once than check threads');
    const again = job.stalledCounter > 0 ? ` (again: its worker stopped ${job.stalledCounter} time(s))` : '';
    log(`started chunk ${chunk}: runs ${range[0]}..${range[1] - 1}${again}`);
    let result: SweepResult;
    try {
      result = await runChunk({ pool, record, range, outDir: options.plan.outDir });
      pools.push(pool);
    } catch (error) {
      // The chunk fails (BullMQ tries it again); its check thread may be dead, so a fresh one replaces it.
      void pool.close();
      pools.push(chunkPoolOf(record));
      throw error;
    }
    totals.chunks++;
    totals.runs += result.counts.runs;
    totals.failedRuns += result.counts.failedRuns;
    log(`done chunk ${chunk}: ${result.counts.runs} runs, ${result.counts.failedRuns} failed`);
    if (record.stopOnFailure && result.failures.length > 0)
      await stopSweep(options.client, options.queue, record, result);
    return result;
  };
}

/** Resolves after `ms`, or never keeps the process alive meanwhile. */
const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

async function work(client: Redis, record: FleetSweep, plan: WorkPlan): Promise<WorkTotals> {
  const totals: WorkTotals = { chunks: 0, runs: 0, failedRuns: 0 };
  const pools = Array.from({ length: plan.concurrency }, () => chunkPoolOf(record));
  const queue = new Queue(queueNameOf(record.name), { connection: client, prefix: fleetPrefix });
  queue.on('error', (error) => log(`queue: ${messageOf(error)}`));
  const worker = new Worker(
    queueNameOf(record.name),
    processorOf({ client, queue, record, plan, pools, totals }),
    {
      connection: client,
      prefix: fleetPrefix,
      name: workerName,
      autorun: false,
      concurrency: plan.concurrency,
      lockDuration: plan.lockMs,
      stalledInterval: plan.stalledIntervalMs,
      maxStalledCount: stalledCountMax,
    },
  );
  worker.on('error', (error) => log(`worker: ${messageOf(error)}`));
  worker.on('failed', (job, error) => log(`chunk job ${job?.id ?? '?'} failed: ${messageOf(error)}`));
  let closing: Promise<void> | undefined;
  const close = (force: boolean): void => {
    if (closing !== undefined && !force) return;
    closing = Promise.race([worker.close(force), after(closeTimeoutMs)]);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    const force = closing !== undefined;
    log(
      force
        ? `${signal} again: stopping now (the chunks running go back to the queue)`
        : `${signal}: finishing the chunks running, taking no more`,
    );
    close(force);
  };
  const onEnd = (): void => {
    log(`lost Redis at ${redactedUrl(plan.url)} and could not reconnect`);
    process.exitCode = 1;
    close(true);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  client.on('end', onEnd);
  const idleWatch = plan.exitWhenIdle ? watchIdle({ client, queue, name: record.name, close }) : undefined;
  try {
    // A chunk is taken only once the check threads have loaded the twin, so its lock does not wait on that.
    await Promise.all(pools.map((pool) => pool.warm()));
    log(
      `working on sweep "${record.name}" (${record.sweep.runs} runs, ${record.chunks} chunks) at ${redactedUrl(plan.url)}`,
    );
    if (closing === undefined) await worker.run();
    await closing;
  } finally {
    if (idleWatch !== undefined) clearInterval(idleWatch);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    client.off('end', onEnd);
    await Promise.race([queue.close(), after(closeTimeoutMs)]);
    await Promise.all(pools.map((pool) => pool.close()));
  }
  return totals;
}

/**
 * Every `idlePollMs`: closes the worker once the queue has nothing left. A chunk of a killed worker counts as
 * active until the stalled-job check puts it back, so the workers left wait for it and run it.
 */
function watchIdle(options: {
  readonly client: Redis;
  readonly queue: Queue;
  readonly name: string;
  readonly close: (force: boolean) => void;
}): NodeJS.Timeout {
  let asking = false;
  return setInterval(() => {
    if (asking) return;
    asking = true;
    queueIdle(options.client, options.queue, options.name)
      .then((idle) => {
        if (idle) {
          log('the queue is drained: exiting (--exit-when-idle)');
          options.close(false);
        }
      })
      .catch((error: unknown) => log(`idle check: ${messageOf(error)}`))
      .finally(() => {
        asking = false;
      });
  }, idlePollMs);
}

export async function fleetWorkCommand(flags: FleetWorkFlags): Promise<void> {
  const plan = planOf(flags);
  const client = await connectRedis(plan.url, { reconnectAttemptsMax });
  try {
    const record = await requireSweepRecord(client, plan.name, redactedUrl(plan.url));
    const totals = await work(client, record, plan);
    if (plan.json) print(JSON.stringify({ worker: workerName, name: record.name, ...totals }));
    else
      print(
        `worker ${workerName}: ${totals.chunks} chunk(s), ${totals.runs} runs, ${totals.failedRuns} failed`,
      );
  } finally {
    await closeRedis(client);
  }
}
