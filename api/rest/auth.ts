/**
 * OAuth2 for the REST API: `POST /connect/token` hands out bearer tokens; every `/v1.x` route needs one
 * (`Authorization: Bearer <token>`, else 401/1500). The token's user is the actor of every cloud operation, so the
 * cloud core's role rules apply as they are. A token belongs to its site: other site ids answer 404/3104.
 *
 * Grants (the scope is `user_api.full_access`, as the Connect API's; shapes/token.ts):
 * - `client_credentials` with the server's `client_id` / `client_secret` (in the body or as HTTP Basic): the site's
 *   API client, acting as its first owner (or, without one, its first admin; a site with neither answers
 *   `unauthorized_client`, 403/2203);
 * - `password`, which checks the client just the same (a missing or wrong client is `invalid_client`), with
 *   `username` = a twin user's id or email and, as the password, the user's entry of the password file
 *   (`userPasswords`) when one is configured, else `lockstep`, the one demo password of every twin user; the demo
 *   password only where `demoPasswords` allows it (the server does so on loopback only, see `authOptionsForHost`).
 *
 * Errors follow RFC 6749 §5.2 (`OAuthError`): 400 with `error` / `error_description`, but `invalid_client` 401 with
 * `WWW-Authenticate: Basic`. The body carries the error table's `ErrorCode` and `Message` beside them, which the
 * twin's own page and every other route's clients read: invalid_client 1500, invalid_grant / unsupported_grant_type
 * / invalid_scope 1101 (naming the parameter), invalid_request 1100 or 1101.
 *
 * Tokens are random (`crypto.randomUUID`), live for an hour of wall-clock time (not virtual time: a demo at 120x
 * must not lose its token in 30 seconds, and a paused twin must not keep one forever), are revocable
 * (`POST /connect/revocation`), and are kept in a table bounded per user and in total (token-store.ts). Failed
 * credentials are rate limited with back-off (token-rate-limit.ts), each against the name that was wrong: a wrong
 * client (`invalid_client`) against the client id from that address, a wrong password (`invalid_grant`) against
 * the user name from anywhere.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { CloudError, type CloudState } from '../../twin/index.ts';
import { invalidParameter, unauthorized } from './errors.ts';
import { invalidClient, OAuthError } from './oauth-errors.ts';
import type { PasswordBook } from './password-file.ts';
import {
  connectScope,
  grantTypes,
  toleratedScopes,
  type GrantType,
  type RevocationRequest,
  type TokenRequest,
  type TokenResponse,
} from './shapes/token.ts';
import {
  TokenRateLimiter,
  tokenRateLimitsDefault,
  TooManyRequests,
  type TokenRateLimits,
} from './token-rate-limit.ts';
import { TokenStore } from './token-store.ts';

/** The password of every twin user for the `password` grant (documented: the twin's users are fake). */
export const demoUserPassword = 'lockstep';
export const tokenLifetimeSecondsDefault = 3_600;
/** Tokens kept at once, all users together. */
export const tokensMax = 10_000;
/** Tokens one user holds at once; past this the user's own oldest token is forgotten. */
export const tokensPerUserMax = 100;

export interface AuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /**
   * Whether the demo password `lockstep` opens every twin user's account. Off unless set; `startServer` sets it
   * for loopback hosts only, and never when `userPasswords` is given.
   */
  readonly demoPasswords?: boolean;
  /** The password file's entries (password-file.ts): then only these users have a password, and the demo one is off. */
  readonly userPasswords?: PasswordBook;
  /** Wall-clock milliseconds (injectable for tests). */
  readonly nowMs?: () => number;
  /** A fresh unguessable token (injectable for tests). */
  readonly newToken?: () => string;
  readonly tokenLifetimeSeconds?: number;
  readonly tokensMax?: number;
  readonly tokensPerUserMax?: number;
  readonly rateLimits?: Partial<TokenRateLimits>;
}

export interface Session {
  readonly userId: string;
  readonly siteId: string;
  readonly expiresAtMs: number;
}

const grantTypeSet: ReadonlySet<string> = new Set(grantTypes);
const scopesAccepted: ReadonlySet<string> = new Set([connectScope, ...toleratedScopes]);

/** The request's grant type, or `unsupported_grant_type`. */
function grantTypeOf(request: TokenRequest): GrantType {
  if (grantTypeSet.has(request.grant_type)) return request.grant_type as GrantType;
  throw new OAuthError(
    'unsupported_grant_type',
    invalidParameter('grant_type', `this server grants ${grantTypes.join(' and ')} only`),
  );
}

/** Throws `invalid_scope` unless every asked scope is served (none asked: `user_api.full_access`). */
function checkScope(scope: string | undefined): void {
  const unknown = (scope ?? '').split(' ').filter((name) => name !== '' && !scopesAccepted.has(name));
  if (unknown.length > 0)
    throw new OAuthError(
      'invalid_scope',
      invalidParameter(
        'scope',
        `unknown scope ${JSON.stringify(unknown[0])}; the API's scope is ${connectScope}`,
      ),
    );
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for a host name or address that only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The options as a server bound to `host` must use them: the demo password only on loopback, and never beside a
 * password file (a caller's `demoPasswords: true` cannot open a public server).
 */
export function authOptionsForHost<O extends Partial<AuthOptions>>(
  options: O,
  host: string,
): O & { readonly demoPasswords: boolean } {
  const demoPasswords =
    options.userPasswords === undefined && (options.demoPasswords ?? true) && isLoopbackHost(host);
  return { ...options, demoPasswords };
}

export class Authenticator {
  private readonly tokens: TokenStore;
  private readonly limiter: TokenRateLimiter;
  private readonly nowMs: () => number;
  private readonly newToken: () => string;
  private readonly lifetimeSeconds: number;

  constructor(private readonly options: AuthOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.newToken = options.newToken ?? randomUUID;
    this.lifetimeSeconds = options.tokenLifetimeSeconds ?? tokenLifetimeSecondsDefault;
    if (!(Number.isSafeInteger(this.lifetimeSeconds) && this.lifetimeSeconds > 0))
      throw new RangeError('tokenLifetimeSeconds must be a positive integer');
    const max = options.tokensMax ?? tokensMax;
    this.tokens = new TokenStore({
      tokensMax: max,
      tokensPerUserMax: Math.min(options.tokensPerUserMax ?? tokensPerUserMax, max),
    });
    this.limiter = new TokenRateLimiter({ ...tokenRateLimitsDefault, ...options.rateLimits });
  }

  /**
   * Answers a token request (already checked against `tokenRequestSchema`) for the site in `state`; `address` is
   * the client's remote address, for the per-address rate. Throws `TooManyRequests` (429) while the address, the
   * user name or the client id is over its limits, an `OAuthError` for anything else refused.
   */
  async grant(
    request: TokenRequest,
    basicAuthorization: string | undefined,
    state: CloudState,
    address = 'local',
  ): Promise<TokenResponse> {
    await this.limiter.countRequest(address);
    const grantType = grantTypeOf(request);
    checkScope(request.scope);
    const basic = basicCredentials(basicAuthorization);
    const clientId = request.client_id ?? basic?.id;
    const clientNames = clientId === undefined ? [] : [clientName(clientId, address)];
    const userNames =
      grantType === 'password' && request.username !== undefined
        ? [`user:${request.username.toLowerCase()}`]
        : [];
    const names = [...clientNames, ...userNames];
    await this.limiter.assertNotLockedOut(names);
    let userId: string;
    try {
      // Both grants authenticate the client first: a user's password is no use in another client's hands.
      if (clientId === undefined || (request.client_secret ?? basic?.secret) === undefined)
        throw invalidClient('client_id and client_secret are required (in the body or as HTTP Basic)');
      if (!this.isClient(clientId, request.client_secret ?? basic?.secret))
        throw invalidClient('unknown client or wrong secret');
      userId = grantType === 'client_credentials' ? clientUser(state) : this.passwordUser(request, state);
    } catch (error) {
      // A failure counts against the credential that was wrong: a wrong client against the client id (the
      // user's password was never tried), a wrong password against the user name (an integration's client must
      // not be locked out by its users' typing).
      if (error instanceof OAuthError && error.isFailedCredential)
        await this.limiter.recordFailure(error.error === 'invalid_client' ? clientNames : userNames);
      throw error;
    }
    await this.limiter.recordSuccess(names);
    return this.issue(userId, state.site.id);
  }

  /**
   * Revokes `token` (RFC 7009): answers the same whether the token was known or not, so it tells nothing. Client
   * credentials, when sent, must be right (`invalid_client`); the token alone is enough to revoke itself.
   */
  async revoke(
    request: RevocationRequest,
    basicAuthorization: string | undefined,
    address = 'local',
  ): Promise<void> {
    await this.limiter.countRequest(address);
    const basic = basicCredentials(basicAuthorization);
    const clientId = request.client_id ?? basic?.id;
    const clientSecret = request.client_secret ?? basic?.secret;
    if (clientId !== undefined || clientSecret !== undefined) {
      const names = clientId === undefined ? [] : [clientName(clientId, address)];
      await this.limiter.assertNotLockedOut(names);
      if (!this.isClient(clientId, clientSecret)) {
        await this.limiter.recordFailure(names);
        throw invalidClient('unknown client or wrong secret');
      }
    }
    this.tokens.delete(request.token);
  }

  /** The session of an `Authorization` header, or 401/1500. A token whose user has been deleted is dropped. */
  authenticate(authorization: string | undefined, state: CloudState): Session {
    if (authorization === undefined) throw unauthorized('an Authorization: Bearer token is required');
    const token = bearerTokenOf(authorization);
    if (token === undefined) throw unauthorized('the Authorization header must be "Bearer <token>"');
    const session = this.tokens.get(token);
    if (session === undefined) throw unauthorized('unknown token');
    if (session.expiresAtMs <= this.nowMs()) {
      this.tokens.delete(token);
      throw unauthorized('the token has expired');
    }
    if (!state.users.has(session.userId)) {
      this.tokens.delete(token);
      throw unauthorized('the token’s user no longer exists');
    }
    return session;
  }

  get size(): number {
    return this.tokens.size;
  }

  /** Whether this table holds `token` (live or expired but not yet swept): which site a request belongs to. */
  holds(token: string): boolean {
    return this.tokens.get(token) !== undefined;
  }

  /** Tokens `userId` holds now. */
  tokensOf(userId: string): number {
    return this.tokens.countOf(userId);
  }

  private issue(userId: string, siteId: string): TokenResponse {
    const token = this.newToken();
    const nowMs = this.nowMs();
    const stored = this.tokens.add(
      token,
      { userId, siteId, expiresAtMs: nowMs + this.lifetimeSeconds * 1_000 },
      nowMs,
    );
    if (!stored.ok)
      throw new TooManyRequests(
        Math.max(1, Math.ceil(stored.retryAfterMs / 1_000)),
        'the token table is full of other users’ tokens',
      );
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: this.lifetimeSeconds,
      scope: connectScope,
    };
  }

  private isClient(clientId: string | undefined, clientSecret: string | undefined): boolean {
    // Both compared always, so the answer takes as long whichever is wrong.
    const idOk = sameSecret(clientId ?? '', this.options.clientId);
    const secretOk = sameSecret(clientSecret ?? '', this.options.clientSecret);
    return clientId !== undefined && clientSecret !== undefined && idOk && secretOk;
  }

  private passwordUser(request: TokenRequest, state: CloudState): string {
    const { username, password } = request;
    if (username === undefined || password === undefined)
      throw new OAuthError(
        'invalid_request',
        invalidParameter(username === undefined ? 'username' : 'password', 'the password grant needs it'),
      );
    const key = username.toLowerCase();
    let found: { id: string; email: string | undefined } | undefined;
    for (const user of state.users.values()) {
      if (user.id === username || user.email?.toLowerCase() === key) {
        found = { id: user.id, email: user.email?.toLowerCase() };
        break;
      }
    }
    const expected = found === undefined ? undefined : this.expectedPassword(found);
    // Compare a password even for an unknown user, so the answer takes as long either way.
    const passwordOk = sameSecret(password, expected ?? demoUserPassword) && expected !== undefined;
    if (found === undefined || !passwordOk)
      throw new OAuthError(
        'invalid_grant',
        invalidParameter('username or password', 'unknown user or wrong password'),
      );
    return found.id;
  }

  /** The password that opens this user's account, or undefined when none does. */
  private expectedPassword(user: { id: string; email: string | undefined }): string | undefined {
    const book = this.options.userPasswords;
    if (book !== undefined)
      return book.get(user.id) ?? (user.email === undefined ? undefined : book.get(user.email));
    return this.options.demoPasswords === true ? demoUserPassword : undefined;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or undefined for any other header. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = authorization === undefined ? null : /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization);
  return match === null ? undefined : match[1];
}

/** The client id a token or revocation request names (in its body, else as HTTP Basic), if any. */
export function requestClientId(
  request: { readonly client_id?: string | undefined },
  basicAuthorization: string | undefined,
): string | undefined {
  return request.client_id ?? basicCredentials(basicAuthorization)?.id;
}

/** The user the API client acts as: the site's first owner, else its first admin. */
function clientUser(state: CloudState): string {
  const users = [...state.users.values()];
  const user =
    users.find((candidate) => candidate.role === 'owner') ??
    users.find((candidate) => candidate.role === 'admin');
  // The client is who it says it is, but there is nobody for it to act as: not a credentials problem (401).
  if (user === undefined)
    throw new OAuthError(
      'unauthorized_client',
      new CloudError(2203, `site ${state.site.id} has no owner or admin for the API client to act as`),
    );
  return user.id;
}

/**
 * The rate limiter's name of a client id: per address. A user's password may be weak, so its failures count from
 * everywhere; the client's secret is long (16+ characters), and a lock-out of the client id for everyone would
 * let anyone who knows the id lock the site's own API client out.
 */
function clientName(clientId: string, address: string): string {
  return `client:${clientId} from ${address}`;
}

/** `Authorization: Basic base64(id:secret)` as OAuth2 clients send it, or undefined. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header === undefined ? null : /^Basic[ ]+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponentSafe(decoded.slice(0, colon)),
    secret: decodeURIComponentSafe(decoded.slice(colon + 1)),
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Constant-time comparison (of digests, so lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
