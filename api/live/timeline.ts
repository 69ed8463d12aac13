/**
 * The live protocol's timeline commands: `state-at` rebuilds the state at a virtual time by replaying the session
 * (its export) or a loaded file on a fresh twin, and `load-timeline` keeps a scenario or failure file per
 * connection for that. A replay is deterministic, so the state it gives is the one the run had at that time.
 */
import { z } from 'zod';
import {
  failureFormat,
  parseScenario,
  prepareRun,
  scenarioInputsMax,
  scenarioTailMs,
  scenarioUntilMs,
  type Scenario,
} from '../../scenarios/index.ts';
import { devicesOf, newestEntries } from '../device-view.ts';
import type { LiveTwin } from '../live-twin.ts';
import type { CommandOutcome, CommandRefusal } from './commands.ts';
import { badMessage, parseOptions } from './commands.ts';
import { protocolLimits, type ControlCommand } from './protocol.ts';

/** What one connection keeps for its timeline: at most one loaded file. */
export interface TimelineSlot {
  loaded: Scenario | undefined;
}

const replayDays = protocolLimits.replayMsMax / 86_400_000;

function refusedAt(path: string, message: string): CommandRefusal {
  return { ok: false, code: 'bad-message', message: `${path}: ${message}`, path };
}

/** The fields of a failure file a timeline needs (the rest, fast-check's and the trace, are ignored). */
const failureTimelineSchema = z.object({
  format: z.literal(failureFormat),
  invariant: z.string().max(200).optional(),
  site: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  defects: z.array(z.string()).default([]),
  inputs: z
    .array(z.strictObject({ atMs: z.number().int().min(0), input: z.record(z.string(), z.unknown()) }))
    .max(scenarioInputsMax),
});

/** A failure file as a scenario file: its inputs at their times, a minute past the last. */
function scenarioOfFailure(file: z.infer<typeof failureTimelineSchema>): Record<string, unknown> {
  const lastMs = file.inputs.reduce((latest, timed) => Math.max(latest, timed.atMs), 0);
  return {
    name: `failure-${file.invariant ?? 'case'}-seed${file.seed}`,
    site: file.site,
    seed: file.seed,
    inputs: file.inputs.map(({ atMs, input }) => ({ at: atMs, ...input })),
    defects: file.defects,
    until: lastMs + scenarioTailMs,
  };
}

export function loadTimeline(
  slot: TimelineSlot,
  command: Extract<ControlCommand, { action: 'load-timeline' }>,
): CommandOutcome {
  let json: unknown = command.file;
  if (command.file.format !== undefined) {
    const failure = failureTimelineSchema.safeParse(command.file, parseOptions);
    if (!failure.success) return badMessage(failure.error, 'command.file');
    json = scenarioOfFailure(failure.data);
  } else if (!('site' in command.file))
    return refusedAt(
      'command.file.site',
      'is required: a scenario file names its site (a failure file has "format": "lockstep-failure/1")',
    );
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const path = first === undefined ? 'command.file' : `command.file.${first.path}`;
    return refusedAt(path, first?.message ?? 'is not a scenario');
  }
  const durationMs = scenarioUntilMs(parsed.value, {});
  if (durationMs > protocolLimits.replayMsMax)
    return refusedAt(
      'command.file.until',
      `the timeline lasts ${durationMs} ms; state-at replays at most ${replayDays} virtual days`,
    );
  slot.loaded = parsed.value;
  return { ok: true, result: { name: parsed.value.name, durationMs } };
}

export function stateAt(
  live: LiveTwin,
  slot: TimelineSlot,
  command: Extract<ControlCommand, { action: 'state-at' }>,
): CommandOutcome {
  let scenario: Scenario;
  let endMs: number;
  if (command.source === 'loaded') {
    if (slot.loaded === undefined)
      return refusedAt('command.source', 'no timeline loaded on this connection (send load-timeline first)');
    scenario = slot.loaded;
    endMs = scenarioUntilMs(scenario, {});
  } else {
    endMs = live.twin.clock.now();
    if (endMs > protocolLimits.replayMsMax)
      return refusedAt(
        'command.source',
        `the session is ${endMs} ms long; state-at replays at most ${replayDays} virtual days`,
      );
    const parsed = parseScenario(live.exportScenario());
    if (!parsed.ok)
      return {
        ok: false,
        code: 'twin-error',
        message: `the session's export does not load: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
      };
    scenario = parsed.value;
  }
  if (command.ms > endMs) return refusedAt('command.ms', `is past the timeline's end (${endMs} ms)`);
  const run = prepareRun(scenario, { untilMs: command.ms });
  run.twin.runUntil(command.ms);
  return {
    ok: true,
    result: {
      virtualMs: run.twin.clock.now(),
      devices: devicesOf(run.twin),
      entries: newestEntries(run.twin, protocolLimits.snapshotEntriesMax),
    },
  };
}
