/**
 * No 500s: garbage thrown at every route (bad JSON, wrong types, huge numbers, unicode, odd ids, missing and broken
 * headers, broken query options) answers a 4xx in the `{ErrorCode, Message}` shape, and nothing reaches stderr.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorTable } from '../../twin/index.ts';
import { createRouteTable } from './app.ts';
import { isStatusOfCode } from './errors.ts';
import { createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let token: string;
let daan: string;
/** The site's UUID, as paths take it. */
let site: string;
/** Path parameters by name: the public ids of real records, so requests get past the lookups. */
let knownIds: Record<string, string>;
// Silenced: the last test logs on purpose; the others must not log at all.
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  api = createTestApi();
  token = await tokenFor(api.app);
  daan = await tokenFor(api.app, 'user-daan');
  site = sitePathOf(api.live).split('/').at(-1) as string;
  knownIds = {
    site_id: site,
    lock_id: publicIdOf(api.live, 'lock', 'lock-front'),
    user_id: publicIdOf(api.live, 'site-user', 'user-7'),
    tag_id: publicIdOf(api.live, 'tag', 'tag-7'),
    access_group_id: publicIdOf(api.live, 'access-group', 'group-staff'),
    iq_id: publicIdOf(api.live, 'iq', 'iq-1'),
  };
});
afterAll(() => api.stop());
beforeEach(() => errors.mockClear());
afterEach(() => expect(errors).not.toHaveBeenCalled());

const routes = createRouteTable(() => ({ openapi: '3.1.0', info: {}, paths: {}, components: {} }));

const idValues = [
  'office',
  'lock-front',
  'user-daan',
  '',
  ' ',
  '%00',
  '%E0%A4%A',
  '..',
  '%2F..%2Fetc',
  'ü̈ñíçødé',
  '😀😀',
  'x'.repeat(2_000),
  '99999999999999999999999',
  '-1',
  'null',
  '__proto__',
  'constructor',
  "'; drop table users; --",
  '%F0%9F%92%A9',
];

const bodies: (string | undefined)[] = [
  undefined,
  '',
  ' ',
  '{',
  '{"a":',
  'null',
  'true',
  '42',
  '"text"',
  '[]',
  '[{"id":"x"}]',
  '{}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {}}}',
  '{"id": 1e400, "name": -1e400}',
  '{"id": "user-x", "name": "X", "pin": 123456}',
  '{"locked_state": "unlocked"}',
  '{"locked_state": null}',
  '{"open_time_ms": 1e308}',
  '{"open_time_ms": -0}',
  '{"eom_schedules": [{"weekdays": [1e400], "start": "x", "end": "y"}]}',
  '{"time_schedules": "always"}',
  '{"user_ids": [1, 2, 3]}',
  '{"user_ids": "user-daan"}',
  '{"lock_ids": [null]}',
  '{"pin": {"$ne": null}}',
  '{"guest_limit": 1e20, "id": "p", "name": "p", "member_ids": []}',
  `{"name": "${'é'.repeat(10_000)}"}`,
  `{"user_ids": [${Array.from({ length: 5_000 }, () => '"u"').join(',')}]}`,
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `{"a": ${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}}`,
  '\u0000\u0001\u0002',
  '\uFEFF{"locked_state":"unlocked"}',
  'grant_type=password&username=user-anna&password=lockstep',
];

const queries = [
  '',
  '?$top=0',
  '?$top=1e999',
  '?$skip=-5',
  '?$filter=%27',
  '?$filter=%E0%A4%A',
  '?$filter=' + encodeURIComponent('('.repeat(500)),
  '?$orderby=,,,',
  '?$select=*',
  '?$filter=name%20eq%20%27%00%27',
  '?continuation_token=%FF%FE',
  '?$top=5&$top=abc',
];

const headerSets: (Record<string, string> | 'token' | 'plain-user')[] = [
  'token',
  'plain-user',
  {},
  { authorization: 'Bearer' },
  { authorization: 'Bearer \u00e9\u00e9' },
  { authorization: 'Basic Og==' },
  { authorization: `Bearer ${'x'.repeat(10_000)}` },
  { 'content-type': 'text/plain' },
  { 'content-length': '99999999999' },
];

function concretePath(path: string, pick: (name: string) => string): string {
  return path.replace(/\{([a-z_]+)\}/g, (_match, name: string) => pick(name));
}

async function expectWellFormed(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<void> {
  const init: RequestInit = { method, headers };
  if (body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = body;
  let response: Response;
  try {
    response = await api.app.request(url, init);
  } catch (error) {
    // A request the Fetch API itself refuses to build (a header value it cannot carry) never reaches the app.
    if (error instanceof TypeError) return;
    throw error;
  }
  const where = `${method} ${url.slice(0, 120)} ${JSON.stringify(headers).slice(0, 80)} ${String(body).slice(0, 60)}`;
  expect(response.status, where).not.toBe(500);
  if (response.status < 400 || method === 'HEAD') return;
  const answer = (await response.json()) as Record<string, unknown>;
  // A 429, and any refusal of the identity endpoints but 413, carries OAuth2's `error` / `error_description`
  // beside the table's two fields.
  const identity = /\/connect\/(token|revocation)$/.test(new URL(url, 'http://x').pathname);
  const fields =
    response.status === 429 || (identity && response.status !== 413)
      ? ['ErrorCode', 'Message', 'error', 'error_description']
      : ['ErrorCode', 'Message'];
  expect(Object.keys(answer).sort(), where).toEqual(fields);
  expect(typeof answer.Message, where).toBe('string');
  const code = answer.ErrorCode as keyof typeof errorTable;
  expect(errorTable[code], where).toBeDefined();
  expect(isStatusOfCode(response.status, code), `${where}: ${response.status}/${code}`).toBe(true);
}

function headersFor(set: (typeof headerSets)[number]): Record<string, string> {
  if (set === 'token') return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (set === 'plain-user') return { authorization: `Bearer ${daan}`, 'content-type': 'application/json' };
  return set;
}

describe('garbage at every route', () => {
  it('answers every bad body with a 4xx in the error shape', async () => {
    for (const route of routes) {
      const url = concretePath(route.path, (name) => knownIds[name] ?? 'x');
      for (const body of bodies)
        await expectWellFormed(route.method.toUpperCase(), url, headersFor('token'), body);
    }
  });

  it('answers odd ids, queries and headers with a 4xx in the error shape', async () => {
    for (const route of routes) {
      for (const id of idValues)
        await expectWellFormed(
          route.method.toUpperCase(),
          concretePath(route.path, (name) => (name === 'site_id' ? site : id)),
          headersFor('token'),
          '{}',
        );
      await expectWellFormed(
        route.method.toUpperCase(),
        concretePath(route.path, () => '%E0%A4%A'),
        headersFor('token'),
        '{}',
      );
      for (const query of queries)
        await expectWellFormed(
          route.method.toUpperCase(),
          concretePath(route.path, (name) => knownIds[name] ?? 'x') + query,
          headersFor('token'),
          '{}',
        );
      for (const headers of headerSets)
        await expectWellFormed(
          route.method.toUpperCase(),
          concretePath(route.path, (name) => knownIds[name] ?? 'x'),
          headersFor(headers),
          '{"x":1}',
        );
    }
    for (const method of ['OPTIONS', 'HEAD', 'PUT', 'TRACE', 'PROPFIND'])
      await expectWellFormed(method, `${sitePathOf(api.live)}/locks`, headersFor('token'), undefined);
    for (const path of [
      '/v1.2',
      '/v1.2/',
      '/v1.2/nope',
      '/v1.1/sites',
      '/v1.3/sites',
      '/connect/authorize',
      '/identity/connect/authorize',
      '/v1.2/sites/office',
      `${sitePathOf(api.live)}/locks/${knownIds.lock_id}/locking/extra`,
      `${sitePathOf(api.live)}/entries`,
    ]) {
      await expectWellFormed('GET', path, headersFor('token'), undefined);
    }
  });

  it('answers random JSON at random routes with a 4xx in the error shape (or a success)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((value) =>
            JSON.stringify({
              user_ids: value,
              locked_state: value,
              time_schedules: value,
              open_time_ms: value,
            }),
          ),
        ),
        fc.constantFrom<(typeof headerSets)[number]>('token', 'plain-user', {}),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        async (route, body, headers, id) => {
          const url = concretePath(route.path, (name) =>
            name === 'site_id' ? site : encodeURIComponent(id),
          );
          await expectWellFormed(route.method.toUpperCase(), url, headersFor(headers), body);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses JSON nested too deep or holding a number no double holds: 400/1100 naming where', async () => {
    const send = (body: string) =>
      api.app.request(`${sitePathOf(api.live)}/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
    const deep = await send(`{"name": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toEqual({
      ErrorCode: 1100,
      Message: expect.stringMatching(
        /^The request received is invalid \(name(\[0\])+: is nested deeper than 64 levels/,
      ),
    });
    const huge = await send(`{"id": "user-x", "name": "X", "pin": 1${'0'.repeat(400)}}`);
    expect(huge.status).toBe(400);
    expect(await huge.json()).toEqual({
      ErrorCode: 1100,
      Message: expect.stringMatching(/\(pin: is a number too large to hold/),
    });
  });

  it('turns an unexpected failure into 500/2201 without details, and logs it', async () => {
    const broken = createTestApi();
    try {
      const owner = await tokenFor(broken.app);
      broken.live.twin.cloud.core.getSite = () => {
        throw new TypeError('secret internal detail');
      };
      const response = await broken.app.request('/v1.2/sites', {
        headers: { authorization: `Bearer ${owner}` },
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ ErrorCode: 2201, Message: errorTable[2201].message });
      expect(errors).toHaveBeenCalledTimes(1);
      errors.mockClear();
    } finally {
      broken.stop();
    }
  });
});
