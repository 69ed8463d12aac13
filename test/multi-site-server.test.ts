/**
 * Several sites on one server (`lockstep serve --site office --site annex=two-doors`), over loopback: each site is
 * its own account with its own API client, token table, twin and clock. A token of one site never reads or
 * changes another, on REST or on `/live`; the client at login picks the site (and the user within it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestLive, publicIdOf } from '../api/rest/testing.ts';
import { SiteDirectory, servedSitesMax } from '../api/rest/site-directory.ts';
import { startServer, type RunningServer } from '../api/server.ts';
import { LiveTwin } from '../api/live-twin.ts';
import { siteScenario } from '../scenarios/index.ts';
import { loadNamedSite, parseSiteSpec } from '../twin/index.ts';
import { liveProtocols } from './fixtures/live-socket.ts';
import { LiveTestClient } from './hostile/live-client.ts';
import { stopChild } from './stop-child.ts';

const officeClient = { clientId: 'office-client', clientSecret: 'office-client-secret-0123' } as const;
const annexClient = { clientId: 'annex-client', clientSecret: 'annex-client-secret-01234' } as const;
type Client = typeof officeClient | typeof annexClient;

/** The two-doors site with an owner whose email is the office owner's: one person, two accounts. */
const annexOverrides = {
  users: [
    { id: 'user-anna', name: 'Anne Bakker', email: 'anna.devries@example.com', role: 'owner' },
    { id: 'user-1', name: 'Sanne Visser' },
    { id: 'user-2', name: 'Tom de Groot' },
  ],
};

let server: RunningServer;
let office: LiveTwin;
let annex: LiveTwin;
const clients: LiveTestClient[] = [];

beforeEach(async () => {
  office = createTestLive();
  annex = createTestLive({ site: 'two-doors', overrides: annexOverrides });
  server = await startServer({
    sites: [
      { key: 'office', live: office, client: officeClient },
      { key: 'annex', live: annex, client: annexClient },
    ],
    host: '127.0.0.1',
    port: 0,
    credentials: {},
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

async function token(client: Client, user?: { username: string; password?: string }): Promise<string> {
  const answer = await login(client, user);
  if (answer.status !== 200) throw new Error(`no token: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.access_token as string;
}

async function login(
  client: { clientId: string; clientSecret: string },
  user?: { username: string; password?: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form =
    user === undefined
      ? { grant_type: 'client_credentials' }
      : { grant_type: 'password', username: user.username, password: user.password ?? 'lockstep' };
  const response = await fetch(`${server.url}/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ ...form, client_id: client.clientId, client_secret: client.clientSecret }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function get(path: string, bearer: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const siteIdOf = (live: LiveTwin): string => publicIdOf(live, 'site', live.twin.cloud.state.site.id);
const itemsOf = (body: Record<string, unknown>): Record<string, unknown>[] =>
  body.items as Record<string, unknown>[];

describe('REST on a server of two sites', () => {
  it('gives each client a token of its own site, which reads that site only', async () => {
    const officeToken = await token(officeClient);
    const annexToken = await token(annexClient);
    const officeId = siteIdOf(office);
    const annexId = siteIdOf(annex);
    expect(officeId).not.toBe(annexId);
    expect(itemsOf((await get('/v1.2/sites', officeToken)).body).map((site) => site.id)).toEqual([officeId]);
    expect(itemsOf((await get('/v1.2/sites', annexToken)).body).map((site) => site.id)).toEqual([annexId]);
    const annexLocks = await get(`/v1.2/sites/${annexId}/locks`, annexToken);
    expect(annexLocks.status).toBe(200);
    expect(itemsOf(annexLocks.body).map((lock) => lock.customer_reference)).toEqual([
      'Left door',
      'Right door',
    ]);
    // The other site's id is simply not found: the token learns nothing of it.
    for (const [path, bearer] of [
      [`/v1.2/sites/${annexId}/locks`, officeToken],
      [`/v1.2/sites/${annexId}`, officeToken],
      [`/v1.1/sites/${annexId}/entries`, officeToken],
      [`/v1.2/sites/${officeId}/users`, annexToken],
      [`/v1.2/sites/${officeId}`, annexToken],
    ] as const) {
      const answer = await get(path, bearer);
      expect(answer.status, path).toBe(404);
      expect(answer.body.ErrorCode, path).toBe(3104);
    }
    // The client acts as its own site's owner.
    expect((await get('/v1.2/me', officeToken)).body.email).toBe('anna.devries@example.com');
    expect((await get('/v1.2/me', annexToken)).body.email).toBe('anna.devries@example.com');
  });

  it('runs a change through the token’s site alone', async () => {
    const annexToken = await token(annexClient);
    const officeInputs = office.inputCount;
    const annexInputs = annex.inputCount;
    const officeUsers = office.twin.cloud.state.users.size;
    const annexUsers = annex.twin.cloud.state.users.size;
    const response = await fetch(`${server.url}/v1.2/sites/${siteIdOf(annex)}/guests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${annexToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ alias: 'Annex guest' }),
    });
    expect(response.status).toBe(201);
    expect(annex.inputCount).toBe(annexInputs + 1);
    expect(annex.twin.cloud.state.users.size).toBe(annexUsers + 1);
    expect(office.inputCount).toBe(officeInputs);
    expect(office.twin.cloud.state.users.size).toBe(officeUsers);
  });

  it('looks the password grant’s user up in the client’s site', async () => {
    const email = { username: 'anna.devries@example.com' };
    const siteOfToken = async (bearer: string): Promise<unknown[]> =>
      itemsOf((await get('/v1.2/sites', bearer)).body).map((site) => site.id);
    expect(await siteOfToken(await token(officeClient, email))).toEqual([siteIdOf(office)]);
    expect(await siteOfToken(await token(annexClient, email))).toEqual([siteIdOf(annex)]);
    // A user of the office only is unknown to the annex's client.
    const daan = await login(annexClient, { username: 'user-daan' });
    expect(daan.status).toBe(400);
    expect(daan.body.error).toBe('invalid_grant');
    expect((await login(officeClient, { username: 'user-daan' })).status).toBe(200);
    // A client id of one site with another's secret is no client.
    const mixed = await login({ clientId: officeClient.clientId, clientSecret: annexClient.clientSecret });
    expect(mixed.status).toBe(401);
    expect(mixed.body.error).toBe('invalid_client');
  });

  it('revokes a token only through its own site’s client (or by itself)', async () => {
    const annexToken = await token(annexClient);
    const annexPath = `/v1.2/sites/${siteIdOf(annex)}`;
    const revoke = (fields: Record<string, string>): Promise<Response> =>
      fetch(`${server.url}/connect/revocation`, { method: 'POST', body: new URLSearchParams(fields) });
    expect(
      (
        await revoke({
          token: annexToken,
          client_id: officeClient.clientId,
          client_secret: officeClient.clientSecret,
        })
      ).status,
    ).toBe(200);
    expect((await get(annexPath, annexToken)).status).toBe(200);
    expect((await revoke({ token: annexToken })).status).toBe(200);
    expect((await get(annexPath, annexToken)).status).toBe(401);
  });

  it('answers /healthz with each site’s own clock', async () => {
    annex.advance(60_000);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
      status: string;
      virtualMs: number;
      sites: { key: string; virtualMs: number }[];
    };
    expect(health.status).toBe('ok');
    expect(health.sites.map((site) => [site.key, site.virtualMs])).toEqual([
      ['office', office.twin.clock.now()],
      ['annex', annex.twin.clock.now()],
    ]);
    expect(annex.twin.clock.now()).toBeGreaterThan(office.twin.clock.now());
  });
});

describe('REST on a server of one spec twice', () => {
  it('keeps two sites of one spec apart: same site name, other seed, other ids, own tokens', async () => {
    const parsed = parseSiteSpec(loadNamedSite('office'));
    if (!parsed.ok) throw new Error('office does not parse');
    const scenario = { ...siteScenario(parsed.spec), background: false };
    const branch = new LiveTwin({ scenario, siteInput: 'office', seed: 2, speed: 1, paused: true });
    const twin = await startServer({
      sites: [
        { key: 'hq', live: office, client: officeClient },
        { key: 'branch', live: branch, client: annexClient },
      ],
      host: '127.0.0.1',
      port: 0,
      credentials: {},
    });
    try {
      // The twins' own site ids are the same (the spec's name): only the token tells the sites apart.
      expect(branch.twin.cloud.state.site.id).toBe(office.twin.cloud.state.site.id);
      const tokenOf = async (client: Client): Promise<string> => {
        const response = await fetch(`${twin.url}/connect/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'client_credentials', ...toFields(client) }),
        });
        return ((await response.json()) as { access_token: string }).access_token;
      };
      const read = async (path: string, bearer: string): Promise<number> =>
        (await fetch(`${twin.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } })).status;
      const hqToken = await tokenOf(officeClient);
      const branchToken = await tokenOf(annexClient);
      const branchId = siteIdOf(branch);
      expect(branchId).not.toBe(siteIdOf(office));
      expect(await read(`/v1.2/sites/${branchId}/locks`, branchToken)).toBe(200);
      expect(await read(`/v1.2/sites/${branchId}/locks`, hqToken)).toBe(404);
      expect(await read(`/v1.2/sites/${siteIdOf(office)}/users`, branchToken)).toBe(404);
    } finally {
      await twin.close();
    }
  });
});

describe('/live on a server of two sites', () => {
  async function open(login: { token: string } | { anonymous: true }, query = ''): Promise<LiveTestClient> {
    const client = await LiveTestClient.open(`${server.url}`, login, query);
    clients.push(client);
    return client;
  }

  async function snapshotLocks(client: LiveTestClient): Promise<string[]> {
    client.send({ type: 'subscribe' });
    const snapshot = await client.waitFor((message) => message.type === 'snapshot');
    const devices = snapshot?.devices as { locks: { id: string }[] } | undefined;
    return (devices?.locks ?? []).map((lock) => lock.id);
  }

  it('lets a token watch and drive its own site’s twin only', async () => {
    const officeWatcher = await open({ token: await token(officeClient) });
    const annexWatcher = await open({ token: await token(annexClient) });
    expect(await snapshotLocks(officeWatcher)).toContain('lock-front');
    expect(await snapshotLocks(annexWatcher)).toEqual(['lock-left', 'lock-right']);
    // Time is the site's own: the annex's owner moves the annex's clock, not the office's.
    const officeMs = office.twin.clock.now();
    const ack = await annexWatcher.command({ action: 'advance', ms: 30_000 });
    expect(ack?.type).toBe('ack');
    expect(annex.twin.clock.now()).toBeGreaterThanOrEqual(30_000);
    expect(office.twin.clock.now()).toBe(officeMs);
    // A lock of the other site is not a device here.
    const refused = await officeWatcher.command({ action: 'remote-open', lock: 'lock-left' });
    expect(refused?.type).toBe('error');
  });

  it('refuses a token on another site’s `?site=`, and another site’s token in an auth message', async () => {
    const officeToken = await token(officeClient);
    const annexToken = await token(annexClient);
    const status = (query: string, bearer?: string): Promise<number> =>
      new Promise((resolve) => {
        const address = `${server.url.replace('http', 'ws')}/live${query}`;
        const socket =
          bearer === undefined ? new WebSocket(address) : new WebSocket(address, liveProtocols(bearer));
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('error', () => undefined);
      });
    expect(await status('?site=annex', officeToken)).toBe(404);
    expect(await status('?site=nowhere')).toBe(404);
    expect(await status('?site=office', officeToken)).toBe(101);
    // Opened on the office without a token, a connection cannot log into the annex.
    const lobby = await open({ anonymous: true }, '?site=office');
    lobby.send({ type: 'auth', token: annexToken });
    expect(await lobby.waitClosed()).toBe(4401);
    // Named by its key, the annex takes its own token in an auth message.
    const annexLobby = await open({ anonymous: true }, '?site=annex');
    annexLobby.send({ type: 'auth', token: annexToken });
    expect(await snapshotLocks(annexLobby)).toEqual(['lock-left', 'lock-right']);
  });
});

describe('the site directory', () => {
  it('refuses to issue a token another site holds', async () => {
    const tokens = ['t-1', 't-1'];
    const live = createTestLive();
    try {
      const directory = SiteDirectory.of(
        [
          { key: 'a', live, client: officeClient },
          { key: 'b', live, client: annexClient },
        ],
        { demoPasswords: true, newToken: () => tokens.shift() ?? 'none' },
      );
      const [first, second] = directory.all;
      if (first === undefined || second === undefined) throw new Error('two sites expected');
      const state = live.twin.cloud.state;
      const grant = (client: Client) =>
        directory
          .ofClient(client.clientId)
          .auth.grant({ grant_type: 'client_credentials', ...toFields(client) }, undefined, state);
      await grant(officeClient);
      expect(directory.ofToken('t-1')).toBe(first);
      expect(directory.ofAuthorization('Bearer t-1')).toBe(first);
      await expect(grant(annexClient)).rejects.toThrow(/another site/);
      expect(second.auth.holds('t-1')).toBe(false);
      // Unknown clients and tokens go to the first site, which refuses them.
      expect(directory.ofClient('nobody')).toBe(first);
      expect(directory.ofAuthorization('Bearer t-2')).toBe(first);
    } finally {
      live.stop();
    }
  });

  it('refuses two sites with one client or one key, a bad key, and more than servedSitesMax sites', () => {
    const live = createTestLive();
    try {
      const auth = SiteDirectory.of([{ key: 'a', live, client: officeClient }], {}).first.auth;
      const site = (key: string, clientId: string) => ({ key, live, auth, clientId });
      expect(() => new SiteDirectory([site('a', 'x'), site('b', 'x')])).toThrow(/share a client id/);
      expect(() => new SiteDirectory([site('a', 'x'), site('a', 'y')])).toThrow(/two sites have the key a/);
      expect(() => new SiteDirectory([site('Bad Key', 'x')])).toThrow(/site key/);
      expect(() => new SiteDirectory([])).toThrow(/1–8 sites/);
      const many = Array.from({ length: servedSitesMax + 1 }, (_, index) => site(`s${index}`, `c${index}`));
      expect(() => new SiteDirectory(many)).toThrow(/1–8 sites/);
      expect(new SiteDirectory(many.slice(0, servedSitesMax)).all).toHaveLength(servedSitesMax);
    } finally {
      live.stop();
    }
  });
});

function toFields(client: Client): { client_id: string; client_secret: string } {
  return { client_id: client.clientId, client_secret: client.clientSecret };
}

describe('lockstep serve --site', () => {
  it('serves two sites, each with its own demo client, printed with its page', async () => {
    const child = spawn(
      process.execPath,
      ['bin/lockstep.js', 'serve', '--port', '0', '--site', 'office', '--site', 'annex=annex-site'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LOCKSTEP_CLIENT_ID: '', LOCKSTEP_CLIENT_SECRET: '' },
      },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (part: Buffer) => {
          out += part.toString('utf8');
          const match = /health\s+(http:\/\/127\.0\.0\.1:\d+)\/healthz/.exec(out);
          if (match !== null) resolve(match[1] as string);
        });
        child.on('exit', (code) => reject(new Error(`serve ended (${code})`)));
      });
      expect(out).toContain(`page           ${url}/?site=office`);
      expect(out).toContain('API client     lockstep-demo-annex');
      const tokenOf = async (key: string): Promise<number> =>
        (
          await fetch(`${url}/connect/token`, {
            method: 'POST',
            body: new URLSearchParams({
              grant_type: 'password',
              username: 'user-1',
              password: 'lockstep',
              client_id: `lockstep-demo-${key}`,
              client_secret: `lockstep-demo-${key}-secret`,
            }),
          })
        ).status;
      // user-1 is a user of the annex (the library scenario annex-site's own site), not of the office.
      expect(await tokenOf('annex')).toBe(200);
      expect(await tokenOf('office')).toBe(400);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { sites: { key: string }[] };
      expect(health.sites.map((site) => site.key)).toEqual(['office', 'annex']);
    } finally {
      await stopChild(child);
    }
  }, 60_000);

  it('names the site bound in its help', () => {
    const program = readFileSync(new URL('../bin/cli-program.ts', import.meta.url), 'utf8');
    expect(program).toContain(`(repeatable, at most ${servedSitesMax}; instead of --scenario)`);
  });

  it.each([
    {
      name: 'two sites with one key',
      flags: ['--site', 'office', '--site', 'office'],
      message: /two sites with the key office/,
    },
    {
      name: '--scenario beside --site',
      flags: ['--scenario', 'office', '--site', 'two-doors'],
      message: /--scenario and --site/,
    },
    {
      name: `${servedSitesMax + 1} sites`,
      flags: Array.from({ length: servedSitesMax + 1 }, (_, index) => ['--site', `s${index}=office`]).flat(),
      message: new RegExp(`at most ${servedSitesMax} sites`),
    },
    { name: 'a bad key', flags: ['--site', 'Bad_Key=office'], message: /site key/ },
    {
      name: 'demo clients off loopback',
      flags: ['--host', '0.0.0.0', '--site', 'office', '--site', 'b=two-doors'],
      message: /LOCKSTEP_CLIENT_ID_OFFICE/,
    },
  ])(
    'exits 2 for $name',
    ({ flags, message }) => {
      const result = spawnSync(process.execPath, ['bin/lockstep.js', 'serve', '--port', '0', ...flags], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, LOCKSTEP_CLIENT_ID_OFFICE: '' },
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    },
    30_000,
  );
});
