import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApi,
  publicIdOf,
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

async function postToken(app: TestApi['app'], body: BodyInit, headers: Record<string, string> = {}) {
  const response = await app.request('/connect/token', { method: 'POST', body, headers });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

const client = { client_id: testClient.clientId, client_secret: testClient.clientSecret };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('POST /connect/token', () => {
  it('grants client credentials as a form, as JSON and as HTTP Basic', async () => {
    const { app } = start();
    const asForm = await postToken(app, form({ grant_type: 'client_credentials', ...client }));
    expect(asForm.status).toBe(200);
    expect(asForm.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'user_api.full_access',
    });
    expect(asForm.headers.get('cache-control')).toBe('no-store');
    const json = await postToken(app, JSON.stringify({ grant_type: 'client_credentials', ...client }), {
      'content-type': 'application/json',
    });
    expect(json.status).toBe(200);
    const viaBasic = await postToken(app, form({ grant_type: 'client_credentials' }), {
      authorization: basic(testClient.clientId, testClient.clientSecret),
    });
    expect(viaBasic.status).toBe(200);
    expect(new Set([asForm.body.access_token, json.body.access_token, viaBasic.body.access_token]).size).toBe(
      3,
    );
  });

  it('acts for the site’s first owner with client credentials (GET /v1.2/me)', async () => {
    const { app, live } = start();
    const owner = [...live.twin.cloud.state.users.values()].find((user) => user.role === 'owner');
    if (owner === undefined) throw new Error('the office site has an owner');
    const me = await call(app, 'GET', '/v1.2/me', await tokenFor(app));
    expect(me).toMatchObject({
      status: 200,
      body: {
        id: publicIdOf(live, 'user', owner.id),
        first_name: owner.firstName ?? null,
        last_name: owner.lastName ?? null,
        email: owner.email ?? null,
      },
    });
    expect(Object.keys(me.body).sort()).toEqual(['email', 'first_name', 'id', 'last_name']);
  });

  it('grants a twin user with the password grant and the client’s credentials, by id or by email', async () => {
    const { app, live } = start();
    const byId = await postToken(
      app,
      form({
        grant_type: 'password',
        username: 'user-daan',
        password: 'lockstep',
        scope: 'user_api.full_access',
      }),
      { authorization: basic(testClient.clientId, testClient.clientSecret) },
    );
    expect(byId.status).toBe(200);
    const me = await call(app, 'GET', '/v1.2/me', byId.body.access_token as string);
    expect(me.body.id).toBe(publicIdOf(live, 'user', 'user-daan'));
    const byEmail = await postToken(
      app,
      form({ grant_type: 'password', username: 'ANNA.devries@example.com', password: 'lockstep', ...client }),
    );
    expect(byEmail.status).toBe(200);
    // The identity server's OpenID scopes come along from real clients: accepted, granting nothing more.
    const withOpenId = await postToken(
      app,
      form({
        grant_type: 'password',
        username: 'user-daan',
        password: 'lockstep',
        scope: 'openid user_api.full_access offline_access',
        ...client,
      }),
    );
    expect(withOpenId.body).toMatchObject({ scope: 'user_api.full_access' });
    expect(withOpenId.body).not.toHaveProperty('refresh_token');
  });

  it('refuses a password grant without the client, or with a wrong one: invalid_client, 401, WWW-Authenticate: Basic', async () => {
    const { app } = start();
    const user = { grant_type: 'password', username: 'user-daan', password: 'lockstep' };
    const cases: [URLSearchParams, Record<string, string>][] = [
      [form(user), {}],
      [form({ ...user, client_id: testClient.clientId }), {}],
      [form({ ...user, client_id: testClient.clientId, client_secret: 'nope' }), {}],
      [form({ ...user, client_id: 'someone-else', client_secret: testClient.clientSecret }), {}],
      [form(user), { authorization: basic(testClient.clientId, 'nope') }],
      [form(user), { authorization: 'Basic not base64 at all' }],
    ];
    for (const [body, headers] of cases) {
      const answer = await postToken(app, body, headers);
      expect(answer.status, body.toString()).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect(answer.body).toEqual({
        error: 'invalid_client',
        error_description: expect.any(String),
        ErrorCode: 1500,
        Message: expect.stringMatching(/^Unauthorized request/),
      });
    }
  });

  it('answers every refusal as RFC 6749 §5.2 says, with the error table’s fields beside', async () => {
    const { app } = start();
    const json = { 'content-type': 'application/json' };
    const cases: [BodyInit, Record<string, string>, number, string, number][] = [
      [
        form({ grant_type: 'password', username: 'user-daan', password: 'wrong', ...client }),
        {},
        400,
        'invalid_grant',
        1101,
      ],
      [
        form({ grant_type: 'password', username: 'nobody', password: 'lockstep', ...client }),
        {},
        400,
        'invalid_grant',
        1101,
      ],
      [form({ grant_type: 'password', username: 'user-daan', ...client }), {}, 400, 'invalid_request', 1101],
      [
        form({ grant_type: 'client_credentials', client_id: testClient.clientId, client_secret: 'nope' }),
        {},
        401,
        'invalid_client',
        1500,
      ],
      [form({ grant_type: 'client_credentials' }), {}, 401, 'invalid_client', 1500],
      [form({ grant_type: 'authorization_code', ...client }), {}, 400, 'unsupported_grant_type', 1101],
      [
        form({ grant_type: 'client_credentials', scope: 'admin_api', ...client }),
        {},
        400,
        'invalid_scope',
        1101,
      ],
      [form({}), {}, 400, 'invalid_request', 1101],
      ['{"grant_type": ', json, 400, 'invalid_request', 1100],
      ['[1]', json, 400, 'invalid_request', 1100],
      [
        JSON.stringify({ grant_type: 'password', username: 7, password: 'lockstep', ...client }),
        json,
        400,
        'invalid_request',
        1101,
      ],
      [
        form({ grant_type: 'password', username: 'u'.repeat(201), password: 'x', ...client }),
        {},
        400,
        'invalid_request',
        1101,
      ],
    ];
    for (const [body, headers, status, error, code] of cases) {
      const answer = await postToken(app, body, headers);
      expect(
        { status: answer.status, error: answer.body.error, code: answer.body.ErrorCode },
        String(body),
      ).toEqual({
        status,
        error,
        code,
      });
      expect(answer.body.error_description).toEqual(expect.any(String));
      expect(answer.body.Message).toBe(answer.body.error_description);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('bearer tokens', () => {
  it('are required on every /v1.x route (401/1500 with WWW-Authenticate)', async () => {
    const { app, live } = start();
    const locks = `${sitePathOf(live)}/locks`;
    for (const authorization of [undefined, 'Bearer', 'Bearer not-a-token', 'Basic abc', 'bearer  ']) {
      const response = await app.request(locks, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({
        ErrorCode: 1500,
        Message: expect.stringMatching(/^Unauthorized request/),
      });
    }
    expect((await call(app, 'GET', `${sitePathOf(live, 'v1.1')}/entries`, undefined)).status).toBe(401);
    expect((await call(app, 'GET', '/v1.2/me', undefined)).status).toBe(401);
    const token = await tokenFor(app);
    const response = await app.request(locks, { headers: { authorization: `bearer ${token}` } });
    expect(response.status).toBe(200);
  });

  it('expire after their lifetime in wall-clock time', async () => {
    let nowMs = 1_000_000;
    const { app } = start({ rest: { nowMs: () => nowMs } });
    const token = await tokenFor(app);
    nowMs += 3_599_999;
    expect((await call(app, 'GET', '/v1.2/sites', token)).status).toBe(200);
    nowMs += 1;
    const expired = await call(app, 'GET', '/v1.2/sites', token);
    expect(expired.status).toBe(401);
    expect(expired.body.Message).toMatch(/expired/);
  });

  it('are kept up to a bound per user: a new token replaces that same user’s oldest only', async () => {
    const { app } = start({ rest: { tokensPerUserMax: 2 } });
    const owner = await tokenFor(app);
    const first = await tokenFor(app, 'user-daan');
    const second = await tokenFor(app, 'user-daan');
    const third = await tokenFor(app, 'user-daan');
    expect((await call(app, 'GET', '/v1.2/sites', first)).status).toBe(401);
    expect((await call(app, 'GET', '/v1.2/sites', second)).status).toBe(200);
    expect((await call(app, 'GET', '/v1.2/sites', third)).status).toBe(200);
    expect((await call(app, 'GET', '/v1.2/sites', owner)).status).toBe(200);
  });

  it('stop working when their user is deleted', async () => {
    const { app, live } = start();
    const daan = await tokenFor(app, 'user-daan');
    expect((await call(app, 'GET', '/v1.2/me', daan)).status).toBe(200);
    const owner = [...live.twin.cloud.state.users.values()].find((user) => user.role === 'owner');
    live.recordingCore().deleteUser(owner?.id ?? '', 'user-daan');
    const answer = await call(app, 'GET', '/v1.2/sites', daan);
    expect(answer.status).toBe(401);
    expect(answer.body.ErrorCode).toBe(1500);
    expect((await call(app, 'GET', '/v1.2/me', daan)).status).toBe(401);
  });

  it('see only their own site: other site ids are not found', async () => {
    const { app, live } = start();
    const token = await tokenFor(app);
    const sites = await call(app, 'GET', '/v1.2/sites', token);
    expect(sites.body.items.map((site: { id: string }) => site.id)).toEqual([
      publicIdOf(live, 'site', live.twin.cloud.state.site.id),
    ]);
    const otherSite = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      `/v1.2/sites/${otherSite}`,
      `/v1.2/sites/${otherSite}/locks`,
      `/v1.1/sites/${otherSite}/entries`,
    ]) {
      expect(await call(app, 'GET', path, token)).toMatchObject({ status: 404, body: { ErrorCode: 3104 } });
    }
    // A token of another twin's API means nothing here.
    const other = createTestApi({ site: 'two-doors' });
    try {
      // two-doors has no owner or admin for the API client to act as.
      const refused = await postToken(other.app, form({ grant_type: 'client_credentials', ...client }));
      expect({ status: refused.status, error: refused.body.error, code: refused.body.ErrorCode }).toEqual({
        status: 403,
        error: 'unauthorized_client',
        code: 2203,
      });
      const otherToken = await tokenFor(other.app, other.live.spec.users[0]?.id);
      expect(await call(app, 'GET', sitePathOf(live), otherToken)).toMatchObject({
        status: 401,
        body: { ErrorCode: 1500 },
      });
      expect(await call(other.app, 'GET', sitePathOf(live), otherToken)).toMatchObject({
        status: 404,
        body: { ErrorCode: 3104 },
      });
      expect((await call(other.app, 'GET', `${sitePathOf(other.live)}/locks`, otherToken)).body.count).toBe(
        2,
      );
    } finally {
      other.stop();
    }
  });
});
