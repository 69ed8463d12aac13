/**
 * Hostile WebSocket frames against a real loopback server's `/live`, generated with fast-check: garbage text and
 * bytes, JSON of every shape, frames nested far too deep, numbers no double holds (or that overflow positions and
 * spans), commands of every action with wrong fields, bogus tokens, floods of subscribes and advances, and slow
 * readers that stop reading. Sent by anonymous connections (no token) and by authenticated ones (the site's
 * owner, and a plain user).
 *
 * What must hold: the server keeps serving (`/healthz` answers throughout, and at the end), an anonymous
 * connection never receives anything but `error` frames and a close (no snapshot, event, delta, entry, status or
 * ack: it neither reads nor acts) and the twin's trace does not move while only anonymous frames are sent.
 *
 * `runLiveHostile(count)` is the runner: the bounded test (live-frames.test.ts) and the soak call it.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import { createTestLive } from '../../api/rest/testing.ts';
import { startServer } from '../../api/server.ts';
import { fetchToken, liveProtocols } from '../fixtures/live-socket.ts';

/** A server to attack: its URL and the API client's credentials (the owner's token comes from them). */
export interface LiveTarget {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface LiveHostileOptions {
  /** Without one, a paused loopback server of the office site is started (and closed) for the run. */
  readonly target?: LiveTarget;
  readonly seed?: number;
}

export interface LiveHostileReport {
  /** Frames sent (a flood case sends many). */
  readonly sent: number;
  readonly cases: number;
  /** Frames the server answered (any message), all connections together. */
  readonly received: number;
  readonly errors: number;
  /** Connections the server closed, by close code. */
  readonly closes: Readonly<Record<string, number>>;
  /** Anything but an error that an anonymous connection received (must be 0). */
  readonly anonymousLeaks: number;
  /** Trace events the twin gained while only anonymous frames were sent (must be 0). */
  readonly anonymousEvents: number;
  readonly healthzMsMax: number;
  /** What went wrong (the server stopped answering, a leak), each with the seed that replays the run. */
  readonly failures: readonly string[];
}

/** One frame: text, or bytes sent as a binary frame. */
export type HostileFrame = { readonly text: string } | { readonly bytes: Uint8Array };

/** One case: frames sent in one go on one connection, which may stop reading first (a slow reader). */
export interface HostileCase {
  readonly frames: readonly HostileFrame[];
  readonly slowReader: boolean;
}

const actions = [
  'pause',
  'resume',
  'step',
  'advance',
  'speed',
  'export',
  'remote-open',
  'office-mode',
  'admin',
  'state-at',
  'load-timeline',
  'markers',
  'present-tag',
  'tap-phone',
  'enter-pin',
  'open-door',
  'close-door',
  'hold-handle',
  'iq-internet',
  'power',
  'interference',
  'battery',
  'lock-clock',
  'dance',
];

/** Numbers that break naive code: overflow, underflow, negative zero, past every cap. */
const hostileNumber = fc.oneof(
  fc.constantFrom(
    1.7976931348623157e308,
    -1.7976931348623157e308,
    5e-324,
    -0,
    2 ** 53 + 2,
    86_400_001,
    7 * 86_400_000 + 1,
    1e21,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileNumber,
  fc.string({ maxLength: 40 }),
  fc.constantFrom('lock-front', 'lock-nowhere', 'user-anna', 'tag-anna', 'iq-1', 'door-front', 'office'),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** `[[[…]]]` nested `depth` deep, as the `args` of an admin command (the 20,000-deep reproduction and smaller). */
function deepCommand(depth: number): string {
  const args = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  return `{"type":"command","id":"deep","command":{"action":"admin","op":"core","args":[${args}]}}`;
}

const commandFrame = fc
  .record({
    id: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(undefined)),
    action: fc.constantFrom(...actions),
    fields: fc.dictionary(
      fc.constantFrom(
        'ms',
        'x',
        'lock',
        'tag',
        'user',
        'actor',
        'op',
        'args',
        'source',
        'file',
        'iq',
        'up',
        'device',
        'on',
        'radiusM',
        'at',
      ),
      hostileValue,
      { maxKeys: 4 },
    ),
  })
  .map(({ id, action, fields }) =>
    JSON.stringify({ type: 'command', ...(id === undefined ? {} : { id }), command: { action, ...fields } }),
  );

/** A timeline whose lock sits at the largest double (the RangeError reproduction), then `state-at` 60 s. */
const hugePositionFrames = [
  JSON.stringify({
    type: 'command',
    id: 'huge-load',
    command: {
      action: 'load-timeline',
      file: {
        name: 'huge',
        until: '5m',
        site: {
          name: 'huge',
          iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
          doors: [{ id: 'door-1' }],
          locks: [
            {
              id: 'lock-1',
              iq: 'iq-1',
              door: 'door-1',
              position: { x: 1.7976931348623157e308, y: 1.7976931348623157e308 },
            },
          ],
        },
      },
    },
  }),
  JSON.stringify({
    type: 'command',
    id: 'huge-at',
    command: { action: 'state-at', ms: 60_000, source: 'loaded' },
  }),
];

const text = (value: string): HostileFrame => ({ text: value });

/** Every kind of frame, one at a time. */
export const hostileFrameArbitrary: fc.Arbitrary<HostileFrame> = fc.oneof(
  fc.string({ maxLength: 200 }).map(text),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ bytes })),
  fc.json({ maxDepth: 4 }).map(text),
  commandFrame.map(text),
  fc
    .record({
      type: fc.constantFrom('auth', 'subscribe', 'unsubscribe', 'command', 'nope', ''),
      token: fc.oneof(fc.uuid(), fc.string({ maxLength: 600 })),
      filter: fc.oneof(
        fc.record({ devices: fc.array(fc.constantFrom('lock-front', 'x', 'iq-1'), { maxLength: 5 }) }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    })
    .map((value) => text(JSON.stringify(value))),
  fc.integer({ min: 33, max: 20_000 }).map((depth) => text(deepCommand(depth))),
  fc.constant(text(deepCommand(20_000))),
);

/** A case: a few frames, a flood, or the huge-position pair, perhaps from a client that stops reading. */
export const hostileCaseArbitrary: fc.Arbitrary<HostileCase> = fc.record({
  frames: fc.oneof(
    { weight: 6, arbitrary: fc.array(hostileFrameArbitrary, { minLength: 1, maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('subscribe', 'advance'), fc.integer({ min: 50, max: 400 }))
        .map(([kind, count]) =>
          Array.from({ length: count }, (_, index) =>
            text(
              kind === 'subscribe'
                ? '{"type":"subscribe"}'
                : JSON.stringify({
                    type: 'command',
                    id: `f${index}`,
                    command: { action: 'advance', ms: 86_400_000 },
                  }),
            ),
          ),
        ),
    },
    { weight: 1, arbitrary: fc.constant(hugePositionFrames.map(text)) },
  ),
  slowReader: fc.boolean(),
});

/** Who sends a case: nobody (no token), the site's owner (the API client), or a plain user. */
type Sender = 'anonymous' | 'owner' | 'user';

interface Tally {
  sent: number;
  received: number;
  errors: number;
  anonymousLeaks: number;
  readonly closes: Record<string, number>;
  healthzMsMax: number;
  readonly failures: string[];
}

const caseWaitMs = 50;
/** Cases in flight at once, so floods and slow readers overlap with ordinary clients. */
const concurrency = 6;
const connectTimeoutMs = 5_000;

/**
 * Sends `count` generated cases (at least one frame each; floods send hundreds), a third of them anonymous, and
 * reports what came back. Anonymous cases run first, so that the twin's trace can show they changed nothing.
 */
export async function runLiveHostile(
  count: number,
  options: LiveHostileOptions = {},
): Promise<LiveHostileReport> {
  const seed = options.seed ?? 1;
  const own =
    options.target === undefined
      ? await startServer({
          live: createTestLive(),
          host: '127.0.0.1',
          port: 0,
          credentials: { clientId: 'hostile-client', clientSecret: 'hostile-client-secret' },
        })
      : undefined;
  const target = options.target ?? {
    url: own?.url ?? '',
    clientId: 'hostile-client',
    clientSecret: 'hostile-client-secret',
  };
  const tally: Tally = {
    sent: 0,
    received: 0,
    errors: 0,
    anonymousLeaks: 0,
    closes: {},
    healthzMsMax: 0,
    failures: [],
  };
  try {
    const cases = fc.sample(hostileCaseArbitrary, { numRuns: count, seed });
    const anonymousCount = Math.floor(count / 3);
    const eventsBefore = await healthEvents(target.url, tally);
    await inParallel(cases.slice(0, anonymousCount), (hostile) =>
      runCase(target, 'anonymous', hostile, tally),
    );
    const anonymousEvents = (await healthEvents(target.url, tally)) - eventsBefore;
    const tokens = {
      owner: await fetchToken(target.url, { clientId: target.clientId, clientSecret: target.clientSecret }),
      user: await fetchToken(target.url, { username: 'user-daan', password: 'lockstep', client: target }),
    };
    await inParallel(cases.slice(anonymousCount), (hostile, index) =>
      runCase(target, index % 2 === 0 ? 'owner' : 'user', hostile, tally, tokens),
    );
    await healthEvents(target.url, tally);
    if (anonymousEvents !== 0 && options.target === undefined)
      tally.failures.push(`anonymous frames moved the trace by ${anonymousEvents} events (seed ${seed})`);
    // A client's frames may be refused, never end the session for everyone (4500: the twin threw).
    if ((tally.closes['4500'] ?? 0) > 0)
      tally.failures.push(
        `the live session ended: ${tally.closes['4500']} connections closed 4500 (seed ${seed})`,
      );
    if (tally.anonymousLeaks > 0)
      tally.failures.push(
        `anonymous connections received ${tally.anonymousLeaks} non-error frames (seed ${seed})`,
      );
    return {
      sent: tally.sent,
      cases: cases.length,
      received: tally.received,
      errors: tally.errors,
      closes: tally.closes,
      anonymousLeaks: tally.anonymousLeaks,
      anonymousEvents: options.target === undefined ? anonymousEvents : 0,
      healthzMsMax: tally.healthzMsMax,
      failures: tally.failures,
    };
  } finally {
    await own?.close();
  }
}

/** `/healthz` answered (its time kept in the tally); the twin's trace events. A server that does not answer fails. */
async function healthEvents(url: string, tally: Tally): Promise<number> {
  const startMs = performance.now();
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { events?: number };
    tally.healthzMsMax = Math.max(tally.healthzMsMax, performance.now() - startMs);
    if (response.status !== 200) tally.failures.push(`/healthz answered ${response.status}`);
    return body.events ?? 0;
  } catch (error) {
    tally.failures.push(`/healthz did not answer: ${String(error)}`);
    return 0;
  }
}

async function runCase(
  target: LiveTarget,
  sender: Sender,
  hostile: HostileCase,
  tally: Tally,
  tokens?: { readonly owner: string; readonly user: string },
): Promise<void> {
  const address = `${target.url.replace('http', 'ws')}/live`;
  const token = sender === 'anonymous' ? undefined : tokens?.[sender];
  const socket = token === undefined ? new WebSocket(address) : new WebSocket(address, liveProtocols(token));
  socket.on('message', (data) => {
    tally.received += 1;
    const type = typeOf(String(data));
    if (type === 'error') tally.errors += 1;
    else if (sender === 'anonymous') tally.anonymousLeaks += 1;
  });
  const closed = new Promise<void>((resolve) =>
    socket.once('close', (code) => {
      tally.closes[String(code)] = (tally.closes[String(code)] ?? 0) + 1;
      resolve();
    }),
  );
  socket.on('error', () => undefined);
  const opened = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), connectTimeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!opened) {
    tally.failures.push(`a ${sender} connection did not open`);
    return;
  }
  // A slow reader: the client's own socket stops reading, so the server's send buffer is all that grows.
  if (hostile.slowReader) (socket as unknown as { _socket?: { pause(): void } })._socket?.pause();
  for (const frame of hostile.frames) {
    if (socket.readyState !== WebSocket.OPEN) break;
    socket.send('text' in frame ? frame.text : frame.bytes, { binary: !('text' in frame) });
    tally.sent += 1;
  }
  await new Promise((resolve) => setTimeout(resolve, caseWaitMs));
  await healthEvents(target.url, tally);
  socket.terminate();
  await closed;
}

/** Runs `work` on every item, `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) await work(items[index] as T, index);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

function typeOf(textFrame: string): string | undefined {
  try {
    const parsed = JSON.parse(textFrame) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}
