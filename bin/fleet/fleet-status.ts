/**
 * `lockstep fleet status`: how far a fleet sweep has come: its chunks (done, running, waiting, failed), its runs
 * done out of the sweep's, the failed runs and distinct failures found so far, and whether a failure stopped it.
 * It changes nothing and always exits 0 (the verdict is `fleet report`'s).
 */
import { describeSweep, mergeSweepResults } from '../../scenarios/index.ts';
import { print } from './fleet-flags.ts';
import { readFleetProgress, resultsToMerge, type FleetProgress } from './fleet-progress.ts';
import { closeRedis, connectRedis, parseRedisUrl, redactedUrl } from './fleet-redis.ts';
import { parseSweepName, requireSweepRecord } from './fleet-sweep.ts';

export interface FleetStatusFlags {
  redis?: string;
  name?: string;
  json?: boolean;
}

export function statusOf(progress: FleetProgress) {
  const merged = mergeSweepResults(resultsToMerge(progress));
  const { record } = progress;
  return {
    name: record.name,
    sweep: record.sweep,
    chunkRuns: record.chunkRuns,
    stopOnFailure: record.stopOnFailure,
    chunks: progress.chunks,
    runs: { total: record.sweep.runs, done: merged.counts.runs, failed: merged.counts.failedRuns },
    distinctFailures: merged.failures.length,
    failedChunks: progress.failedChunks,
    stopped: progress.stop ?? null,
  };
}

function describeStatus(status: ReturnType<typeof statusOf>): string[] {
  const { chunks, runs } = status;
  const lines = [
    `sweep "${status.name}": ${describeSweep(status.sweep)}; chunks of ${status.chunkRuns}`,
    `chunks: ${chunks.done} done, ${chunks.active} running, ${chunks.waiting} waiting, ${chunks.delayed} delayed, ${chunks.failed} failed, of ${chunks.total}`,
    `runs: ${runs.done} of ${runs.total} done, ${runs.failed} failed (${status.distinctFailures} distinct failure(s) so far)`,
  ];
  for (const failed of status.failedChunks) lines.push(`failed chunk ${failed.job}: ${failed.reason}`);
  if (status.stopped !== null)
    lines.push(
      `stopped by a failure: ${status.stopped.invariant} in run ${status.stopped.runIndex} (--stop-on-failure)`,
    );
  return lines;
}

export async function fleetStatusCommand(flags: FleetStatusFlags): Promise<void> {
  const url = parseRedisUrl(flags.redis);
  const name = parseSweepName(flags.name);
  const client = await connectRedis(url, { reconnectAttemptsMax: 3 });
  try {
    const record = await requireSweepRecord(client, name, redactedUrl(url));
    const status = statusOf(await readFleetProgress(client, record));
    if (flags.json === true) print(JSON.stringify(status));
    else for (const line of describeStatus(status)) print(line);
  } finally {
    await closeRedis(client);
  }
}
