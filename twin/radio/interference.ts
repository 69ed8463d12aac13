/** Interference as a fault: loss bursts over an area for a while (microwave ovens, Wi-Fi floods…). */
import type { Position } from '../site/spec.ts';

export interface InterferenceBurst {
  readonly id: string;
  readonly center: Position;
  readonly radiusM: number;
  /** Extra probability that an attempt received inside the area is lost. */
  readonly lossProbability: number;
  readonly untilMs: number;
}

/** Bursts active at once; a scenario asking for more is refused rather than growing without bound. */
export const interferenceBurstsMax = 64;

export class InterferenceField {
  private bursts: InterferenceBurst[] = [];

  start(burst: InterferenceBurst): void {
    if (!(burst.lossProbability >= 0 && burst.lossProbability <= 1)) {
      throw new RangeError(`interference lossProbability must be in [0, 1], got ${burst.lossProbability}`);
    }
    this.bursts = this.bursts.filter((existing) => existing.id !== burst.id);
    if (this.bursts.length >= interferenceBurstsMax) {
      throw new RangeError(`at most ${interferenceBurstsMax} interference bursts can be active at once`);
    }
    this.bursts.push(burst);
  }

  /** Whether any burst was started and not yet stopped (a cheap test for the hot path). */
  get active(): boolean {
    return this.bursts.length > 0;
  }

  stop(id: string): void {
    this.bursts = this.bursts.filter((burst) => burst.id !== id);
  }

  /** The strongest extra loss affecting a receiver at `position` at `nowMs`. */
  extraLossAt(position: Position, nowMs: number): number {
    if (this.bursts.length === 0) return 0;
    let loss = 0;
    for (const burst of this.bursts) {
      if (burst.untilMs <= nowMs) continue;
      const inside = Math.hypot(position.x - burst.center.x, position.y - burst.center.y) <= burst.radiusM;
      if (inside && burst.lossProbability > loss) loss = burst.lossProbability;
    }
    return loss;
  }

  activeIds(nowMs: number): string[] {
    return this.bursts.filter((burst) => burst.untilMs > nowMs).map((burst) => burst.id);
  }
}
