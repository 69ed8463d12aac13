/**
 * The integrator's story, over a real loopback server: log in, list locks with $filter, open a door remotely,
 * read the entry back, switch the IQ offline over the WebSocket, and get 3105 for the next remote opening.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LiveTwin } from '../api/live-twin.ts';
import { startServer, type RunningServer } from '../api/server.ts';
import { siteScenario } from '../scenarios/index.ts';
import { loadNamedSite, parseSiteSpec } from '../twin/index.ts';
import { lockIdOver, sitePathOver } from './fixtures/connect-paths.ts';

let server: RunningServer;

beforeAll(async () => {
  const parsed = parseSiteSpec(loadNamedSite('office'));
  if (!parsed.ok) throw new Error('office site is invalid');
  const live = new LiveTwin({
    scenario: { ...siteScenario(parsed.spec), background: false },
    siteInput: 'office',
    seed: 1,
    speed: 1,
    paused: true,
  });
  server = await startServer({
    live,
    host: '127.0.0.1',
    port: 0,
    credentials: { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' },
  });
});

afterAll(async () => {
  await server.close();
});

function command(
  socket: WebSocket,
  id: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${id}`)), 10_000);
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.id !== id) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'command', id, command: body }));
  });
}

describe('an integration script against the live twin', () => {
  it('logs in, filters locks, opens remotely, reads the entry, and gets 3105 once the IQ is offline', async () => {
    const tokenResponse = await fetch(`${server.url}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=user-anna&password=lockstep&client_id=lockstep-demo&client_secret=lockstep-demo-secret',
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const api = await sitePathOver(server.url, token);
    const front = await lockIdOver(api, token, 'Front door');

    const filter = encodeURIComponent("startswith(customer_reference,'Front') and online eq true");
    const locks = (await (await fetch(`${api}/locks?$filter=${filter}`, { headers: auth })).json()) as {
      items: { id: string }[];
      count: number;
      next_page_link: string | null;
    };
    expect(locks.items.map((lock) => lock.id)).toEqual([front]);
    expect(locks.count).toBe(1);

    const opening = await fetch(`${api}/locks/${front}/locking`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ locked_state: 'unlocked' }),
    });
    expect(opening.status).toBe(200);

    // The same token on /live, as a subprotocol beside the protocol's own.
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/live`, [
      'lockstep-live',
      `bearer.${token}`,
    ]);
    await new Promise((resolve) => socket.once('open', resolve));
    expect((await command(socket, 'advance', { action: 'step', ms: 10_000 })).type).toBe('ack');

    const entryFilter = encodeURIComponent(`lock_id eq '${front}' and access_by eq 'remote'`);
    const entries = (await (
      await fetch(`${await sitePathOver(server.url, token, 'v1.1')}/entries?$filter=${entryFilter}`, {
        headers: auth,
      })
    ).json()) as { items: { event_category: string; user_id: string }[] };
    const me = (await (await fetch(`${server.url}/v1.2/me`, { headers: auth })).json()) as { id: string };
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]).toMatchObject({ event_category: 'lock_opened', user_id: me.id });

    expect((await command(socket, 'offline', { action: 'iq-internet', iq: 'iq-1', up: false })).type).toBe(
      'ack',
    );
    const refused = await fetch(`${api}/locks/${front}/locking`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ locked_state: 'unlocked' }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ErrorCode: 3105 });

    // REST changes are inputs too: block a tag over REST, export over the WebSocket, replay in a fresh process.
    const tags = (await (
      await fetch(`${api}/tags?$filter=${encodeURIComponent("customer_reference eq 'tag-bram'")}`, {
        headers: auth,
      })
    ).json()) as { items: { id: string }[] };
    expect(
      (await fetch(`${api}/tags/${tags.items[0]?.id}/block`, { method: 'POST', headers: auth })).status,
    ).toBeLessThan(300);
    expect((await command(socket, 'later', { action: 'step', ms: 60_000 })).type).toBe('ack');
    const exported = await command(socket, 'export', { action: 'export' });
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-export-'));
    const file = join(dir, 'session.json');
    writeFileSync(file, JSON.stringify(exported.result));
    const replay = spawnSync(
      process.execPath,
      [join(process.cwd(), 'bin/lockstep.js'), 'replay', file, '--json'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const replayed = JSON.parse(replay.stdout) as {
      reproduced: boolean;
      traceHash: string;
      expectedHash: string;
    };
    expect(replayed.reproduced).toBe(true);
    expect(replayed.traceHash).toBe(replayed.expectedHash);
    socket.close();
  });
});
