/**
 * Seeded randomness, split into named streams from one root seed (design.md, determinism rule 2).
 *
 * Each stream's state is derived from a hash of (root seed, stream name), never from another stream's draws,
 * so adding a device or a draw in one stream does not shift any other stream.
 */

/** cyrb128: a fast, well-mixed 128-bit string hash, used only to derive stream states. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const uint32ToUnit = 1 / 4294967296;

/** One stream of pseudo-random numbers (sfc32: small state, fast, passes PractRand to 2^40+). */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** A second Gaussian from Box–Muller, kept so draws come in a fixed order. */
  private spareGaussian: number | undefined;

  constructor(
    readonly name: string,
    state: readonly [number, number, number, number],
  ) {
    [this.a, this.b, this.c, this.d] = state;
    // Warm up so that similar seeds diverge before the first draw is used.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextUint32() * uint32ToUnit;
  }

  /** Uniform in [minValue, maxValue). */
  uniform(minValue: number, maxValue: number): number {
    return minValue + (maxValue - minValue) * this.float();
  }

  /** Integer uniform in [minValue, maxValue] (both inclusive). */
  int(minValue: number, maxValue: number): number {
    if (!(maxValue >= minValue)) throw new RangeError(`int(${minValue}, ${maxValue}): empty range`);
    return minValue + Math.floor(this.float() * (maxValue - minValue + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** Normal deviate (Box–Muller). */
  gaussian(mean = 0, standardDeviation = 1): number {
    if (this.spareGaussian !== undefined) {
      const spare = this.spareGaussian;
      this.spareGaussian = undefined;
      return mean + standardDeviation * spare;
    }
    let u = this.float();
    while (u === 0) u = this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareGaussian = radius * Math.sin(2 * Math.PI * v);
    return mean + standardDeviation * radius * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError(`pick from an empty list (stream ${this.name})`);
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A 32-bit integer seed for a library that takes one (faker). */
  seed32(): number {
    return this.nextUint32();
  }
}

/** The root of a run's randomness: hands out independent named streams. */
export class SeededRandom {
  constructor(readonly rootSeed: number) {
    if (!Number.isSafeInteger(rootSeed)) throw new RangeError(`seed must be a safe integer, got ${rootSeed}`);
  }

  /** A fresh stream for `name`; the same (seed, name) always gives the same sequence. */
  stream(name: string): RandomStream {
    return new RandomStream(name, hash128(`${this.rootSeed}\u0000${name}`));
  }
}

export function createSeededRandom(rootSeed: number): SeededRandom {
  return new SeededRandom(rootSeed);
}
