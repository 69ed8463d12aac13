/**
 * The live protocol's timeline commands: `state-at` rebuilds the state at a virtual time by replaying the session
 * (its export) or a loaded file on a fresh twin, and `load-timeline` keeps a scenario or failure file per
 * connection for that. A replay is deterministic, so the state it gives is the one the run had at that time.
 */
import type { z } from 'zod';
import {
  failureFileSchema,
  parseScenario,
  propertyNameOf,
  repairInputs,
  scenarioTailMs,
  scenarioUntilMs,
  summaryOf,
  type TimedStepInput,
} from '../../scenarios/index.ts';
import type { SiteSpecInput, TwinInput } from '../../twin/index.ts';
import { newestEntries } from '../device-view.ts';
import type { LiveTwin } from '../live-twin.ts';
import { accepted, type CommandOutcome } from './command-outcome.ts';
import {
  protocolLimits,
  type ControlCommand,
  type LoadTimelineResult,
  type MarkersResult,
  type StateAtResult,
  type TimelineFailure,
  type TimelineMarker,
} from './protocol.ts';
import { badField, badMessage, badSpec, parseOptions } from './refusals.ts';
import { replayInPlace, type Replayer } from './replay.ts';
import { boundedMarkers, entryMarker, inputMarker } from './timeline-markers.ts';

/** A loaded timeline: the scenario file (a failure file made one), how long it runs, and its markers. */
export interface LoadedTimeline {
  readonly file: Record<string, unknown>;
  readonly durationMs: number;
  readonly markers: readonly TimelineMarker[];
}

/** What one connection keeps for its timeline: at most one loaded file. */
export interface TimelineSlot {
  loaded: LoadedTimeline | undefined;
}

const replayDays = protocolLimits.replayMsMax / 86_400_000;

/**
 * The fields of a failure file (its one schema, `scenarios/`) a timeline needs: fast-check's, the fingerprint and
 * the trace are not, and a hand-written file may leave out its invariant and defects. Each input's time and
 * fields are then checked as the scenario loader checks a scenario's.
 */
const failureTimelineSchema = failureFileSchema
  .pick({
    format: true,
    property: true,
    invariant: true,
    message: true,
    atMs: true,
    site: true,
    seed: true,
    defects: true,
    inputs: true,
    summary: true,
    story: true,
  })
  .partial({ property: true, invariant: true, message: true, atMs: true, defects: true });
type FailureTimelineFile = z.infer<typeof failureTimelineSchema>;

/** The failure file's steps at their times, and the harness's repairs (`runCase` applies them 1 ms past the last). */
function stepsOfFailure(file: FailureTimelineFile): {
  steps: TimedStepInput[];
  harness: TimedStepInput[];
} {
  const steps = file.inputs.map(({ atMs, input }) => ({ atMs, input: input as unknown as TwinInput }));
  const lastMs = steps.reduce((latest, timed) => Math.max(latest, timed.atMs), 0);
  const harnessAtMs = steps.length === 0 ? 0 : lastMs + 1;
  // The harness repairs only in the modes that judge liveness, and only when the steps all ran (no violation).
  const repaired =
    file.property !== propertyNameOf('safety') && (file.atMs === undefined || file.atMs >= harnessAtMs);
  const harness = repaired
    ? repairInputs(
        file.site as unknown as SiteSpecInput,
        steps.map(({ input }) => ({ gapMs: 0, input })),
      ).map((input) => ({ atMs: harnessAtMs, input }))
    : [];
  return { steps, harness };
}

/** A failure file as a scenario file: its inputs at their times, the harness's repairs, a minute past the end. */
function scenarioOfFailure(file: FailureTimelineFile): Record<string, unknown> {
  const { steps, harness } = stepsOfFailure(file);
  const lastMs = [...steps, ...harness].reduce((latest, timed) => Math.max(latest, timed.atMs), 0);
  return {
    name: `failure-${file.invariant ?? 'case'}-seed${file.seed}`,
    site: file.site,
    seed: file.seed,
    inputs: [...steps, ...harness].map(({ atMs, input }) => ({ at: atMs, ...input })),
    defects: file.defects ?? [],
    until: Math.max(lastMs, file.atMs ?? 0) + scenarioTailMs,
  };
}

/** The first of the site's locks a violation's message names (as a whole word: `lock-1-1` is not `lock-1-10`). */
function lockNamed(message: string, site: Record<string, unknown>): string | undefined {
  const locks = Array.isArray(site.locks) ? (site.locks as unknown[]) : [];
  const ids = new Set(
    locks
      .map((lock) => (typeof lock === 'object' && lock !== null ? (lock as { id?: unknown }).id : undefined))
      .filter((id): id is string => typeof id === 'string'),
  );
  return message.split(/[^\w.-]+/).find((word) => ids.has(word));
}

/** What the page shows of a failure file: its violation, summary, steps (harness labelled), story and markers. */
function failureOf(file: FailureTimelineFile): TimelineFailure | undefined {
  if (file.invariant === undefined || file.message === undefined || file.atMs === undefined) return undefined;
  const { steps, harness } = stepsOfFailure(file);
  const violation = { invariant: file.invariant, message: file.message, tMs: file.atMs };
  const lockId = lockNamed(file.message, file.site);
  const violationMarker: TimelineMarker = {
    atMs: file.atMs,
    kind: 'violation',
    label: `${file.invariant}: ${file.message}`.slice(0, 200),
    ...(lockId === undefined ? {} : { lockId }),
  };
  const markers = [
    ...steps.map((timed) => inputMarker(timed)),
    ...harness.map((timed) => inputMarker(timed, true)),
    violationMarker,
  ];
  const ordered = boundedMarkers(markers).markers;
  return {
    invariant: file.invariant,
    message: file.message,
    atMs: file.atMs,
    summary: file.summary ?? summaryOf(steps, violation),
    ...(lockId === undefined ? {} : { lockId }),
    steps: ordered
      .map((marker) => ({
        atMs: marker.atMs,
        kind: marker.kind,
        text: marker.kind === 'violation' ? `VIOLATED ${marker.label}` : marker.label,
      }))
      .slice(-protocolLimits.timelineStepsMax),
    story: file.story ?? [],
    markers: ordered,
  };
}

/** A scenario file's inputs as markers (no run: the entries come with each state-at). */
function markersOfScenario(inputs: readonly { readonly atMs: number; readonly input: TwinInput }[]) {
  return boundedMarkers(inputs.map((timed) => inputMarker(timed))).markers;
}

export function loadTimeline(
  slot: TimelineSlot,
  command: Extract<ControlCommand, { action: 'load-timeline' }>,
): CommandOutcome<LoadTimelineResult> {
  let json: Record<string, unknown> = command.file;
  let failure: TimelineFailure | undefined;
  if (command.file.format !== undefined) {
    const parsedFailure = failureTimelineSchema.safeParse(command.file, parseOptions);
    if (!parsedFailure.success) return badMessage(parsedFailure.error, 'command.file');
    json = scenarioOfFailure(parsedFailure.data);
    failure = failureOf(parsedFailure.data);
  } else if (!('site' in command.file))
    return badField(
      'command.file.site',
      'is required: a scenario file names its site (a failure file has "format": "lockstep-failure/1")',
    );
  const parsed = parseScenario(json);
  if (!parsed.ok) return badSpec(parsed.errors, 'command.file', 'is not a scenario');
  const durationMs = scenarioUntilMs(parsed.value, {});
  if (durationMs > protocolLimits.replayMsMax)
    return badField(
      'command.file.until',
      `the timeline lasts ${durationMs} ms; state-at replays at most ${replayDays} virtual days`,
    );
  const markers = failure?.markers ?? markersOfScenario(parsed.value.inputs);
  slot.loaded = { file: json, durationMs, markers };
  return accepted({ name: parsed.value.name, durationMs, ...(failure === undefined ? {} : { failure }) });
}

/**
 * The timeline's markers: a loaded file's (its steps, harness and violation), or the session's (its entries,
 * newest first up to the bound, and its inputs: admin actions, faults, people driven from a page).
 */
export function markersOf(
  live: LiveTwin,
  slot: TimelineSlot,
  command: Extract<ControlCommand, { action: 'markers' }>,
): CommandOutcome<MarkersResult> {
  if (command.source === 'loaded') {
    if (slot.loaded === undefined)
      return badField('command.source', 'no timeline loaded on this connection (send load-timeline first)');
    return accepted({ markers: [...slot.loaded.markers], truncated: false });
  }
  const exported = live.exportScenario().inputs as readonly Record<string, unknown>[];
  const inputs = exported.slice(-protocolLimits.markersMax).map(({ at, ...input }) => ({
    atMs: Number(at),
    input: input as unknown as TwinInput,
  }));
  return accepted(
    boundedMarkers([
      ...newestEntries(live.twin, protocolLimits.markersMax).map(entryMarker),
      ...inputs.map((timed) => inputMarker(timed)),
    ]),
  );
}

/** Rebuilds the state at `command.ms` by a replay (`replay`: on the server's worker thread, or in place). */
export async function stateAt(
  live: LiveTwin,
  slot: TimelineSlot,
  command: Extract<ControlCommand, { action: 'state-at' }>,
  replay: Replayer = replayInPlace,
): Promise<CommandOutcome<StateAtResult>> {
  let file: Record<string, unknown>;
  let endMs: number;
  if (command.source === 'loaded') {
    if (slot.loaded === undefined)
      return badField('command.source', 'no timeline loaded on this connection (send load-timeline first)');
    file = slot.loaded.file;
    endMs = slot.loaded.durationMs;
  } else {
    endMs = live.twin.clock.now();
    if (endMs > protocolLimits.replayMsMax)
      return badField(
        'command.source',
        `the session is ${endMs} ms long; state-at replays at most ${replayDays} virtual days`,
      );
    file = live.exportScenario();
  }
  if (command.ms > endMs) return badField('command.ms', `is past the timeline's end (${endMs} ms)`);
  return replay({ file, ms: command.ms });
}
