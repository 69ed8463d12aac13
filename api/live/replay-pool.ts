/**
 * Runs `state-at` replays off the event loop: one worker thread, started on first use and kept, doing one replay
 * at a time from a bounded queue. A replay that takes longer than `replayWallMsMax` is stopped (the worker is
 * ended and a fresh one started for the next); a worker that dies (an exception the twin threw late) answers
 * `twin-error`. Nothing a replay does can reach the server's own thread.
 */
import { Worker } from 'node:worker_threads';
import { type CommandOutcome } from './command-outcome.ts';
import { protocolLimits, type StateAtResult } from './protocol.ts';
import { refusal } from './refusals.ts';
import type { Replayer, ReplayTask } from './replay.ts';

/** Replays waiting at once (all connections together); past this a `state-at` is answered `busy`. */
export const replaysQueuedMax = 8;

export interface ReplayPoolOptions {
  /** Wall time a replay may take before it is stopped. */
  readonly wallMsMax?: number;
  /** Starts the worker thread (tests plant one that misbehaves). */
  readonly startWorker?: () => Worker;
}

const startReplayWorker = (): Worker => new Worker(new URL('./replay-worker.js', import.meta.url));

interface Job {
  readonly task: ReplayTask;
  readonly settle: (outcome: CommandOutcome<StateAtResult>) => void;
}

export class ReplayPool {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private running: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
  private closed = false;
  private readonly wallMsMax: number;
  private readonly startWorker: () => Worker;

  constructor(options: ReplayPoolOptions = {}) {
    this.wallMsMax = options.wallMsMax ?? protocolLimits.replayWallMsMax;
    this.startWorker = options.startWorker ?? startReplayWorker;
  }

  readonly replay: Replayer = (task) =>
    new Promise((settle) => {
      if (this.closed) return settle(refusal('session-ended', 'the server is closing'));
      if (this.queue.length >= replaysQueuedMax)
        return settle(refusal('busy', `${replaysQueuedMax} replays are waiting already; try again shortly`));
      this.queue.push({ task, settle });
      this.next();
    });

  close(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.settle(refusal('session-ended', 'the server is closing'));
    this.finish(refusal('session-ended', 'the server is closing'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private next(): void {
    if (this.running !== undefined || this.closed) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    const timer = setTimeout(() => {
      this.finish(
        refusal(
          'too-long',
          `the replay took longer than ${this.wallMsMax / 1_000} s of wall time and was stopped`,
        ),
      );
      this.dropWorker();
    }, this.wallMsMax);
    timer.unref();
    this.running = { job, timer };
    this.workerNow().postMessage(job.task);
  }

  private workerNow(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = this.startWorker();
    worker.unref();
    worker.on('message', (outcome: CommandOutcome<StateAtResult>) => this.finish(outcome));
    worker.on('error', (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.finish(refusal('twin-error', `${error.name}: ${error.message}`));
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.finish(refusal('twin-error', 'the replay worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private dropWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  /** Settles the replay running now (if any) and starts the next. */
  private finish(outcome: CommandOutcome<StateAtResult>): void {
    const running = this.running;
    if (running === undefined) return;
    this.running = undefined;
    clearTimeout(running.timer);
    running.job.settle(outcome);
    this.next();
  }
}
