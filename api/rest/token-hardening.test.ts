/**
 * The token endpoints under attack: floods of wrong passwords lock the name out with back-off (429 with
 * Retry-After), one user asking for thousands of tokens cannot push another user's token out, tokens are
 * revocable, and the demo password works only where the options allow it (a password file replaces it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { authOptionsForHost, type AuthOptions } from './auth.ts';
import { parsePasswordFile } from './password-file.ts';
import { call, createTestApi, testClient, tokenFor, type TestApi } from './testing.ts';

let api: TestApi | undefined;
afterEach(() => api?.stop());

function start(rest: Partial<AuthOptions> = {}): TestApi {
  api = createTestApi({ rest });
  return api;
}

async function postForm(app: TestApi['app'], path: string, fields: Record<string, string>) {
  const response = await app.request(path, { method: 'POST', body: new URLSearchParams(fields) });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    retryAfter: response.headers.get('retry-after'),
  };
}

const password = (username: string, secret: string) => ({
  grant_type: 'password',
  username,
  password: secret,
  client_id: testClient.clientId,
  client_secret: testClient.clientSecret,
});

describe('wrong passwords', () => {
  it('lock the user name out after a few failures: 429 with Retry-After, even for the right password', async () => {
    const { app } = start({ rateLimits: { failuresMax: 3 } });
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await postForm(app, '/connect/token', password('user-daan', 'guess'))).status).toBe(400);
    const locked = await postForm(app, '/connect/token', password('user-daan', 'guess'));
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ ErrorCode: 1500, error: 'slow_down' });
    expect(Number(locked.retryAfter)).toBeGreaterThanOrEqual(1);
    const right = await postForm(app, '/connect/token', password('user-daan', 'lockstep'));
    expect(right.status).toBe(429);
    // Another user, and the same user by another name, are not affected.
    expect((await postForm(app, '/connect/token', password('user-bram', 'lockstep'))).status).toBe(200);
  });

  it('back off: each further lock-out lasts twice as long', async () => {
    const { app } = start({ rateLimits: { failuresMax: 1, lockoutSeconds: 1, lockoutSecondsMax: 60 } });
    expect((await postForm(app, '/connect/token', password('user-daan', 'guess'))).status).toBe(400);
    const first = await postForm(app, '/connect/token', password('user-daan', 'guess'));
    expect({ status: first.status, retryAfter: first.retryAfter }).toEqual({ status: 429, retryAfter: '1' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // Locked out a second time: two seconds now.
    expect((await postForm(app, '/connect/token', password('user-daan', 'guess'))).status).toBe(400);
    expect((await postForm(app, '/connect/token', password('user-daan', 'guess'))).retryAfter).toBe('2');
  });

  it('of the API client lock its client id out too', async () => {
    const { app } = start({ rateLimits: { failuresMax: 2 } });
    const wrong = { grant_type: 'client_credentials', client_id: testClient.clientId, client_secret: 'nope' };
    expect((await postForm(app, '/connect/token', wrong)).status).toBe(401);
    expect((await postForm(app, '/connect/token', wrong)).status).toBe(401);
    expect((await postForm(app, '/connect/token', wrong)).status).toBe(429);
  });

  it('of a wrong client count against that client id, not the user name the request carried', async () => {
    const { app } = start({ rateLimits: { failuresMax: 2 } });
    const wrongClient = { ...password('user-daan', 'lockstep'), client_id: 'someone-else' };
    expect((await postForm(app, '/connect/token', wrongClient)).status).toBe(401);
    expect((await postForm(app, '/connect/token', wrongClient)).status).toBe(401);
    expect((await postForm(app, '/connect/token', wrongClient)).status).toBe(429);
    // The user's password was never tried: with the right client the user is not locked out.
    expect((await postForm(app, '/connect/token', password('user-daan', 'lockstep'))).status).toBe(200);
  });

  it('2,000 in a row end in 429s, and the failure table stays bounded per address', async () => {
    const { app } = start({ rateLimits: { requestsMax: 50 } });
    const statuses = new Map<number, number>();
    for (let attempt = 0; attempt < 2_000; attempt += 1) {
      const answer = await postForm(
        app,
        '/connect/token',
        password(`user-${attempt % 7}`, `guess-${attempt}`),
      );
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    expect(statuses.get(400)).toBeLessThanOrEqual(50);
    expect(statuses.get(429)).toBeGreaterThanOrEqual(1_950);
    expect([...statuses.keys()].sort()).toEqual([400, 429]);
  });
});

describe('token caps', () => {
  it('a plain user issuing 10,000 tokens does not push the owner’s token out', async () => {
    const { app } = start({ rateLimits: { requestsMax: 20_000, requestsMaxAll: 20_000 } });
    const owner = await tokenFor(app);
    let last = '';
    for (let index = 0; index < 10_000; index += 1) last = await tokenFor(app, 'user-daan');
    expect((await call(app, 'GET', '/v1.2/sites', owner)).status).toBe(200);
    expect((await call(app, 'GET', '/v1.2/sites', last)).status).toBe(200);
  }, 60_000);

  it('when the table is full of other users’ live tokens, a newcomer waits (429) and nobody is evicted', async () => {
    const { app } = start({ tokensMax: 2, tokensPerUserMax: 1 });
    const owner = await tokenFor(app);
    const daan = await tokenFor(app, 'user-daan');
    const bram = await postForm(app, '/connect/token', password('user-bram', 'lockstep'));
    expect(bram.status).toBe(429);
    expect(Number(bram.retryAfter)).toBeGreaterThan(3_000);
    expect((await call(app, 'GET', '/v1.2/sites', owner)).status).toBe(200);
    expect((await call(app, 'GET', '/v1.2/sites', daan)).status).toBe(200);
    // Daan's next token replaces Daan's own.
    const again = await tokenFor(app, 'user-daan');
    expect((await call(app, 'GET', '/v1.2/sites', daan)).status).toBe(401);
    expect((await call(app, 'GET', '/v1.2/sites', again)).status).toBe(200);
  });

  it('expired tokens make room first', async () => {
    let nowMs = 0;
    const { app } = start({ tokensMax: 1, nowMs: () => nowMs });
    await tokenFor(app);
    nowMs += 3_600_000;
    expect(await tokenFor(app, 'user-daan')).toEqual(expect.any(String));
  });
});

describe('POST /connect/revocation', () => {
  it('revokes a token at once; unknown tokens answer 200 too', async () => {
    const { app } = start();
    const daan = await tokenFor(app, 'user-daan');
    const owner = await tokenFor(app);
    expect(await postForm(app, '/connect/revocation', { token: daan })).toEqual({
      status: 200,
      body: {},
      retryAfter: null,
    });
    expect((await call(app, 'GET', '/v1.2/sites', daan)).status).toBe(401);
    expect((await call(app, 'GET', '/v1.2/sites', owner)).status).toBe(200);
    expect((await postForm(app, '/connect/revocation', { token: 'no-such-token' })).status).toBe(200);
    expect((await postForm(app, '/connect/revocation', { token: daan })).status).toBe(200);
  });

  it('checks client credentials when they are sent, and needs a token', async () => {
    const { app } = start();
    const owner = await tokenFor(app);
    const wrong = await postForm(app, '/connect/revocation', {
      token: owner,
      client_id: testClient.clientId,
      client_secret: 'nope',
    });
    expect({ status: wrong.status, error: wrong.body.error, code: wrong.body.ErrorCode }).toEqual({
      status: 401,
      error: 'invalid_client',
      code: 1500,
    });
    expect((await call(app, 'GET', '/v1.2/sites', owner)).status).toBe(200);
    const missing = await postForm(app, '/connect/revocation', {});
    expect({ status: missing.status, error: missing.body.error, code: missing.body.ErrorCode }).toEqual({
      status: 400,
      error: 'invalid_request',
      code: 1101,
    });
    const right = await postForm(app, '/connect/revocation', { token: owner, ...clientFields() });
    expect(right.status).toBe(200);
    expect((await call(app, 'GET', '/v1.2/sites', owner)).status).toBe(401);
  });
});

function clientFields() {
  return { client_id: testClient.clientId, client_secret: testClient.clientSecret };
}

describe('the demo password', () => {
  it('opens no account unless allowed', async () => {
    const { app } = start({ demoPasswords: false });
    const refused = await postForm(app, '/connect/token', password('user-daan', 'lockstep'));
    expect({ status: refused.status, error: refused.body.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    expect(
      (await postForm(app, '/connect/token', { grant_type: 'client_credentials', ...clientFields() })).status,
    ).toBe(200);
  });

  it('is allowed on loopback hosts only, and never beside a password file', () => {
    const base = { ...testClient };
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.8.9.10'])
      expect(authOptionsForHost(base, host).demoPasswords, host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'lockstep.example.com', '127.0.0.1.example.com'])
      expect(authOptionsForHost({ ...base, demoPasswords: true }, host).demoPasswords, host).toBe(false);
    const book = parsePasswordFile('user-daan:a long password');
    if (!book.ok) throw new Error(book.errors.join('\n'));
    expect(authOptionsForHost({ ...base, userPasswords: book.book }, '127.0.0.1').demoPasswords).toBe(false);
  });

  it('gives way to the password file: its users with their passwords, by id or email, nobody else', async () => {
    const book = parsePasswordFile(
      JSON.stringify({ 'user-daan': 'daan password 1', 'Anna.DeVries@example.com': 'anna password 1' }),
    );
    if (!book.ok) throw new Error(book.errors.join('\n'));
    const { app } = start({ userPasswords: book.book, demoPasswords: false });
    expect((await postForm(app, '/connect/token', password('user-daan', 'daan password 1'))).status).toBe(
      200,
    );
    expect((await postForm(app, '/connect/token', password('user-anna', 'anna password 1'))).status).toBe(
      200,
    );
    expect(
      (await postForm(app, '/connect/token', password('anna.devries@example.com', 'anna password 1'))).status,
    ).toBe(200);
    expect((await postForm(app, '/connect/token', password('user-daan', 'lockstep'))).status).toBe(400);
    expect((await postForm(app, '/connect/token', password('user-bram', 'lockstep'))).status).toBe(400);
    expect((await postForm(app, '/connect/token', password('user-daan', 'anna password 1'))).status).toBe(
      400,
    );
  });
});
