/**
 * `npm run soak`: the server under a long hostile load, judged by numbers.
 *
 * 1. starts a real server, `lockstep serve` of the demo office site at 100x, on a free loopback port, in a
 *    process of its own (a crash is that process ending);
 * 2. warms up (`warmUpSeconds` of light traffic, then 95 virtual days through `/live` so the twin's retained
 *    history is at its bounds, as the hostile phase's day-long advances leave it), then reads the server's RSS;
 * 3. runs, each in a process of its own and one after the other: `soakRequests` hostile WebSocket cases
 *    (test/hostile/live-hostile.ts), as many hostile REST requests (test/hostile/rest-hostile.ts) and malformed
 *    CLI files (test/hostile/cli-files.ts, run by the CLI itself, not against the server); a runner that is not
 *    there is reported as not run;
 * 4. soaks for `LOCKSTEP_SOAK_MINUTES` (default 10) minutes of steady REST traffic (filtered lists, entries
 *    pages, tag blocks) while the twin runs at 100x;
 * 5. prints the counts: requests and frames sent, 4xx, 5xx, crashes, `/healthz` latency (max and p99, sampled every 100 ms
 *    from start to end), RSS after warm-up and at the end; and exits 1 when 5xx > 0, crashes > 0,
 *    p99 > 100 ms, the end RSS is over 1.2 x the RSS after warm-up, or a runner reported a wrong answer.
 *
 * Everything goes to 127.0.0.1 only, and every loop is bounded in count or time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openLiveSocket } from '../fixtures/live-socket.ts';
import { sitePathOver, tagIdOver } from '../fixtures/connect-paths.ts';

const soakMinutes = numberFromEnv('LOCKSTEP_SOAK_MINUTES', 10);
const soakRequests = numberFromEnv('LOCKSTEP_SOAK_REQUESTS', 10_000);
const warmUpSeconds = 20;
const healthSampleMs = 100;
const steadyRequestGapMs = 50;
const healthP99MsMax = 100;
const rssGrowthMax = 1.2;
/** A runner that takes longer than this has hung (10,000 cases take a few minutes). */
const runnerMsMax = 30 * 60_000;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The demo client of `lockstep serve` on loopback (README), which the soak's server uses. */
const soakClient = { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' };

interface Counts {
  sent: number;
  status4xx: number;
  status5xx: number;
}

function numberFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!(Number.isFinite(value) && value >= 0 && value <= 24 * 60 * 10_000))
    throw new Error(`${name} must be a non-negative number, got "${text}"`);
  return value;
}

interface Server {
  url: string;
  readonly child: ChildProcess;
  exited: boolean;
  stderr: string;
}

async function startServer(): Promise<Server> {
  const env = { ...process.env };
  delete env.LOCKSTEP_CLIENT_ID;
  delete env.LOCKSTEP_CLIENT_SECRET;
  const child = spawn(
    process.execPath,
    [
      'bin/lockstep.js',
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--scenario',
      'office',
      '--speed',
      '100',
    ],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const server: Server = { url: '', child, exited: false, stderr: '' };
  child.on('exit', () => (server.exited = true));
  child.stderr?.on('data', (part: Buffer) => {
    // Keep the last few kB: enough to show why it ended.
    server.stderr = (server.stderr + part.toString('utf8')).slice(-4_000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start in 60 s')), 60_000);
    child.stdout?.on('data', (part: Buffer) => {
      out += part.toString('utf8');
      const match = /health\s+(http:\/\/127\.0\.0\.1:\d+)\/healthz/.exec(out);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.on('exit', (code) => reject(new Error(`the server ended at start (${code}): ${server.stderr}`)));
  });
  server.url = url;
  return server;
}

/** The server process's resident memory, from /proc. */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error('no VmRSS');
  return Number(match[1]) * 1024;
}

/** Samples `/healthz` every `healthSampleMs` until stopped; a failed or non-200 answer counts as a 5xx. */
function sampleHealth(url: string, counts: Counts): { stop: () => Promise<number[]> } {
  const latenciesMs: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedMs = performance.now();
      counts.sent += 1;
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) counts.status5xx += 1;
      } catch {
        counts.status5xx += 1;
      }
      latenciesMs.push(performance.now() - startedMs);
      await new Promise((resolve) => setTimeout(resolve, healthSampleMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latenciesMs;
    },
  };
}

async function token(url: string): Promise<string> {
  const response = await fetch(`${url}/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: soakClient.clientId,
      client_secret: soakClient.clientSecret,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined)
    throw new Error(`no token: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** Steady traffic until `endMs`: filtered lists, an entries page, a tag blocked and unblocked. */
async function steadyTraffic(
  url: string,
  login: { bearer: string },
  endMs: number,
  counts: Counts,
): Promise<void> {
  // Paths as a Connect client finds them: the site's UUID from the site list, the tag's from the tag list.
  const site = await sitePathOver(url, login.bearer);
  const entriesSite = await sitePathOver(url, login.bearer, 'v1.1');
  const tag = await tagIdOver(site, login.bearer, 'tag-5');
  const requests: [string, string][] = [
    [
      'GET',
      `${site}/locks?$filter=online eq true and contains(customer_reference,'o')&$orderby=customer_reference`,
    ],
    ['GET', `${entriesSite}/entries?$top=100`],
    ['GET', `${site}/alerts?$filter=active`],
    ['POST', `${site}/tags/${tag}/block`],
    ['GET', `${site}/iqs`],
    ['POST', `${site}/tags/${tag}/unblock`],
  ];
  let index = 0;
  while (performance.now() < endMs) {
    const [method, path] = requests[index % requests.length] as [string, string];
    index += 1;
    counts.sent += 1;
    try {
      const response = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${login.bearer}` },
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      if (response.status >= 500) counts.status5xx += 1;
      else if (response.status >= 400) counts.status4xx += 1;
      // A token can be lost to the hostile phase (its user deleted): take a new one if the client may.
      if (response.status === 401) login.bearer = await token(url).catch(() => login.bearer);
    } catch {
      counts.status5xx += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, steadyRequestGapMs));
  }
}

/** Runs one hostile runner in its own process and returns its JSON report. */
async function runAttack(
  kind: 'rest' | 'ws' | 'cli',
  count: number,
  url: string,
): Promise<Record<string, unknown>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/soak/soak.ts', '--attack', kind, String(count), url],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (part: Buffer) => (out = (out + part.toString('utf8')).slice(-1_000_000)));
  child.stderr?.on('data', (part: Buffer) => (err = (err + part.toString('utf8')).slice(-4_000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), runnerMsMax);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  const last = out.trim().split('\n').at(-1) ?? '';
  try {
    return { exitCode: code, ...(JSON.parse(last) as Record<string, unknown>) };
  } catch {
    return { exitCode: code, error: `no report: ${err.slice(-1_000)}` };
  }
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function addRunnerCounts(counts: Counts, report: Record<string, unknown>): void {
  const number = (key: string): number => (typeof report[key] === 'number' ? (report[key] as number) : 0);
  counts.sent += number('sent');
  counts.status4xx += number('status4xx');
  counts.status5xx += number('status5xx') + number('unanswered');
}

/** Days the warm-up advances the twin: past the entries' 90-day retention. */
const retentionFillDays = 95;
const dayMs = 86_400_000;

/** Advances the served twin by `days` virtual days through `/live` (one day per command, its cap), in order. */
async function advanceDays(url: string, bearer: string, days: number): Promise<number> {
  const socket = await openLiveSocket(url, { token: bearer });
  let done = 0;
  try {
    for (let day = 0; day < days; day++) {
      const id = `fill-${day}`;
      const answer = new Promise<boolean>((resolve) => {
        const onMessage = (data: unknown): void => {
          const message = JSON.parse(String(data)) as { type?: string; id?: unknown };
          if (message.id !== id) return;
          socket.off('message', onMessage);
          resolve(message.type === 'ack');
        };
        socket.on('message', onMessage);
      });
      socket.send(JSON.stringify({ type: 'command', id, command: { action: 'advance', ms: dayMs } }));
      if (!(await answer)) break;
      done += 1;
    }
  } finally {
    socket.close();
  }
  return done;
}

async function main(): Promise<number> {
  const startedMs = performance.now();
  const server = await startServer();
  const pid = server.child.pid as number;
  const counts: Counts = { sent: 0, status4xx: 0, status5xx: 0 };
  const health = sampleHealth(server.url, counts);
  process.stdout.write(
    `soak: server ${server.url} (pid ${pid}), office at 100x; warming up ${warmUpSeconds} s\n`,
  );
  // Taken before the hostile phases, whose floods lock user names out for a while (the token lives an hour).
  const login = { bearer: await token(server.url) };
  await steadyTraffic(server.url, login, performance.now() + warmUpSeconds * 1_000, counts);
  // The hostile phase advances virtual time by many days (floods of day-long advances), which fills the twin's
  // retained history (entries, alerts, outboxes: 90 days and a count at most) up to its bounds. So the warm-up
  // first runs the twin past that retention: the RSS read next is the steady state a leak would grow from.
  const filledDays = await advanceDays(server.url, login.bearer, retentionFillDays);
  process.stdout.write(`soak: advanced the twin ${filledDays} virtual days past its retention\n`);
  const rssStart = rssBytes(pid);
  process.stdout.write(`soak: RSS after warm-up ${mb(rssStart)}\n`);

  // The WebSocket runner logs in as twin users, so it runs before the REST floods of wrong passwords.
  const ws = await runAttack('ws', soakRequests, server.url);
  const wsFailures = Array.isArray(ws.failures) ? ws.failures.length : 'missing' in ws ? 0 : 1;
  if ('missing' in ws)
    process.stdout.write(`soak: WebSocket part not run: ${String(ws.missing)} is not there\n`);
  else {
    addRunnerCounts(counts, ws);
    process.stdout.write(`soak: WebSocket hostile ${JSON.stringify(summary(ws))}\n`);
  }
  const rest = server.exited
    ? { skipped: 'server ended' }
    : await runAttack('rest', soakRequests, server.url);
  const restFailures = Array.isArray(rest.failures) ? rest.failures.length : 1;
  addRunnerCounts(counts, rest);
  process.stdout.write(`soak: REST hostile ${JSON.stringify(summary(rest))}\n`);
  const cli = await runAttack('cli', soakRequests, server.url);
  const cliFailures = Array.isArray(cli.failures) ? cli.failures.length : 'missing' in cli ? 0 : 1;
  if ('missing' in cli)
    process.stdout.write(`soak: CLI files part not run: ${String(cli.missing)} is not there\n`);
  else process.stdout.write(`soak: CLI files ${JSON.stringify(summary(cli))}\n`);

  process.stdout.write(`soak: steady traffic for ${soakMinutes} min at 100x\n`);
  if (!server.exited)
    await steadyTraffic(server.url, login, performance.now() + soakMinutes * 60_000, counts);
  const latenciesMs = await health.stop();
  const crashes = server.exited ? 1 : 0;
  const rssEnd = server.exited ? 0 : rssBytes(pid);
  server.child.kill('SIGINT');
  await new Promise((resolve) => (server.exited ? resolve(undefined) : server.child.once('exit', resolve)));

  const p99 = percentile(latenciesMs, 0.99);
  const max = Math.max(0, ...latenciesMs);
  const result = {
    sent: counts.sent,
    status4xx: counts.status4xx,
    status5xx: counts.status5xx,
    crashes,
    healthzSamples: latenciesMs.length,
    healthzMaxMs: round(max),
    healthzP99Ms: round(p99),
    rssAfterWarmUpMb: round(rssStart / 1_048_576),
    rssEndMb: round(rssEnd / 1_048_576),
    restFailures,
    wsFailures,
    cliFileFailures: cliFailures,
    wallMinutes: round((performance.now() - startedMs) / 60_000),
  };
  process.stdout.write(
    [
      '',
      `sent              ${result.sent}`,
      `4xx               ${result.status4xx}`,
      `5xx               ${result.status5xx}`,
      `crashes           ${result.crashes}`,
      `/healthz max      ${result.healthzMaxMs} ms`,
      `/healthz p99      ${result.healthzP99Ms} ms (${result.healthzSamples} samples)`,
      `RSS after warm-up ${mb(rssStart)}`,
      `RSS at the end    ${mb(rssEnd)}`,
      `runner failures   REST ${restFailures}, WebSocket ${wsFailures}, CLI files ${cliFailures}`,
      JSON.stringify(result),
      '',
    ].join('\n'),
  );
  if (crashes > 0) process.stdout.write(`the server ended:\n${server.stderr}\n`);
  const failed =
    result.status5xx > 0 ||
    crashes > 0 ||
    p99 > healthP99MsMax ||
    rssEnd > rssGrowthMax * rssStart ||
    cliFailures > 0;
  process.stdout.write(failed ? 'soak: FAILED\n' : 'soak: passed\n');
  return failed ? 1 : 0;
}

function summary(report: Record<string, unknown>): Record<string, unknown> {
  const { failures, ...rest } = report;
  return Array.isArray(failures) ? { ...rest, failures: failures.slice(0, 5) } : rest;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * One hostile runner, in the process `runAttack` spawned for it (`soak.ts --attack <rest|ws|cli> <count> <url>`),
 * so that generating the attack never shares an event loop with the server or with the `/healthz` sampler. A
 * runner that is not there reports `{ "missing": … }`.
 */
async function attack(kind: string, count: number, url: string): Promise<unknown> {
  const target = { url, ...soakClient };
  switch (kind) {
    case 'rest': {
      const { runRestHostile } = await import('../hostile/rest-hostile.ts');
      return runRestHostile(count, { target, seed: 1 });
    }
    case 'ws': {
      const file = fileURLToPath(new URL('../hostile/live-hostile.ts', import.meta.url));
      if (!existsSync(file)) return { missing: 'test/hostile/live-hostile.ts' };
      const run = ((await import(file)) as Record<string, unknown>).runLiveHostile;
      if (typeof run !== 'function') return { missing: 'runLiveHostile in test/hostile/live-hostile.ts' };
      return (run as (count: number, options: unknown) => Promise<unknown>)(count, { target, seed: 1 });
    }
    case 'cli': {
      const file = fileURLToPath(new URL('../hostile/cli-files.ts', import.meta.url));
      if (!existsSync(file)) return { missing: 'test/hostile/cli-files.ts' };
      const run = ((await import(file)) as Record<string, unknown>).runCliFilesHostile;
      if (typeof run !== 'function') return { missing: 'runCliFilesHostile in test/hostile/cli-files.ts' };
      return (run as (count: number, seed: number) => Promise<unknown>)(count, 1);
    }
    default:
      throw new Error(`unknown runner ${kind}`);
  }
}

if (process.argv[2] === '--attack') {
  const [kind = '', countText = '', url = ''] = process.argv.slice(3);
  const count = Number(countText);
  if (!Number.isSafeInteger(count) || count < 0)
    throw new Error(`count must be a whole number, got ${countText}`);
  process.stdout.write(`\n${JSON.stringify(await attack(kind, count, url))}\n`);
} else process.exitCode = await main();
