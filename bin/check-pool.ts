/**
 * The worker threads of `lockstep check --jobs J`: J workers that load the twin once and stay warm, pulling runs
 * from one queue in small chunks, so a slow run (one that shrinks) never leaves the other workers idle. They
 * share nothing mutable: each run is built from its index and the sweep's options, and comes back as a message.
 * The sweep reports the lowest failing run, as a sweep on one thread does: once a run fails, no later run is
 * handed out. With `keepGoing` every run is handed out, up to `keepGoingFailedRunsMax` failed runs.
 */
import { Worker } from 'node:worker_threads';
import {
  emptyTally,
  mergeTally,
  type CheckMode,
  type CoverageTally,
  type RunOutcome,
} from '../scenarios/index.ts';

/** What every run of a sweep shares (sent to each worker once, when it starts). */
export interface SweepTask {
  readonly sweepSeed: number;
  readonly steps: number;
  readonly defects: readonly string[];
  readonly mode: CheckMode;
  readonly coverage: boolean;
  /** Run past failures (`check --keep-going`) instead of stopping at the first; off when absent. */
  readonly keepGoing?: boolean;
  /** Shrink failing runs (the default); `check --no-shrink` turns it off. */
  readonly shrink?: boolean;
}

/**
 * Failed runs a `--keep-going` sweep collects before it stops: each is shrunk and kept with its case, so a
 * sweep where nearly every run fails stops there rather than shrinking for hours and holding every case.
 */
export const keepGoingFailedRunsMax = 1_000;

/** Main thread → worker: runs to do. */
export interface ToCheckWorker {
  readonly kind: 'runs';
  readonly indices: readonly number[];
}

/** Worker → main thread: loaded; one run's outcome; a chunk done, with its coverage tally when counted. */
export type FromCheckWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'outcome'; readonly outcome: RunOutcome }
  | { readonly kind: 'chunk-done'; readonly tally: CoverageTally | undefined };

export interface Sweep {
  /** Outcomes by run index. */
  readonly outcomes: RunOutcome[];
  /** What the runs reached, when coverage is counted. */
  readonly tally: CoverageTally;
}

/** Runs handed to a worker at a time: small, so the last runs spread over every worker. */
const chunkRuns = 4;

interface PoolWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
}

/** A pool of warm check workers for one sweep's options; sweeps run one after another, then `close`. */
export class CheckPool {
  private readonly workers: PoolWorker[];
  private readonly keepGoing: boolean;

  constructor(jobs: number, task: SweepTask) {
    this.keepGoing = task.keepGoing === true;
    this.workers = Array.from({ length: jobs }, () => startWorker(task));
  }

  /** Resolves once every worker has loaded the twin. */
  async warm(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.ready));
  }

  /** Runs `indices` (ascending) over the workers; `onOutcome` is called as each run comes back. */
  async sweep(indices: readonly number[], onOutcome: () => void = () => undefined): Promise<Sweep> {
    const sweep: Sweep = { outcomes: [], tally: emptyTally() };
    let next = 0;
    let failedIndex = Number.POSITIVE_INFINITY;
    let failedRuns = 0;
    const nextChunk = (): number[] => {
      const chunk: number[] = [];
      while (chunk.length < chunkRuns && next < indices.length && (indices[next] as number) < failedIndex)
        chunk.push(indices[next++] as number);
      return chunk;
    };
    await Promise.all(
      this.workers.map(
        ({ worker, ready }) =>
          new Promise<void>((resolve, reject) => {
            const stop = (error?: unknown): void => {
              worker.off('message', onMessage);
              worker.off('error', stop);
              worker.off('exit', onExit);
              if (error === undefined) resolve();
              else reject(error instanceof Error ? error : new Error(String(error)));
            };
            const onExit = (code: number): void =>
              stop(new Error(`a check worker stopped (exit code ${code})`));
            const handOut = (): void => {
              const indicesOfChunk = nextChunk();
              if (indicesOfChunk.length === 0) return stop();
              const message: ToCheckWorker = { kind: 'runs', indices: indicesOfChunk };
              worker.postMessage(message);
            };
            const onMessage = (message: FromCheckWorker): void => {
              if (message.kind === 'ready') return;
              if (message.kind === 'chunk-done') {
                if (message.tally !== undefined) mergeTally(sweep.tally, message.tally);
                return handOut();
              }
              sweep.outcomes.push(message.outcome);
              if (message.outcome.failed) failedRuns++;
              // Stop handing out runs at the first failure, or with keepGoing once enough runs have failed.
              if (message.outcome.failed && (!this.keepGoing || failedRuns >= keepGoingFailedRunsMax))
                failedIndex = Math.min(failedIndex, message.outcome.runIndex);
              onOutcome();
            };
            worker.on('message', onMessage);
            worker.once('error', stop);
            worker.once('exit', onExit);
            ready.then(handOut, stop);
          }),
      ),
    );
    sweep.outcomes.sort((a, b) => a.runIndex - b.runIndex);
    return sweep;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

function startWorker(task: SweepTask): PoolWorker {
  const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: task });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: FromCheckWorker): void => {
      if (message.kind !== 'ready') return;
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  // A worker that fails before a sweep listens must not end the process as an unhandled rejection.
  ready.catch(() => undefined);
  return { worker, ready };
}
