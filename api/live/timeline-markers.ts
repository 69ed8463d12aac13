/**
 * The timeline's markers: where on a timeline something worth jumping to happened. From a session, its entries
 * (openings, refusals, alerts) and its inputs (admin actions, faults); from a loaded failure file, its steps, the
 * harness's repairs and the violation. Bounded: past `markersMax` the routine openings go first (then the
 * oldest), so admin actions, faults, alerts and the violation stay.
 */
import { stepText, type TimedStepInput } from '../../scenarios/index.ts';
import type { Entry, TwinInput } from '../../twin/index.ts';
import type { TimelineMarker } from './protocol.ts';

/** Markers one answer carries at most. */
export const markersMax = 500;
const labelCharsMax = 120;

/** Entry categories that are alerts (the cloud raises one for each). */
const alertCategories: ReadonlySet<string> = new Set([
  'not_closed',
  'intrusion',
  'battery_low',
  'low_battery',
]);
/** Inputs that are people using the site (their outcome is the entry they make). */
const personTypes: ReadonlySet<string> = new Set([
  'present-tag',
  'tap-phone',
  'enter-pin',
  'open-door',
  'close-door',
  'hold-handle',
]);
/** The order markers are dropped in when there are too many (first the routine ones). */
const keepOrder: readonly TimelineMarker['kind'][] = [
  'violation',
  'admin',
  'fault',
  'harness',
  'alert',
  'rejection',
  'person',
  'entry',
];

const label = (text: string): string =>
  text.length > labelCharsMax ? `${text.slice(0, labelCharsMax - 1)}…` : text;

export function entryMarker(entry: Entry): TimelineMarker {
  const kind = alertCategories.has(entry.category)
    ? 'alert'
    : entry.category === 'lock_rejected'
      ? 'rejection'
      : 'entry';
  const who = entry.userId === undefined ? '' : ` for ${entry.userId}`;
  return {
    atMs: entry.atMs,
    kind,
    label: label(`${entry.lockId}: ${entry.category}${who} (${entry.detail})`),
    lockId: entry.lockId,
  };
}

function lockOf(input: TwinInput): string | undefined {
  return 'lock' in input && typeof input.lock === 'string' ? input.lock : undefined;
}

export function inputMarker(timed: TimedStepInput, harness = false): TimelineMarker {
  const { input } = timed;
  const kind = harness
    ? 'harness'
    : input.type === 'admin'
      ? 'admin'
      : personTypes.has(input.type)
        ? 'person'
        : 'fault';
  const lockId = lockOf(input);
  return {
    atMs: timed.atMs,
    kind,
    label: label(`${harness ? 'harness: ' : ''}${stepText(input)}`),
    ...(lockId === undefined ? {} : { lockId }),
  };
}

/** The markers in time order, at most `markersMax` (see the top of the file), and whether some were left out. */
export function boundedMarkers(markers: readonly TimelineMarker[]): {
  markers: TimelineMarker[];
  truncated: boolean;
} {
  const byTime = (a: TimelineMarker, b: TimelineMarker): number =>
    a.atMs - b.atMs || keepOrder.indexOf(a.kind) - keepOrder.indexOf(b.kind);
  if (markers.length <= markersMax) return { markers: [...markers].sort(byTime), truncated: false };
  const kept = [...markers]
    .sort((a, b) => keepOrder.indexOf(a.kind) - keepOrder.indexOf(b.kind) || b.atMs - a.atMs)
    .slice(0, markersMax);
  return { markers: kept.sort(byTime), truncated: true };
}
