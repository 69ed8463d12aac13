/**
 * `/live` is authenticated with the REST API's own tokens: without one a client is closed with 4401 and learns
 * nothing; the actor of every action is the token's user; roles decide what a connection may do; and the
 * anonymous read-only mode exists only when the server is started with it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestLive } from '../../api/rest/testing.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import type { LiveTwin } from '../../api/live-twin.ts';
import { fetchToken, liveTestClient } from '../fixtures/live-socket.ts';
import { LiveTestClient } from './live-client.ts';
import { lockIdOver, sitePathOver } from '../fixtures/connect-paths.ts';

const servers: RunningServer[] = [];
const clients: LiveTestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(
  options: { anonymousReadOnly?: boolean } = {},
): Promise<{ server: RunningServer; live: LiveTwin }> {
  const live = createTestLive();
  const server = await startServer({
    live,
    host: '127.0.0.1',
    port: 0,
    credentials: liveTestClient,
    ...options,
  });
  servers.push(server);
  return { server, live };
}

async function open(
  server: RunningServer,
  login: Parameters<typeof LiveTestClient.open>[1],
): Promise<LiveTestClient> {
  const client = await LiveTestClient.open(server.url, login);
  clients.push(client);
  return client;
}

/** What a client received besides errors: anything it could read or learn from. */
function readable(client: LiveTestClient): string[] {
  return client.messages.filter((message) => message.type !== 'error').map((message) => message.type);
}

describe('/live without a token', () => {
  it('closes a client that sends anything but auth with 4401, telling it nothing of the twin', async () => {
    const { server, live } = await serve();
    const eventsBefore = live.twin.trace.events;
    const watcher = await open(server, { anonymous: true });
    watcher.send({ type: 'subscribe' });
    expect(await watcher.waitClosed()).toBe(4401);
    const actor = await open(server, { anonymous: true });
    actor.send({ type: 'command', id: 'c1', command: { action: 'remote-open', lock: 'lock-front' } });
    expect(await actor.waitClosed()).toBe(4401);
    expect(readable(watcher)).toEqual([]);
    expect(readable(actor)).toEqual([]);
    expect(live.twin.trace.events).toBe(eventsBefore);
  });

  it('closes a bad token at once, and a client that never authenticates after the deadline', async () => {
    const { server } = await serve();
    const forged = await open(server, { token: '00000000-0000-4000-8000-000000000000' });
    expect(await forged.waitClosed()).toBe(4401);
    const silent = await open(server, { anonymous: true });
    expect(await silent.waitClosed(1_000)).toBeUndefined();
    expect(await silent.waitClosed(6_000)).toBe(4401);
    expect(silent.closeReason).toMatch(/token/);
  }, 15_000);

  it('takes the token as a first auth message instead of a subprotocol', async () => {
    const { server } = await serve();
    const token = await fetchToken(server.url, liveTestClient);
    const client = await open(server, { anonymous: true });
    client.send({ type: 'auth', token });
    client.send({ type: 'subscribe' });
    expect(await client.waitFor((message) => message.type === 'snapshot')).toBeDefined();
  });

  it('closes the connection at its next message once the token is revoked', async () => {
    const { server } = await serve();
    const token = await fetchToken(server.url, liveTestClient);
    const client = await open(server, { token });
    expect(await client.command({ action: 'pause' })).toMatchObject({ type: 'ack' });
    const revoked = await fetch(`${server.url}/connect/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(revoked.status).toBe(200);
    client.send({ type: 'command', id: 'after', command: { action: 'pause' } });
    expect(await client.waitClosed()).toBe(4401);
    expect(client.messages.some((message) => message.id === 'after')).toBe(false);
  });
});

describe('anonymous read-only mode', () => {
  it('is off by default and, when the server is started with it, lets anonymous clients watch but never act', async () => {
    const { server, live } = await serve({ anonymousReadOnly: true });
    const eventsBefore = live.twin.trace.events;
    const watcher = await open(server, { anonymous: true });
    watcher.send({ type: 'subscribe' });
    expect(await watcher.waitFor((message) => message.type === 'snapshot')).toBeDefined();
    for (const command of [
      { action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' },
      { action: 'remote-open', lock: 'lock-front' },
      { action: 'admin', op: 'block-tag', args: ['tag-anna'] },
      { action: 'advance', ms: 1_000 },
      { action: 'export' },
    ])
      expect(await watcher.command(command)).toMatchObject({ type: 'error', code: 1500 });
    expect(live.twin.trace.events).toBe(eventsBefore);
    expect(live.twin.clock.now()).toBe(0);
    expect(watcher.closeCode).toBeUndefined();
  });
});

describe('the actor is the token’s user, and roles decide', () => {
  it('refuses remote opening to a user without the permission with the same code as REST', async () => {
    const { server } = await serve();
    const token = await fetchToken(server.url, { username: 'user-daan', password: 'lockstep' });
    const site = await sitePathOver(server.url, token);
    const front = await lockIdOver(site, token, 'Front door');
    const rest = await fetch(`${site}/locks/${front}/locking`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ locked_state: 'unlocked' }),
    });
    const restError = (await rest.json()) as { ErrorCode: number };
    expect(rest.status).toBe(403);
    const daan = await open(server, { token });
    const live = await daan.command({ action: 'remote-open', lock: 'lock-front' });
    expect(live).toMatchObject({ type: 'error', code: restError.ErrorCode });
    expect(restError.ErrorCode).toBe(2203);
  });

  it('ignores no actor: a command naming one is refused, and an admin action is acted by the token’s user', async () => {
    const { server, live } = await serve();
    const daan = await open(server, { username: 'user-daan', password: 'lockstep' });
    expect(
      await daan.command({ action: 'admin', actor: 'user-anna', op: 'block-tag', args: ['tag-anna'] }),
    ).toMatchObject({ type: 'error', code: 'bad-message', path: 'command.actor' });
    expect(
      await daan.command({ action: 'remote-open', user: 'user-anna', lock: 'lock-front' }),
    ).toMatchObject({
      type: 'error',
      code: 'bad-message',
    });
    // The exploit: a new owner made over /live. As a plain user the cloud refuses it.
    const made = await daan.command({
      action: 'admin',
      op: 'core',
      args: ['addUser', { id: 'user-evil', name: 'Evil', role: 'owner' }],
    });
    expect(made).toMatchObject({ type: 'error', code: 2203 });
    expect(live.twin.cloud.state.users.has('user-evil')).toBe(false);
    const owner = await open(server, liveTestClient);
    expect(await owner.command({ action: 'admin', op: 'block-tag', args: ['tag-anna'] })).toMatchObject({
      type: 'ack',
    });
    const lastAdmin = live.exportScenario().inputs as { type: string; actor?: string }[];
    expect(lastAdmin.at(-1)).toMatchObject({ type: 'admin', actor: 'user-anna' });
  });

  it('lets a plain user watch and act on the cloud, but not drive people and faults or control time', async () => {
    const { server, live } = await serve();
    const daan = await open(server, { username: 'user-daan', password: 'lockstep' });
    daan.send({ type: 'subscribe' });
    expect(await daan.waitFor((message) => message.type === 'snapshot')).toBeDefined();
    const eventsBefore = live.twin.trace.events;
    for (const command of [
      { action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' },
      { action: 'iq-internet', iq: 'iq-1', up: false },
      { action: 'advance', ms: 1_000 },
      { action: 'speed', x: 10 },
      { action: 'resume' },
    ])
      expect(await daan.command(command)).toMatchObject({ type: 'error', code: 2203 });
    expect(live.twin.trace.events).toBe(eventsBefore);
    expect(await daan.command({ action: 'export' })).toMatchObject({ type: 'ack' });
    const owner = await open(server, liveTestClient);
    expect(await owner.command({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' })).toMatchObject(
      {
        type: 'ack',
      },
    );
    expect(await owner.command({ action: 'advance', ms: 1_000 })).toMatchObject({ type: 'ack' });
  });
});
