/**
 * `--perfetto FILE` (scenarios/trace/perfetto-trace.ts, bin/perfetto-file.ts): the mapper on hand-made events,
 * then whole runs through the CLI (in this process), each file checked against the Trace Event Format's rules as
 * Perfetto and chrome://tracing read them: fields and types per phase, named tracks, ts in order per track, every
 * B with its E, every flow start with its end bound to a slice on both sides.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PerfettoTraceMapper } from '../scenarios/trace/perfetto-trace.ts';
import type { PerfettoEvent } from '../scenarios/trace/perfetto-event.ts';
import { parseSiteSpec, type SiteSpec, type TracedTwinEvent, type TwinEvent } from '../twin/index.ts';
import { runCliCaptured } from './hostile/cli-files.ts';

type Json = Record<string, unknown>;

const isInt = (value: unknown): value is number => Number.isInteger(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** What one event lacks for its phase (empty when it is well formed). */
function fieldProblems(event: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  need(isText(event.name), 'name');
  need(isInt(event.pid), 'pid');
  if (event.ph === 'M') {
    const args = event.args as Json | undefined;
    const naming = event.name === 'process_name' || event.name === 'thread_name';
    need(naming ? isText(args?.name) : isInt(args?.sort_index), 'args');
    if (String(event.name).startsWith('thread_')) need(isInt(event.tid), 'tid');
    return problems;
  }
  need(['B', 'E', 'X', 'i', 's', 'f'].includes(String(event.ph)), `known ph (${String(event.ph)})`);
  need(isText(event.cat), 'cat');
  need(isInt(event.ts) && event.ts >= 0, 'ts');
  need(isInt(event.tid), 'tid');
  if (event.ph === 'X') need(isInt(event.dur) && event.dur >= 0, 'dur');
  if (event.ph === 'i') need(['t', 'p', 'g'].includes(String(event.s)), 's');
  if (event.ph === 's' || event.ph === 'f') need(isInt(event.id), 'id');
  if (event.ph === 'f') need(event.bp === 'e', 'bp');
  if (event.args !== undefined) need(typeof event.args === 'object' && event.args !== null, 'args');
  return problems;
}

const trackKey = (event: Json): string => `${String(event.pid)}/${String(event.tid)}`;

/**
 * Complete slices must nest: one that starts inside another ends inside it, and no state begins or ends inside
 * one (viewers drop slices that overlap partly). `open` holds each track's open X slices' end times.
 */
function openSliceProblem(open: Map<string, number[]>, key: string, event: Json): string | undefined {
  const ends = open.get(key) ?? [];
  open.set(key, ends);
  const ts = event.ts as number;
  while (ends.length > 0 && (ends.at(-1) as number) <= ts) ends.pop();
  if ((event.ph === 'B' || event.ph === 'E') && ends.length > 0)
    return 'begins or ends a state inside a slice';
  if (event.ph !== 'X') return undefined;
  const end = ts + (event.dur as number);
  if (ends.length > 0 && end > (ends.at(-1) as number)) return 'overlaps a slice partly';
  ends.push(end);
  return undefined;
}

/** Every rule a viewer relies on that the trace breaks, in words (empty: the trace is well formed). */
function traceProblems(events: readonly Json[]): string[] {
  const problems: string[] = [];
  const named = new Set(events.filter((e) => e.name === 'thread_name').map(trackKey));
  const lastTs = new Map<string, number>();
  const stacks = new Map<string, string[]>();
  const sliceStarts = new Set<string>();
  const flowStarts = new Map<number, Json>();
  const flowEnds = new Map<number, Json>();
  const openSlices = new Map<string, number[]>();
  events.forEach((event, index) => {
    const missing = fieldProblems(event);
    if (missing.length > 0) problems.push(`event ${index} lacks ${missing.join(', ')}`);
    if (event.ph === 'M') return;
    const key = trackKey(event);
    const ts = event.ts as number;
    if (!named.has(key)) problems.push(`event ${index} is on unnamed track ${key}`);
    if (ts < (lastTs.get(key) ?? 0)) problems.push(`event ${index} goes back in time on ${key}`);
    lastTs.set(key, ts);
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    if (event.ph === 'B') stack.push(String(event.name));
    if (event.ph === 'E' && stack.pop() !== event.name)
      problems.push(`event ${index} ends no open ${event.name}`);
    if (event.ph === 'X') sliceStarts.add(`${key}@${ts}`);
    const crossing = openSliceProblem(openSlices, key, event);
    if (crossing !== undefined) problems.push(`event ${index} ${crossing}`);
    if (event.ph === 's' || event.ph === 'f') {
      const ends = event.ph === 's' ? flowStarts : flowEnds;
      if (ends.has(event.id as number)) problems.push(`flow ${String(event.id)} has two ${event.ph} ends`);
      ends.set(event.id as number, event);
    }
  });
  for (const [key, stack] of stacks)
    if (stack.length > 0) problems.push(`track ${key} leaves ${stack.join(', ')} open`);
  for (const [id, start] of flowStarts) {
    const end = flowEnds.get(id);
    if (end === undefined) problems.push(`flow ${id} never ends`);
    else if (end.name !== start.name || end.cat !== start.cat) problems.push(`flow ${id}'s ends differ`);
    else if ((end.ts as number) < (start.ts as number)) problems.push(`flow ${id} goes back in time`);
    for (const side of end === undefined ? [start] : [start, end])
      if (!sliceStarts.has(`${trackKey(side)}@${String(side.ts)}`))
        problems.push(`flow ${id} is bound to no slice on ${trackKey(side)}`);
  }
  for (const id of flowEnds.keys()) if (!flowStarts.has(id)) problems.push(`flow ${id} ends without a start`);
  return problems;
}

function threadNames(events: readonly Json[]): Map<string, string> {
  return new Map(
    events
      .filter((event) => event.name === 'thread_name')
      .map((event) => [String((event.args as Json).name), trackKey(event)]),
  );
}

function readTrace(path: string): { events: Json[]; metadata: Json } {
  const document = JSON.parse(readFileSync(path, 'utf8')) as Json;
  expect(document.displayTimeUnit).toBe('ms');
  expect(Array.isArray(document.traceEvents)).toBe(true);
  return { events: document.traceEvents as Json[], metadata: (document.metadata as Json).lockstep as Json };
}

const smallSite = (): SiteSpec => {
  const parsed = parseSiteSpec({
    name: 'perfetto-site',
    iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
    repeaters: [{ id: 'rep-1', iq: 'iq-1', position: { x: 8, y: 0 } }],
    doors: [{ id: 'door-1', name: 'Front' }],
    locks: [
      { id: 'lock-1', kind: 'bluenet-escutcheon', iq: 'iq-1', door: 'door-1', position: { x: 3, y: 0 } },
    ],
    users: [{ id: 'user-1' }],
    phones: [{ id: 'phone-1', user: 'user-1' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.spec;
};

const handMade: readonly [number, TwinEvent][] = [
  [0, { kind: 'twin.start', site: 'perfetto-site', seed: 5 }],
  [1_000, { kind: 'input', input: { type: 'tap-phone', phone: 'phone-1', lock: 'lock-1' } }],
  [1_000, { kind: 'ble.tap', device: 'phone-1', aimed: 'lock-1', taken: 'lock-1', rssi: -60, heard: [] }],
  [1_200, { kind: 'lock.unlocked', device: 'lock-1' }],
  [1_200, { kind: 'radio.hop', device: 'lock-1', to: 'iq-1', msg: 'audit', ok: true, tries: 1, rssi: -70 }],
  [1_200, { kind: 'radio.hop', device: 'lock-1', to: 'iq-1', msg: 'hb-ack', ok: false, tries: 3, rssi: -99 }],
  [1_300, { kind: 'cloud.entries', device: 'iq-1', lock: 'lock-1', events: 1, ackSeq: 1 }],
  [2_000, { kind: 'door.opened', device: 'door-1', insideHandle: false }],
  [6_200, { kind: 'lock.locked', device: 'lock-1' }],
  [
    40_000,
    {
      kind: 'lock.audit',
      device: 'lock-1',
      auditSeq: 2,
      category: 'not_closed',
      detail: 'door open 38 s',
      user: null,
      credential: null,
      method: null,
    },
  ],
  [50_000, { kind: 'door.closed', device: 'door-1' }],
];

function mapHandMade(eventsMax?: number): {
  events: PerfettoEvent[];
  summary: ReturnType<PerfettoTraceMapper['finish']>;
} {
  const events: PerfettoEvent[] = [];
  const mapper = new PerfettoTraceMapper({
    spec: smallSite(),
    emit: (event) => events.push(event),
    ...(eventsMax === undefined ? {} : { eventsMax }),
  });
  handMade.forEach(([tMs, event], seq) => mapper.record({ seq, tMs, event } satisfies TracedTwinEvent));
  mapper.violation({ invariant: 'not-closed', tMs: 40_000, message: 'raised too early' });
  return { events, summary: mapper.finish(60_000) };
}

const onTrack = (events: readonly Json[], key: string | undefined): Json[] =>
  events.filter((event) => event.ph !== 'M' && trackKey(event) === key);

describe('the Perfetto mapper, on hand-made events', () => {
  it('draws bolt and door states, hops as flows, alerts and violations as instants, and passes the shape checks', () => {
    const { events, summary } = mapHandMade();
    const json = events as unknown as Json[];
    expect(traceProblems(json)).toEqual([]);
    const tracks = threadNames(json);
    expect([...tracks.keys()]).toEqual(
      expect.arrayContaining([
        'inputs',
        'invariants',
        'cloud',
        'iq-1',
        'rep-1',
        'lock-1',
        'door-1 · Front',
        'phone-1 · user-1',
      ]),
    );
    const bolt = onTrack(json, tracks.get('lock-1')).filter((e) => e.cat === 'bolt');
    expect(bolt.map((e) => `${String(e.ph)} ${String(e.name)} ${String(e.ts)}`)).toEqual([
      'B locked 0',
      'E locked 1200000',
      'B unlocked 1200000',
      'E unlocked 6200000',
      'B locked 6200000',
      'E locked 60000000',
    ]);
    const door = onTrack(json, tracks.get('door-1 · Front')).filter((e) => e.ph === 'B');
    expect(door.map((e) => e.name)).toEqual(['closed', 'open', 'NOT CLOSED', 'closed']);
    // The audit hop: a slice on each end and a flow between them; the lost hop: the sender's slice only.
    const sent = onTrack(json, tracks.get('lock-1')).filter((e) => e.cat === 'radio');
    expect(sent.map((e) => e.name)).toEqual(['audit → iq-1', 'audit → iq-1', 'hb-ack → iq-1 LOST']);
    expect(sent.map((e) => e.ts)).toEqual([1_200_001, 1_200_001, 1_200_002]);
    const flowEnd = json.find((e) => e.ph === 'f' && e.cat === 'radio');
    expect(flowEnd).toMatchObject({ name: 'audit → iq-1', id: sent[1]?.id, bp: 'e' });
    expect(trackKey(flowEnd ?? {})).toBe(tracks.get('iq-1'));
    const upload = json.filter((e) => e.cat === 'upload' && e.ph === 'X');
    expect(upload.map(trackKey)).toEqual([tracks.get('iq-1'), tracks.get('cloud')]);
    expect(json.find((e) => e.cat === 'alert')).toMatchObject({ ph: 'i', s: 'p', ts: 40_000_000 });
    expect(json.find((e) => e.cat === 'invariant')).toMatchObject({
      ph: 'i',
      s: 'g',
      name: 'VIOLATED not-closed',
      args: { message: 'raised too early' },
    });
    expect(json.find((e) => e.cat === 'ble')).toMatchObject({ name: 'tap → lock-1', s: 't' });
    expect(summary).toMatchObject({
      site: 'perfetto-site',
      seed: 5,
      twinEvents: handMade.length,
      truncated: false,
    });
  });

  it('stops at the cap, closes the open states where it stopped and says so', () => {
    const { events, summary } = mapHandMade(12);
    const json = events as unknown as Json[];
    expect(traceProblems(json)).toEqual([]);
    expect(summary.truncated).toBe(true);
    expect(summary.twinEventsLeftOut).toBeGreaterThan(0);
    expect(summary.twinEventsLeftOut + summary.twinEvents).toBeGreaterThan(summary.twinEventsLeftOut);
    const cut = json.find((e) => e.name === 'trace truncated');
    expect(cut).toMatchObject({ ph: 'i', s: 'g', ts: (summary.truncatedAtMs ?? -1) * 1000 });
    const leafEvents = json.filter((e) => e.ph !== 'M' && e.ph !== 'E' && e.name !== 'trace truncated');
    expect(leafEvents.length).toBeLessThanOrEqual(12);
    const lastEnd = json.filter((e) => e.ph === 'E').map((e) => e.ts as number);
    expect(Math.max(...lastEnd)).toBeLessThanOrEqual((summary.truncatedAtMs ?? 0) * 1000 + 10);
  });

  it('finds broken traces (so a clean verdict means something)', () => {
    const { events } = mapHandMade();
    const json = events as unknown as Json[];
    const withoutAnEnd = json.filter((e) => !(e.ph === 'E' && e.name === 'unlocked'));
    expect(traceProblems(withoutAnEnd).join('\n')).toMatch(/ends no open|open/);
    const withoutFlowEnds = json.filter((e) => e.ph !== 'f');
    expect(traceProblems(withoutFlowEnds).join('\n')).toMatch(/never ends/);
    const unnamed = json.filter((e) => !(e.name === 'thread_name' && (e.args as Json).name === 'iq-1'));
    expect(traceProblems(unnamed).join('\n')).toMatch(/unnamed track/);
    const backwards = [...json, { ...json.find((e) => e.ph === 'X'), ts: 0 }];
    expect(traceProblems(backwards).join('\n')).toMatch(/back in time/);
    const long = json.map((e) => (e.ph === 'X' && e.name === 'audit → iq-1' ? { ...e, dur: 10_000_000 } : e));
    expect(traceProblems(long).join('\n')).toMatch(/inside a slice|overlaps a slice/);
  });
});

describe('lockstep run|replay --perfetto FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-perfetto-'));

  it('writes a well-formed trace of a library scenario, byte for byte the same on a second run', async () => {
    const path = join(dir, 'not-closed.json');
    const first = await runCliCaptured(['run', 'not-closed', '--perfetto', path]);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain(`perfetto trace written to ${path}`);
    const bytes = readFileSync(path, 'utf8');
    const { events, metadata } = readTrace(path);
    expect(traceProblems(events)).toEqual([]);
    const tracks = threadNames(events);
    for (const name of [
      'iq-1 · Office IQ',
      'rep-1',
      'lock-front · Front door',
      'door-front · Front door',
      'cloud',
    ])
      expect(tracks.has(name), name).toBe(true);
    const lockFront = onTrack(events, tracks.get('lock-front · Front door'));
    expect(lockFront.some((e) => e.ph === 'B' && e.name === 'unlocked' && e.cat === 'bolt')).toBe(true);
    const doorFront = onTrack(events, tracks.get('door-front · Front door'));
    expect(doorFront.filter((e) => e.ph === 'B').map((e) => e.name)).toEqual([
      'closed',
      'open',
      'NOT CLOSED',
      'closed',
    ]);
    const radioFlow = events.find((e) => e.ph === 's' && e.cat === 'radio');
    expect(events.some((e) => e.ph === 'f' && e.id === radioFlow?.id)).toBe(true);
    expect(
      events.some((e) => e.ph === 'i' && e.cat === 'alert' && String(e.name).startsWith('ALERT not_closed')),
    ).toBe(true);
    expect(metadata).toMatchObject({
      command: 'run',
      source: 'not-closed',
      site: 'office',
      seed: 1,
      truncated: false,
    });
    const second = await runCliCaptured(['run', 'not-closed', '--perfetto', path, '--json']);
    expect(second.exitCode).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(bytes);
  });

  it('marks the broken invariant when replaying a failure file', async () => {
    const path = join(dir, 'replay.json');
    const result = await runCliCaptured([
      'replay',
      'scenarios/regressions/not-closed-at-30s-not-closed-seed1-run0.json',
      '--perfetto',
      path,
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('REPRODUCED');
    expect(result.stdout).not.toContain('warning');
    const { events, metadata } = readTrace(path);
    expect(traceProblems(events)).toEqual([]);
    const violation = events.find((e) => e.cat === 'invariant');
    expect(violation).toMatchObject({ ph: 'i', s: 'g', name: 'VIOLATED not-closed' });
    expect(String((violation?.args as Json).message)).toContain('NOT CLOSED');
    expect(metadata).toMatchObject({ command: 'replay' });
  });

  it('refuses a file it cannot write, and --all, with exit 2 and one line', async () => {
    const unwritable = await runCliCaptured([
      'run',
      'not-closed',
      '--perfetto',
      join(dir, 'no-such-dir', 'x.json'),
    ]);
    expect(unwritable.exitCode).toBe(2);
    expect(unwritable.stderr).toMatch(/^lockstep: --perfetto: cannot write .*ENOENT\n$/);
    const all = await runCliCaptured(['run', '--all', '--perfetto', join(dir, 'all.json'), '--json']);
    expect(all.exitCode).toBe(2);
    expect(JSON.parse(all.stdout)).toMatchObject({
      error: { message: expect.stringContaining('--perfetto') },
    });
    const replay = await runCliCaptured([
      'replay',
      'scenarios/regressions/not-closed-at-30s-not-closed-seed1-run0.json',
      '--perfetto',
      join(dir, 'missing', 'r.json'),
    ]);
    expect(replay.exitCode).toBe(2);
  });
});
