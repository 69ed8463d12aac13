/**
 * The live protocol end to end: a real server (`startServer`) on a free loopback port, real `ws` clients, a
 * paused live twin driven by commands. Every message a client receives is checked against the protocol's
 * schemas (the ones docs/protocol.md shows), and `seq` against its rule.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openLiveSocket, type LiveLogin } from './fixtures/live-socket.ts';
import { serverMessageSchema, snapshotMessageSchema } from '../api/live/protocol.ts';
import { LiveTwin } from '../api/live-twin.ts';
import { startServer, type RunningServer } from '../api/server.ts';
import { loadNamedScenario, siteScenario } from '../scenarios/index.ts';
import { errorTable, loadNamedSite, parseSiteSpec } from '../twin/index.ts';

type Message = Record<string, unknown> & { readonly type: string };

const cli = join(process.cwd(), 'bin/lockstep.js');

/** A `ws` client that keeps every message, checks each against the schemas, and waits for the ones asked for. */
class Client {
  readonly messages: Message[] = [];
  readonly invalid: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private nextId = 1;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const text = String(data);
      const message = JSON.parse(text) as Message;
      const checked = serverMessageSchema.safeParse(message);
      if (!checked.success)
        this.invalid.push(`${text.slice(0, 300)}: ${checked.error.message.slice(0, 300)}`);
      this.messages.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(url: string, login?: LiveLogin): Promise<Client> {
    return new Client(await openLiveSocket(url, login));
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message (from `from` on) that satisfies `match`, waiting for it up to `timeoutMs`. */
  async waitFor(
    match: (message: Message) => boolean,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<Message> {
    const deadline = Date.now() + (options.timeoutMs ?? 5_000);
    for (;;) {
      const found = this.messages.slice(options.from ?? 0).find(match);
      if (found !== undefined) return found;
      const leftMs = deadline - Date.now();
      if (leftMs <= 0)
        throw new Error(
          `no such message; got ${JSON.stringify(this.messages.map((message) => message.type))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, leftMs);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a command and returns its answer (`ack` or `error` with the same id). */
  async command(command: Record<string, unknown>): Promise<Message> {
    const id = `c${this.nextId++}`;
    const from = this.messages.length;
    this.send({ type: 'command', id, command });
    return this.waitFor(
      (message) => (message.type === 'ack' || message.type === 'error') && message.id === id,
      { from },
    );
  }

  async subscribe(filter?: Record<string, unknown>): Promise<Message> {
    const from = this.messages.length;
    this.send(filter === undefined ? { type: 'subscribe' } : { type: 'subscribe', filter });
    return this.waitFor((message) => message.type === 'snapshot' || message.type === 'error', { from });
  }

  /** Stream messages (they carry `seq`) in order. */
  stream(): Message[] {
    return this.messages.filter((message) => typeof message.seq === 'number');
  }

  close(): void {
    this.socket.close();
  }
}

const servers: RunningServer[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function officeMorning(): LiveTwin {
  const loaded = loadNamedScenario('office-morning');
  if (loaded === undefined || !loaded.ok) throw new Error('office-morning does not load');
  return new LiveTwin({ scenario: loaded.value, siteInput: 'office', seed: 1, speed: 1, paused: true });
}

function officeSite(): LiveTwin {
  const parsed = parseSiteSpec(loadNamedSite('office'));
  if (!parsed.ok) throw new Error('office does not load');
  return new LiveTwin({
    scenario: siteScenario(parsed.spec),
    siteInput: 'office',
    seed: 1,
    speed: 1,
    paused: true,
  });
}

async function serve(live: LiveTwin): Promise<RunningServer> {
  const server = await startServer({
    live,
    host: '127.0.0.1',
    port: 0,
    credentials: { clientId: 'x', clientSecret: 'y' },
  });
  servers.push(server);
  return server;
}

/** A client logged in as the API client (the site's first owner, user-anna), or as `login` says. */
async function connect(server: RunningServer, login?: LiveLogin): Promise<Client> {
  const client = await Client.connect(server.url, login);
  clients.push(client);
  return client;
}

/** `seq` is 1 for the first snapshot, then consecutive; every message matches its schema. */
function expectWellFormed(client: Client): void {
  expect(client.invalid).toEqual([]);
  const seqs = client.stream().map((message) => message.seq as number);
  expect(seqs[0]).toBe(1);
  seqs.forEach((seq, index) => expect(seq).toBe(index + 1));
}

describe('live protocol: subscribe and the stream', () => {
  it('answers a subscription with a snapshot of the site (seq 1) and its status', async () => {
    const server = await serve(officeMorning());
    const client = await connect(server);
    const snapshot = await client.subscribe();
    expect(snapshotMessageSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({ type: 'snapshot', seq: 1, virtualMs: 0 });
    const devices = snapshot.devices as {
      locks: { id: string; bolt: string }[];
      iqs: { id: string }[];
      repeaters: { id: string }[];
    };
    expect(devices.locks.map((lock) => lock.id)).toContain('lock-front');
    expect(devices.locks.find((lock) => lock.id === 'lock-front')?.bolt).toBe('locked');
    expect(devices.iqs.map((iq) => iq.id)).toEqual(['iq-1']);
    expect(devices.repeaters.map((repeater) => repeater.id)).toEqual(['rep-1']);
    expect(snapshot.status).toMatchObject({ paused: true, virtualMs: 0 });
    expectWellFormed(client);
  });

  it('a tag presented and time advanced: the audit event, the delta of the lock unlocking, then the ack', async () => {
    const server = await serve(officeMorning());
    const client = await connect(server);
    await client.subscribe();
    const presented = await client.command({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    expect(presented).toMatchObject({ type: 'ack', result: { appliedAtMs: 0 } });
    const from = client.messages.length;
    const advanced = await client.command({ action: 'advance', ms: 2_000 });
    expect(advanced).toMatchObject({ type: 'ack', result: { virtualMs: 2_000, paused: true } });
    const after = client.messages.slice(from);
    const audit = after.findIndex(
      (message) =>
        message.type === 'event' && message.kind === 'lock.audit' && message.device === 'lock-front',
    );
    const unlocked = after.findIndex(
      (message) =>
        message.type === 'delta' &&
        message.device === 'lock-front' &&
        (message.state as { bolt: string }).bolt === 'unlocked',
    );
    const ack = after.findIndex((message) => message.type === 'ack');
    expect(audit).toBeGreaterThanOrEqual(0);
    expect(unlocked).toBeGreaterThan(audit);
    expect(ack).toBeGreaterThan(unlocked);
    expect(after[audit]).toMatchObject({ fields: { category: 'lock_opened' } });
    expect(after[unlocked]).toMatchObject({
      collection: 'locks',
      state: { id: 'lock-front', name: 'Front door', doorId: 'door-front' },
    });
    // radio.hop is left out unless asked for.
    expect(client.messages.some((message) => message.kind === 'radio.hop')).toBe(false);
    expectWellFormed(client);
  });

  it('sends the cloud entries as they are stored, and the alert list when it changes', async () => {
    const server = await serve(officeMorning());
    const client = await connect(server);
    await client.subscribe();
    // The scenario leaves the server-room door open past NOT CLOSED (38 s) from 32 s on.
    await client.command({ action: 'advance', ms: 120_000 });
    const entry = await client.waitFor((message) => message.type === 'entry');
    expect(entry).toMatchObject({ entry: { lockId: expect.any(String), category: expect.any(String) } });
    const alerts = await client.waitFor(
      (message) => message.type === 'delta' && message.collection === 'alerts',
    );
    expect((alerts.state as { alerts: { kind: string }[] }).alerts.map((alert) => alert.kind)).toContain(
      'not_closed',
    );
    const status = await client.waitFor(
      (message) => message.type === 'status' && message.virtualMs === 120_000,
      { timeoutMs: 3_000 },
    );
    expect(status).toMatchObject({ paused: true });
    expectWellFormed(client);
  });

  it('filters by kind and device; radio.hop only when asked for', async () => {
    const server = await serve(officeMorning());
    const kinds = await connect(server);
    const front = await connect(server);
    const radio = await connect(server);
    await kinds.subscribe({ kinds: ['lock.audit'] });
    await front.subscribe({ devices: ['lock-front'] });
    await radio.subscribe({ kinds: ['radio.hop'] });
    await kinds.command({ action: 'advance', ms: 70_000 });
    await kinds.waitFor((message) => message.type === 'ack');
    const eventsOf = (client: Client): Message[] =>
      client.messages.filter((message) => message.type === 'event');
    expect(eventsOf(kinds).length).toBeGreaterThan(1);
    expect(new Set(eventsOf(kinds).map((message) => message.kind))).toEqual(new Set(['lock.audit']));
    expect(new Set(eventsOf(kinds).map((message) => message.device))).toEqual(
      new Set(['lock-front', 'lock-server', 'lock-meeting']),
    );
    await front.waitFor((message) => message.type === 'event' && message.kind === 'door.opened');
    for (const message of eventsOf(front)) {
      const fields = message.fields as Record<string, unknown>;
      expect([message.device, fields.lock, fields.door]).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(lock|door)-front$/)]),
      );
    }
    expect(
      front.messages
        .filter((message) => message.type === 'delta')
        .every((message) => message.device === 'lock-front' || message.device === 'alerts'),
    ).toBe(true);
    await radio.waitFor((message) => message.type === 'event');
    expect(new Set(eventsOf(radio).map((message) => message.kind))).toEqual(new Set(['radio.hop']));
    for (const client of [kinds, front, radio]) expectWellFormed(client);
  });

  it('a second subscribe replaces the filter and sends a fresh snapshot; unsubscribe stops the stream', async () => {
    const server = await serve(officeMorning());
    const client = await connect(server);
    await client.subscribe({ kinds: [] });
    await client.command({ action: 'advance', ms: 10_000 });
    expect(client.messages.some((message) => message.type === 'event')).toBe(false);
    const second = await client.subscribe();
    expect(second).toMatchObject({ type: 'snapshot', virtualMs: 10_000 });
    client.send({ type: 'unsubscribe' });
    const from = client.messages.length;
    await client.command({ action: 'advance', ms: 30_000 });
    expect(client.messages.slice(from).filter((message) => typeof message.seq === 'number')).toEqual([]);
    expectWellFormed(client);
  });
});

describe('live protocol: commands and errors', () => {
  it('answers bad JSON, unknown types and bad fields with an error, and the socket still answers', async () => {
    const server = await serve(officeMorning());
    const client = await connect(server);
    client.send('{"type": "subscribe",');
    expect(await client.waitFor((message) => message.type === 'error')).toMatchObject({
      id: null,
      code: 'bad-json',
    });
    client.send({ type: 'dance' });
    expect(
      await client.waitFor((message) => message.type === 'error' && message.code === 'bad-message'),
    ).toMatchObject({ id: null, path: 'type' });
    const missing = await client.command({ action: 'present-tag', tag: 'tag-anna' });
    expect(missing).toMatchObject({ type: 'error', code: 'bad-message', path: 'command.lock' });
    const extra = await client.command({ action: 'pause', please: true });
    expect(extra).toMatchObject({ type: 'error', code: 'bad-message', path: 'command.please' });
    const unknownAction = await client.command({ action: 'teleport' });
    expect(unknownAction).toMatchObject({ type: 'error', code: 'bad-message', path: 'command.action' });
    const nowhere = await client.command({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-nowhere' });
    expect(nowhere).toMatchObject({ type: 'error', code: 'unknown-device', path: 'command.lock' });
    const noTag = await client.command({ action: 'present-tag', tag: 'tag-nobody', lock: 'lock-front' });
    expect(noTag).toMatchObject({ type: 'error', code: 'unknown-device' });
    const badFilter = await client.subscribe({ devices: ['lock-front', 'lock-mars'] });
    expect(badFilter).toMatchObject({ type: 'error', code: 'unknown-device', path: 'filter.devices' });
    const tooFast = await client.command({ action: 'speed', x: 1e9 });
    expect(tooFast).toMatchObject({ type: 'error', code: 'bad-message', path: 'command.x' });
    // Still usable: a subscription and a command work.
    expect(await client.subscribe()).toMatchObject({ type: 'snapshot', seq: 1 });
    expect(await client.command({ action: 'advance', ms: 1_000 })).toMatchObject({
      type: 'ack',
      result: { virtualMs: 1_000 },
    });
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    expectWellFormed(client);
  });

  it('answers cloud refusals with the error table code, through the same core as REST', async () => {
    const server = await serve(officeMorning());
    const client = await connect(server);
    const daan = await connect(server, { username: 'user-daan', password: 'lockstep' });
    const refused = await daan.command({ action: 'remote-open', lock: 'lock-front' });
    expect(refused).toMatchObject({ type: 'error', code: 2203 });
    expect(Object.keys(errorTable)).toContain(String(refused.code));
    const offline = await client.command({ action: 'iq-internet', iq: 'iq-1', up: false });
    expect(offline).toMatchObject({ type: 'ack' });
    const noIq = await client.command({ action: 'remote-open', lock: 'lock-front' });
    expect(noIq).toMatchObject({ type: 'error', code: 3105 });
    await client.command({ action: 'iq-internet', iq: 'iq-1', up: true });
    await client.command({ action: 'advance', ms: 5_000 });
    const opened = await client.command({ action: 'remote-open', lock: 'lock-front' });
    expect(opened).toMatchObject({
      type: 'ack',
      result: { command: { kind: 'open', lockId: 'lock-front', status: 'pending' } },
    });
    const admin = await client.command({ action: 'admin', op: 'block-tag', args: ['tag-7'] });
    expect(admin).toMatchObject({ type: 'ack', result: { action: 'block-tag', settled: true } });
    const adminRefused = await daan.command({ action: 'admin', op: 'block-tag', args: ['tag-anna'] });
    expect(adminRefused).toMatchObject({ type: 'error' });
    expect(typeof adminRefused.code).toBe('number');
    const status = await client.command({ action: 'speed', x: 60 });
    expect(status).toMatchObject({ type: 'ack', result: { speed: 60, paused: true } });
    expect(client.invalid).toEqual([]);
  });

  it('keeps two clients apart: one client’s bad messages never reach the other, both see the twin', async () => {
    const server = await serve(officeMorning());
    const alice = await connect(server);
    const bob = await connect(server);
    await alice.subscribe();
    await bob.subscribe();
    alice.send('not json at all');
    alice.send({ type: 'command', id: 'x', command: { action: 'present-tag' } });
    await alice.waitFor((message) => message.type === 'error' && message.id === 'x');
    const ack = await bob.command({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    expect(ack).toMatchObject({ type: 'ack', id: 'c1' });
    await bob.command({ action: 'advance', ms: 2_000 });
    await alice.waitFor((message) => message.type === 'event' && message.kind === 'lock.audit');
    expect(bob.messages.filter((message) => message.type === 'error')).toEqual([]);
    expect(alice.messages.filter((message) => message.type === 'ack')).toEqual([]);
    expect(
      bob.messages.filter((message) => message.type === 'event').map((message) => message.traceSeq),
    ).toEqual(
      alice.messages.filter((message) => message.type === 'event').map((message) => message.traceSeq),
    );
    expectWellFormed(alice);
    expectWellFormed(bob);
  });
});

describe('live protocol: export and replay', () => {
  it('exports a session that `lockstep replay` reproduces to the same fingerprint in another process', async () => {
    for (const live of [officeMorning(), officeSite()]) {
      const server = await serve(live);
      const client = await connect(server);
      await client.subscribe();
      const commands: Record<string, unknown>[] = [
        { action: 'advance', ms: 3_000 },
        { action: 'present-tag', tag: 'tag-bram', lock: 'lock-meeting' },
        { action: 'step', ms: 1_500 },
        { action: 'open-door', door: 'door-meeting' },
        { action: 'power', device: 'rep-1', on: false },
        { action: 'advance', ms: 20_000 },
        { action: 'close-door', door: 'door-meeting' },
        { action: 'remote-open', lock: 'lock-garage' },
        { action: 'admin', op: 'block-tag', args: ['tag-7'] },
        { action: 'interference', x: 0, y: 0, radiusM: 5, lossProbability: 0.5, durationMs: 10_000 },
        { action: 'advance', ms: 600_000 },
        { action: 'power', device: 'rep-1', on: true },
        { action: 'enter-pin', pin: '482913', lock: 'lock-back' },
        { action: 'advance', ms: 90_000 },
      ];
      for (const command of commands) expect(await client.command(command)).toMatchObject({ type: 'ack' });
      const exported = await client.command({ action: 'export' });
      expect(exported.type).toBe('ack');
      const scenario = exported.result as { expectedHash: string; until: number; inputs: unknown[] };
      expect(scenario.expectedHash).toBe(live.status().traceHash);
      expect(scenario.until).toBe(live.status().virtualMs);
      const file = join(mkdtempSync(join(tmpdir(), 'lockstep-live-')), 'session.json');
      writeFileSync(file, JSON.stringify(scenario, null, 2));
      const replay = spawnSync(process.execPath, [cli, 'replay', file, '--json'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(replay.stderr).toBe('');
      const printed = JSON.parse(replay.stdout) as Record<string, unknown>;
      expect(printed).toMatchObject({
        reproduced: true,
        traceHash: scenario.expectedHash,
        expectedHash: scenario.expectedHash,
        firstDivergence: null,
        failed: false,
      });
      expect(typeof printed.note).toBe('string');
      expect(replay.status).toBe(0);
      // The same file with another fingerprint is not reproduced: exit 1.
      writeFileSync(file, JSON.stringify({ ...scenario, expectedHash: '0'.repeat(64) }));
      const mismatch = spawnSync(process.execPath, [cli, 'replay', file, '--json'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(JSON.parse(mismatch.stdout)).toMatchObject({ reproduced: false, firstDivergence: null });
      expect(mismatch.status).toBe(1);
      client.close();
    }
  });
});
