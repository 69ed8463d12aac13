/** Log-distance path loss, shadowing, fading and the loss curve (pure functions of the radio config). */
import type { RandomStream } from '../kernel/rng.ts';
import type { Position } from '../site/spec.ts';
import type { RadioConfig } from './radio-config.ts';

/** Links shorter than this are treated as this long: the model is not meant for the near field. */
const distanceMinM = 0.05;

export function distanceM(a: Position, b: Position): number {
  return Math.max(distanceMinM, Math.hypot(a.x - b.x, a.y - b.y));
}

/** Mean received power at `distance` before shadowing and fading. */
export function pathLossRssiDbm(txPowerAt1mDbm: number, pathLossExponent: number, distance: number): number {
  return txPowerAt1mDbm - 10 * pathLossExponent * Math.log10(Math.max(distanceMinM, distance));
}

/** A Gaussian draw clipped to [low, high]. */
export function clippedGaussianDb(
  stream: RandomStream,
  sigmaDb: number,
  lowDb: number,
  highDb: number,
): number {
  if (sigmaDb === 0) return 0;
  return Math.min(highDb, Math.max(lowDb, stream.gaussian(0, sigmaDb)));
}

/** The fixed shadowing of one link for the whole run. */
export function drawShadowingDb(stream: RandomStream, config: RadioConfig): number {
  const clipDb = config.shadowingClipSigmas * config.shadowingSigmaDb;
  return clippedGaussianDb(stream, config.shadowingSigmaDb, -clipDb, clipDb);
}

/** Per-packet fading: deep fades are possible, peaks are bounded. */
export function drawFadingDb(stream: RandomStream, config: RadioConfig): number {
  return clippedGaussianDb(
    stream,
    config.fadingSigmaDb,
    -Infinity,
    config.fadingUpClipSigmas * config.fadingSigmaDb,
  );
}

/** Probability that one attempt at `rssiDbm` is lost: rises steeply below the receiver's sensitivity. */
export function lossProbability(rssiDbm: number, config: RadioConfig): number {
  return 1 / (1 + Math.exp((rssiDbm - config.sensitivityDbm) / config.lossSlopeDb));
}
