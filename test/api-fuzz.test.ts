/**
 * Hostile input: 200 generated malformed or hostile HTTP requests and 200 generated malformed WebSocket messages.
 * Only table errors come back (`{ErrorCode, Message}`, never a 500), nothing crashes, and the server keeps serving.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LiveTwin } from '../api/live-twin.ts';
import { startServer, type RunningServer } from '../api/server.ts';
import { isStatusOfCode } from '../api/rest/errors.ts';
import { sitePathOf } from '../api/rest/testing.ts';
import { loadNamedScenario } from '../scenarios/index.ts';
import { errorTable } from '../twin/index.ts';

let server: RunningServer;
let live: LiveTwin;
let token: string;

beforeAll(async () => {
  const scenario = loadNamedScenario('office-morning');
  if (scenario === undefined || !scenario.ok) throw new Error('office-morning missing');
  live = new LiveTwin({ scenario: scenario.value, siteInput: 'office', seed: 1, speed: 1, paused: true });
  server = await startServer({
    live,
    host: '127.0.0.1',
    port: 0,
    credentials: { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' },
  });
  const response = await fetch(`${server.url}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=lockstep-demo&client_secret=lockstep-demo-secret',
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await server.close();
});

/** `SITE` stands for the site's UUID (known once the twin is made), so generated paths reach past the site. */
const siteSegment = 'SITE';
const segments = [
  'sites',
  siteSegment,
  siteSegment,
  'office',
  'me',
  'subscription',
  'other-site',
  'locks',
  'lock-front',
  'users',
  'user-anna',
  'tags',
  'tag-anna',
  'access_groups',
  'pods',
  'iqs',
  'entries',
  'locking',
  'pin',
  '..',
  '%00',
  '%ZZ',
  "'",
  '"',
  '💥',
  'a'.repeat(300),
  '-1',
  '1e309',
];
const query = fc.constantFrom(
  '',
  '?$filter=',
  '?$filter=name eq',
  "?$filter=contains(name,'x'",
  '?$top=-5',
  '?$top=abc',
  '?$skip=1e9',
  '?$orderby=nope desc',
  "?$filter=((((((((((name eq 'a'",
  '?continuation_token=zzz',
  '?%',
  '?$filter=not',
);
const body = fc.oneof(
  fc.constant(''),
  fc.constant('{'),
  fc.constant('null'),
  fc.constant('[]'),
  fc.constant('{"locked_state":7}'),
  fc.constant('{"name":{"$gt":""}}'),
  fc.string({ maxLength: 200 }),
  fc.json(),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  version: fc.constantFrom('/v1.2', '/v1.1', '/v9', '/v2', '/identity', ''),
  path: fc.array(fc.constantFrom(...segments), { minLength: 0, maxLength: 6 }),
  query,
  body,
  auth: fc.constantFrom('token', 'none', 'garbage', 'Basic abc'),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
});

describe('hostile HTTP requests', () => {
  it('200 generated requests get only table errors, never a 500, and the server keeps serving', async () => {
    const samples = fc.sample(request, { numRuns: 200, seed: 7 });
    for (const sample of samples) {
      const headers: Record<string, string> = {};
      if (sample.contentType !== '') headers['content-type'] = sample.contentType;
      if (sample.auth === 'token') headers.authorization = `Bearer ${token}`;
      else if (sample.auth === 'garbage') headers.authorization = 'Bearer not-a-token';
      else if (sample.auth !== 'none') headers.authorization = sample.auth;
      const siteId = sitePathOf(live).split('/').at(-1) as string;
      const path = sample.path.map((segment) => (segment === siteSegment ? siteId : segment));
      const url = `${server.url}${sample.version}/${path.join('/')}${sample.query}`;
      const hasBody = sample.method !== 'GET' && sample.method !== 'DELETE';
      const response = await fetch(url, {
        method: sample.method,
        headers,
        ...(hasBody ? { body: sample.body } : {}),
      });
      expect(response.status, `${sample.method} ${url}`).not.toBe(500);
      if (response.status >= 400 && url.includes('/v1.')) {
        const payload = (await response.json()) as { ErrorCode: number; Message: string };
        expect(Object.keys(errorTable)).toContain(String(payload.ErrorCode));
        expect(typeof payload.Message).toBe('string');
        // The table's status, or an off-table one (405 for a known path's wrong method).
        expect(isStatusOfCode(response.status, payload.ErrorCode as keyof typeof errorTable)).toBe(true);
      } else {
        await response.arrayBuffer();
      }
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

function openSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/live`, [
      'lockstep-live',
      `bearer.${token}`,
    ]);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('hostile WebSocket messages', () => {
  it('200 generated malformed messages get errors, the connection stays usable and others never notice', async () => {
    const hostile = await openSocket();
    const bystander = await openSocket();
    const bystanderMessages: string[] = [];
    bystander.on('message', (data) => bystanderMessages.push(String(data)));
    const replies: Record<string, unknown>[] = [];
    hostile.on('message', (data) => replies.push(JSON.parse(String(data)) as Record<string, unknown>));
    const message = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json(),
      fc
        .record({
          type: fc.constantFrom('command', 'subscribe', 'nope', ''),
          id: fc.oneof(fc.string(), fc.integer()),
          command: fc.anything(),
        })
        .map((value) => JSON.stringify(value)),
      fc.constant(
        '{"type":"command","id":"x","command":{"action":"present-tag","tag":"tag-anna","lock":"lock-nowhere"}}',
      ),
      fc.constant('{"type":"command","id":"y","command":{"action":"step","ms":-5}}'),
    );
    for (const text of fc.sample(message, { numRuns: 200, seed: 11 })) hostile.send(text);
    // A flood past the rate limit is answered (rate-limited, busy) and dropped; a second later the connection acts.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    hostile.send(JSON.stringify({ type: 'command', id: 'final', command: { action: 'pause' } }));
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('no answer to the final command')), 20_000);
      const check = setInterval(() => {
        if (replies.some((reply) => reply.id === 'final')) {
          clearTimeout(deadline);
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    expect(hostile.readyState).toBe(WebSocket.OPEN);
    const errors = replies.filter((reply) => reply.type === 'error');
    expect(errors.length).toBeGreaterThan(100);
    for (const error of errors) expect(typeof error.message).toBe('string');
    expect(bystanderMessages.filter((text) => text.includes('"type":"error"'))).toHaveLength(0);
    hostile.close();
    bystander.close();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
