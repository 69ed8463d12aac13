/**
 * Nothing a client sends ends the process: the reproductions (a 20,000-deep `args`, a lock at the largest
 * double then `state-at`), a twin that throws inside an input or a pacer tick (planted by a stub), and a session
 * at its input limit. Each time the clients get a clear error, the server keeps serving, and nothing refused
 * enters the session.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from 'node:net';
import { createTestLive } from '../../api/rest/testing.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { LiveTwin, sessionInputsMax } from '../../api/live-twin.ts';
import { siteScenario } from '../../scenarios/index.ts';
import { loadNamedSite, parseSiteSpec, type TwinInput } from '../../twin/index.ts';
import { fetchToken, liveTestClient } from '../fixtures/live-socket.ts';
import { LiveTestClient } from './live-client.ts';
import { lockIdOver, sitePathOver } from '../fixtures/connect-paths.ts';

const servers: RunningServer[] = [];
const clients: LiveTestClient[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(live: LiveTwin = createTestLive()): Promise<RunningServer> {
  const server = await startServer({ live, host: '127.0.0.1', port: 0, credentials: liveTestClient });
  servers.push(server);
  return server;
}

async function owner(server: RunningServer): Promise<LiveTestClient> {
  const client = await LiveTestClient.open(server.url, liveTestClient);
  clients.push(client);
  return client;
}

async function healthy(server: RunningServer): Promise<boolean> {
  const response = await fetch(`${server.url}/healthz`);
  return response.status === 200 && ((await response.json()) as { status?: string }).status === 'ok';
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe('the issue’s reproductions', () => {
  it('refuses a 20,000-deep args, keeps it out of the session, and export and state-at keep working for everyone', async () => {
    const live = createTestLive();
    const server = await serve(live);
    const alice = await owner(server);
    const bob = await owner(server);
    const inputsBefore = live.inputCount;
    const deep = `{"type":"command","id":"deep","command":{"action":"admin","op":"core","args":[${'['.repeat(20_000)}1${']'.repeat(20_000)}]}}`;
    alice.send(deep);
    const refused = await alice.waitFor((message) => message.id === 'deep');
    expect(refused).toMatchObject({ type: 'error', code: 'bad-message' });
    expect(String(refused?.message)).toMatch(/deeper than 32/);
    expect(live.inputCount).toBe(inputsBefore);
    // The same input reaching the live twin another way (REST) is refused before it is kept.
    const input = { type: 'admin', actor: 'user-anna', action: 'core', args: [nested(20_000)] } as TwinInput;
    expect(() => live.apply(input)).toThrow(/nests at most 32/);
    expect(live.inputCount).toBe(inputsBefore);
    await alice.command({ action: 'advance', ms: 5_000 });
    for (const client of [alice, bob]) {
      expect(await client.command({ action: 'export' })).toMatchObject({ type: 'ack' });
      expect(await client.command({ action: 'state-at', ms: 4_000 })).toMatchObject({
        type: 'ack',
        result: { virtualMs: 4_000 },
      });
    }
  });

  it('answers a lock at x = y = 1.797e308 and state-at 60 s with an error, and goes on serving', async () => {
    const server = await serve();
    const client = await owner(server);
    const site = structuredClone(loadNamedSite('office')) as { locks: { position: unknown }[] };
    for (const lock of site.locks) lock.position = { x: 1.7976931348623157e308, y: 1.7976931348623157e308 };
    const loaded = await client.command({
      action: 'load-timeline',
      file: { name: 'huge', site, until: '5m' },
    });
    const answer =
      loaded?.type === 'ack'
        ? await client.command({ action: 'state-at', ms: 60_000, source: 'loaded' }, 35_000)
        : loaded;
    // The site is refused as it loads (positions have bounds), or its replay fails on its own thread.
    expect(answer).toMatchObject({ type: 'error' });
    expect(['bad-message', 'twin-error']).toContain(answer?.code);
    expect(await healthy(server)).toBe(true);
    expect(await client.command({ action: 'export' })).toMatchObject({ type: 'ack' });
    expect(await client.command({ action: 'state-at', ms: 0 })).toMatchObject({ type: 'ack' });
  }, 45_000);
});

describe('an exception inside the twin ends the session, not the server', () => {
  it('a planted throwing input: every client gets session-ended and 4500, /healthz and REST still answer', async () => {
    const live = createTestLive();
    const server = await serve(live);
    const actor = await owner(server);
    const watcher = await owner(server);
    watcher.send({ type: 'subscribe' });
    await watcher.waitFor((message) => message.type === 'snapshot');
    const apply = live.twin.apply.bind(live.twin);
    vi.spyOn(live.twin, 'apply').mockImplementation((input) => {
      if (input.type === 'present-tag') throw new TypeError('planted failure');
      return apply(input);
    });
    actor.send({
      type: 'command',
      id: 'boom',
      command: { action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' },
    });
    for (const client of [actor, watcher]) {
      expect(await client.waitClosed()).toBe(4500);
      expect(client.messages.at(-1)).toMatchObject({ type: 'error', code: 'session-ended' });
      expect(String(client.messages.at(-1)?.message)).toMatch(/planted failure/);
    }
    expect(await healthy(server)).toBe(true);
    const token = await fetchToken(server.url, liveTestClient);
    const site = await sitePathOver(server.url, token);
    const front = await lockIdOver(site, token, 'Front door');
    const write = await fetch(`${site}/locks/${front}/locking`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ locked_state: 'unlocked' }),
    });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ ErrorCode: 2203 });
    const read = await fetch(`${site}/locks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    const late = await owner(server);
    expect(await late.waitClosed()).toBe(4500);
    expect(late.messages[0]).toMatchObject({ type: 'error', code: 'session-ended' });
  });

  it('a pacer tick that throws ends the session the same way; the process goes on', async () => {
    const live = createTestLive();
    const server = await serve(live);
    const watcher = await owner(server);
    watcher.send({ type: 'subscribe' });
    await watcher.waitFor((message) => message.type === 'snapshot');
    vi.spyOn(live.twin, 'runUntil').mockImplementation(() => {
      throw new RangeError('planted tick failure');
    });
    live.resume();
    expect(await watcher.waitClosed()).toBe(4500);
    expect(String(watcher.messages.at(-1)?.message)).toMatch(/planted tick failure/);
    expect(live.ended).toMatch(/planted tick failure/);
    expect(live.status().paused).toBe(true);
    expect(await healthy(server)).toBe(true);
  });
});

describe('the session input limit', () => {
  it('refuses inputs past the documented maximum: an error frame on /live, 403/2203 (never 500) on REST', async () => {
    const parsed = parseSiteSpec(loadNamedSite('office'));
    if (!parsed.ok) throw new Error('office does not load');
    // A scenario one input short of the limit, its inputs far in the future (they never run in this test).
    const inputs = Array.from({ length: sessionInputsMax - 1 }, () => ({
      atMs: 300 * 86_400_000,
      input: { type: 'close-door', door: 'door-front' } as TwinInput,
    }));
    const scenario = { ...siteScenario(parsed.spec), background: false, inputs };
    const live = new LiveTwin({ scenario, siteInput: 'office', seed: 1, speed: 1, paused: true });
    const server = await serve(live);
    const client = await owner(server);
    expect(
      await client.command({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' }),
    ).toMatchObject({
      type: 'ack',
    });
    expect(live.inputCount).toBe(sessionInputsMax);
    const refused = await client.command({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    expect(refused).toMatchObject({ type: 'error', code: 'session-full' });
    expect(String(refused?.message)).toMatch(/100000/);
    const token = await fetchToken(server.url, liveTestClient);
    const site = await sitePathOver(server.url, token);
    const front = await lockIdOver(site, token, 'Front door');
    const write = await fetch(`${site}/locks/${front}/locking`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ locked_state: 'unlocked' }),
    });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ ErrorCode: 2203 });
    expect(live.inputCount).toBe(sessionInputsMax);
    expect(await healthy(server)).toBe(true);
  }, 30_000);
});

describe('a request target the URL parser refuses', () => {
  it('answers an upgrade to // with 404 and the session goes on', async () => {
    const live = createTestLive();
    const server = await serve(live);
    const statusLine = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(
          'GET // HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        ),
      );
      let text = '';
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
    });
    expect(statusLine).toBe('HTTP/1.1 404 Not Found');
    expect(live.ended).toBeUndefined();
    expect(await healthy(server)).toBe(true);
  });
});
