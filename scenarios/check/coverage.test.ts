import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { deviceMachines, type SiteSpecInput } from '../../twin/index.ts';
import {
  countRun,
  coverageReport,
  coverageVerdict,
  emptyTally,
  mergeTally,
  RunCoverageRecorder,
  situations,
} from './coverage.ts';
import { machineGraph, stateIdsOfValue } from './coverage/machine-graph.ts';
import { caseOfRun } from './property.ts';
import { runCase, type Case } from './run-case.ts';

/** A machine small enough to list its transitions by hand: root, `on`, guarded alternatives, `after`, `always`. */
const tinyMachine = setup({
  types: { events: {} as { type: 'GO' } | { type: 'STOP' } | { type: 'PING' } },
  guards: { never: () => false },
  delays: { rest: 1_000 },
}).createMachine({
  id: 'tiny',
  initial: 'idle',
  on: { PING: {} },
  states: {
    idle: { on: { GO: [{ guard: 'never', target: 'done' }, { target: 'busy' }] } },
    busy: {
      initial: 'warming',
      states: { warming: { after: { rest: 'hot' } }, hot: { always: { target: '#tiny.done' } } },
      on: { STOP: 'idle' },
    },
    done: { type: 'final' },
  },
});

describe('the transitions of a machine, from its definition', () => {
  it('lists exactly the tiny machine’s states and transitions, with stable ids', () => {
    const graph = machineGraph(tinyMachine);
    expect(graph.machine).toBe('tiny');
    expect(graph.states).toEqual([
      'tiny.idle',
      'tiny.busy',
      'tiny.busy.warming',
      'tiny.busy.hot',
      'tiny.done',
    ]);
    expect(graph.transitions).toEqual([
      'tiny:PING',
      'tiny.idle:GO:0',
      'tiny.idle:GO:1',
      'tiny.busy:STOP',
      'tiny.busy.warming:after rest',
      'tiny.busy.hot:always',
    ]);
  });

  it('names every state a (parallel) value is in, ancestors included', () => {
    expect(stateIdsOfValue('lock', { bolt: { officeMode: 'easy' }, door: 'open' })).toEqual([
      'lock.bolt',
      'lock.bolt.officeMode',
      'lock.bolt.officeMode.easy',
      'lock.door',
      'lock.door.open',
    ]);
  });
});

/** One IQ, one lock, one user whose tag opens it at any time. */
const site: SiteSpecInput = {
  name: 'tiny',
  startsAtUtc: '2026-03-02T09:00:00Z',
  iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
  doors: [{ id: 'door-1' }],
  locks: [
    {
      id: 'lock-1',
      kind: 'bluenet-escutcheon',
      iq: 'iq-1',
      door: 'door-1',
      position: { x: 3, y: 0 },
      access: [],
    },
  ],
  users: [{ id: 'user-1', role: 'owner', email: 'owner@example.com' }],
  tags: [{ id: 'tag-1', user: 'user-1' }],
  accessGroups: [
    {
      id: 'group-always',
      users: ['user-1'],
      locks: ['lock-1'],
      schedules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
    },
  ],
};

/** The tag opens the door, which stays open past NOT CLOSED, is closed, and later forced. */
const handmade: Case = {
  site,
  seed: 1,
  defects: [],
  steps: [
    { gapMs: 1_000, input: { type: 'present-tag', tag: 'tag-1', lock: 'lock-1', holdMs: 0 } },
    { gapMs: 1_000, input: { type: 'open-door', door: 'door-1' } },
    { gapMs: 45_000, input: { type: 'close-door', door: 'door-1' } },
    { gapMs: 10_000, input: { type: 'force-door', door: 'door-1' } },
  ],
};

function recorded(testCase: Case) {
  const recorder = new RunCoverageRecorder();
  const result = runCase(testCase, { keepLines: false, ...recorder.runOptions() });
  return { result, coverage: recorder.result() };
}

describe('the coverage of one run', () => {
  it('sees the situations and transitions of a handmade run, and nothing it did not do', () => {
    const { result, coverage } = recorded(handmade);
    expect(result.violation).toBeUndefined();
    expect(coverage.situations).toEqual(['NOT CLOSED raised', 'NOT CLOSED cleared', 'an intrusion']);
    expect(coverage.transitions).toEqual(
      expect.arrayContaining([
        'lock.bolt.locked:CREDENTIAL:2',
        'lock.bolt.unlocked:after openTime',
        'lock.door.open:after notClosedAfter',
        'lock.door.notClosed:DOOR_CLOSED',
        'lock.door.closed:DOOR_OPENED:1',
        'door.closed:FORCE',
        'iq.on:after heartbeatInterval',
        'iq.on:HEARTBEAT_ACK',
      ]),
    );
    expect(coverage.transitions).not.toContain('lock.bolt.locked:TAG_HELD');
    expect(coverage.states).toContain('lock.door.notClosed');
    expect(coverage.states).not.toContain('lock.bolt.officeMode');
  });

  it('changes nothing in the run: the same fingerprints with the observer and without it', () => {
    const cases = [
      handmade,
      ...[0, 1, 2, 3].map((runIndex) => caseOfRun(runIndex, { sweepSeed: 1, steps: 20, defects: [] })),
    ];
    for (const testCase of cases)
      for (const mode of ['both', 'safety', 'liveness'] as const) {
        const plain = runCase(testCase, { keepLines: false, mode });
        const recorder = new RunCoverageRecorder();
        const watched = runCase(testCase, { keepLines: false, mode, ...recorder.runOptions() });
        expect(watched.traceHash).toBe(plain.traceHash);
        expect(watched.violation).toEqual(plain.violation);
      }
  });
});

describe('tallies, the report and the verdict', () => {
  it('counts each run once, adds parts up, and names what is missing', () => {
    const { coverage } = recorded(handmade);
    const whole = emptyTally();
    countRun(whole, coverage);
    countRun(whole, coverage);
    const part = emptyTally();
    countRun(part, coverage);
    const merged = emptyTally();
    mergeTally(merged, part);
    mergeTally(merged, part);
    expect(merged).toEqual(whole);
    const report = coverageReport(whole);
    expect(report.runs).toBe(2);
    expect(report.situations.map((situation) => situation.name)).toEqual(situations.map(({ name }) => name));
    expect(report.situations.find((situation) => situation.name === 'an intrusion')?.runs).toBe(2);
    const lock = report.machines['lock'];
    expect(lock?.transitions.total).toBe(machineGraph(deviceMachines.lock).transitions.length);
    // bolt (6: its region, locked, unlocked, officeMode with manual and easy), door (4), motor (5: its region,
    // released, engaging, engaged, releasing)
    expect(lock?.states.total).toBe(15);
    expect(lock?.transitions.runs['door.closed:FORCE']).toBeUndefined();
    expect(report.machines['door']?.transitions.runs['door.closed:FORCE']).toBe(2);
    const verdict = coverageVerdict(report, { transitionCoverageMinPercent: 95 });
    expect(verdict.met).toBe(false);
    if (verdict.met) return;
    expect(verdict.unmet).toContain('situation never reached: a tap taken by the other lock');
    expect(verdict.unmet.some((line) => line.startsWith('lock: '))).toBe(true);
    expect(coverageVerdict(report, { transitionCoverageMinPercent: 0 }).met).toBe(false);
  });
});
