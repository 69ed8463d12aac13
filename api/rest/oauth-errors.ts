/**
 * The identity endpoints' errors, as OAuth 2 clients read them (RFC 6749 §5.2): 400 with `error` and
 * `error_description`, but `invalid_client` 401 with `WWW-Authenticate: Basic`. Beside them the body carries the
 * error table's `ErrorCode` and `Message`, as every other route's errors do, so a client of either kind reads it.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CloudError } from '../../twin/index.ts';
import { errorBody, unauthorized } from './errors.ts';
import type { OAuthErrorBody, OAuthErrorCode } from './shapes/token.ts';

/**
 * A refused token or revocation request: the OAuth error code, and the error table's error that gives the HTTP
 * status and the table fields of the body.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly tableError: CloudError,
  ) {
    super(tableError.message);
    this.name = 'OAuthError';
  }

  get httpStatus(): number {
    return this.tableError.httpStatus;
  }

  /** Wrong credentials, which count towards the name's lock-out. */
  get isFailedCredential(): boolean {
    return this.error === 'invalid_client' || this.error === 'invalid_grant';
  }
}

/** `invalid_client`, 401/1500: the client is unknown, its secret wrong, or it sent no credentials. */
export function invalidClient(detail: string): OAuthError {
  return new OAuthError('invalid_client', unauthorized(detail));
}

/**
 * A table error met on an identity endpoint as the OAuth error it stands for: an unreadable body (1100) or a bad
 * field (1101, from the request schema) is `invalid_request`; anything else is not an OAuth error.
 */
export function oauthErrorOf(error: unknown): OAuthError | undefined {
  if (error instanceof OAuthError) return error;
  if (error instanceof CloudError && (error.code === 1100 || error.code === 1101))
    return new OAuthError('invalid_request', error);
  return undefined;
}

export function oauthErrorBody(error: OAuthError): OAuthErrorBody {
  return { error: error.error, error_description: error.message, ...errorBody(error.tableError) };
}

/** The response for `error`; no-store, as RFC 6749 §5.1 asks of every token response. */
export function renderOAuthError(c: Context, error: OAuthError): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
  if (error.error === 'invalid_client') headers['WWW-Authenticate'] = 'Basic realm="lockstep"';
  return c.json(oauthErrorBody(error), error.httpStatus as ContentfulStatusCode, headers);
}
