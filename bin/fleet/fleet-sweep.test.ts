import { describe, expect, it } from 'vitest';
import { BadInputError } from '../exit-codes.ts';
import { parseRedisUrl, redactedUrl } from './fleet-redis.ts';
import { chunkJobId, chunkRange, fleetSweepOf, parseSweepName } from './fleet-sweep.ts';

const identity = { seed: 1, runs: 23, steps: 8, mode: 'both' as const, defects: [] };

describe('fleet names and chunks', () => {
  it('takes redis:// and rediss:// URLs and nothing else', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(parseRedisUrl('rediss://user:secret@cache.internal:6380/2')).toContain('rediss://');
    for (const bad of [
      '',
      'http://127.0.0.1:6379',
      '127.0.0.1:6379',
      'redis://',
      'redis://h:1/x',
      'redis://h?db=1',
    ])
      expect(() => parseRedisUrl(bad), bad).toThrow(BadInputError);
    expect(() => parseRedisUrl(`redis://${'h'.repeat(3_000)}`)).toThrow(/longer than/);
  });

  it('never shows a password', () => {
    expect(redactedUrl('redis://user:secret@host:6379')).toBe('redis://user:***@host:6379');
    expect(redactedUrl('redis://host:6379')).toBe('redis://host:6379');
  });

  it('names sweeps with letters, digits, - and _ only', () => {
    expect(parseSweepName(undefined)).toBe('default');
    expect(parseSweepName('nightly-2_b')).toBe('nightly-2_b');
    for (const bad of ['', '-x', 'a:b', 'a.b', 'a b', 'x'.repeat(65)])
      expect(() => parseSweepName(bad), bad).toThrow(BadInputError);
    expect(chunkJobId('nightly', 3)).toBe('nightly.3');
  });

  it('cuts the runs into contiguous chunks that cover each run once', () => {
    const record = fleetSweepOf({ name: 'n', sweep: identity, chunkRuns: 5, stopOnFailure: false });
    expect(record.chunks).toBe(5);
    const ranges = Array.from({ length: record.chunks }, (_, chunk) => chunkRange(record, chunk));
    expect(ranges).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
      [20, 23],
    ]);
    expect(() => chunkRange(record, 5)).toThrow();
    expect(() => chunkRange(record, -1)).toThrow();
  });

  it('bounds the chunks of a sweep', () => {
    const sweep = { ...identity, runs: 1_000_000 };
    expect(() => fleetSweepOf({ name: 'n', sweep, chunkRuns: 10, stopOnFailure: false })).toThrow(
      /more than 10000: take a bigger --chunk/,
    );
    expect(fleetSweepOf({ name: 'n', sweep, chunkRuns: 100, stopOnFailure: false }).chunks).toBe(10_000);
  });
});
