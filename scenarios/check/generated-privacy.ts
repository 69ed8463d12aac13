/**
 * Generated stories around privacy mode and the tamper sensor, as chunks of steps, since single random steps would
 * seldom try a door while its knob is turned or look at an alert while a sensor stays tripped:
 * - privacy: someone inside turns an escutcheon's knob, then a tag is shown at that lock, someone opens it
 *   remotely or switches Manual Office Mode on from the cloud, or the door is opened from inside; now and then the
 *   knob is turned back afterwards;
 * - tamper: someone forces a lock (any kind: the older escutcheon has no sensor and must stay silent), keeps at
 *   it a while (the same input again, which changes nothing), and now and then the lock is made whole again.
 */
import fc from 'fast-check';
import { hasPrivacyKnob, type SiteSpecInput, type TwinInput } from '../../twin/index.ts';
import type { Step } from './generated-step.ts';

export function privacyStory(
  spec: SiteSpecInput,
  swarm: { readonly doors: boolean; readonly tags: boolean; readonly admin: boolean },
): fc.Arbitrary<Step[]> | undefined {
  const knobLocks = (spec.locks ?? [])
    .filter((lock) => hasPrivacyKnob(lock.kind))
    .map((lock) => ({ lock: lock.id, door: lock.door }));
  const tags = (spec.tags ?? []).map((tag) => tag.id);
  const users = (spec.users ?? []).map((user) => user.id);
  if (!swarm.doors || knobLocks.length === 0) return undefined;
  const tries: fc.Arbitrary<(lock: string, door: string) => TwinInput>[] = [
    fc.constant((_lock, door) => ({ type: 'hold-handle', door, durationMs: 3_000 })),
  ];
  if (swarm.tags && tags.length > 0)
    tries.push(
      fc.constantFrom(...tags).map((tag) => (lock) => ({ type: 'present-tag', tag, lock, holdMs: 0 })),
    );
  if (swarm.admin && users.length > 0)
    tries.push(
      fc.tuple(fc.constantFrom(...users), fc.boolean()).map(([actor, open]) => (lock): TwinInput => ({
        type: 'admin',
        actor,
        action: open ? 'remote-open' : 'office-mode',
        args: open ? [lock] : [lock, true],
      })),
    );
  return fc
    .tuple(
      fc.constantFrom(...knobLocks),
      fc.oneof(...tries),
      fc.integer({ min: 500, max: 20_000 }),
      fc.integer({ min: 1_000, max: 20_000 }),
      fc.option(fc.integer({ min: 1_000, max: 60_000 })),
    )
    .map(([{ lock, door }, tryAt, gapMs, tryAfterMs, turnBackAfterMs]): Step[] => [
      { gapMs, input: { type: 'privacy-knob', lock, on: true } },
      { gapMs: tryAfterMs, input: tryAt(lock, door) },
      ...(turnBackAfterMs === null
        ? []
        : [{ gapMs: turnBackAfterMs, input: { type: 'privacy-knob', lock, on: false } as const }]),
    ]);
}

export function tamperStory(
  spec: SiteSpecInput,
  swarm: { readonly doors: boolean },
): fc.Arbitrary<Step[]> | undefined {
  const locks = (spec.locks ?? []).map((lock) => lock.id);
  if (!swarm.doors || locks.length === 0) return undefined;
  return fc
    .tuple(
      fc.constantFrom(...locks),
      fc.integer({ min: 500, max: 20_000 }),
      fc.integer({ min: 2_000, max: 30_000 }),
      fc.option(fc.integer({ min: 1_000, max: 60_000 })),
    )
    .map(([lock, gapMs, againAfterMs, wholeAfterMs]): Step[] => [
      { gapMs, input: { type: 'tamper', lock, on: true } },
      { gapMs: againAfterMs, input: { type: 'tamper', lock, on: true } },
      ...(wholeAfterMs === null
        ? []
        : [{ gapMs: wholeAfterMs, input: { type: 'tamper', lock, on: false } as const }]),
    ]);
}
