/**
 * The `ws-p99-ms-200-clients` figure: 200 authenticated subscribers on `/live` of a loopback server whose twin (the
 * office, with its background traffic) runs at 10x, while one more client presents a tag every 200 ms; the figure
 * is the 99th percentile, in wall milliseconds, of how long a trace event takes from the twin to each subscriber.
 *
 * The subscribers run on a worker thread of their own (so reading 200 sockets does not slow the server it
 * measures); event times are compared on the process's shared clock (`performance.timeOrigin + now()`). The
 * send time of an event is when the twin traced it: the hub sends it to every subscriber in that same turn.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { liveTwinOfNamedSite, startServer } from '../../api/index.ts';

const speed = 10;
const credentials = { clientId: 'bench-client', clientSecret: 'bench-client-secret' } as const;

/** Milliseconds on a clock every thread of the process shares. */
const sharedNowMs = (): number => performance.timeOrigin + performance.now();

/**
 * The subscribers' thread (plain JavaScript, run with `eval`): opens the sockets a few at a time (under the
 * per-user rate limit), subscribes, and for every event keeps when it arrived; posts `{ ready }` once all are
 * subscribed and the arrivals (`[traceSeq, atMs]` per subscriber) when told to stop.
 */
const subscriberSource = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const now = () => performance.timeOrigin + performance.now();
const arrivals = [];
const sockets = [];
let subscribed = 0;
const open = (index) => {
  const socket = new WebSocket(workerData.address, ['lockstep-live', 'bearer.' + workerData.token]);
  const mine = [];
  arrivals.push(mine);
  sockets.push(socket);
  socket.on('open', () => socket.send('{"type":"subscribe"}'));
  socket.on('message', (data) => {
    const text = String(data);
    if (text.startsWith('{"type":"snapshot"')) {
      subscribed += 1;
      if (subscribed === workerData.count) parentPort.postMessage({ ready: true });
      return;
    }
    if (!text.startsWith('{"type":"event"')) return;
    const at = now();
    const match = /"traceSeq":(\\d+)/.exec(text);
    if (match !== null) mine.push(Number(match[1]), at);
  });
  socket.on('error', (error) => parentPort.postMessage({ error: String(error) }));
};
for (let index = 0; index < workerData.count; index++) setTimeout(() => open(index), Math.floor(index / 20) * 150);
parentPort.on('message', () => {
  for (const socket of sockets) socket.terminate();
  parentPort.postMessage({ arrivals });
});
`;

interface SubscriberReport {
  readonly ready?: true;
  readonly error?: string;
  readonly arrivals?: number[][];
}

/** What the figure is measured with: 200 subscribers for 10 s (a test may measure a smaller run). */
export interface LiveWsBenchOptions {
  readonly subscribers?: number;
  readonly measureWallMs?: number;
}

/** Measures the figure (takes about 15 s of wall time). */
export async function measureLiveWsP99Ms(options: LiveWsBenchOptions = {}): Promise<number> {
  const subscribers = options.subscribers ?? 200;
  const measureWallMs = options.measureWallMs ?? 10_000;
  const live = liveTwinOfNamedSite('office', { speed });
  const tracedAtMs = new Map<number, number>();
  const stopTimes = live.subscribe((traced) => {
    if (tracedAtMs.size < 1_000_000) tracedAtMs.set(traced.seq, sharedNowMs());
  });
  const server = await startServer({ live, host: '127.0.0.1', port: 0, credentials });
  const worker = new Worker(subscriberSource, {
    eval: true,
    workerData: {
      wsPath: createRequire(import.meta.url).resolve('ws'),
      address: `${server.url.replace('http', 'ws')}/live`,
      token: await ownerToken(server.url),
      count: subscribers,
    },
  });
  const driver = await openDriver(server.url);
  try {
    await nextReport(worker, (report) => report.ready === true, 60_000);
    const traffic = setInterval(() => {
      driver.send(
        JSON.stringify({
          type: 'command',
          id: 't',
          command: { action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' },
        }),
      );
    }, 200);
    const fromSeq = live.twin.trace.events;
    await new Promise((resolve) => setTimeout(resolve, measureWallMs));
    clearInterval(traffic);
    worker.postMessage('stop');
    const report = await nextReport(worker, (candidate) => candidate.arrivals !== undefined, 30_000);
    return percentile(latenciesMs(report.arrivals ?? [], tracedAtMs, fromSeq), 0.99);
  } finally {
    driver.terminate();
    stopTimes();
    await worker.terminate();
    await server.close();
  }
}

async function ownerToken(url: string): Promise<string> {
  const response = await fetch(`${url}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined) throw new Error(`no token: ${response.status}`);
  return body.access_token;
}

/** The traffic client (the site's owner), sending person actions. */
async function openDriver(url: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/live`, [
    'lockstep-live',
    `bearer.${await ownerToken(url)}`,
  ]);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

function nextReport(
  worker: Worker,
  match: (report: SubscriberReport) => boolean,
  timeoutMs: number,
): Promise<SubscriberReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the subscribers did not report in time')), timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onError = (error: Error): void => {
      done();
      reject(new Error(`the subscribers' thread failed: ${error.message}`));
    };
    const onMessage = (report: SubscriberReport): void => {
      if (report.error !== undefined) {
        done();
        reject(new Error(`a subscriber failed: ${report.error}`));
        return;
      }
      if (!match(report)) return;
      done();
      resolve(report);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
  });
}

/** Each arrival's delay after its event was traced (events from `fromSeq` on: the measured window). */
function latenciesMs(
  arrivals: readonly (readonly number[])[],
  tracedAtMs: ReadonlyMap<number, number>,
  fromSeq: number,
): number[] {
  const delays: number[] = [];
  for (const pairs of arrivals)
    for (let index = 0; index + 1 < pairs.length; index += 2) {
      const seq = pairs[index] as number;
      const sentMs = tracedAtMs.get(seq);
      if (seq >= fromSeq && sentMs !== undefined) delays.push((pairs[index + 1] as number) - sentMs);
    }
  if (delays.length === 0) throw new Error('no event reached the subscribers');
  return delays;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
  return Math.round(value * 10) / 10;
}
