/**
 * Paths and methods as the service answers them: 405 with `Allow` for a known path and a method it does not
 * serve (never 404), `/v1.2/.../entries` known but served on `/v1.1` only, `/v2/...` 403 with an RFC 7807
 * problem, and the identity endpoints at the root and under the identity prefix.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRestApp, createRouteTable } from './app.ts';
import { pathParameters, type HttpMethod } from './route-table.ts';
import {
  call,
  createTestApi,
  createTestLive,
  sitePathOf,
  testClient,
  tokenFor,
  type TestApi,
} from './testing.ts';

let api: TestApi | undefined;
afterEach(() => api?.stop());

function start(rest: Parameters<typeof createTestApi>[0] = {}): TestApi {
  api = createTestApi(rest);
  return api;
}

const methods: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
const someUuid = '0f0f0f0f-1111-4222-8333-444444444444';

/** A concrete path of a route path: the site's UUID for `site_id`, some UUID for every other parameter. */
function concrete(path: string, siteUuid: string): string {
  let result = path;
  for (const name of pathParameters(path))
    result = result.replace(`{${name}}`, name === 'site_id' ? siteUuid : someUuid);
  return result;
}

/** Whether `url` is one of `path`'s concrete paths (a parameter is one segment, as in the routes). */
function matches(path: string, url: string): boolean {
  const pattern = path
    .split(/\{[a-z_]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${pattern}$`).test(url);
}

function allowOf(response: { headers: Headers }): string[] {
  return (response.headers.get('allow') ?? '')
    .split(',')
    .map((method) => method.trim())
    .filter(Boolean);
}

describe('a known path with a method it does not serve', () => {
  it('answers 405 with Allow and a table body on every path of the route table, never 404', async () => {
    const { app, live } = start();
    const table = createRouteTable(() => ({ openapi: '3.1.0', info: {}, paths: {}, components: {} }));
    const served = new Map<string, Set<HttpMethod>>();
    for (const route of table)
      served.set(route.path, (served.get(route.path) ?? new Set()).add(route.method));
    const siteUuid = sitePathOf(live).split('/').at(-1) as string;
    let checked = 0;
    for (const [path, own] of served) {
      const url = concrete(path, siteUuid);
      // A method another route serves on this very path (`/outbox` is also a `{rule_id}`) is not wrong.
      const servedHere = (method: HttpMethod) =>
        table.some((route) => route.method === method && matches(route.path, url));
      for (const method of methods.filter((candidate) => !servedHere(candidate))) {
        const answer = await call(app, method.toUpperCase(), url, undefined);
        expect({ path, method, status: answer.status }).toEqual({ path, method, status: 405 });
        expect(answer.body).toEqual({ ErrorCode: 1100, Message: expect.stringContaining(url) });
        const allow = allowOf(answer);
        for (const each of own) expect(allow, `${method} ${path}`).toContain(each.toUpperCase());
        expect(allow).not.toContain(method.toUpperCase());
        if (own.has('get')) expect(allow).toContain('HEAD');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('serves /v1.2/sites/{site_id}/entries with no method: 405 pointing at /v1.1, even for GET', async () => {
    const { app, live } = start();
    const token = await tokenFor(app);
    for (const method of ['GET', 'POST', 'DELETE']) {
      const answer = await call(app, method, `${sitePathOf(live, 'v1.2')}/entries`, token);
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('');
      expect(answer.body.Message).toContain('/v1.1/sites/{site_id}/entries');
    }
    expect((await call(app, 'GET', `${sitePathOf(live, 'v1.1')}/entries`, token)).status).toBe(200);
  });

  it('still answers the served method, and unknown paths stay 404/3104', async () => {
    const { app, live } = start();
    const token = await tokenFor(app);
    expect((await call(app, 'GET', '/v1.2/sites', token)).status).toBe(200);
    expect((await call(app, 'HEAD', '/v1.2/sites', token)).status).toBe(200);
    for (const path of ['/v1.2/nothing', `${sitePathOf(live)}/nothing`, '/v1.3/sites', '/connect/nothing']) {
      expect(await call(app, 'GET', path, token)).toMatchObject({ status: 404, body: { ErrorCode: 3104 } });
    }
  });
});

describe('/v2 permission endpoints', () => {
  it('answer 403 with an RFC 7807 problem, whatever the method', async () => {
    const { app } = start();
    const token = await tokenFor(app);
    for (const [method, path] of [
      ['GET', '/v2/permissions'],
      ['POST', '/v2/sites/x/permissions'],
      ['GET', '/v2'],
    ] as const) {
      const response = await app.request(path, { method, headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toEqual({
        type: expect.stringMatching(/^https?:\/\//),
        title: 'Forbidden',
        status: 403,
        detail: expect.stringContaining(path),
      });
    }
  });
});

describe('the identity endpoints under a prefix', () => {
  const clientForm = {
    grant_type: 'client_credentials',
    client_id: testClient.clientId,
    client_secret: testClient.clientSecret,
  };

  async function token(app: TestApi['app'], path: string, fields: Record<string, string> = clientForm) {
    const response = await app.request(path, { method: 'POST', body: new URLSearchParams(fields) });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, string>,
      headers: response.headers,
    };
  }

  it('answer at /identity/connect/token and /identity/connect/revocation by default, as at the root', async () => {
    const { app, live } = start();
    const issued = await token(app, '/identity/connect/token');
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const bearer = issued.body.access_token as string;
    expect((await call(app, 'GET', sitePathOf(live), bearer)).status).toBe(200);
    const refused = await token(app, '/identity/connect/token', { ...clientForm, client_secret: 'nope' });
    expect({ status: refused.status, error: refused.body.error }).toEqual({
      status: 401,
      error: 'invalid_client',
    });
    expect((await token(app, '/identity/connect/revocation', { token: bearer })).status).toBe(200);
    expect((await call(app, 'GET', sitePathOf(live), bearer)).status).toBe(401);
    expect((await call(app, 'GET', '/identity/connect/token', undefined)).status).toBe(405);
    expect((await call(app, 'POST', '/identity/connect/other', undefined)).status).toBe(404);
  });

  it('answer under a configured prefix, and only at the root with an empty one', async () => {
    const custom = start({ rest: { identityPrefix: '/auth/idp' } });
    expect((await token(custom.app, '/auth/idp/connect/token')).status).toBe(200);
    expect((await token(custom.app, '/connect/token')).status).toBe(200);
    expect((await token(custom.app, '/identity/connect/token')).status).toBe(404);
    custom.stop();
    const none = start({ rest: { identityPrefix: '' } });
    expect((await token(none.app, '/connect/token')).status).toBe(200);
    expect((await token(none.app, '/identity/connect/token')).status).toBe(404);
  });

  it('refuses a prefix that is not a plain path, or would hide the API', () => {
    const live = createTestLive();
    try {
      for (const identityPrefix of ['identity', '/identity/', '/a b', '/v1.2', '/connect', '/x/../y', '//x'])
        expect(() => createRestApp(live, { ...testClient, identityPrefix }), identityPrefix).toThrow(
          RangeError,
        );
    } finally {
      live.stop();
    }
  });
});
