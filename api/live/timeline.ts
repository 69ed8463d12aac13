/**
 * The live protocol's timeline commands: `state-at` rebuilds the state at a virtual time by replaying the session
 * (its export) or a loaded file on a fresh twin, and `load-timeline` keeps a scenario or failure file per
 * connection for that. A replay is deterministic, so the state it gives is the one the run had at that time.
 */
import type { z } from 'zod';
import { failureFileSchema, parseScenario, scenarioTailMs, scenarioUntilMs } from '../../scenarios/index.ts';
import type { LiveTwin } from '../live-twin.ts';
import { accepted, type CommandOutcome } from './command-outcome.ts';
import {
  protocolLimits,
  type ControlCommand,
  type LoadTimelineResult,
  type StateAtResult,
} from './protocol.ts';
import { badField, badMessage, badSpec, parseOptions } from './refusals.ts';
import { replayInPlace, type Replayer } from './replay.ts';

/** A loaded timeline: the scenario file (a failure file made one) and how long it runs. */
export interface LoadedTimeline {
  readonly file: Record<string, unknown>;
  readonly durationMs: number;
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
  .pick({ format: true, invariant: true, site: true, seed: true, defects: true, inputs: true })
  .partial({ invariant: true, defects: true });

/** A failure file as a scenario file: its inputs at their times, a minute past the last. */
function scenarioOfFailure(file: z.infer<typeof failureTimelineSchema>): Record<string, unknown> {
  const lastMs = file.inputs.reduce((latest, timed) => Math.max(latest, timed.atMs), 0);
  return {
    name: `failure-${file.invariant ?? 'case'}-seed${file.seed}`,
    site: file.site,
    seed: file.seed,
    inputs: file.inputs.map(({ atMs, input }) => ({ at: atMs, ...input })),
    defects: file.defects ?? [],
    until: lastMs + scenarioTailMs,
  };
}

export function loadTimeline(
  slot: TimelineSlot,
  command: Extract<ControlCommand, { action: 'load-timeline' }>,
): CommandOutcome<LoadTimelineResult> {
  let json: Record<string, unknown> = command.file;
  if (command.file.format !== undefined) {
    const failure = failureTimelineSchema.safeParse(command.file, parseOptions);
    if (!failure.success) return badMessage(failure.error, 'command.file');
    json = scenarioOfFailure(failure.data);
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
  slot.loaded = { file: json, durationMs };
  return accepted({ name: parsed.value.name, durationMs });
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
