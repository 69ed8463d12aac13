/**
 * The BLE medium for digital-key taps. The phone advertises a burst; every lock within range hears each
 * advertisement with its own RSSI (path loss, the link's fixed shadowing, body/orientation loss for this tap,
 * per-packet fading) if its scan window happens to be open. The first lock to hear an advertisement above its
 * tap threshold takes the tap. Nothing else decides it: two readers 1 m apart can take each other's taps, two
 * readers 6 m apart cannot (their best case stays below the threshold).
 */
import type { RandomStream } from '../kernel/rng.ts';
import type { Position } from '../site/spec.ts';
import type { LinkTable } from './link.ts';
import { distanceM, drawFadingDb, pathLossRssiDbm } from './propagation.ts';
import type { RadioConfig } from './radio-config.ts';

export interface BleListener {
  readonly id: string;
  readonly position: Position;
}

export interface TapOutcome {
  /** The lock that took the tap, or undefined when none heard it well enough. */
  readonly winner: string | undefined;
  /** Time from the start of the tap until the winner heard it. */
  readonly heardAfterMs: number;
  readonly rssiDbm: number;
  /** Every lock in range and the best RSSI it heard (sorted by id). */
  readonly heard: readonly { readonly lock: string; readonly rssiDbm: number }[];
}

/** Where a person holds the phone when tapping a reader: just in front of it (doors face −y by convention). */
export function phonePositionAt(reader: Position, holdDistanceM: number): Position {
  return { x: reader.x, y: reader.y - holdDistanceM };
}

interface ListenerState {
  readonly id: string;
  readonly meanRssiDbm: number;
  readonly scanPhaseMs: number;
  bestRssiDbm: number;
}

export function resolveTap(options: {
  readonly phoneId: string;
  readonly phonePosition: Position;
  readonly listeners: readonly BleListener[];
  readonly config: RadioConfig;
  /** Per-tap draws (body loss, scan phases, fading). */
  readonly stream: RandomStream;
  /** Fixed per-link shadowing comes from the link table (phone ↔ lock links). */
  readonly links: LinkTable;
  /** The `weakest-lock-answers-tap` defect: the weakest lock that hears the tap takes it. */
  readonly weakestWins?: boolean;
}): TapOutcome {
  const { config, stream } = options;
  const phone = config.phone;
  const states: ListenerState[] = [];
  for (const listener of [...options.listeners].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const distance = distanceM(options.phonePosition, listener.position);
    if (distance > phone.hearingRangeM) continue;
    // The phone moves, but the room between it and the reader does not: the shadowing of the (phone, lock)
    // pair is fixed for the run like any other link's.
    const shadowingDb = options.links.mobileShadowingDb(options.phoneId, listener.id);
    // Walls between the phone and this lock cost what they cost a fixed link (0 without a floor plan).
    const wallLossDb = options.links.walls.lossDbBetween(options.phonePosition, listener.position);
    const meanRssiDbm =
      pathLossRssiDbm(phone.txPowerAt1mDbm, phone.pathLossExponent, distance) +
      shadowingDb -
      stream.uniform(0, phone.bodyLossDbMax) -
      wallLossDb;
    states.push({
      id: listener.id,
      meanRssiDbm,
      scanPhaseMs: stream.uniform(0, phone.scanIntervalMs),
      bestRssiDbm: -Infinity,
    });
  }
  if (options.weakestWins === true) return weakestTaker(states, options);
  for (let advertisement = 0; advertisement < phone.advertisementsPerTap; advertisement++) {
    const atMs =
      advertisement * phone.advertisingIntervalMs + stream.uniform(0, phone.advertisingIntervalMs / 2);
    let winner: ListenerState | undefined;
    let winnerRssiDbm = -Infinity;
    for (const state of states) {
      const rssiDbm = state.meanRssiDbm + drawFadingDb(stream, config);
      const windowOpen =
        (((atMs - state.scanPhaseMs) % phone.scanIntervalMs) + phone.scanIntervalMs) % phone.scanIntervalMs <
        phone.scanWindowMs;
      if (!windowOpen) continue;
      if (rssiDbm > state.bestRssiDbm) state.bestRssiDbm = rssiDbm;
      if (rssiDbm >= phone.tapThresholdDbm && rssiDbm > winnerRssiDbm) {
        winner = state;
        winnerRssiDbm = rssiDbm;
      }
    }
    if (winner !== undefined) {
      return {
        winner: winner.id,
        heardAfterMs: Math.round(atMs),
        rssiDbm: round1(winnerRssiDbm),
        heard: summarize(states),
      };
    }
  }
  return {
    winner: undefined,
    heardAfterMs: phone.advertisementsPerTap * phone.advertisingIntervalMs,
    rssiDbm: -Infinity,
    heard: summarize(states),
  };
}

/** The defect's rule: of the locks that heard the tap at all, the weakest takes it, threshold or not. */
function weakestTaker(
  states: ListenerState[],
  options: { readonly config: RadioConfig; readonly stream: RandomStream },
): TapOutcome {
  const phone = options.config.phone;
  for (let advertisement = 0; advertisement < phone.advertisementsPerTap; advertisement++) {
    for (const state of states) {
      const rssiDbm = state.meanRssiDbm + drawFadingDb(options.stream, options.config);
      if (rssiDbm > state.bestRssiDbm) state.bestRssiDbm = rssiDbm;
    }
  }
  const heard = states
    .filter((state) => Number.isFinite(state.bestRssiDbm))
    .sort((a, b) => a.bestRssiDbm - b.bestRssiDbm);
  const weakest = heard[0];
  const heardAfterMs = phone.advertisingIntervalMs;
  if (weakest === undefined)
    return { winner: undefined, heardAfterMs, rssiDbm: -Infinity, heard: summarize(states) };
  return { winner: weakest.id, heardAfterMs, rssiDbm: round1(weakest.bestRssiDbm), heard: summarize(states) };
}

function summarize(states: readonly ListenerState[]): { lock: string; rssiDbm: number }[] {
  return states
    .filter((state) => Number.isFinite(state.bestRssiDbm))
    .map((state) => ({ lock: state.id, rssiDbm: round1(state.bestRssiDbm) }));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
