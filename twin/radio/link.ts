/**
 * A radio link between two fixed devices: its mean RSSI (path loss plus shadowing fixed for the run) and the
 * per-packet draws (fading, loss, latency, retries) from the link's own random stream, so that one link's
 * traffic never shifts another's.
 */
import type { RandomStream, SeededRandom } from '../kernel/rng.ts';
import type { Position } from '../site/spec.ts';
import { distanceM, drawFadingDb, drawShadowingDb, lossProbability, pathLossRssiDbm } from './propagation.ts';
import type { RadioConfig } from './radio-config.ts';
import { noWalls, type WallMap } from './walls.ts';

export interface TransmitResult {
  readonly delivered: boolean;
  /** Attempts made, 1 + retries. */
  readonly attempts: number;
  /** Time from the first attempt to delivery (or to the last attempt when lost). */
  readonly latencyMs: number;
  /** RSSI of the last attempt, rounded to 0.1 dB. */
  readonly rssiDbm: number;
}

export class RadioLink {
  readonly meanRssiDbm: number;
  readonly distanceM: number;
  /** This link's shadowing, fixed for the run. */
  readonly shadowingDb: number;
  /** The loss of the walls between the two ends (walls.ts), 0 without a floor plan. */
  readonly wallLossDb: number;

  constructor(
    private readonly config: RadioConfig,
    private readonly stream: RandomStream,
    a: Position,
    b: Position,
    walls: WallMap = noWalls,
  ) {
    this.distanceM = distanceM(a, b);
    this.shadowingDb = drawShadowingDb(stream, config);
    this.wallLossDb = walls.lossDbBetween(a, b);
    this.meanRssiDbm =
      pathLossRssiDbm(config.txPowerAt1mDbm, config.pathLossExponent, this.distanceM) +
      this.shadowingDb -
      this.wallLossDb;
  }

  /** One packet over this hop, with retries; `extraLossProbability` comes from interference at the receiver. */
  transmit(extraLossProbability: number): TransmitResult {
    const config = this.config;
    let latencyMs = 0;
    let rssiDbm = this.meanRssiDbm;
    const attemptsMax = 1 + config.retriesMax;
    for (let attempt = 1; attempt <= attemptsMax; attempt++) {
      if (attempt > 1) latencyMs += config.retryBackoffMs;
      latencyMs += this.stream.uniform(config.hopLatencyMsMin, config.hopLatencyMsMax);
      rssiDbm = this.meanRssiDbm + drawFadingDb(this.stream, config);
      const lost =
        this.stream.chance(lossProbability(rssiDbm, config)) || this.stream.chance(extraLossProbability);
      if (!lost)
        return {
          delivered: true,
          attempts: attempt,
          latencyMs: Math.round(latencyMs),
          rssiDbm: round1(rssiDbm),
        };
    }
    return {
      delivered: false,
      attempts: attemptsMax,
      latencyMs: Math.round(latencyMs),
      rssiDbm: round1(rssiDbm),
    };
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Links created on first use, one per unordered pair of device ids. */
export class LinkTable {
  private readonly links = new Map<string, RadioLink>();
  private readonly mobileShadowing = new Map<string, number>();

  constructor(
    private readonly config: RadioConfig,
    private readonly random: SeededRandom,
    private readonly positionOf: (deviceId: string) => Position,
    /** The site's walls; a link's mean RSSI loses the walls between its ends. */
    readonly walls: WallMap = noWalls,
  ) {}

  get(a: string, b: string): RadioLink {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    let link = this.links.get(key);
    if (link === undefined) {
      link = new RadioLink(
        this.config,
        this.random.stream(`radio.link:${key}`),
        this.positionOf(a),
        this.positionOf(b),
        this.walls,
      );
      this.links.set(key, link);
    }
    return link;
  }

  /**
   * Shadowing between a moving device (a phone) and a fixed one: the room between them does not change, so it
   * is fixed for the run like any link's, but there is no fixed distance to go with it.
   */
  mobileShadowingDb(mobileId: string, fixedId: string): number {
    const key = `${mobileId}|${fixedId}`;
    let shadowingDb = this.mobileShadowing.get(key);
    if (shadowingDb === undefined) {
      shadowingDb = drawShadowingDb(this.random.stream(`radio.shadow:${key}`), this.config);
      this.mobileShadowing.set(key, shadowingDb);
    }
    return shadowingDb;
  }
}
