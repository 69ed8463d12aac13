/**
 * The campus day: one simulated day of the generated campus (1,024 locks heart-beating through 64 IQs, people
 * passing doors) on one core, and the heap it takes per device.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createTwin,
  generateCampusSpec,
  parseSiteSpec,
  startBackgroundTraffic,
  type SiteSpec,
} from '../../twin/index.ts';

export const dayMs = 86_400_000;
/** About four door passages per person per day over 5,000 people and 1,024 locks. */
export const campusVisitsPerLockPerHour = 0.8;

export interface CampusDayResult {
  readonly wallS: number;
  readonly events: number;
  readonly traceEvents: number;
  readonly simulatedMs: number;
  readonly traceHash: string;
  /** Bytes of trace text (JSON Lines) the run recorded. */
  readonly traceBytes: number;
}

export interface HeapResult {
  readonly devices: number;
  readonly heapBytesPerDevice: number;
}

export function campusSpec(): SiteSpec {
  const parsed = parseSiteSpec(generateCampusSpec());
  if (!parsed.ok)
    throw new Error(`the campus generator produced an invalid spec: ${parsed.errors[0]?.message ?? ''}`);
  return parsed.spec;
}

export function runCampusDay(
  options: { readonly simulatedMs?: number; readonly seed?: number } = {},
): CampusDayResult {
  const simulatedMs = options.simulatedMs ?? dayMs;
  const twin = createTwin({ spec: campusSpec(), seed: options.seed ?? 1 });
  startBackgroundTraffic(twin, { untilMs: simulatedMs, visitsPerLockPerHour: campusVisitsPerLockPerHour });
  const startMs = performance.now();
  twin.runUntil(simulatedMs);
  const wallS = (performance.now() - startMs) / 1000;
  return {
    wallS,
    events: twin.clock.eventsProcessed,
    traceEvents: twin.trace.events,
    simulatedMs,
    traceHash: twin.trace.fingerprint(),
    traceBytes: twin.trace.bytes,
  };
}

/** The garbage collector, exposed at run time so `npx lockstep bench` needs no node flags. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/** Heap held by a built campus twin (all actors, links, access lists), per device. */
export function measureCampusHeap(): HeapResult {
  const spec = campusSpec();
  const gc = collectGarbage();
  gc();
  const beforeBytes = process.memoryUsage().heapUsed;
  const twin = createTwin({ spec, seed: 1 });
  twin.runUntil(120_000); // two heartbeat rounds, so every link and route exists
  gc();
  const afterBytes = process.memoryUsage().heapUsed;
  const devices =
    spec.iqs.length + spec.repeaters.length + spec.locks.length + spec.doors.length + spec.phones.length;
  if (twin.lockIds().length === 0) throw new Error('campus has no locks');
  return { devices, heapBytesPerDevice: Math.round((afterBytes - beforeBytes) / devices) };
}
