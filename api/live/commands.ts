/**
 * Commands of the live protocol: person actions, faults and admin actions become inputs of the live twin (so an
 * export replays them), time commands drive the pacer, `export` hands back the session. Each command is checked
 * against its schema, then as a twin input (`twinInputSchema`), then for the devices it names, before anything is
 * applied; a cloud refusal is answered with the error table's code.
 */
import type { z } from 'zod';
import { checkDeviceReferences } from '../../scenarios/index.ts';
import {
  CloudError,
  errorTable,
  issueMessage,
  twinInputSchema,
  UnknownDeviceError,
  type RemoteCommand,
  type TwinInput,
} from '../../twin/index.ts';
import type { LiveTwin } from '../live-twin.ts';
import {
  controlCommandSchema,
  inputCommandSchemas,
  isControlAction,
  isInputAction,
  type ControlCommand,
  type ProtocolErrorCode,
} from './protocol.ts';
import { loadTimeline, stateAt, type TimelineSlot } from './timeline.ts';

export type CommandRefusal = {
  readonly ok: false;
  readonly code: number | ProtocolErrorCode;
  readonly message: string;
  readonly path?: string;
};
export type CommandOutcome = { readonly ok: true; readonly result: unknown } | CommandRefusal;

/** Messages that say what was wrong in plain words, as the scenario loader's do. */
export const parseOptions = { error: issueMessage, reportInput: true } as const;

function refused(code: number | ProtocolErrorCode, message: string, path?: string): CommandRefusal {
  return path === undefined ? { ok: false, code, message } : { ok: false, code, message, path };
}

/** The first issue of a failed parse as a refusal naming its field. */
export function badMessage(error: z.ZodError, prefix: string): CommandRefusal {
  const issue = error.issues[0];
  // An unknown field is reported at the object holding it: name the field itself.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const parts = [
    prefix,
    ...(issue?.path.map(String) ?? []),
    ...(unknownKey === undefined ? [] : [unknownKey]),
  ];
  const path = parts.filter((part) => part !== '').join('.');
  const message =
    issue === undefined
      ? 'invalid'
      : unknownKey === undefined
        ? issue.message
        : 'is not a field of this message';
  return refused(
    'bad-message',
    `${path === '' ? '(message)' : path}: ${message}`,
    path === '' ? undefined : path,
  );
}

/** The message of an error-table code (`{parameterName}` filled in generically). */
function tableMessage(code: number): string {
  const row = (errorTable as Record<number, { readonly message: string } | undefined>)[code];
  return row === undefined ? `cloud error ${code}` : row.message.replace('{parameterName}', 'parameter');
}

/** Runs one command against the live twin; never throws. */
export function executeCommand(
  live: LiveTwin,
  command: { readonly action: string } & Record<string, unknown>,
  timeline: TimelineSlot = { loaded: undefined },
): CommandOutcome {
  try {
    if (isControlAction(command.action)) {
      const parsed = controlCommandSchema.safeParse(command, parseOptions);
      if (!parsed.success) return badMessage(parsed.error, 'command');
      return executeControl(live, parsed.data, timeline);
    }
    if (isInputAction(command.action)) {
      const schema = inputCommandSchemas.get(command.action);
      const parsed = schema?.safeParse(command, parseOptions);
      if (parsed?.success !== true)
        return parsed === undefined
          ? refused(
              'bad-message',
              `command.action: unknown action "${command.action.slice(0, 100)}"`,
              'command.action',
            )
          : badMessage(parsed.error, 'command');
      const { action, ...fields } = parsed.data as { action: string } & Record<string, unknown>;
      return applyInput(live, { type: action, ...fields });
    }
    return refused(
      'bad-message',
      `command.action: unknown action "${command.action.slice(0, 100)}" (known: ${[...knownActions()].join(', ')})`,
      'command.action',
    );
  } catch (error) {
    return thrown(error);
  }
}

function knownActions(): string[] {
  return [
    ...controlCommandSchema.options.map((option) => option.shape.action.value),
    ...inputCommandSchemas.keys(),
  ].sort();
}

function executeControl(live: LiveTwin, command: ControlCommand, timeline: TimelineSlot): CommandOutcome {
  switch (command.action) {
    case 'state-at':
      return stateAt(live, timeline, command);
    case 'load-timeline':
      return loadTimeline(timeline, command);
    case 'pause':
      live.pause();
      return { ok: true, result: live.status() };
    case 'resume':
      live.resume();
      return { ok: true, result: live.status() };
    case 'speed':
      live.setSpeed(command.x);
      return { ok: true, result: live.status() };
    case 'step':
    case 'advance':
      live.advance(command.ms);
      return { ok: true, result: live.status() };
    case 'export':
      return { ok: true, result: live.exportScenario() };
    case 'remote-open':
    case 'office-mode':
      return lockCommand(live, command);
    case 'admin':
      return applyInput(live, {
        type: 'admin',
        actor: command.actor,
        action: command.op,
        args: command.args,
        ...(command.label === undefined ? {} : { label: command.label }),
      });
  }
}

/** Remote opening and Manual Office Mode through the same core as REST (`LiveTwin.lockCommand`). */
function lockCommand(
  live: LiveTwin,
  command: Extract<ControlCommand, { action: 'remote-open' | 'office-mode' }>,
): CommandOutcome {
  if (!live.spec.locks.some((lock) => lock.id === command.lock))
    return refused(
      'unknown-device',
      `command.lock: no lock "${command.lock}" in site ${live.spec.name}`,
      'command.lock',
    );
  const state = command.action === 'remote-open' ? 'unlocked' : command.on ? 'office_mode' : 'locked';
  const issued = live.lockCommand(command.user, command.lock, state);
  if (issued === undefined) {
    const code = live.twin.adminOutcomes().at(-1)?.code ?? 3101;
    return refused(code, tableMessage(code));
  }
  return { ok: true, result: { appliedAtMs: live.twin.clock.now(), command: remoteCommandView(issued) } };
}

function remoteCommandView(command: RemoteCommand): Record<string, unknown> {
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
function applyInput(live: LiveTwin, candidate: Record<string, unknown>): CommandOutcome {
  const parsed = twinInputSchema.safeParse(candidate, parseOptions);
  if (!parsed.success) return badMessage(parsed.error, 'command');
  const input: TwinInput = parsed.data;
  const missing = checkDeviceReferences(input, live.spec);
  const first = missing[0];
  if (first !== undefined)
    return refused(
      'unknown-device',
      missing.map((error) => `command.${error.path}: ${error.message}`).join('; '),
      `command.${first.path}`,
    );
  const outcomesBefore = live.twin.adminOutcomes().at(-1);
  const appliedAtMs = live.apply(input);
  if (input.type !== 'admin') return { ok: true, result: { appliedAtMs } };
  const outcome = live.twin.adminOutcomes().at(-1);
  if (outcome === undefined || outcome === outcomesBefore)
    return { ok: true, result: { appliedAtMs, action: input.action, settled: false } };
  if (outcome.settled && outcome.code !== null) return refused(outcome.code, tableMessage(outcome.code));
  return { ok: true, result: { appliedAtMs, action: input.action, settled: outcome.settled } };
}

function thrown(error: unknown): CommandOutcome {
  if (error instanceof CloudError) return refused(error.code, error.message);
  if (error instanceof UnknownDeviceError) return refused('unknown-device', error.message);
  if (error instanceof RangeError && /session keeps at most/.test(error.message))
    return refused('session-full', error.message);
  return refused('twin-error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
