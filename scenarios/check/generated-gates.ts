/**
 * Gates in generated sites and the stories that use them. Some lock slots become wall readers (with a keypad or
 * without) wired to a controller whose relay has its own open time, with or without an exit button; a story then
 * has someone inside press the exit button, push the gate open and close it again once the relay's open time is
 * well past, so the relocks invariant looks at the gate after its relay should have released (single random
 * steps seldom wait that long at the same gate).
 */
import fc from 'fast-check';
import type { SiteSpecInput } from '../../twin/index.ts';
import type { Step } from './generated-step.ts';

export interface GateChoice {
  readonly kind: 'wall-reader' | 'wall-reader-pin';
  readonly relayOpenTimeMs: number;
  readonly exitButton: boolean;
}

/** Relay open times: shorter and longer than the default 5 s, so a relay's release and a lock's differ. */
const relayOpenTimeChoicesMs = [2_000, 5_000, 12_000] as const;

/** Per lock slot: mostly no gate (the slot keeps its drawn kind), now and then a wall reader with a controller. */
export const gateChoiceArbitrary: fc.Arbitrary<GateChoice | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 6 },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('wall-reader' as const, 'wall-reader-pin' as const),
      relayOpenTimeMs: fc.constantFrom(...relayOpenTimeChoicesMs),
      exitButton: fc.boolean(),
    }),
    weight: 1,
  },
);

type GeneratedLock = NonNullable<SiteSpecInput['locks']>[number];

/** The lock as drawn, or the gate the slot's choice makes of it (same id, door and place). */
export function gateOf(lock: GeneratedLock, choice: GateChoice | null | undefined): GeneratedLock {
  // Generated locks name no battery level, so the gate is valid as a mains-powered wall reader.
  if (choice === null || choice === undefined) return lock;
  return {
    ...lock,
    kind: choice.kind,
    controller: { relayOpenTimeMs: choice.relayOpenTimeMs, exitButton: choice.exitButton },
  };
}

/** How far past the relay's open time the gate is looked at again (beyond the invariants' 1 s tolerance). */
const lookAfterReleaseMs = [1_500, 4_000, 20_000] as const;

export function exitButtonStory(
  spec: SiteSpecInput,
  swarm: { readonly doors: boolean },
): fc.Arbitrary<Step[]> | undefined {
  const gates = (spec.locks ?? []).flatMap((lock) =>
    lock.controller?.exitButton === true
      ? [{ lock: lock.id, door: lock.door, relayMs: lock.controller.relayOpenTimeMs ?? 5_000 }]
      : [],
  );
  if (!swarm.doors || gates.length === 0) return undefined;
  return fc
    .tuple(
      fc.constantFrom(...gates),
      fc.integer({ min: 500, max: 20_000 }),
      fc.boolean(),
      fc.constantFrom(...lookAfterReleaseMs),
    )
    .map(([{ lock, door, relayMs }, gapMs, walkThrough, afterMs]): Step[] => [
      { gapMs, input: { type: 'exit-button', lock } },
      // Someone walks through (the gate opens while the relay holds it free) or nobody does.
      ...(walkThrough ? [{ gapMs: 800, input: { type: 'open-door', door } as const }] : []),
      { gapMs: relayMs + afterMs, input: { type: 'close-door', door } },
    ]);
}
