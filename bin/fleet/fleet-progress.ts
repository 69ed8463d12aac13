/**
 * Where a fleet sweep stands, read from Redis: its record, its queue's job counts, and the result document of
 * every completed chunk (each job's return value, validated: it is input from outside, like a file), keyed by
 * chunk so that a chunk counts once however many times it ran. `fleet status` tells it; `fleet report` merges
 * the results into the verdict.
 */
import type { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { parseSweepResult, sameSweep, sweepResultOf, type SweepResult } from '../../scenarios/index.ts';
import { BadInputError } from '../exit-codes.ts';
import {
  chunkRange,
  fleetPrefix,
  queueNameOf,
  readSweepStop,
  type FleetStop,
  type FleetSweep,
} from './fleet-sweep.ts';

/** Jobs read per round trip. */
const jobsPerPage = 500;
/** Failed chunks named with their reason (the rest are counted). */
const failedChunksToldMax = 20;

export interface ChunkCounts {
  readonly total: number;
  readonly done: number;
  readonly active: number;
  readonly waiting: number;
  readonly delayed: number;
  readonly failed: number;
}

export interface FleetProgress {
  readonly record: FleetSweep;
  readonly chunks: ChunkCounts;
  /** The completed chunks' results, by chunk index. */
  readonly results: readonly SweepResult[];
  readonly failedChunks: readonly { readonly job: string; readonly reason: string }[];
  readonly stop: FleetStop | undefined;
}

const chunkIndexOf = (data: unknown): unknown => (data as { chunk?: unknown } | null)?.chunk;

/** A completed job's result, checked: its chunk is the sweep's, its document the sweep's and the chunk's runs. */
function chunkResultOf(record: FleetSweep, job: { id?: string; data: unknown; returnvalue: unknown }) {
  const what = `chunk job ${job.id ?? '?'} of sweep "${record.name}"`;
  const chunk = chunkIndexOf(job.data);
  if (typeof chunk !== 'number' || !Number.isInteger(chunk) || chunk < 0 || chunk >= record.chunks)
    throw new BadInputError(`${what} names no chunk of the sweep`);
  let result: SweepResult;
  try {
    result = parseSweepResult(job.returnvalue, what);
  } catch (error) {
    throw new BadInputError(error instanceof Error ? error.message : String(error));
  }
  if (!sameSweep(result.sweep, record.sweep))
    throw new BadInputError(`${what} holds the result of another sweep`);
  const [start, end] = chunkRange(record, chunk);
  if (result.covered.some(([from, to]) => from < start || to > end))
    throw new BadInputError(`${what} covers runs outside its chunk [${start}, ${end})`);
  return { chunk, result };
}

async function completedResults(queue: Queue, record: FleetSweep): Promise<SweepResult[]> {
  const byChunk = new Map<number, SweepResult>();
  for (let start = 0; ; start += jobsPerPage) {
    const jobs = await queue.getJobs(['completed'], start, start + jobsPerPage - 1, true);
    for (const job of jobs) {
      const { chunk, result } = chunkResultOf(record, job);
      byChunk.set(chunk, result);
    }
    if (jobs.length < jobsPerPage || byChunk.size > record.chunks) break;
  }
  return [...byChunk.entries()].sort(([a], [b]) => a - b).map(([, result]) => result);
}

async function failedChunks(queue: Queue): Promise<FleetProgress['failedChunks']> {
  const jobs = await queue.getJobs(['failed'], 0, failedChunksToldMax - 1, true);
  return jobs.map((job) => ({ job: job.id ?? '?', reason: (job.failedReason ?? 'unknown').slice(0, 500) }));
}

export async function readFleetProgress(client: Redis, record: FleetSweep): Promise<FleetProgress> {
  const queue = new Queue(queueNameOf(record.name), { connection: client, prefix: fleetPrefix });
  queue.on('error', () => undefined); // a lost connection fails the command that waits on it
  try {
    const counts = await queue.getJobCounts(
      'completed',
      'active',
      'waiting',
      'prioritized',
      'delayed',
      'failed',
    );
    const results = await completedResults(queue, record);
    return {
      record,
      chunks: {
        total: record.chunks,
        done: results.length,
        active: counts.active ?? 0,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      },
      results,
      failedChunks: await failedChunks(queue),
      stop: await readSweepStop(client, record.name),
    };
  } finally {
    await queue.close();
  }
}

/** The results to merge: the completed chunks', or one empty document when none has completed yet. */
export function resultsToMerge(progress: FleetProgress): readonly SweepResult[] {
  return progress.results.length > 0 ? progress.results : [sweepResultOf(progress.record.sweep, [], [])];
}
