/**
 * `fleet-speedup-2-workers`: the same fleet sweep (400 runs in chunks of 10, no defects) run by one `lockstep
 * fleet work` process and by two, on this machine, through a redis-server of its own on a free loopback port,
 * each twice (one, two, two, one); the figure is the ratio of the wall times (one worker's over two). Each
 * sweep's queue is paused until its workers have loaded the twin, and each is timed to its last chunk's
 * completion, so the figure times the chunks (and Redis between them), not the starts and exits of processes. Without redis-server the figure is an error, not a crash.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

const cliPath = fileURLToPath(new URL('../lockstep.js', import.meta.url));
const redisServerPath = '/usr/bin/redis-server';
const sweepRuns = 400;
const chunkRuns = 10;
/** How often the bench asks Redis whether the last chunk is done. */
const completionPollMs = 25;
/** Bounds of the parts: a redis-server start, a worker's start, one sweep. */
const redisStartTimeoutMs = 15_000;
const workerStartTimeoutMs = 120_000;
const sweepTimeoutMs = 15 * 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no free port')),
      );
    });
  });
}

/** Resolves once the stream has printed a line matching `pattern`; rejects after `timeoutMs` or at its end. */
function lineSeen(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const done = (error?: Error): void => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('end', onEnd);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onData = (chunk: Buffer | string): void => {
      seen = (seen + chunk.toString()).slice(-10_000);
      if (pattern.test(seen)) done();
    };
    const onEnd = (): void => done(new Error(`ended before ${pattern}: ${seen.trim().slice(-300)}`));
    const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms`)), timeoutMs);
    stream.on('data', onData);
    stream.on('end', onEnd);
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`a worker ran past ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function startRedis(): Promise<{ url: string; server: ChildProcess }> {
  if (spawnSync(redisServerPath, ['--version']).status !== 0)
    throw new Error(`${redisServerPath} is missing (apt-get install redis-server)`);
  const port = await freePort();
  const server = spawn(
    redisServerPath,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await lineSeen(server.stdout as NodeJS.ReadableStream, /Ready to accept connections/, redisStartTimeoutMs);
  return { url: `redis://127.0.0.1:${port}`, server };
}

function lockstepSync(args: readonly string[]): void {
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0)
    throw new Error(
      `lockstep ${args.slice(0, 2).join(' ')} exited ${run.status}: ${run.stderr.trim().slice(0, 300)}`,
    );
}

/** Resolves once `chunks` chunks of the queue have completed (any failure is an error). */
async function chunksCompleted(queue: Queue, chunks: number, timeoutMs: number): Promise<void> {
  const untilMs = performance.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('completed', 'failed');
    if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} chunk(s) failed`);
    if ((counts.completed ?? 0) >= chunks) return;
    if (performance.now() > untilMs) throw new Error(`the sweep ran past ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, completionPollMs));
  }
}

/**
 * Wall seconds of the sweep `name` run by `workers` worker processes, from the queue's resumption to its last
 * chunk's completion: the workers' exits (noticing the queue is idle, closing their threads) are not the sweep.
 */
async function timedSweep(url: string, name: string, workers: number): Promise<number> {
  lockstepSync([
    'fleet',
    'start',
    '--redis',
    url,
    '--name',
    name,
    '--runs',
    String(sweepRuns),
    '--chunk',
    String(chunkRuns),
  ]);
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(`fleet-${name}`, { connection, prefix: 'lockstep' });
  const children: ChildProcess[] = [];
  try {
    await queue.pause();
    for (let index = 0; index < workers; index++)
      children.push(
        spawn(
          process.execPath,
          [cliPath, 'fleet', 'work', '--redis', url, '--name', name, '--exit-when-idle'],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        ),
      );
    await Promise.all(
      children.map((child) =>
        lineSeen(child.stderr as NodeJS.ReadableStream, /working on sweep/, workerStartTimeoutMs),
      ),
    );
    const startMs = performance.now();
    await queue.resume();
    await chunksCompleted(queue, sweepRuns / chunkRuns, sweepTimeoutMs);
    const wallS = (performance.now() - startMs) / 1000;
    const codes = await Promise.all(children.map((child) => exited(child, sweepTimeoutMs)));
    if (codes.some((code) => code !== 0)) throw new Error(`a worker exited ${codes.join(', ')}`);
    const counts = await queue.getJobCounts('completed');
    if (counts.completed !== sweepRuns / chunkRuns)
      throw new Error(`${counts.completed ?? 0} of ${sweepRuns / chunkRuns} chunks completed`);
    return wallS;
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await queue.close();
    await connection.quit();
  }
}

/**
 * One worker's wall time over two workers' for the same sweep, each timed twice in the order one, two, two, one,
 * so that a load that rises or falls steadily through the measurement (other work on a shared machine) weighs
 * on both sides alike.
 */
export async function measureFleetSpeedup(): Promise<number> {
  const { url, server } = await startRedis();
  try {
    let oneS = await timedSweep(url, 'bench-one-a', 1);
    let twoS = await timedSweep(url, 'bench-two-a', 2);
    twoS += await timedSweep(url, 'bench-two-b', 2);
    oneS += await timedSweep(url, 'bench-one-b', 1);
    return Math.round((oneS / twoS) * 100) / 100;
  } finally {
    server.kill('SIGTERM');
  }
}
