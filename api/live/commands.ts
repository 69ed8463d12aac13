/**
 * Commands of the live protocol: person actions, faults and admin actions become inputs of the live twin (so an
 * export replays them), time commands drive the pacer, `export` hands back the session, and the timeline commands
 * replay (`timeline.ts`). Each command is checked against its schema, then as a twin input (`twinInputSchema`),
 * then for the devices it names, before anything is applied; what is refused is answered as `refusals.ts` says.
 */
import {
  checkDeviceReferences,
  twinInputSchema,
  type RemoteCommand,
  type TwinInput,
} from '../../twin/index.ts';
import type { LiveTwin } from '../live-twin.ts';
import { accepted, type CommandOutcome } from './command-outcome.ts';
import {
  controlCommandSchema,
  inputCommandSchemas,
  isControlAction,
  isInputAction,
  type AdminResult,
  type AppliedResult,
  type ControlCommand,
  type LiveStatus,
  type LockCommandResult,
} from './protocol.ts';
import { badField, badMessage, cloudRefusal, parseOptions, refusal, refusalOfError } from './refusals.ts';
import { replayInPlace, type Replayer } from './replay.ts';
import { loadTimeline, markersOf, stateAt, type TimelineSlot } from './timeline.ts';

// The hub reads messages with the same parse options and refusals as the commands (and tests name the outcome).
export { badMessage, parseOptions, type CommandOutcome };

/** Who runs a command, and where its timeline and replays live. */
export interface CommandContext {
  /** The acting user: the connection's token's, never a field of the command. */
  readonly actorId: string;
  /** The connection's loaded timeline. */
  readonly timeline?: TimelineSlot;
  /** Where `state-at` replays run (the server's worker thread; in place by default). */
  readonly replay?: Replayer;
}

/**
 * Wall time an `advance` or `step` may run for: past it the twin stays where it got to and the command is
 * answered `too-long` (a campus day may take minutes; the server serves everyone else meanwhile).
 */
export const advanceWallMsMax = 10_000;

/** Runs one command against the live twin; never rejects. */
export async function executeCommand(
  live: LiveTwin,
  command: { readonly action: string } & Record<string, unknown>,
  context: CommandContext,
): Promise<CommandOutcome> {
  try {
    if (isControlAction(command.action)) {
      const parsed = controlCommandSchema.safeParse(command, parseOptions);
      if (!parsed.success) return badMessage(parsed.error, 'command');
      return await executeControl(live, parsed.data, context);
    }
    if (isInputAction(command.action)) {
      const schema = inputCommandSchemas.get(command.action);
      const parsed = schema?.safeParse(command, parseOptions);
      if (parsed?.success !== true)
        return parsed === undefined
          ? badField('command.action', `unknown action "${command.action.slice(0, 100)}"`)
          : badMessage(parsed.error, 'command');
      const { action, ...fields } = parsed.data as { action: string } & Record<string, unknown>;
      return applyInput(live, { type: action, ...fields });
    }
    return badField(
      'command.action',
      `unknown action "${command.action.slice(0, 100)}" (known: ${[...knownActions()].join(', ')})`,
    );
  } catch (error) {
    return refusalOfError(error);
  }
}

function knownActions(): string[] {
  return [
    ...controlCommandSchema.options.map((option) => option.shape.action.value),
    ...inputCommandSchemas.keys(),
  ].sort();
}

async function executeControl(
  live: LiveTwin,
  command: ControlCommand,
  context: CommandContext,
): Promise<CommandOutcome> {
  const timeline = context.timeline ?? { loaded: undefined };
  switch (command.action) {
    case 'state-at':
      return stateAt(live, timeline, command, context.replay ?? replayInPlace);
    case 'load-timeline':
      return loadTimeline(timeline, command);
    case 'markers':
      return markersOf(live, timeline, command);
    case 'pause':
      live.pause();
      return accepted<LiveStatus>(live.status());
    case 'resume':
      live.resume();
      return accepted<LiveStatus>(live.status());
    case 'speed':
      live.setSpeed(command.x);
      return accepted<LiveStatus>(live.status());
    case 'step':
    case 'advance':
      return advance(live, command.ms);
    case 'export':
      return accepted(live.exportScenario());
    case 'remote-open':
    case 'office-mode':
      return lockCommand(live, command, context.actorId);
    case 'admin':
      return applyInput(live, {
        type: 'admin',
        actor: context.actorId,
        action: command.op,
        args: command.args,
        ...(command.label === undefined ? {} : { label: command.label }),
      });
  }
}

/** Runs virtual time forward in slices (others are served meanwhile), for `advanceWallMsMax` of wall time at most. */
async function advance(live: LiveTwin, durationMs: number): Promise<CommandOutcome<LiveStatus>> {
  const startMs = live.twin.clock.now();
  const done = await live.advanceSliced(durationMs, advanceWallMsMax);
  if (done) return accepted(live.status());
  const ranMs = live.twin.clock.now() - startMs;
  return refusal(
    'too-long',
    `advanced ${ranMs} of ${durationMs} ms in ${advanceWallMsMax / 1_000} s of wall time; the twin stays at ${live.twin.clock.now()} ms`,
  );
}

/** Remote opening and Manual Office Mode through the same core as REST (`LiveTwin.lockCommand`). */
function lockCommand(
  live: LiveTwin,
  command: Extract<ControlCommand, { action: 'remote-open' | 'office-mode' }>,
  actorId: string,
): CommandOutcome<LockCommandResult> {
  if (!live.spec.locks.some((lock) => lock.id === command.lock))
    return refusal(
      'unknown-device',
      `command.lock: no lock "${command.lock}" in site ${live.spec.name}`,
      'command.lock',
    );
  const state = command.action === 'remote-open' ? 'unlocked' : command.on ? 'office_mode' : 'locked';
  const outcome = live.lockCommand(actorId, command.lock, state);
  if (!outcome.issued) return cloudRefusal(outcome.code);
  return accepted({ appliedAtMs: live.twin.clock.now(), command: remoteCommandView(outcome.command) });
}

function remoteCommandView(command: RemoteCommand): LockCommandResult['command'] {
  return {
    id: command.id,
    kind: command.kind,
    lockId: command.lockId,
    userId: command.userId,
    issuedMs: command.issuedMs,
    status: command.status,
  };
}

/** Validates a twin input, checks the devices it names, applies it; an admin action's refusal is an error. */
function applyInput(
  live: LiveTwin,
  candidate: Record<string, unknown>,
): CommandOutcome<AppliedResult | AdminResult> {
  const parsed = twinInputSchema.safeParse(candidate, parseOptions);
  if (!parsed.success) return badMessage(parsed.error, 'command');
  const input: TwinInput = parsed.data;
  const missing = checkDeviceReferences(input, live.spec);
  const first = missing[0];
  if (first !== undefined)
    return refusal(
      'unknown-device',
      missing.map((error) => `command.${error.path}: ${error.message}`).join('; '),
      `command.${first.path}`,
    );
  const { atMs: appliedAtMs, outcome } = live.apply(input);
  switch (outcome.kind) {
    case 'applied':
      return accepted({ appliedAtMs });
    case 'admin-refused':
      return cloudRefusal(outcome.code);
    case 'admin-accepted':
      return accepted({ appliedAtMs, action: outcome.action, settled: true });
    case 'admin-pending':
      // A command that settled within the millisecond it was applied in is told as settled.
      return accepted({ appliedAtMs, action: outcome.action, settled: outcome.outcome.settled });
  }
}
