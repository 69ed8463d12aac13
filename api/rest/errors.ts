/**
 * Errors, rendered in one place: every refusal is a `CloudError` from the one error table
 * (twin/cloud/error-table.ts) and goes out as `{"ErrorCode": <code>, "Message": "<text>"}` with the table's HTTP
 * status. A malformed `$filter`/`$orderby` (`ODataError`) is 1102. Anything else is a bug: the client gets
 * 500/2201 with the table's message and nothing more, the stack goes to stderr.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CloudError, errorTable, type ErrorCode } from '../../twin/index.ts';
import { ODataError } from '../odata/index.ts';

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
  return undefined;
}

export function errorBody(error: CloudError): ErrorBody {
  return { ErrorCode: error.code, Message: error.message };
}

export function renderError(c: Context, error: CloudError): Response {
  const response = c.json(errorBody(error), error.httpStatus as ContentfulStatusCode);
  if (error.code === 1500) response.headers.set('WWW-Authenticate', 'Bearer');
  return response;
}

/** `app.onError`: known errors with their status, anything else as 500/2201 without details. */
export function onError(error: unknown, c: Context): Response {
  const known = knownError(error);
  if (known !== undefined) return renderError(c, known);
  console.error(`lockstep REST: unexpected error on ${c.req.method} ${new URL(c.req.url).pathname}:`, error);
  return c.json({ ErrorCode: 2201, Message: errorTable[2201].message } satisfies ErrorBody, 500);
}
