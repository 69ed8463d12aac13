/**
 * Errors, rendered in one place: every refusal is a `CloudError` from the one error table
 * (twin/cloud/error-table.ts) and goes out as `{"ErrorCode": <code>, "Message": "<text>"}` with the table's HTTP
 * status. A malformed `$filter`/`$orderby` (`ODataError`) is 1102; a change the live session refuses
 * (`SessionRefusalError`: full, ended, too deep) is 403/2203. Three refusals have an HTTP status the table has no
 * row for, and carry the table's generic code in the table's shape: a known path with a method it does not serve
 * is 405/1100 (with `Allow`), a body over the limit is 413/1100, too many token requests 429/1500 (with
 * `Retry-After`, and OAuth2's `error` / `error_description` beside, as token clients read those). Anything else is
 * a bug: the client gets 500/2201 with the table's message and nothing more, the stack goes to stderr. (The
 * identity endpoints' own errors are OAuth 2's, beside the table's fields: oauth-errors.ts.)
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CloudError, errorTable, statusOverrides, type ErrorCode } from '../../twin/index.ts';
import { SessionRefusalError } from '../live/refusals.ts';
import { ODataError } from '../odata/index.ts';
import { TooManyRequests } from './token-rate-limit.ts';

export interface ErrorBody {
  readonly ErrorCode: ErrorCode;
  readonly Message: string;
}

/** 1100: the request as a whole cannot be read (malformed JSON, not an object, too large). */
export function malformedRequest(detail: string): CloudError {
  return new CloudError(1100, detail);
}

/** 1101: one parameter's value is invalid; `name` is the parameter as the client wrote it (`locked_state`, `$top`). */
export function invalidParameter(name: string, detail: string): CloudError {
  return new CloudError(1101, detail, name);
}

/** 3104: no such entity (or one the caller may not see: it is not told which). */
export function notFound(detail: string): CloudError {
  return new CloudError(3104, detail);
}

/** 1500: no token, or one that is unknown, expired, or whose user is gone. */
export function unauthorized(detail: string): CloudError {
  return new CloudError(1500, detail);
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'number' && Object.hasOwn(errorTable, code);
}

/** The error a thrown value stands for, or undefined when it is a bug. */
export function knownError(error: unknown): CloudError | undefined {
  if (error instanceof CloudError) return error;
  if (error instanceof ODataError) return new CloudError(1102, error.message);
  // The live session refuses the change before applying anything (full, ended, or an input too deep to record).
  if (error instanceof SessionRefusalError) return new CloudError(2203, error.message);
  return undefined;
}

/** Messages may quote what the client sent (an id in the path): quoted at most this long. */
const messageCharsMax = 500;

export function errorBody(error: CloudError): ErrorBody {
  const message = error.message;
  return {
    ErrorCode: error.code,
    Message: message.length <= messageCharsMax ? message : `${message.slice(0, messageCharsMax)}…`,
  };
}

export function renderError(c: Context, error: CloudError): Response {
  const response = c.json(errorBody(error), error.httpStatus as ContentfulStatusCode);
  if (error.code === 1500) response.headers.set('WWW-Authenticate', 'Bearer');
  return response;
}

/** HTTP statuses the error table has no row for, with the table code their bodies carry. */
export const offTableStatuses = { 405: 1100, 413: 1100, 429: 1500 } as const satisfies Record<
  number,
  ErrorCode
>;

/** True when `status` is what the API answers for `code`: the table's status, or an off-table one above. */
export function isStatusOfCode(status: number, code: ErrorCode): boolean {
  return (
    errorTable[code].httpStatus === status ||
    (statusOverrides[code] ?? []).includes(status) ||
    (offTableStatuses as Record<number, ErrorCode | undefined>)[status] === code
  );
}

/** A body larger than the limit (413/1100). */
export class BodyTooLarge extends Error {
  constructor(readonly bytesMax: number) {
    super(`the body is larger than ${bytesMax} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** 413/1100: the body is larger than the limit; the connection is closed (the rest of the body is not read). */
export function payloadTooLarge(c: Context, bytesMax: number): Response {
  const error = new CloudError(offTableStatuses[413], `the body is larger than ${bytesMax} bytes`);
  return c.json(errorBody(error), 413, { Connection: 'close' });
}

/** 405/1100 with `Allow`: a known path, a method it does not serve (method-not-allowed.ts). */
export function methodNotAllowed(c: Context, allowed: readonly string[], detail: string): Response {
  const error = new CloudError(offTableStatuses[405], detail);
  return c.json(errorBody(error), 405, { Allow: allowed.join(', ') });
}

/** 429/1500 with `Retry-After`: too many token requests or failed attempts. */
export function tooManyRequests(c: Context, refusal: TooManyRequests): Response {
  const error = new CloudError(
    offTableStatuses[429],
    `${refusal.message}; retry after ${refusal.retryAfterSeconds} s`,
  );
  return c.json({ ...errorBody(error), error: 'slow_down', error_description: error.message }, 429, {
    'Retry-After': String(refusal.retryAfterSeconds),
  });
}

/** `app.onError`: known errors with their status, anything else as 500/2201 without details. */
export function onError(error: unknown, c: Context): Response {
  if (error instanceof TooManyRequests) return tooManyRequests(c, error);
  if (error instanceof BodyTooLarge) return payloadTooLarge(c, error.bytesMax);
  const known = knownError(error);
  if (known !== undefined) return renderError(c, known);
  console.error(`lockstep REST: unexpected error on ${c.req.method} ${new URL(c.req.url).pathname}:`, error);
  return c.json({ ErrorCode: 2201, Message: errorTable[2201].message } satisfies ErrorBody, 500);
}
