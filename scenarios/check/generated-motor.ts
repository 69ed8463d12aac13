/**
 * Generated door pushes around a lock's motor runs: a tag at a lock, then its door pushed while the motor may still
 * be coupling the handle (a read takes 100–300 ms, a run ~300 ms), closed, and pushed again around the end of
 * the open time, when the uncoupling run turns. Ordinary steps come seconds apart and would almost never land
 * inside a run. Every gap is at least 1 ms: the harness runs each step's millisecond out before the next.
 */
import fc from 'fast-check';
import type { SiteSpecInput } from '../../twin/index.ts';
import type { Step } from './generated-step.ts';

/** What a lock's open time is when its spec names none (the domain's 5 s). */
const openTimeMsWhenUnset = 5_000;

export function doorAroundMotor(
  spec: SiteSpecInput,
  swarm: { readonly doors: boolean; readonly tags: boolean },
): fc.Arbitrary<Step[]> | undefined {
  const tags = (spec.tags ?? []).map((tag) => tag.id);
  const locks = (spec.locks ?? []).map((lock) => ({
    lock: lock.id,
    door: lock.door,
    openTimeMs: lock.openTimeMs ?? openTimeMsWhenUnset,
  }));
  if (!swarm.doors || !swarm.tags || tags.length === 0 || locks.length === 0) return undefined;
  return fc
    .tuple(
      fc.constantFrom(...locks),
      fc.constantFrom(...tags),
      fc.integer({ min: 500, max: 20_000 }),
      fc.integer({ min: 1, max: 900 }),
      fc.integer({ min: -600, max: 900 }),
    )
    .map(([{ lock, door, openTimeMs }, tag, gapMs, firstPushMs, relockOffsetMs]): Step[] => {
      const closeAfterMs = 100;
      const secondPushMs = Math.max(1, openTimeMs - firstPushMs - closeAfterMs + relockOffsetMs);
      return [
        { gapMs, input: { type: 'present-tag', tag, lock, holdMs: 0 } },
        { gapMs: firstPushMs, input: { type: 'open-door', door } },
        { gapMs: closeAfterMs, input: { type: 'close-door', door } },
        { gapMs: secondPushMs, input: { type: 'open-door', door } },
        { gapMs: closeAfterMs, input: { type: 'close-door', door } },
      ];
    });
}
