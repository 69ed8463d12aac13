/**
 * Generated maintenance: a battery lock's battery runs low (or very low), then, a while later, someone puts new
 * batteries in. Single steps rarely meet in that order on one lock, and the low-battery alert's clearing is only
 * judged after a low reading.
 */
import fc from 'fast-check';
import { isWallReader, type SiteSpecInput } from '../../twin/index.ts';
import type { Step } from './generated-step.ts';

export function batteryRunsLowThenReplaced(
  spec: SiteSpecInput,
  swarm: { readonly battery: boolean },
): fc.Arbitrary<Step[]> | undefined {
  const locks = (spec.locks ?? []).filter((lock) => !isWallReader(lock.kind)).map((lock) => lock.id);
  if (!swarm.battery || locks.length === 0) return undefined;
  return fc
    .tuple(
      fc.constantFrom(...locks),
      fc.constantFrom('low' as const, 'very-low' as const),
      fc.integer({ min: 500, max: 20_000 }),
      fc.integer({ min: 1_000, max: 600_000 }),
    )
    .map(([lock, level, gapMs, replacedAfterMs]): Step[] => [
      { gapMs, input: { type: 'battery', lock, level } },
      { gapMs: replacedAfterMs, input: { type: 'replace-battery', lock } },
    ]);
}
