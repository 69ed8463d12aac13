/**
 * How the live protocol says no. Every refused message or command is one `Refusal` (an `error` message without
 * its `type` and `id`), made by `refusal` and nothing else; the helpers below only decide its code, message and
 * path. A thrown error becomes a refusal in one place, `refusalOfError`, by its class: nothing here (or anywhere
 * in the live protocol) reads an error's message to decide what it was.
 */
import { z } from 'zod';
import {
  CloudError,
  errorTable,
  issueMessage,
  UnknownDeviceError,
  type SpecError,
} from '../../twin/index.ts';

/** The protocol's own refusal kinds; the cloud's refusals carry the error table's numbers instead. */
const refusalKinds = [
  'bad-json',
  'bad-message',
  'unknown-device',
  'session-full',
  'session-ended',
  'busy',
  'rate-limited',
  'too-long',
  'twin-error',
] as const;
export type RefusalKind = (typeof refusalKinds)[number];

/** An `error` message's `code`: a cloud refusal's table code, or one of the kinds above. */
export const refusalCodeSchema = z.union([z.number().int(), z.enum(refusalKinds)]);
export type RefusalCode = z.infer<typeof refusalCodeSchema>;

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
  /** The field at fault, as the client wrote it (`command.lock`, `filter.devices`…). */
  readonly path?: string;
}

/** The one constructor of a refusal. */
export function refusal(code: RefusalCode, message: string, path?: string): Refusal {
  return path === undefined ? { ok: false, code, message } : { ok: false, code, message, path };
}

/** Parse options for what clients send: issues in plain words, as the scenario loader's are. */
export const parseOptions = { error: issueMessage, reportInput: true } as const;

/** A field the client got wrong: `bad-message` naming it, the message prefixed with its path. */
export function badField(path: string, message: string): Refusal {
  return refusal('bad-message', `${path}: ${message}`, path);
}

/** The first issue of a failed parse as a refusal naming its field (under `prefix`, e.g. `command`). */
export function badMessage(error: z.ZodError, prefix: string): Refusal {
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
  return path === '' ? refusal('bad-message', `(message): ${message}`) : badField(path, message);
}

/** The first problem a scenario or site loader reported, as a bad field under `prefix` (e.g. `command.file`). */
export function badSpec(errors: readonly SpecError[], prefix: string, otherwise: string): Refusal {
  const first = errors[0];
  return first === undefined
    ? badField(prefix, otherwise)
    : badField(`${prefix}.${first.path}`, first.message);
}

/** A cloud refusal known only by its error-table code (an admin action's outcome): the table's message. */
export function cloudRefusal(code: number): Refusal {
  const row = (errorTable as Record<number, { readonly message: string } | undefined>)[code];
  return refusal(
    code,
    row === undefined ? `cloud error ${code}` : row.message.replace('{parameterName}', 'parameter'),
  );
}

/**
 * The live session refuses a change: REST renders every one as 403/2203 (api/rest/errors.ts), the live protocol
 * by its class below. Thrown by `LiveTwin` before anything is applied.
 */
export class SessionRefusalError extends Error {}

/**
 * A live session holds as many inputs as a scenario file may list, so its export always loads; past that it
 * refuses new inputs. `LiveTwin.apply` meets the limit, so it is the one to throw this (it is `session-full` on
 * the wire only when thrown as this class: no refusal is recognised by its message).
 */
export class SessionFullError extends SessionRefusalError {
  constructor(readonly inputsMax: number) {
    super(`the live session keeps at most ${inputsMax} inputs; it takes no more`);
    this.name = 'SessionFullError';
  }
}

/** The live session ended when its twin failed (an exception in an input or a tick): nothing more is applied. */
export class SessionEndedError extends SessionRefusalError {
  constructor(readonly reason: string) {
    super(`the live session has ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

/** An input nested deeper than the session takes (it would overflow the trace's and the export's JSON). */
export class InputTooDeepError extends SessionRefusalError {
  constructor(readonly depthMax: number) {
    super(`an input nests at most ${depthMax} arrays and objects deep`);
    this.name = 'InputTooDeepError';
  }
}

/** What a thrown error stands for, by its class; anything unknown is the twin's own failure (`twin-error`). */
export function refusalOfError(error: unknown): Refusal {
  if (error instanceof CloudError) return refusal(error.code, error.message);
  if (error instanceof UnknownDeviceError) return refusal('unknown-device', error.message);
  if (error instanceof SessionFullError) return refusal('session-full', error.message);
  if (error instanceof SessionEndedError) return refusal('session-ended', error.message);
  if (error instanceof InputTooDeepError) return refusal('bad-message', error.message);
  if (error instanceof z.ZodError) return badMessage(error, 'command');
  return refusal('twin-error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
