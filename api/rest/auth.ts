/**
 * OAuth2 for the REST API: `POST /connect/token` hands out bearer tokens; every `/v1.x` route needs one
 * (`Authorization: Bearer <token>`, else 401/1500). The token's user is the actor of every cloud operation, so the
 * cloud core's role rules apply as they are. A token belongs to its site: other site ids answer 404/3104.
 *
 * Grants:
 * - `client_credentials` with the server's `client_id` / `client_secret` (in the body or as HTTP Basic): the site's
 *   API client, acting as its first owner (or, without one, its first admin; a site with neither answers 2203);
 * - `password` with `username` = a twin user's id or email and `password` = `lockstep`, the one demo password of
 *   every twin user (the twin's people are fake; this is for demos and tests on a loopback server).
 *
 * Tokens are random (`crypto.randomUUID`), live for an hour of wall-clock time (not virtual time: a demo at 120x
 * must not lose its token in 30 seconds, and a paused twin must not keep one forever), and at most `tokensMax` are
 * kept: past that the oldest is forgotten.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CloudError, type CloudState } from '../../twin/index.ts';
import { unauthorized } from './errors.ts';

/** The password of every twin user for the `password` grant (documented: the twin's users are fake). */
export const demoUserPassword = 'lockstep';
export const tokenLifetimeSecondsDefault = 3_600;
/** Tokens kept at once; the oldest is evicted past this. */
export const tokensMax = 10_000;

export interface AuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Wall-clock milliseconds (injectable for tests). */
  readonly nowMs?: () => number;
  /** A fresh unguessable token (injectable for tests). */
  readonly newToken?: () => string;
  readonly tokenLifetimeSeconds?: number;
  readonly tokensMax?: number;
}

export interface Session {
  readonly userId: string;
  readonly siteId: string;
  readonly expiresAtMs: number;
}

/** Fields of a token request (a form, or JSON); others are ignored, as OAuth2 clients send extra ones. */
export const tokenRequestSchema = z.object({
  grant_type: z.enum(['client_credentials', 'password']),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
  username: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
  scope: z.string().max(1_000).optional(),
});

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export class Authenticator {
  /** In the order issued, so the first key is the oldest. */
  private readonly sessions = new Map<string, Session>();
  private readonly nowMs: () => number;
  private readonly newToken: () => string;
  private readonly lifetimeSeconds: number;
  private readonly max: number;

  constructor(private readonly options: AuthOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.newToken = options.newToken ?? randomUUID;
    this.lifetimeSeconds = options.tokenLifetimeSeconds ?? tokenLifetimeSecondsDefault;
    this.max = options.tokensMax ?? tokensMax;
    if (!(Number.isSafeInteger(this.lifetimeSeconds) && this.lifetimeSeconds > 0))
      throw new RangeError('tokenLifetimeSeconds must be a positive integer');
    if (!(Number.isSafeInteger(this.max) && this.max > 0))
      throw new RangeError('tokensMax must be a positive integer');
  }

  /** Answers a token request (already checked against `tokenRequestSchema`) for the site in `state`. */
  grant(request: TokenRequest, basicAuthorization: string | undefined, state: CloudState): TokenResponse {
    const userId =
      request.grant_type === 'client_credentials'
        ? this.clientUser(request, basicAuthorization, state)
        : passwordUser(request, state);
    return this.issue(userId, state.site.id);
  }

  /** The session of an `Authorization` header, or 401/1500. A token whose user has been deleted is dropped. */
  authenticate(authorization: string | undefined, state: CloudState): Session {
    if (authorization === undefined) throw unauthorized('an Authorization: Bearer token is required');
    const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization);
    if (match === null) throw unauthorized('the Authorization header must be "Bearer <token>"');
    const token = match[1] as string;
    const session = this.sessions.get(token);
    if (session === undefined) throw unauthorized('unknown token');
    if (session.expiresAtMs <= this.nowMs()) {
      this.sessions.delete(token);
      throw unauthorized('the token has expired');
    }
    if (!state.users.has(session.userId)) {
      this.sessions.delete(token);
      throw unauthorized('the token’s user no longer exists');
    }
    return session;
  }

  get size(): number {
    return this.sessions.size;
  }

  private issue(userId: string, siteId: string): TokenResponse {
    const token = this.newToken();
    if (this.sessions.has(token)) throw new Error('token generator repeated a token');
    while (this.sessions.size >= this.max) {
      const oldest = this.sessions.keys().next();
      if (oldest.done === true) break;
      this.sessions.delete(oldest.value);
    }
    this.sessions.set(token, { userId, siteId, expiresAtMs: this.nowMs() + this.lifetimeSeconds * 1_000 });
    return { access_token: token, token_type: 'Bearer', expires_in: this.lifetimeSeconds };
  }

  private clientUser(
    request: TokenRequest,
    basicAuthorization: string | undefined,
    state: CloudState,
  ): string {
    const basic = basicCredentials(basicAuthorization);
    const clientId = request.client_id ?? basic?.id;
    const clientSecret = request.client_secret ?? basic?.secret;
    if (clientId === undefined || clientSecret === undefined)
      throw unauthorized('client_id and client_secret are required');
    if (!sameSecret(clientId, this.options.clientId) || !sameSecret(clientSecret, this.options.clientSecret))
      throw unauthorized('unknown client or wrong secret');
    const users = [...state.users.values()];
    const user =
      users.find((candidate) => candidate.role === 'owner') ??
      users.find((candidate) => candidate.role === 'admin');
    // The client is who it says it is, but there is nobody for it to act as: not a credentials problem (401).
    if (user === undefined)
      throw new CloudError(2203, `site ${state.site.id} has no owner or admin for the API client to act as`);
    return user.id;
  }
}

export type TokenRequest = z.infer<typeof tokenRequestSchema>;

function passwordUser(request: TokenRequest, state: CloudState): string {
  const { username, password } = request;
  if (username === undefined || password === undefined)
    throw unauthorized('username and password are required');
  const key = username.toLowerCase();
  let found: string | undefined;
  for (const user of state.users.values()) {
    if (user.id === username || user.email?.toLowerCase() === key) {
      found = user.id;
      break;
    }
  }
  // Compare the password even for an unknown user, so the answer takes as long either way.
  const passwordOk = sameSecret(password, demoUserPassword);
  if (found === undefined || !passwordOk) throw unauthorized('unknown user or wrong password');
  return found;
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
