/**
 * Shrinking the site of a failing case: the regression of `blocked-tag-still-opens` (14 generated locks) keeps
 * only the lock, the people and the tag its failure needs, and still breaks the same invariant; a removal takes
 * with it what refers to what it removed, steps included.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseOfFailure, failureFileSchema } from './failure-file.ts';
import { failureSummary } from './failure-summary.ts';
import { runCase, type Case } from './run-case.ts';
import { caseWithout, shrinkSite } from './site-shrink.ts';

function regression(name: string): Case {
  const json: unknown = JSON.parse(
    readFileSync(new URL(`../regressions/${name}.json`, import.meta.url), 'utf8'),
  );
  return caseOfFailure(failureFileSchema.parse(json));
}

const ids = (testCase: Case, list: 'locks' | 'users' | 'tags' | 'phones' | 'doors' | 'repeaters'): string[] =>
  ((testCase.site as unknown as Record<string, { id: string }[] | undefined>)[list] ?? []).map(
    (item) => item.id,
  );

describe('shrinkSite', () => {
  it('drops the locks, people and devices a blocked tag that still opens does not need', () => {
    const testCase = regression('blocked-tag-still-opens-opening-allowed-seed1-run5');
    expect(ids(testCase, 'locks')).toHaveLength(14);
    const { testCase: shrunk, runs } = shrinkSite(testCase, {
      invariant: 'opening-allowed',
      message: 'lock-1-1 opened for tag-5',
    });
    expect(ids(shrunk, 'locks')).toEqual(['lock-1-1']);
    expect(ids(shrunk, 'doors')).toEqual(['door-1-1']);
    expect(ids(shrunk, 'tags')).toEqual(['tag-5']);
    expect(ids(shrunk, 'repeaters')).toEqual([]);
    expect(shrunk.steps).toEqual(testCase.steps);
    expect(runs).toBeLessThanOrEqual(80);
    const violation = runCase(shrunk, { keepLines: false }).violation;
    expect(violation?.invariant).toBe('opening-allowed');
    expect(failureSummary(shrunk, violation!)).toMatch(
      /^opening-allowed: lock-1-1 opened for tag-5 .*, after block-tag tag-5 by user-1 at 00:00\.5 \(violated at 00:01\.3\)$/,
    );
  });

  it('takes with a removal what refers to it: a user with their tags, phones, group places and steps', () => {
    const testCase = regression('blocked-tag-still-opens-opening-allowed-seed1-run5');
    const without = caseWithout(testCase, ['user-5']);
    expect(without).toBeDefined();
    expect(ids(without!, 'users')).not.toContain('user-5');
    expect(ids(without!, 'tags')).not.toContain('tag-5');
    expect(ids(without!, 'phones')).not.toContain('phone-3');
    expect(JSON.stringify(without!.site)).not.toContain('"user-5"');
    // Both steps name tag-5 (blocked, then presented): they go with it.
    expect(without!.steps).toEqual([]);
    expect(caseWithout(testCase, ['nobody'])).toBeUndefined();
    // A lock takes its door, and only its own: lock-1-1 is not lock-1-10.
    const oneLockLess = caseWithout(testCase, ['lock-1-1'])!;
    expect(ids(oneLockLess, 'doors')).not.toContain('door-1-1');
    expect(ids(oneLockLess, 'doors')).toContain('door-1-10');
    expect(oneLockLess.steps.map((step) => step.input.type)).toEqual(['admin']);
  });
});
