/**
 * Radio defaults (domain.md, "radio"), calibrated so that a lock ~10 m from its parent is marginal and one at
 * 20 m needs a repeater:
 *   mean RSSI(d) = txPowerAt1mDbm − 10 · pathLossExponent · log10(d / 1 m), plus shadowing within ±4 dB
 *   at 10 m:   −89 dBm, 5 dB above sensitivity: about one attempt in nine is lost and retried (marginal);
 *   at 12.5 m: −92 dBm: with retries, a lock behind a repeater midway on a 25 m run stays online;
 *   at 20 m:   −98 dBm: most attempts lost; about 4 in 5 such locks go offline within 15 minutes;
 *   at 25 m:   −101 dBm: practically every such lock is declared offline within 15 minutes.
 * (Measured over random shadowing by the calibration test in reachability.test.ts.)
 * The phone's BLE advertisement uses a gentler exponent (line of sight over a metre or two) plus a body and
 * orientation loss drawn per tap.
 */
import type { RadioSettings } from '../site/spec.ts';

export interface RadioConfig {
  /** Mean received power 1 m from a transmitter. */
  readonly txPowerAt1mDbm: number;
  /** Indoor log-distance exponent for links between IQs, repeaters and locks. */
  readonly pathLossExponent: number;
  /** Log-normal shadowing per link, fixed for the run; clipped at ±shadowingClipSigmas·σ. */
  readonly shadowingSigmaDb: number;
  readonly shadowingClipSigmas: number;
  /** Per-packet fading; its upward swing is clipped at fadingUpClipSigmas·σ (fades go deep, peaks do not). */
  readonly fadingSigmaDb: number;
  readonly fadingUpClipSigmas: number;
  /** Receiver sensitivity: half of the attempts at this RSSI are lost. */
  readonly sensitivityDbm: number;
  /** Width of the loss curve: loss = 1 / (1 + exp((rssi − sensitivity) / slope)). */
  readonly lossSlopeDb: number;
  /** A parent is "heard" when the link's mean RSSI is at least this. */
  readonly hearingThresholdDbm: number;
  /** Retransmissions after a lost attempt on one hop. */
  readonly retriesMax: number;
  readonly hopLatencyMsMin: number;
  readonly hopLatencyMsMax: number;
  /** Wait before a retransmission. */
  readonly retryBackoffMs: number;
  /** Phone BLE advertisements (digital-key taps). */
  readonly phone: PhoneRadioConfig;
}

export interface PhoneRadioConfig {
  readonly txPowerAt1mDbm: number;
  readonly pathLossExponent: number;
  /** Loss from the body and the phone's orientation, uniform in [0, max] per tap and lock. */
  readonly bodyLossDbMax: number;
  /** A lock takes a tap only from an advertisement at least this strong (the phone is held at the reader). */
  readonly tapThresholdDbm: number;
  /** The phone advertises this often while the app taps; each lock scans a window every interval. */
  readonly advertisingIntervalMs: number;
  readonly scanIntervalMs: number;
  readonly scanWindowMs: number;
  /** Advertisements a tap lasts before the app gives up. */
  readonly advertisementsPerTap: number;
  /** A lock farther than this never hears the phone (saves work; far below sensitivity anyway). */
  readonly hearingRangeM: number;
  /** Where the person holds the phone: this far in front of the reader. */
  readonly holdDistanceM: number;
}

export const radioConfigDefault: RadioConfig = {
  txPowerAt1mDbm: -59,
  pathLossExponent: 3,
  shadowingSigmaDb: 2,
  shadowingClipSigmas: 2,
  fadingSigmaDb: 3,
  fadingUpClipSigmas: 1.5,
  sensitivityDbm: -94,
  lossSlopeDb: 1.5,
  hearingThresholdDbm: -91,
  retriesMax: 2,
  hopLatencyMsMin: 15,
  hopLatencyMsMax: 60,
  retryBackoffMs: 40,
  phone: {
    txPowerAt1mDbm: -59,
    pathLossExponent: 2.5,
    bodyLossDbMax: 8,
    tapThresholdDbm: -65,
    advertisingIntervalMs: 20,
    scanIntervalMs: 100,
    scanWindowMs: 30,
    advertisementsPerTap: 50,
    hearingRangeM: 30,
    holdDistanceM: 0.3,
  },
};

/** The defaults with a site's overrides applied. */
export function resolveRadioConfig(settings: RadioSettings | undefined): RadioConfig {
  if (settings === undefined) return radioConfigDefault;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  return { ...radioConfigDefault, ...defined };
}
