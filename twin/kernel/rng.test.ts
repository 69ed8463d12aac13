import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './rng.ts';

const draws = (seed: number, name: string, count: number): number[] => {
  const stream = createSeededRandom(seed).stream(name);
  return Array.from({ length: count }, () => stream.nextUint32());
};

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and stream name', () => {
    expect(draws(7, 'radio', 20)).toEqual(draws(7, 'radio', 20));
  });

  it('gives different sequences for different seeds or names', () => {
    expect(draws(7, 'radio', 20)).not.toEqual(draws(8, 'radio', 20));
    expect(draws(7, 'radio', 20)).not.toEqual(draws(7, 'people', 20));
  });

  it('keeps streams independent: drawing from one does not shift another', () => {
    const random = createSeededRandom(42);
    const people = random.stream('people');
    random.stream('radio').nextUint32();
    expect(people.nextUint32()).toBe(draws(42, 'people', 1)[0]);
  });

  it('draws uniform floats in [0, 1) with a plausible mean and Gaussians with a plausible spread', () => {
    const stream = createSeededRandom(1).stream('stats');
    const count = 20_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < count; i++) {
      const value = stream.float();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      sum += value;
      const normal = stream.gaussian(0, 4);
      sumSquares += normal * normal;
    }
    expect(sum / count).toBeCloseTo(0.5, 1);
    expect(Math.sqrt(sumSquares / count)).toBeCloseTo(4, 0);
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => createSeededRandom(1.5)).toThrow(RangeError);
  });
});
