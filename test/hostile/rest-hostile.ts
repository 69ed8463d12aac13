/**
 * Hostile REST requests against a real loopback server, generated with fast-check: any method on paths built
 * from real and broken segments, broken and missing headers, garbage JSON, JSON nested far too deep, numbers no
 * double holds, OData options that are nonsense, chunked bodies past the limit, floods of wrong passwords, slow
 * senders and readers that go away. Every answer must be below 500 and, when it is an error, in the error
 * table's shape with the status the table (or the documented 405/413/429) gives its code (the identity endpoints
 * add OAuth 2's `error` fields, `/v2` answers an RFC 7807 problem); the server must stay up.
 *
 * Paths name real records by placeholders (`{site}`, `{lock}`, `{user}`, `{tag}`), filled in with the ids the
 * target's own lists show, so the same cases reach the handlers of any server, whatever its ids look like.
 *
 * `runRestHostile(count)` is the runner: the bounded test (rest-requests.test.ts) and the soak call it. Cases run
 * a few at a time (`concurrency`) so that floods and slow clients overlap with ordinary ones.
 */
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { bodyBytesMax } from '../../api/rest/body.ts';
import { isStatusOfCode } from '../../api/rest/errors.ts';
import { createTestLive, testClient } from '../../api/rest/testing.ts';
import { startServer } from '../../api/server.ts';
import { errorTable, type ErrorCode } from '../../twin/index.ts';

/** A server to attack: its URL and the API client's credentials (for the one valid token the cases use). */
export interface RestTarget {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface RestHostileOptions {
  /** Without one, a loopback server of the office site is started (and closed) for the run. */
  readonly target?: RestTarget;
  readonly seed?: number;
  readonly concurrency?: number;
}

export interface RestHostileReport {
  /** HTTP requests sent (a flood case sends many). */
  readonly sent: number;
  readonly cases: number;
  readonly status2xx: number;
  readonly status4xx: number;
  readonly status5xx: number;
  /** Requests that got no answer although they were complete (the server dropped or hung). */
  readonly unanswered: number;
  /** Chunked bodies over the limit whose connection the server closed before the client read its 413. */
  readonly closedOverLimit: number;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Wrong answers (5xx, an error not in the table's shape, no answer), each with the seed and case that replays it. */
  readonly failures: readonly string[];
}

/** A case that takes longer than this is a hung request. */
const requestTimeoutMs = 10_000;
const failuresKept = 20;

/** Stand for the ids of real records of the target (`knownIds`). */
const placeholders = ['{site}', '{lock}', '{user}', '{tag}'] as const;

const segments = [
  'sites',
  '{site}',
  '{site}',
  'office',
  'me',
  '{lock}',
  '{user}',
  '{tag}',
  'connect',
  'token',
  'other-site',
  'locks',
  'lock-front',
  'locking',
  'commands',
  'users',
  'user-daan',
  'pin',
  'tags',
  'tag-anna',
  'block',
  'access_groups',
  'time_schedules',
  'pods',
  'guests',
  'iqs',
  'notifications',
  'outbox',
  'alerts',
  'entries',
  'subscription',
  '..',
  '.',
  '%00',
  '%ZZ',
  '%2F',
  "'",
  '💥',
  '__proto__',
  'constructor',
  'x'.repeat(3_000),
];

const prefixes = [
  '/v1.2',
  '/v1.1',
  '/v1.0',
  '/connect',
  '/identity/connect',
  '/identity',
  '',
  '/v2',
  '/openapi.json',
  '/healthz',
  '/live',
];

const queries = [
  '',
  '?$top=1',
  '?$top=0',
  '?$top=1e400',
  '?$top=99999999999999999999',
  '?$skip=-1',
  '?$skip=1e308',
  "?$filter=id eq 'lock-front'",
  '?$filter=' + '('.repeat(5_000),
  '?$filter=not not not not not not not not not not online',
  "?$filter=contains(name,'" + "'".repeat(200) + "')",
  '?$filter=battery gt 1e400',
  '?$filter=utc_date_time ge 9999-99-99T99:99:99Z',
  '?$orderby=' + 'id,'.repeat(2_000),
  '?$orderby=name desc desc',
  '?$expand=all',
  '?continuation_token=%FF%FF',
  '?continuation_token=' + 'A'.repeat(4_000),
  '?%',
  '?$filter=%',
];

const jsonBodies = [
  '',
  '{',
  'null',
  '[]',
  '{}',
  '"text"',
  '{"__proto__": {"polluted": true}}',
  '{"locked_state": "unlocked"}',
  '{"locked_state": 1e400}',
  '{"open_time_ms": 1e308}',
  `{"open_time_ms": 1${'0'.repeat(400)}}`,
  '{"open_time_ms": -1e-400}',
  '{"id": "x", "name": "y", "role": "owner"}',
  '{"user_ids": [1e400]}',
  `{"user_ids": [${Array.from({ length: 3_000 }, (_, index) => `"u${index}"`).join(',')}]}`,
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
  `{"args": ${'['.repeat(70)}1${']'.repeat(70)}}`,
  '\u0000\u0001\u0002',
  '\uFEFF{}',
  '{"pin": "123456", "pin": {"$ne": null}}',
];

const formBodies = [
  'grant_type=password&username=user-daan&password=wrong',
  'grant_type=password&username=&password=',
  'grant_type=client_credentials&client_id=lockstep-demo&client_secret=wrong',
  'grant_type=client_credentials',
  'grant_type=authorization_code&code=x',
  'grant_type=password&username=' + 'a'.repeat(5_000),
  'token=' + 'x'.repeat(300),
  'token=unknown',
  '%%%',
  '&&&==&=',
];

type Auth = 'valid' | 'none' | 'garbage' | 'basic-garbage' | 'wrong-scheme';
const authArbitrary = fc.constantFrom<Auth>(
  'valid',
  'valid',
  'none',
  'garbage',
  'basic-garbage',
  'wrong-scheme',
);
const contentTypes = [
  undefined,
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
];

/** One case: what to send, as plain data (printed to replay it). */
export type HostileCase =
  | {
      readonly kind: 'request';
      readonly method: string;
      readonly path: string;
      readonly auth: Auth;
      readonly contentType: string | undefined;
      readonly body: string | undefined;
      readonly extraHeaders: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'chunked'; readonly path: string; readonly bytes: number }
  | { readonly kind: 'password-flood'; readonly username: string; readonly attempts: number }
  | { readonly kind: 'slow-sender'; readonly path: string; readonly pieces: number; readonly gapMs: number }
  | { readonly kind: 'slow-reader'; readonly path: string; readonly pauseMs: number };

const apiPathArbitrary = fc
  .tuple(
    fc.constantFrom(...prefixes),
    fc.array(fc.constantFrom(...segments), { maxLength: 6 }),
    fc.constantFrom(...queries),
  )
  .map(([prefix, parts, query]) => `${prefix}/${parts.join('/')}${query}`);

/** Real routes with real ids: the requests that reach handlers, not only the router. */
const realPathArbitrary = fc
  .constantFrom(
    '/v1.2/sites',
    '/v1.1/sites',
    '/v1.2/sites/{site}',
    '/v1.2/sites/{site}/subscription',
    '/v1.2/me',
    '/v1.2/sites/{site}/locks',
    '/v1.2/sites/{site}/locks/{lock}',
    '/v1.2/sites/{site}/locks/{lock}/locking',
    '/v1.2/sites/{site}/users',
    '/v1.2/sites/{site}/users/{user}',
    '/v1.2/sites/{site}/users/{user}/pin',
    '/v1.2/sites/{site}/tags/{tag}/block',
    '/v1.2/sites/{site}/access_groups',
    '/v1.2/sites/{site}/pods',
    '/v1.2/sites/{site}/notifications',
    '/v1.2/sites/{site}/entries',
    '/v1.1/sites/{site}/entries',
    '/v2/sites/{site}/permissions',
    '/connect/token',
    '/connect/revocation',
    '/identity/connect/token',
    '/identity/connect/revocation',
  )
  .chain((path) => fc.constantFrom(...queries).map((query) => `${path}${query}`));

const bodyArbitrary = fc.oneof(
  fc.constantFrom<string | undefined>(undefined, ...jsonBodies, ...formBodies),
  fc.json({ maxDepth: 6 }),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

const requestArbitrary: fc.Arbitrary<HostileCase> = fc.record({
  kind: fc.constant('request' as const),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND'),
  path: fc.oneof(apiPathArbitrary, realPathArbitrary),
  auth: authArbitrary,
  contentType: fc.constantFrom(...contentTypes),
  body: bodyArbitrary,
  extraHeaders: fc.constantFrom<Record<string, string>>(
    {},
    { accept: 'text/html' },
    { 'accept-encoding': 'gzip, br' },
    { 'x-forwarded-for': '1.2.3.4' },
    { 'content-encoding': 'gzip' },
    { expect: '100-continue' },
    { 'clp-continuation-token': '%%%' },
    { cookie: 'a'.repeat(4_000) },
  ),
});

export const hostileCaseArbitrary: fc.Arbitrary<HostileCase> = fc.oneof(
  { weight: 20, arbitrary: requestArbitrary },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('chunked' as const),
      path: fc.constantFrom(
        '/connect/token',
        '/identity/connect/token',
        '/v1.2/sites/{site}/users',
        '/nowhere',
        '/',
      ),
      bytes: fc.integer({ min: 100_000, max: 2_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('password-flood' as const),
      username: fc.constantFrom('user-daan', 'user-anna', 'anna.devries@example.com', 'nobody', ''),
      attempts: fc.integer({ min: 5, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('slow-sender' as const),
      path: fc.constantFrom('/connect/token', '/identity/connect/token', '/v1.2/sites/{site}/users'),
      pieces: fc.integer({ min: 2, max: 6 }),
      gapMs: fc.integer({ min: 5, max: 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('slow-reader' as const),
      path: fc.constantFrom(
        '/v1.1/sites/{site}/entries?$top=1000',
        '/openapi.json',
        '/v1.2/sites/{site}/locks',
      ),
      pauseMs: fc.integer({ min: 10, max: 200 }),
    }),
  },
);

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

interface Tally {
  sent: number;
  unanswered: number;
  closedOverLimit: number;
  readonly byStatus: Record<string, number>;
  readonly failures: string[];
}

/**
 * Sends `count` generated cases (from `seed`) to the target, or to a loopback office server started for the run,
 * and counts the answers; never throws for a wrong answer (the report lists it), so a soak can go on counting.
 */
export async function runRestHostile(
  count: number,
  options: RestHostileOptions = {},
): Promise<RestHostileReport> {
  const own =
    options.target === undefined
      ? await startServer({ live: createTestLive(), host: '127.0.0.1', port: 0, credentials: testClient })
      : undefined;
  const target = options.target ?? { url: (own as NonNullable<typeof own>).url, ...testClient };
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const seed = options.seed ?? 1;
  const tally: Tally = { sent: 0, unanswered: 0, closedOverLimit: 0, byStatus: {}, failures: [] };
  try {
    const token = await validToken(target, agent);
    const ids = await knownIds(target, agent, token);
    const cases = fc.sample(hostileCaseArbitrary, { numRuns: count, seed });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < cases.length) {
        const index = next;
        next += 1;
        const hostile = cases[index] as HostileCase;
        const where = `seed ${seed} case ${index}: ${describeCase(hostile)}`;
        try {
          await runCase(hostile, { target, agent, token, ids, tally, where });
        } catch (error) {
          tally.unanswered += 1;
          fail(tally, `${where}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  } finally {
    agent.destroy();
    await own?.close();
  }
  return report(count, tally);
}

function report(cases: number, tally: Tally): RestHostileReport {
  let status2xx = 0;
  let status4xx = 0;
  let status5xx = 0;
  for (const [status, times] of Object.entries(tally.byStatus)) {
    if (Number(status) >= 500) status5xx += times;
    else if (Number(status) >= 400) status4xx += times;
    else status2xx += times;
  }
  return {
    sent: tally.sent,
    cases,
    status2xx,
    status4xx,
    status5xx,
    unanswered: tally.unanswered,
    closedOverLimit: tally.closedOverLimit,
    byStatus: tally.byStatus,
    failures: tally.failures,
  };
}

interface CaseContext {
  readonly target: RestTarget;
  readonly agent: Agent;
  readonly token: string;
  /** The placeholders' ids (`{site}` → the site's id). */
  readonly ids: Readonly<Record<string, string>>;
  readonly tally: Tally;
  readonly where: string;
}

/** `path` with its placeholders filled in. */
function pathOf(path: string, context: CaseContext): string {
  let result = path;
  for (const placeholder of placeholders)
    result = result.replaceAll(placeholder, context.ids[placeholder] ?? 'x');
  return result;
}

async function runCase(hostile: HostileCase, context: CaseContext): Promise<void> {
  switch (hostile.kind) {
    case 'request':
      return plainRequest(hostile, context);
    case 'chunked':
      return chunkedRequest(hostile, context);
    case 'password-flood':
      for (let attempt = 0; attempt < hostile.attempts; attempt += 1) {
        const body = new URLSearchParams({
          grant_type: 'password',
          username: hostile.username,
          password: `guess-${attempt}`,
          client_id: context.target.clientId,
          client_secret: context.target.clientSecret,
        });
        const answer = await send(context, {
          method: 'POST',
          path: '/connect/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
        judge(answer, context, `attempt ${attempt}`, { path: '/connect/token' });
        if (answer?.status === 200) fail(context.tally, `${context.where}: a wrong password got a token`);
      }
      return;
    case 'slow-sender':
      return slowSender(hostile, context);
    case 'slow-reader':
      return slowReader(hostile, context);
  }
}

function headersFor(auth: Auth, token: string): Record<string, string> {
  switch (auth) {
    case 'valid':
      return { authorization: `Bearer ${token}` };
    case 'none':
      return {};
    case 'garbage':
      return { authorization: `Bearer ${'x'.repeat(300)}` };
    case 'basic-garbage':
      return { authorization: 'Basic %%%%' };
    case 'wrong-scheme':
      return { authorization: `Token ${token}` };
  }
}

async function plainRequest(
  hostile: Extract<HostileCase, { kind: 'request' }>,
  context: CaseContext,
): Promise<void> {
  const headers: Record<string, string> = {
    ...headersFor(hostile.auth, context.token),
    ...hostile.extraHeaders,
  };
  if (hostile.contentType !== undefined) headers['content-type'] = hostile.contentType;
  const withBody = hostile.body !== undefined && hostile.method !== 'GET' && hostile.method !== 'HEAD';
  // Framed by its length: node's client sends an OPTIONS or TRACE body unframed otherwise, and the server then
  // reads it as the next request (a malformed one, which it refuses by closing the connection).
  if (withBody) headers['content-length'] = String(Buffer.byteLength(hostile.body ?? ''));
  const answer = await send(context, {
    method: hostile.method,
    path: hostile.path,
    headers,
    ...(withBody ? { body: hostile.body } : {}),
  });
  judge(answer, context, '', { path: hostile.path, noBody: hostile.method === 'HEAD' });
}

async function chunkedRequest(
  hostile: Extract<HostileCase, { kind: 'chunked' }>,
  context: CaseContext,
): Promise<void> {
  const chunk = Buffer.alloc(16 * 1024, '[');
  const answer = await new Promise<Answer | 'closed'>((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = httpRequest(`${context.target.url}${pathOf(hostile.path, context)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      timeout: requestTimeoutMs,
    });
    context.tally.sent += 1;
    request.on('response', (response) => {
      answered = true;
      collect(response, resolve, reject);
    });
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    // The server closes the connection after a 413: later writes fail, as they should. A client still writing
    // then may see the closed socket before it has read the 413 (the write fails first): the body was refused.
    request.on('error', (error) => {
      if (answered) return;
      const code = (error as NodeJS.ErrnoException).code;
      if (sentBytes > bodyBytesMax && (code === 'EPIPE' || code === 'ECONNRESET')) resolve('closed');
      else reject(error);
    });
    const pump = (): void => {
      while (!answered && sentBytes < hostile.bytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
  if (answer === 'closed') {
    context.tally.closedOverLimit += 1;
    return;
  }
  judge(answer, context, '', { path: hostile.path });
  if (hostile.bytes > 300 * 1024 && answer.status !== 413)
    fail(context.tally, `${context.where}: a body over the limit answered ${answer.status}, not 413`);
}

async function slowSender(
  hostile: Extract<HostileCase, { kind: 'slow-sender' }>,
  context: CaseContext,
): Promise<void> {
  const body = 'grant_type=password&username=user-daan&password=still-wrong';
  const pieceLength = Math.ceil(body.length / hostile.pieces);
  const answer = await new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(`${context.target.url}${pathOf(hostile.path, context)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
      timeout: requestTimeoutMs,
    });
    context.tally.sent += 1;
    request.on('response', (response) => collect(response, resolve, reject));
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    request.on('error', reject);
    let offset = 0;
    const sendPiece = (): void => {
      request.write(body.slice(offset, offset + pieceLength));
      offset += pieceLength;
      if (offset >= body.length) request.end();
      else setTimeout(sendPiece, hostile.gapMs);
    };
    sendPiece();
  });
  judge(answer, context, '', { path: hostile.path });
}

/** Asks for a large answer, reads a little, pauses, then goes away: the server must not mind. */
async function slowReader(
  hostile: Extract<HostileCase, { kind: 'slow-reader' }>,
  context: CaseContext,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = httpRequest(`${context.target.url}${pathOf(hostile.path, context)}`, {
      headers: { authorization: `Bearer ${context.token}` },
      timeout: requestTimeoutMs,
    });
    context.tally.sent += 1;
    request.on('response', (response) => {
      count(context.tally, response.statusCode ?? 0);
      if ((response.statusCode ?? 0) >= 500) fail(context.tally, `${context.where}: ${response.statusCode}`);
      response.pause();
      setTimeout(() => {
        response.destroy();
        resolve();
      }, hostile.pauseMs);
    });
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    request.on('error', reject);
    request.end();
  });
}

interface Outgoing {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One request on the shared keep-alive agent; a request node itself refuses to build is not sent (undefined). */
async function send(context: CaseContext, outgoing: Outgoing): Promise<Answer | undefined> {
  let request: ReturnType<typeof httpRequest>;
  try {
    request = httpRequest(`${context.target.url}${pathOf(outgoing.path, context)}`, {
      method: outgoing.method,
      headers: outgoing.headers,
      agent: context.agent,
      timeout: requestTimeoutMs,
    });
  } catch {
    return undefined;
  }
  context.tally.sent += 1;
  return new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => collect(response, resolve, reject));
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    request.on('error', reject);
    request.end(outgoing.body);
  });
}

function collect(
  response: import('node:http').IncomingMessage,
  resolve: (answer: Answer) => void,
  reject: (error: Error) => void,
): void {
  const parts: Buffer[] = [];
  let length = 0;
  response.on('data', (part: Buffer) => {
    length += part.length;
    // Keep the first megabyte: enough to judge an error body (a list page may be larger).
    if (length <= 1_048_576) parts.push(part);
  });
  response.on('end', () =>
    resolve({
      status: response.statusCode ?? 0,
      headers: response.headers,
      body: Buffer.concat(parts).toString('utf8'),
    }),
  );
  response.on('error', reject);
}

/**
 * Counts an answer and checks it: below 500, and an error in the table's shape with its status. `path` is where
 * it went (the identity endpoints answer OAuth 2 errors; `/v2` a problem).
 */
function judge(
  answer: Answer | undefined,
  context: CaseContext,
  step: string,
  { path, noBody = false }: { readonly path: string; readonly noBody?: boolean },
): void {
  if (answer === undefined) return;
  count(context.tally, answer.status);
  const where = step === '' ? context.where : `${context.where} (${step})`;
  if (answer.status >= 500) {
    fail(context.tally, `${where}: ${answer.status} ${answer.body.slice(0, 200)}`);
    return;
  }
  if (answer.status < 400 || noBody || refusedByParser(answer)) return;
  const problem = isPermissionApi(path) ? problemBodyProblem(answer) : errorBodyProblem(answer, path);
  if (problem !== undefined) fail(context.tally, `${where}: ${answer.status} ${problem}`);
}

/**
 * Node's HTTP parser answers a request it cannot parse (headers over 16 kB, a malformed request line) itself,
 * with a bare 400 or 431 and the connection closed, before the app sees it: not an app answer to judge.
 */
function refusedByParser(answer: Answer): boolean {
  return (
    (answer.status === 400 || answer.status === 431) &&
    answer.body === '' &&
    answer.headers['content-type'] === undefined
  );
}

function isPermissionApi(path: string): boolean {
  return /^\/v2(\/|\?|$)/.test(path);
}

function isIdentityEndpoint(path: string): boolean {
  return /^(\/identity)?\/connect\/(token|revocation)(\?|$)/.test(path);
}

/** What is wrong with a `/v2` answer: it must be 403 with an RFC 7807 problem. */
function problemBodyProblem(answer: Answer): string | undefined {
  if (answer.status !== 403) return `a /v2 path answered ${answer.status}, not 403`;
  if (!String(answer.headers['content-type']).startsWith('application/problem+json'))
    return `a /v2 problem as ${String(answer.headers['content-type'])}`;
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  const keys = Object.keys(body).sort().join(',');
  return keys === 'detail,status,title,type' && body.status === 403
    ? undefined
    : `a /v2 problem with ${keys}`;
}

function errorBodyProblem(answer: Answer, path: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `the error body is not JSON: ${JSON.stringify(answer.body.slice(0, 100))}`;
  }
  if (typeof body !== 'object' || body === null) return 'the error body is not an object';
  const { ErrorCode: code, Message: message, ...rest } = body as Record<string, unknown>;
  if (typeof code !== 'number' || !Object.hasOwn(errorTable, code))
    return `ErrorCode ${String(code)} is not in the table`;
  if (typeof message !== 'string') return 'Message is not a string';
  if (!isStatusOfCode(answer.status, code as ErrorCode))
    return `status ${answer.status} does not go with ${code}`;
  const extra = Object.keys(rest).sort().join(',');
  if (answer.status === 429) {
    if (extra !== 'error,error_description') return `a 429 carries ${extra}`;
    if (!/^\d+$/.test(String(answer.headers['retry-after']))) return 'a 429 without Retry-After';
  } else if (isIdentityEndpoint(path) && answer.status !== 413 && answer.status !== 405) {
    if (extra !== 'error,error_description') return `an identity endpoint's error carries ${extra}`;
  } else if (extra !== '') return `extra fields ${extra}`;
  if (answer.status === 405 && answer.headers.allow === undefined) return 'a 405 without Allow';
  return undefined;
}

function count(tally: Tally, status: number): void {
  tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
}

function fail(tally: Tally, text: string): void {
  if (tally.failures.length < failuresKept) tally.failures.push(text);
}

function describeCase(hostile: HostileCase): string {
  return JSON.stringify(hostile, (key, value: unknown) =>
    typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value,
  );
}

async function validToken(target: RestTarget, agent: Agent): Promise<string> {
  const answer = await new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(`${target.url}/connect/token`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      timeout: requestTimeoutMs,
    });
    request.on('response', (response) => collect(response, resolve, reject));
    request.on('error', reject);
    request.end(
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: target.clientId,
        client_secret: target.clientSecret,
      }).toString(),
    );
  });
  const token = (JSON.parse(answer.body) as { access_token?: unknown }).access_token;
  if (answer.status !== 200 || typeof token !== 'string')
    throw new Error(`no token: ${answer.status} ${answer.body}`);
  return token;
}

/** The placeholders' ids, from the target's own lists (as a client finds them): the site, and its first records. */
async function knownIds(target: RestTarget, agent: Agent, token: string): Promise<Record<string, string>> {
  const firstId = async (path: string): Promise<string> => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(`${target.url}${path}`, {
        agent,
        headers: { authorization: `Bearer ${token}` },
        timeout: requestTimeoutMs,
      });
      request.on('response', (response) => collect(response, resolve, reject));
      request.on('error', reject);
      request.end();
    });
    const id = (JSON.parse(answer.body) as { items?: { id?: unknown }[] }).items?.[0]?.id;
    return typeof id === 'string' ? encodeURIComponent(id) : 'x';
  };
  const site = await firstId('/v1.2/sites');
  const records = Object.fromEntries(
    await Promise.all(
      (['lock', 'user', 'tag'] as const).map(
        async (kind) => [`{${kind}}`, await firstId(`/v1.2/sites/${site}/${kind}s`)] as const,
      ),
    ),
  );
  return { '{site}': site, ...records };
}
