import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApi, testClient, tokenFor, type TestApi } from './testing.ts';

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

describe('POST /connect/token', () => {
  it('grants client credentials as a form, as JSON and as HTTP Basic', async () => {
    const { app } = start();
    const form = await postToken(
      app,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: testClient.clientId,
        client_secret: testClient.clientSecret,
      }),
    );
    expect(form.status).toBe(200);
    expect(form.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    expect(form.headers.get('cache-control')).toBe('no-store');
    const json = await postToken(
      app,
      JSON.stringify({
        grant_type: 'client_credentials',
        client_id: testClient.clientId,
        client_secret: testClient.clientSecret,
      }),
      { 'content-type': 'application/json' },
    );
    expect(json.status).toBe(200);
    const basic = Buffer.from(`${testClient.clientId}:${testClient.clientSecret}`).toString('base64');
    const viaBasic = await postToken(app, new URLSearchParams({ grant_type: 'client_credentials' }), {
      authorization: `Basic ${basic}`,
    });
    expect(viaBasic.status).toBe(200);
    expect(new Set([form.body.access_token, json.body.access_token, viaBasic.body.access_token]).size).toBe(
      3,
    );
  });

  it('acts for the site’s first owner with client credentials', async () => {
    const { app } = start();
    const token = await tokenFor(app);
    // Only an owner may make another owner.
    const created = await call(app, 'POST', '/v1.2/sites/office/users', token, {
      id: 'user-new-owner',
      name: 'New Owner',
      role: 'owner',
    });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('owner');
  });

  it('grants a twin user with the demo password, by id or by email', async () => {
    const { app } = start();
    expect(
      (
        await postToken(
          app,
          new URLSearchParams({ grant_type: 'password', username: 'user-daan', password: 'lockstep' }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await postToken(
          app,
          new URLSearchParams({
            grant_type: 'password',
            username: 'ANNA.devries@example.com',
            password: 'lockstep',
          }),
        )
      ).status,
    ).toBe(200);
  });

  it('refuses wrong credentials with 401/1500 and bad requests with 400', async () => {
    const { app } = start();
    const cases: [BodyInit, Record<string, string>, number, number][] = [
      [
        new URLSearchParams({ grant_type: 'password', username: 'user-daan', password: 'wrong' }),
        {},
        401,
        1500,
      ],
      [
        new URLSearchParams({ grant_type: 'password', username: 'nobody', password: 'lockstep' }),
        {},
        401,
        1500,
      ],
      [new URLSearchParams({ grant_type: 'password', username: 'user-daan' }), {}, 401, 1500],
      [
        new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: testClient.clientId,
          client_secret: 'nope',
        }),
        {},
        401,
        1500,
      ],
      [new URLSearchParams({ grant_type: 'client_credentials' }), {}, 401, 1500],
      [new URLSearchParams({ grant_type: 'authorization_code' }), {}, 400, 1101],
      [new URLSearchParams({}), {}, 400, 1101],
      ['{"grant_type": ', { 'content-type': 'application/json' }, 400, 1100],
      ['[1]', { 'content-type': 'application/json' }, 400, 1100],
      [
        JSON.stringify({ grant_type: 'password', username: 7, password: 'lockstep' }),
        { 'content-type': 'application/json' },
        400,
        1101,
      ],
    ];
    for (const [body, headers, status, code] of cases) {
      const answer = await postToken(app, body, headers);
      expect({ status: answer.status, code: answer.body.ErrorCode }).toEqual({ status, code });
      expect(answer.body.Message).toEqual(expect.any(String));
    }
  });
});

describe('bearer tokens', () => {
  it('are required on every /v1.x route (401/1500 with WWW-Authenticate)', async () => {
    const { app } = start();
    for (const authorization of [undefined, 'Bearer', 'Bearer not-a-token', 'Basic abc', 'bearer  ']) {
      const response = await app.request('/v1.2/sites/office/locks', {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({
        ErrorCode: 1500,
        Message: expect.stringMatching(/^Unauthorized request/),
      });
    }
    const entries = await call(app, 'GET', '/v1.1/sites/office/entries', undefined);
    expect(entries.status).toBe(401);
    const token = await tokenFor(app);
    const response = await app.request('/v1.2/sites/office/locks', {
      headers: { authorization: `bearer ${token}` },
    });
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
    const { app } = start();
    const owner = await tokenFor(app);
    const daan = await tokenFor(app, 'user-daan');
    expect((await call(app, 'DELETE', '/v1.2/sites/office/users/user-daan', owner)).status).toBe(204);
    const answer = await call(app, 'GET', '/v1.2/sites', daan);
    expect(answer.status).toBe(401);
    expect(answer.body.ErrorCode).toBe(1500);
  });

  it('see only their own site: other site ids are not found', async () => {
    const { app } = start();
    const token = await tokenFor(app);
    const sites = await call(app, 'GET', '/v1.2/sites', token);
    expect(sites.body.items.map((site: { id: string }) => site.id)).toEqual(['office']);
    for (const path of [
      '/v1.2/sites/two-doors',
      '/v1.2/sites/two-doors/locks',
      '/v1.2/sites/OFFICE/users',
      '/v1.1/sites/campus/entries',
    ]) {
      expect(await call(app, 'GET', path, token)).toMatchObject({ status: 404, body: { ErrorCode: 3104 } });
    }
    expect(await call(app, 'POST', '/v1.2/sites/two-doors/tags/tag-anna/block', token)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    // A token of another twin's API means nothing here.
    const other = createTestApi({ site: 'two-doors' });
    try {
      // two-doors has no owner or admin for the API client to act as.
      const client = await postToken(
        other.app,
        new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: testClient.clientId,
          client_secret: testClient.clientSecret,
        }),
      );
      expect({ status: client.status, code: client.body.ErrorCode }).toEqual({ status: 403, code: 2203 });
      const otherToken = await tokenFor(other.app, other.live.spec.users[0]?.id);
      expect(await call(app, 'GET', '/v1.2/sites/office', otherToken)).toMatchObject({
        status: 401,
        body: { ErrorCode: 1500 },
      });
      expect(await call(other.app, 'GET', '/v1.2/sites/office', otherToken)).toMatchObject({
        status: 404,
        body: { ErrorCode: 3104 },
      });
      expect((await call(other.app, 'GET', '/v1.2/sites/two-doors/locks', otherToken)).body.count).toBe(2);
    } finally {
      other.stop();
    }
  });
});
