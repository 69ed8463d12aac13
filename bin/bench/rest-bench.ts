/**
 * `rest-req-per-s`: REST requests answered per wall second on loopback, for the request a dashboard polls most:
 * `GET …/locks` with a `$filter` and `$orderby`, with a bearer token, over keep-alive connections a few at a time.
 * The server is the real one (`startServer`, the office site, its twin paused so the figure is the request path's
 * alone); the requests come from a worker thread; the count is bounded, and a short warm-up comes first (JIT,
 * first-request caches).
 */
import { Worker } from 'node:worker_threads';
import { liveTwinOfNamedSite, startServer } from '../../api/index.ts';

export interface RestBenchOptions {
  /** Requests measured (after the warm-up). */
  readonly requests?: number;
  readonly warmUpRequests?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
}

const benchClient = { clientId: 'bench-client', clientSecret: 'bench-client-secret-0123456789' } as const;
/** The polled request, on the site's UUID (which a client finds in the site list, as `siteIdOf` does). */
const lockQuery = (siteId: string) =>
  `/v1.2/sites/${siteId}/locks?$filter=online eq true and contains(customer_reference,'o')&$orderby=customer_reference desc`;

/** Requests per second for `GET …/locks?$filter=…` on a loopback server of the office site. */
export async function measureRestRequestsPerSecond(options: RestBenchOptions = {}): Promise<number> {
  const requests = options.requests ?? 5_000;
  const concurrency = options.concurrency ?? 8;
  const live = liveTwinOfNamedSite('office', { background: false, paused: true });
  const server = await startServer({ live, host: '127.0.0.1', port: 0, credentials: benchClient });
  try {
    const token = await clientToken(server.url);
    const elapsedMs = await runClient({
      url: `${server.url}${encodeURI(lockQuery(await siteIdOf(server.url, token)))}`,
      token,
      warmUpRequests: options.warmUpRequests ?? 500,
      requests,
      concurrency,
    });
    return Math.round((requests * 1_000) / elapsedMs);
  } finally {
    await server.close();
  }
}

interface ClientJob {
  readonly url: string;
  readonly token: string;
  readonly warmUpRequests: number;
  readonly requests: number;
  readonly concurrency: number;
}

/**
 * The load: keep-alive GETs, `concurrency` in flight, in a worker thread of its own so that making requests does
 * not share the server's event loop (what is measured is the server). Plain JavaScript, so the worker needs no
 * TypeScript loader. Answers the wall milliseconds the measured requests took; any answer but 200 fails the run.
 */
const clientSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, token, warmUpRequests, requests, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
function get() {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { agent, headers: { authorization: 'Bearer ' + token } }, (response) => {
      if (response.statusCode !== 200) reject(new Error('GET locks answered ' + response.statusCode));
      response.on('data', () => undefined);
      response.on('end', resolve);
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}
async function many(total) {
  let started = 0;
  const worker = async () => { while (started < total) { started += 1; await get(); } };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
(async () => {
  await many(warmUpRequests);
  const startedMs = performance.now();
  await many(requests);
  parentPort.postMessage({ elapsedMs: performance.now() - startedMs });
  agent.destroy();
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

async function runClient(job: ClientJob): Promise<number> {
  const worker = new Worker(clientSource, { eval: true, workerData: job });
  try {
    const answer = await new Promise<{ elapsedMs?: number; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (answer.elapsedMs === undefined) throw new Error(`the REST bench client failed: ${answer.error}`);
    return answer.elapsedMs;
  } finally {
    await worker.terminate();
  }
}

async function clientToken(url: string): Promise<string> {
  const response = await fetch(`${url}/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: benchClient.clientId,
      client_secret: benchClient.clientSecret,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined) throw new Error(`no token: ${response.status}`);
  return body.access_token;
}

/** The site's id (UUID) from the site list, as a client of the Connect API finds it. */
async function siteIdOf(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/v1.2/sites`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: { id?: string }[] };
  const id = body.items?.[0]?.id;
  if (id === undefined) throw new Error(`no site: ${response.status}`);
  return id;
}
