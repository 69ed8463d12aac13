import { describe, expect, it } from 'vitest';
import { accessTwin } from '../fixtures/access-site.ts';

/** Which lock took a tap aimed at lock-a, with lock-b `gapM` metres along the same wall. */
function takerOfTap(gapM: number, seed: number): string | null {
  const twin = accessTwin(
    {
      locks: [
        { id: 'lock-a', position: { x: 3, y: 0 } },
        { id: 'lock-b', position: { x: 3 + gapM, y: 0 } },
      ],
    },
    seed,
  );
  twin.apply({ type: 'tap-phone', phone: 'phone-1', lock: 'lock-a' });
  twin.runUntil(3_000);
  const tap = twin.trace.lines().find((line) => line.includes('"kind":"ble.tap"'));
  return (JSON.parse(tap as string) as { taken: string | null }).taken;
}

describe('conflicting locks', () => {
  it('at 1 m apart, a tap meant for one lock opens the other in some seeds, from the radio alone', () => {
    const takers = Array.from({ length: 200 }, (_, index) => takerOfTap(1, index + 1));
    const wrong = takers.filter((taker) => taker === 'lock-b').length;
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThan(takers.length / 2);
    expect(takers.filter((taker) => taker === 'lock-a').length).toBeGreaterThan(takers.length / 2);
  });

  it('at 6 m apart, never over 1,000 seeds', () => {
    for (let seed = 1; seed <= 1_000; seed++) expect(takerOfTap(6, seed)).toBe('lock-a');
  });

  it('the lock that takes the tap decides and opens its own door', () => {
    const seed = Array.from({ length: 200 }, (_, index) => index + 1).find(
      (candidate) => takerOfTap(1, candidate) === 'lock-b',
    ) as number;
    const twin = accessTwin(
      {
        locks: [
          { id: 'lock-a', position: { x: 3, y: 0 } },
          { id: 'lock-b', position: { x: 4, y: 0 } },
        ],
      },
      seed,
    );
    twin.apply({ type: 'tap-phone', phone: 'phone-1', lock: 'lock-a' });
    twin.runUntil(3_000);
    expect(twin.lockView('lock-b').bolt).toBe('unlocked');
    expect(twin.lockView('lock-a').bolt).toBe('locked');
  });
});
