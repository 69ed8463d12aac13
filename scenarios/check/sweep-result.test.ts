import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distinctFailures,
  failureFingerprint,
  gapsOf,
  mergeSweepResults,
  parseSweepResult,
  rangesOf,
  SweepMismatchError,
  sweepResultOf,
  sweepResultOfMerged,
  type SweepFailure,
  type SweepIdentity,
  type SweepResult,
} from './sweep-result.ts';
import type { RunOutcome } from './property.ts';

const identity: SweepIdentity = { seed: 7, runs: 20, steps: 5, mode: 'safety', defects: ['b', 'a'] };

function failure(runIndex: number, inputs: number, fingerprint = 'aa', invariant = 'relocks'): SweepFailure {
  return { runIndex, fcSeed: runIndex * 3, invariant, message: `run ${runIndex}`, fingerprint, inputs };
}

const passed = (runIndex: number): RunOutcome => ({ runIndex, fcSeed: runIndex, failed: false });

function resultOf(indices: number[], failures: SweepFailure[] = []): SweepResult {
  return sweepResultOf(identity, indices, indices.map(passed), undefined, {
    failures,
    failedRuns: failures.length,
  });
}

describe('failure fingerprints', () => {
  const steps = (...kinds: string[]) => kinds.map((type, at) => ({ input: { type, lock: `lock-${at}` } }));

  it('are the invariant and the kinds of input, whatever the ids', () => {
    const a = failureFingerprint('relocks', steps('tap-phone', 'power'));
    const renamed = [
      { input: { type: 'tap-phone', lock: 'other' } },
      { input: { type: 'power', lock: 'x' } },
    ];
    expect(failureFingerprint('relocks', renamed)).toBe(a);
    expect(failureFingerprint('relocks', steps('power', 'tap-phone'))).not.toBe(a);
    expect(failureFingerprint('not-closed', steps('tap-phone', 'power'))).not.toBe(a);
    expect(failureFingerprint('relocks', steps('tap-phone'))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('distinct failures', () => {
  it('keep the minimal failure of each bug: fewest inputs, then lowest run', () => {
    const kept = distinctFailures([
      failure(5, 3),
      failure(2, 3),
      failure(9, 1, 'bb'),
      failure(4, 2, 'bb'),
      failure(1, 2, 'bb'),
      failure(3, 4, 'aa', 'liveness'),
    ]);
    expect(kept.map((each) => [each.runIndex, each.fingerprint, each.invariant])).toEqual([
      [2, 'aa', 'relocks'],
      [3, 'aa', 'liveness'],
      [9, 'bb', 'relocks'],
    ]);
  });

  it('give the same whether parts are de-duplicated first or not', () => {
    const failureArb = fc
      .tuple(fc.nat(50), fc.nat(6), fc.constantFrom('aa', 'bb', 'cc'), fc.constantFrom('relocks', 'liveness'))
      .map(([runIndex, inputs, fingerprint, invariant]) => failure(runIndex, inputs, fingerprint, invariant));
    fc.assert(
      fc.property(fc.array(fc.array(failureArb, { maxLength: 8 }), { maxLength: 5 }), (parts) => {
        const unique = parts.map((part) =>
          part.filter((f, at) => part.findIndex((g) => g.runIndex === f.runIndex) === at),
        );
        const all = distinctFailures(unique.flat());
        const partwise = distinctFailures(unique.flatMap((part) => distinctFailures(part)));
        expect(partwise).toEqual(all);
      }),
    );
  });
});

describe('covered ranges', () => {
  it('are sorted, disjoint half-open ranges', () => {
    expect(rangesOf([5, 1, 2, 3, 9, 2])).toEqual([
      [1, 4],
      [5, 6],
      [9, 10],
    ]);
    expect(rangesOf([])).toEqual([]);
    expect(gapsOf([[2, 4]], 6)).toEqual([
      [0, 2],
      [4, 6],
    ]);
  });

  it('merge into the union, with the runs of two or more parts as overlaps and the rest as gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.nat(identity.runs - 1), { maxLength: 20 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (parts) => {
          const merged = mergeSweepResults(parts.map((indices) => resultOf(indices)));
          const times = Array.from(
            { length: identity.runs },
            (_, run) => parts.filter((part) => part.includes(run)).length,
          );
          const runsWhere = (test: (count: number) => boolean) =>
            times.flatMap((count, run) => (test(count) ? [run] : []));
          expect(merged.covered).toEqual(rangesOf(runsWhere((count) => count > 0)));
          expect(merged.overlaps).toEqual(rangesOf(runsWhere((count) => count > 1)));
          expect(merged.gaps).toEqual(rangesOf(runsWhere((count) => count === 0)));
          expect(merged.counts.runs).toBe(runsWhere((count) => count > 0).length);
        },
      ),
    );
  });
});

describe('sweep result documents', () => {
  it('sort the defects, count the runs and keep the distinct failures', () => {
    const outcomes: RunOutcome[] = [
      passed(0),
      {
        runIndex: 1,
        fcSeed: 11,
        failed: true,
        violation: { invariant: 'relocks', tMs: 5, message: 'lock-1 stayed open' },
        counterexample: {
          site: { iqs: [] } as never,
          seed: 1,
          defects: [],
          steps: [{ gapMs: 1, input: { type: 'power', device: 'iq-1', on: false } }],
        },
      },
    ];
    const result = sweepResultOf(identity, [0, 1], outcomes, {
      runs: 2,
      states: { 'lock.b': 1, 'lock.a': 2 },
      transitions: {},
      situations: {},
    });
    expect(result.sweep.defects).toEqual(['a', 'b']);
    expect(result.covered).toEqual([[0, 2]]);
    expect(result.counts).toEqual({ runs: 2, failedRuns: 1 });
    expect(Object.keys(result.coverage?.states ?? {})).toEqual(['lock.a', 'lock.b']);
    expect(result.failures).toEqual([
      expect.objectContaining({
        runIndex: 1,
        invariant: 'relocks',
        inputs: 1,
        fingerprint: failureFingerprint('relocks', [{ input: { type: 'power' } }]),
      }),
    ]);
    expect(parseSweepResult(JSON.parse(JSON.stringify(result)), 'x.json')).toEqual(result);
  });

  it.each([
    [
      'another format',
      (doc: Record<string, unknown>) => ({ ...doc, format: 'lockstep-failure/1' }),
      /not a lockstep-sweep-result/,
    ],
    ['another version', (doc: Record<string, unknown>) => ({ ...doc, version: 2 }), /version/],
    ['an unknown field', (doc: Record<string, unknown>) => ({ ...doc, extra: 1 }), /extra|Unrecognized/i],
    [
      'unsorted ranges',
      (doc: Record<string, unknown>) => ({
        ...doc,
        covered: [
          [5, 6],
          [0, 2],
        ],
      }),
      /sorted/,
    ],
    [
      'a range past the runs',
      (doc: Record<string, unknown>) => ({ ...doc, covered: [[0, 21]], counts: { runs: 21, failedRuns: 0 } }),
      /beyond|counts|too big|<=/,
    ],
    [
      'counts that disagree',
      (doc: Record<string, unknown>) => ({ ...doc, counts: { runs: 3, failedRuns: 0 } }),
      /counts.runs/,
    ],
    ['a fractional run', (doc: Record<string, unknown>) => ({ ...doc, covered: [[0.5, 2]] }), /covered/],
  ])('refuse %s', (_name, mutate, message) => {
    const doc = JSON.parse(JSON.stringify(resultOf([0, 1, 2, 3]))) as Record<string, unknown>;
    expect(() => parseSweepResult(mutate(doc), 'shard.json')).toThrow(message);
    expect(() => parseSweepResult(mutate(doc), 'shard.json')).toThrow(/^shard\.json: /);
  });

  it('refuse to merge two sweeps, and a merged document merges again', () => {
    const other = sweepResultOf({ ...identity, seed: 8 }, [0], [passed(0)]);
    expect(() => mergeSweepResults([resultOf([0]), other])).toThrow(SweepMismatchError);
    const parts = [resultOf([0, 1], [failure(1, 2)]), resultOf([2, 3], [failure(3, 1)]), resultOf([4])];
    const once = mergeSweepResults(parts);
    expect(once.failures.map((each) => each.runIndex)).toEqual([3]);
    expect(once.counts).toEqual({ runs: 5, failedRuns: 2 });
    const again = mergeSweepResults([
      parseSweepResult(
        JSON.parse(JSON.stringify(sweepResultOfMerged(mergeSweepResults(parts.slice(0, 2))))),
        'm',
      ),
      parts[2] as SweepResult,
    ]);
    expect(again).toEqual(once);
  });
});
