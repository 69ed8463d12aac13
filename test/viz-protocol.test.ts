/**
 * The page's reader of the live protocol (`viz/client/protocol.ts`) against the server's zod schemas
 * (`api/live/protocol.ts`), at run time; at compile time they already agree, the page's types being `z.infer` of
 * the schemas. The page must read every message exactly as the schema parses it, and refuse what the schema
 * refuses:
 * - every frame a real server sends in a session that makes every kind of message (each delta collection, the
 *   protocol's errors and a cloud refusal, an ack of each command), and each command's result;
 * - messages and results fast-check generates from the schemas' JSON Schema (the documented contract);
 * - each of those broken one field at a time (removed, or another JSON value put in its place): the page refuses
 *   it exactly when the schema does, and otherwise reads what the schema reads.
 * The one difference allowed is deliberate: a field the schema does not know is dropped by the page (a newer
 * server may add one), where the strict schema refuses it.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { openLiveSocket } from './fixtures/live-socket.ts';
import { z } from 'zod';
import {
  appliedResultSchema,
  exportResultSchema,
  LiveTwin,
  loadTimelineResultSchema,
  markersResultSchema,
  serverMessageSchema,
  startServer,
  stateAtResultSchema,
  timeResultSchema,
  adminResultSchema,
  lockCommandResultSchema,
  type RunningServer,
} from '../api/index.ts';
import { loadNamedScenario } from '../scenarios/index.ts';
import {
  parseServerMessage,
  readAppliedResult,
  readExportResult,
  readLoadTimelineResult,
  readMarkersResult,
  readStateAtResult,
  readStatusResult,
} from '../viz/client/protocol.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ─── What the page must do with one value ───────────────────────────────────────────────────────────────────

/** The schema's parse of a JSON value, or undefined when the schema refuses it. */
function schemaRead(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The page reads `value` (a JSON text for messages) exactly as the schema does: same value, or both refuse. */
function expectAgreement(
  schema: z.ZodType,
  pageRead: (json: Json) => unknown,
  value: Json,
  what: string,
): void {
  const expected = schemaRead(schema, value);
  const actual = pageRead(value);
  if (!isDeepStrictEqual(actual, expected))
    expect.fail(
      `${what}: the page read ${JSON.stringify(actual)?.slice(0, 300)} where the schema read ${JSON.stringify(expected)?.slice(0, 300)} of ${JSON.stringify(value).slice(0, 500)}`,
    );
}

const readMessage = (json: Json): unknown => parseServerMessage(JSON.stringify(json));

/** Each result schema with the page's reader of it (results the page only shows as "sent" have none). */
const resultReaders: readonly {
  readonly name: string;
  readonly schema: z.ZodType;
  read: (json: Json) => unknown;
}[] = [
  { name: 'time command', schema: timeResultSchema, read: readStatusResult },
  { name: 'input', schema: appliedResultSchema, read: readAppliedResult },
  { name: 'state-at', schema: stateAtResultSchema, read: readStateAtResult },
  { name: 'load-timeline', schema: loadTimelineResultSchema, read: readLoadTimelineResult },
  { name: 'markers', schema: markersResultSchema, read: readMarkersResult },
  { name: 'export', schema: exportResultSchema, read: readExportResult },
];

// ─── Broken one field at a time ─────────────────────────────────────────────────────────────────────────────

/** Values put in a field's place: one of each JSON kind, and numbers on and past `int` and `min` bounds. */
const replacements: readonly Json[] = [null, true, 'x', 7, 0, 0.5, -1, [], {}];

/** `value` with one field (at any depth) removed or replaced, every way; arrays lose or change one item. */
function mutants(value: Json): Json[] {
  const found: Json[] = [];
  const walk = (node: Json, rebuild: (replacement: Json | undefined) => Json): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        const at = (replacement: Json | undefined): Json =>
          rebuild(
            replacement === undefined
              ? node.filter((_, other) => other !== index)
              : node.map((old, other) => (other === index ? replacement : old)),
          );
        found.push(at(undefined), ...replacements.map((replacement) => at(replacement)));
        walk(item, at as (replacement: Json | undefined) => Json);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const at = (replacement: Json | undefined): Json => {
          const copy = { ...node };
          if (replacement === undefined) delete copy[key];
          else copy[key] = replacement;
          return rebuild(copy);
        };
        found.push(at(undefined), ...replacements.map((replacement) => at(replacement)));
        walk(node[key] as Json, at);
      }
    }
  };
  walk(value, (replacement) => replacement as Json);
  return found;
}

// ─── Values generated from the documented contract (JSON Schema) ────────────────────────────────────────────

type JsonSchema = Record<string, unknown>;
const ignoredKeywords = new Set(['$schema', 'description', 'default']);
const knownKeywords = new Set([
  ...ignoredKeywords,
  'type',
  'const',
  'enum',
  'anyOf',
  'oneOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
]);
/** Generated lists and strings stay short: what is checked is their items, not their length. */
const lengthMax = 4;

/** An arbitrary of the values a JSON Schema (as `z.toJSONSchema` writes them) describes. */
function arbitraryOf(schema: JsonSchema): fc.Arbitrary<Json> {
  const unknown = Object.keys(schema).filter((keyword) => !knownKeywords.has(keyword));
  if (unknown.length > 0) throw new Error(`no generator for JSON Schema keywords ${unknown.join(', ')}`);
  if ('const' in schema) return fc.constant(schema.const as Json);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as Json[]));
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options !== undefined) return fc.oneof(...options.map(arbitraryOf));
  if (Array.isArray(schema.type))
    return fc.oneof(...(schema.type as string[]).map((type) => arbitraryOf({ ...schema, type })));
  if (schema.type === 'null') return fc.constant(null);
  const bound = (keyword: string): number | undefined => schema[keyword] as number | undefined;
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.string({
        unit: 'binary',
        minLength: bound('minLength') ?? 0,
        maxLength: Math.min(bound('maxLength') ?? lengthMax, lengthMax),
      });
    case 'integer':
      return fc
        .bigInt({
          min: BigInt(bound('minimum') ?? Number.MIN_SAFE_INTEGER),
          max: BigInt(bound('maximum') ?? Number.MAX_SAFE_INTEGER),
        })
        .map(Number);
    case 'number': {
      const [min, max] = [bound('minimum'), bound('maximum')];
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      });
    }
    case 'array':
      return fc.array(arbitraryOf(schema.items as JsonSchema), {
        minLength: bound('minItems') ?? 0,
        maxLength: Math.min(bound('maxItems') ?? lengthMax, lengthMax),
      });
    case 'object':
      return objectArbitrary(schema);
    case undefined:
      return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
    default:
      throw new Error(`no generator for JSON Schema type ${JSON.stringify(schema.type)}`);
  }
}

function objectArbitrary(schema: JsonSchema): fc.Arbitrary<Json> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const fixed = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbitraryOf(value)])),
    { requiredKeys: (schema.required ?? []) as string[] },
  ) as fc.Arbitrary<Record<string, Json>>;
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === false) return fixed;
  // A record (`z.record`): any keys. `__proto__` is left out: zod would set the prototype of its copy with it.
  const keys = fc
    .string({ unit: 'binary', maxLength: lengthMax })
    .filter((key) => key !== '__proto__' && !(key in properties));
  const more = fc.dictionary(keys, arbitraryOf(extra as JsonSchema), { maxKeys: lengthMax });
  return fc.tuple(fixed, more).map(([known, others]) => ({ ...others, ...known }));
}

/** Values of a schema's JSON Schema, as they arrive: through JSON text (where -0 is 0). */
function generated(schema: z.ZodType): fc.Arbitrary<Json> {
  return arbitraryOf(z.toJSONSchema(schema, { io: 'output' }) as JsonSchema).map(
    (value) => JSON.parse(JSON.stringify(value)) as Json,
  );
}

// ─── A real session ─────────────────────────────────────────────────────────────────────────────────────────

/** A `ws` client that keeps every frame as sent. */
class Client {
  readonly frames: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private nextId = 1;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      this.frames.push(String(data));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(url: string): Promise<Client> {
    return new Client(await openLiveSocket(url));
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** Waits (up to 5 s) for a frame from `from` on whose JSON satisfies `match`. */
  async waitFor(
    match: (message: Record<string, unknown>) => boolean,
    from = 0,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = this.frames
        .slice(from)
        .map((frame) => JSON.parse(frame) as Record<string, unknown>)
        .find(match);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no such message among ${this.frames.length} frames`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a command; its answer (`ack` or `error`). */
  async command(command: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = `c${this.nextId++}`;
    const from = this.frames.length;
    this.send(JSON.stringify({ type: 'command', id, command }));
    return this.waitFor((message) => message.id === id, from);
  }

  close(): void {
    this.socket.close();
  }
}

/** Every frame of the session, and each command's result by the schema it must meet. */
interface Session {
  readonly frames: readonly string[];
  readonly results: readonly { readonly action: string; readonly schema: z.ZodType; readonly result: Json }[];
}

/** A session that makes every kind of message: the office's morning, with a command of each kind. */
async function recordSession(): Promise<Session> {
  const loaded = loadNamedScenario('office-morning');
  if (loaded === undefined || !loaded.ok) throw new Error('office-morning does not load');
  const live = new LiveTwin({ scenario: loaded.value, siteInput: 'office', seed: 1, speed: 1, paused: true });
  const server: RunningServer = await startServer({
    live,
    host: '127.0.0.1',
    port: 0,
    credentials: { clientId: 'x', clientSecret: 'y' },
  });
  const client = await Client.connect(server.url);
  const results: { action: string; schema: z.ZodType; result: Json }[] = [];
  const run = async (
    command: Record<string, unknown>,
    schema?: z.ZodType,
  ): Promise<Record<string, unknown>> => {
    const answer = await client.command(command);
    if (schema !== undefined) {
      expect(answer, `${String(command.action)} is acknowledged`).toMatchObject({ type: 'ack' });
      results.push({ action: String(command.action), schema, result: answer.result as Json });
    }
    return answer;
  };
  try {
    client.send(JSON.stringify({ type: 'subscribe' }));
    await client.waitFor((message) => message.type === 'snapshot');
    await client.waitFor((message) => message.type === 'status');
    await run({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-front' }, appliedResultSchema);
    // The scenario leaves the server-room door open past NOT CLOSED: entries, then the alert list's delta.
    await run({ action: 'advance', ms: 120_000 }, timeResultSchema);
    await run({ action: 'iq-internet', iq: 'iq-1', up: false }, appliedResultSchema);
    await run({ action: 'advance', ms: 5_000 }, timeResultSchema);
    // A cloud refusal: the IQ is offline (3105).
    await run({ action: 'remote-open', lock: 'lock-front' });
    await run({ action: 'iq-internet', iq: 'iq-1', up: true }, appliedResultSchema);
    await run({ action: 'power', device: 'rep-1', on: false }, appliedResultSchema);
    await run({ action: 'step', ms: 5_000 }, timeResultSchema);
    await run({ action: 'power', device: 'rep-1', on: true }, appliedResultSchema);
    await run({ action: 'remote-open', lock: 'lock-front' }, lockCommandResultSchema);
    await run({ action: 'office-mode', lock: 'lock-meeting', on: true }, lockCommandResultSchema);
    await run({ action: 'admin', op: 'block-tag', args: ['tag-7'] }, adminResultSchema);
    await run({ action: 'speed', x: 2 }, timeResultSchema);
    await run({ action: 'resume' }, timeResultSchema);
    await run({ action: 'pause' }, timeResultSchema);
    await run({ action: 'export' }, exportResultSchema);
    await run({ action: 'state-at', ms: 6_000 }, stateAtResultSchema);
    const file = JSON.parse(
      readFileSync(new URL('../scenarios/library/office-morning.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    await run({ action: 'load-timeline', file }, loadTimelineResultSchema);
    await run({ action: 'state-at', ms: 40_000, source: 'loaded' }, stateAtResultSchema);
    await run({ action: 'markers', source: 'loaded' }, markersResultSchema);
    await run({ action: 'markers' }, markersResultSchema);
    const failure = JSON.parse(
      readFileSync(
        new URL(
          '../scenarios/regressions/blocked-tag-still-opens-opening-allowed-seed1-run5.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as Record<string, unknown>;
    await run({ action: 'load-timeline', file: failure }, loadTimelineResultSchema);
    await run({ action: 'markers', source: 'loaded' }, markersResultSchema);
    // The protocol's own refusals: not JSON, no such message type, a bad field, an unknown device.
    client.send('not json');
    client.send(JSON.stringify({ type: 'dance' }));
    await run({ action: 'pause', please: true });
    await run({ action: 'present-tag', tag: 'tag-anna', lock: 'lock-nowhere' });
    // A status goes out within half a second of a change (during a replay, or now): one in the session at least.
    await client.waitFor((message) => message.type === 'status');
    return { frames: [...client.frames], results };
  } finally {
    client.close();
    await server.close();
  }
}

// ─── The tests ──────────────────────────────────────────────────────────────────────────────────────────────

describe('the page reads the live protocol as the server’s schemas do', () => {
  let session: Session;
  beforeAll(async () => {
    session = await recordSession();
  }, 30_000);

  it('a real session makes every kind of message: each delta collection, numbered and coded errors', () => {
    const messages = session.frames.map((frame) => JSON.parse(frame) as Record<string, unknown>);
    const kinds = new Set(
      messages.map((message) =>
        message.type === 'delta'
          ? `delta/${String(message.collection)}`
          : message.type === 'error'
            ? `error/${typeof message.code}`
            : String(message.type),
      ),
    );
    expect([...kinds].sort()).toEqual([
      'ack',
      'delta/alerts',
      'delta/iqs',
      'delta/locks',
      'delta/repeaters',
      'entry',
      'error/number',
      'error/string',
      'event',
      'snapshot',
      'status',
    ]);
    expect(messages.some((message) => message.type === 'error' && message.id === null)).toBe(true);
    expect(messages.some((message) => message.type === 'error' && typeof message.path === 'string')).toBe(
      true,
    );
  });

  it('every frame the server sent reads back as the schema parses it', () => {
    for (const frame of session.frames) {
      const json = JSON.parse(frame) as Json;
      expect(serverMessageSchema.safeParse(json).success, frame.slice(0, 200)).toBe(true);
      expect(parseServerMessage(frame)).toStrictEqual(serverMessageSchema.parse(json));
    }
  });

  it('every command result reads back as its schema parses it', () => {
    const readers = new Map(resultReaders.map((reader) => [reader.schema, reader.read]));
    for (const { action, schema, result } of session.results) {
      expect(schema.safeParse(result).success, `${action}: ${JSON.stringify(result).slice(0, 200)}`).toBe(
        true,
      );
      const read = readers.get(schema);
      if (read !== undefined) expect(read(result), action).toStrictEqual(schema.parse(result));
    }
  });

  it('each frame of the session, broken one field at a time, is refused by the page exactly when the schema refuses it', () => {
    let refused = 0;
    for (const frame of session.frames) {
      for (const mutant of mutants(JSON.parse(frame) as Json)) {
        expectAgreement(serverMessageSchema, readMessage, mutant, 'message');
        if (!serverMessageSchema.safeParse(mutant).success) refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(1_000);
  });

  it('each command result of the session, broken one field at a time, likewise', () => {
    for (const { schema, result } of session.results) {
      const reader = resultReaders.find((candidate) => candidate.schema === schema);
      if (reader === undefined) continue;
      for (const mutant of mutants(result)) expectAgreement(schema, reader.read, mutant, reader.name);
    }
  });
});

describe('the page reads generated messages as the schemas do', () => {
  it('every message the schema describes, and each broken one field', () => {
    fc.assert(
      fc.property(generated(serverMessageSchema), fc.nat(), (message, pick) => {
        expect(serverMessageSchema.safeParse(message).success, 'the generator makes valid messages').toBe(
          true,
        );
        expectAgreement(serverMessageSchema, readMessage, message, 'message');
        const broken = mutants(message);
        if (broken.length > 0)
          expectAgreement(serverMessageSchema, readMessage, broken[pick % broken.length]!, 'broken message');
      }),
      { numRuns: 500 },
    );
  });

  it.each(resultReaders.map((reader) => [reader.name, reader] as const))(
    'every %s result the schema describes, and each broken one field',
    (_name, reader) => {
      fc.assert(
        fc.property(generated(reader.schema), fc.nat(), (result, pick) => {
          expect(reader.schema.safeParse(result).success, 'the generator makes valid results').toBe(true);
          expectAgreement(reader.schema, reader.read, result, reader.name);
          const broken = mutants(result);
          if (broken.length > 0)
            expectAgreement(
              reader.schema,
              reader.read,
              broken[pick % broken.length]!,
              `broken ${reader.name}`,
            );
        }),
        { numRuns: 200 },
      );
    },
  );

  it('drops a field the schema does not know (a newer server may send one) where the strict schema refuses it', () => {
    const status = {
      type: 'status',
      virtualMs: 1,
      utc: '2026-01-05T07:00:00.001Z',
      paused: true,
      speed: 1,
      events: 2,
      traceHash: 'ab',
    };
    expect(serverMessageSchema.safeParse({ ...status, later: true }).success).toBe(false);
    expect(parseServerMessage(JSON.stringify({ ...status, later: true }))).toStrictEqual(status);
  });
});
