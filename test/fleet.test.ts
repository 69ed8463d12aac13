/**
 * `lockstep fleet` against a real Redis (Debian's redis-server, started here on a free loopback port): a sweep
 * run by two worker processes, one of them killed (SIGKILL) in the middle of a chunk, gives the verdict, counts
 * and de-duplicated failures of the same sweep run here in one process, with every run counted once; a sweep
 * started with --stop-on-failure stops at its first failure; bad input (a URL, a Redis that is not there, a
 * sweep name taken by another sweep) is one line and exit 2. Without redis-server the tests are skipped on a
 * developer's machine and fail under CI (CI=true), which installs it (.ci/run).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../bin/cli-program.ts';
import {
  checkRun,
  distinctFailures,
  sweepFailureOf,
  type CheckMode,
  type SweepFailure,
} from '../scenarios/index.ts';

const cli = join(process.cwd(), 'bin/lockstep.js');
const redisServer = '/usr/bin/redis-server';
const haveRedis = spawnSync(redisServer, ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * The sweep: small, with a defect that fails some runs (the local sweep below must find at least one failure,
 * or the comparison proves little: pick another seed or defect then).
 */
const sweep = {
  seed: 1,
  runs: 40,
  steps: 8,
  mode: 'safety' as CheckMode,
  defect: 'iq-off-locks-online',
  chunk: 5,
};
const sweepFlags = [
  ...['--seed', String(sweep.seed), '--runs', String(sweep.runs), '--steps', String(sweep.steps)],
  ...['--mode', sweep.mode, '--defect', sweep.defect, '--chunk', String(sweep.chunk)],
];
/** Short locks, so that a killed worker's chunk runs again within a few seconds. */
const quickStallFlags = ['--lock-ms', '4000', '--stalled-interval-ms', '500'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Resolves once `child`'s stream (stdout or stderr) has printed a line matching `pattern`. */
function waitForLine(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; got:\n${seen}`));
    }, timeoutMs);
    const onData = (chunk: Buffer | string): void => {
      seen += chunk.toString();
      const line = seen.split('\n').find((text) => pattern.test(text));
      if (line === undefined) return;
      clearTimeout(timer);
      stream.off('data', onData);
      resolve(line);
    };
    stream.on('data', onData);
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function lockstep(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command line in this process; its exit code and what it printed. */
async function lockstepHere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    stdout += String(text);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr += String(text);
    return true;
  });
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The same sweep in this process, every run (as `check --keep-going`): its failed runs and distinct failures. */
function localSweep(): { failedRuns: number; failures: SweepFailure[] } {
  const outcomes = Array.from({ length: sweep.runs }, (_, runIndex) =>
    checkRun(runIndex, {
      sweepSeed: sweep.seed,
      steps: sweep.steps,
      defects: [sweep.defect],
      mode: sweep.mode,
    }),
  );
  const failed = outcomes.filter((outcome) => outcome.failed);
  return {
    failedRuns: failed.length,
    failures: distinctFailures(failed.map((outcome) => sweepFailureOf(outcome) as SweepFailure)),
  };
}

/** What identifies a failure across machines (not its artifact path or story). */
const failureKey = (
  failure: Pick<SweepFailure, 'runIndex' | 'invariant' | 'fingerprint' | 'inputs' | 'message'>,
) => ({
  runIndex: failure.runIndex,
  invariant: failure.invariant,
  fingerprint: failure.fingerprint,
  inputs: failure.inputs,
  message: failure.message,
});

interface ReportJson {
  verdict: string;
  complete: boolean;
  runs: { total: number; done: number; failed: number };
  chunks: { total: number; done: number; failed: number };
  gaps: [number, number][];
  overlaps: [number, number][];
  failures: SweepFailure[];
  stopped: { runIndex: number; invariant: string } | null;
}

if (!haveRedis && process.env.CI === 'true')
  describe('lockstep fleet', () => {
    it('needs redis-server', () => {
      expect.fail(
        `${redisServer} is missing: CI installs Debian's redis-server (.ci/run) for the fleet tests`,
      );
    });
  });

describe.skipIf(!haveRedis)('lockstep fleet on a real Redis', () => {
  let redis: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(
      redisServer,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await waitForLine(redis.stdout as NodeJS.ReadableStream, /Ready to accept connections/, 15_000);
    url = `redis://127.0.0.1:${port}`;
  }, 20_000);

  afterAll(async () => {
    if (redis === undefined) return;
    redis.kill('SIGKILL');
    await exited(redis);
  });

  it('refuses bad input with one line and exit 2', async () => {
    const badUrl = await lockstepHere('fleet', 'status', '--redis', 'http://127.0.0.1:6379', '--json');
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/^lockstep: --redis must be a redis:\/\/ or rediss:\/\/ URL[^\n]*\n$/);
    expect(JSON.parse(badUrl.stdout)).toMatchObject({ error: { code: 'bad-input' } });
    const chunkZero = await lockstepHere('fleet', 'start', '--redis', url, '--chunk', '0');
    expect(chunkZero.code).toBe(2);
    expect(chunkZero.stderr).toMatch(/--chunk must be between 1 and/);
    const tooManyChunks = await lockstepHere(
      'fleet',
      'start',
      '--redis',
      url,
      '--runs',
      '1000000',
      '--chunk',
      '1',
    );
    expect(tooManyChunks.code).toBe(2);
    expect(tooManyChunks.stderr).toMatch(/take a bigger --chunk/);
    const noSweep = await lockstepHere('fleet', 'report', '--redis', url, '--name', 'nobody');
    expect(noSweep.code).toBe(2);
    expect(noSweep.stderr).toMatch(/no fleet sweep named "nobody"/);
  });

  it('answers a Redis that is not there with exit 2 within seconds', async () => {
    const closedPort = await freePort();
    const startedMs = performance.now();
    const result = await lockstepHere(
      'fleet',
      'status',
      '--redis',
      `redis://127.0.0.1:${closedPort}`,
      '--json',
    );
    expect(performance.now() - startedMs).toBeLessThan(5_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lockstep: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+[^\n]*\n$/);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { message: expect.stringMatching(/cannot reach Redis/) },
    });
  });

  it('starts a sweep once, and refuses another sweep under its name', async () => {
    const args = [
      'fleet',
      'start',
      '--redis',
      url,
      '--name',
      'twice',
      '--runs',
      '30',
      '--chunk',
      '7',
      '--json',
    ];
    const first = await lockstepHere(...args);
    const second = await lockstepHere(...args);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(JSON.parse(first.stdout)).toMatchObject({ state: 'enqueued', chunks: 5 });
    expect(JSON.parse(second.stdout)).toMatchObject({ state: 'already-started', chunks: 5 });
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const queue = new Queue('fleet-twice', { connection, prefix: 'lockstep' });
    try {
      expect((await queue.getJobCounts('waiting')).waiting).toBe(5);
    } finally {
      await queue.close();
      await connection.quit();
    }
    const other = await lockstepHere('fleet', 'start', '--redis', url, '--name', 'twice', '--runs', '31');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/a different sweep named "twice"/);
  });

  it('gives the verdict of a local sweep with two workers, one killed mid-chunk, every run counted once', async () => {
    const name = 'killed';
    const out = mkdtempSync(join(tmpdir(), 'lockstep-fleet-'));
    expect((await lockstepHere('fleet', 'start', '--redis', url, '--name', name, ...sweepFlags)).code).toBe(
      0,
    );
    const workArgs = ['fleet', 'work', '--redis', url, '--name', name, '--exit-when-idle', '--json'];
    const victim = spawn(process.execPath, [
      cli,
      ...workArgs,
      ...quickStallFlags,
      '--out',
      join(out, 'victim'),
    ]);
    const survivor = spawn(process.execPath, [
      cli,
      ...workArgs,
      ...quickStallFlags,
      '--out',
      join(out, 'survivor'),
    ]);
    let survivorOut = '';
    survivor.stdout.on('data', (chunk: Buffer) => (survivorOut += chunk.toString()));
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const queue = new Queue(`fleet-${name}`, { connection, prefix: 'lockstep' });
    try {
      const started = await waitForLine(victim.stderr, /started chunk \d+/, 60_000);
      victim.kill('SIGKILL');
      await exited(victim);
      const killedChunk = Number(/started chunk (\d+)/.exec(started)?.[1]);
      // Mid-chunk: the chunk was taken (active) and not finished when its worker died.
      expect(await (await queue.getJob(`${name}.${killedChunk}`))?.getState()).toBe('active');
      // The same sweep here, while the survivor works (each has a core of its own).
      const local = localSweep();
      expect(local.failedRuns, 'the sweep must have failures to compare').toBeGreaterThan(0);
      expect(await exited(survivor)).toBe(0);
      expect(JSON.parse(survivorOut)).toMatchObject({ chunks: sweep.runs / sweep.chunk });
      const killedJob = await queue.getJob(`${name}.${killedChunk}`);
      expect(await killedJob?.getState()).toBe('completed');
      expect(killedJob?.stalledCounter).toBeGreaterThanOrEqual(1);
      const report = await lockstepHere('fleet', 'report', '--redis', url, '--name', name, '--json');
      const json = JSON.parse(report.stdout) as ReportJson;
      expect(report.code).toBe(1);
      expect(json.verdict).toBe('failed');
      expect(json.complete).toBe(true);
      expect(json.gaps).toEqual([]);
      expect(json.overlaps).toEqual([]);
      expect(json.runs).toEqual({ total: sweep.runs, done: sweep.runs, failed: local.failedRuns });
      expect(json.chunks).toMatchObject({ total: 8, done: 8, failed: 0 });
      expect(json.failures.map(failureKey)).toEqual(local.failures.map(failureKey));
      // Each failure's file was written by the worker that ran its chunk to the end: the survivor.
      for (const failure of json.failures) expect(failure.artifact).toContain(join(out, 'survivor'));
      for (const failure of json.failures) expect(existsSync(failure.artifact ?? '')).toBe(true);
    } finally {
      await queue.close();
      await connection.quit();
      victim.kill('SIGKILL');
      survivor.kill('SIGKILL');
    }
  }, 180_000);

  it('stops a sweep started with --stop-on-failure at its first failure', async () => {
    const name = 'stopping';
    const start = await lockstepHere(
      'fleet',
      'start',
      '--redis',
      url,
      '--name',
      name,
      ...sweepFlags,
      '--stop-on-failure',
    );
    expect(start.code).toBe(0);
    const out = mkdtempSync(join(tmpdir(), 'lockstep-fleet-stop-'));
    const worker = lockstep(
      'fleet',
      'work',
      '--redis',
      url,
      '--name',
      name,
      '--exit-when-idle',
      '--out',
      out,
      ...quickStallFlags,
    );
    expect(worker.status).toBe(0);
    expect(worker.stderr).toMatch(/stopped the sweep/);
    const report = await lockstepHere('fleet', 'report', '--redis', url, '--name', name, '--json');
    const json = JSON.parse(report.stdout) as ReportJson;
    expect(report.code).toBe(1);
    expect(json.verdict).toBe('failed');
    // One worker takes the chunks in order, so it stops in the chunk of the sweep's first failing run, at it.
    const first = json.failures[0];
    expect(first).toBeDefined();
    expect(json.stopped?.runIndex).toBe(first?.runIndex);
    expect(json.runs.done).toBe((first?.runIndex ?? 0) + 1);
    expect(json.chunks.done).toBe(Math.floor((first?.runIndex ?? 0) / sweep.chunk) + 1);
    const status = await lockstepHere('fleet', 'status', '--redis', url, '--name', name);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/stopped by a failure/);
  }, 120_000);
});
