/**
 * The bounded token table: every live bearer token with its user, site and expiry. Bounded twice: per user
 * (`tokensPerUserMax`; a user past it loses their own oldest token, never anyone else's) and in total
 * (`tokensMax`; when full, expired tokens go first, then the requesting user's own oldest; a user with no token to
 * give up is refused until one expires). So no user can push another user's token out, however many they ask for.
 */

export interface TokenSession {
  readonly userId: string;
  readonly siteId: string;
  readonly expiresAtMs: number;
}

export interface TokenStoreLimits {
  readonly tokensMax: number;
  readonly tokensPerUserMax: number;
}

/** Why a token could not be stored: the table is full of other users' live tokens. */
export interface TokenTableFull {
  readonly ok: false;
  /** Wall-clock milliseconds until the oldest token expires (and frees a place). */
  readonly retryAfterMs: number;
}

export class TokenStore {
  /** In the order issued, so the first key is the oldest. */
  private readonly sessions = new Map<string, TokenSession>();
  /** Each user's tokens, oldest first (at most `tokensPerUserMax`). */
  private readonly byUser = new Map<string, string[]>();

  constructor(private readonly limits: TokenStoreLimits) {
    for (const [name, value] of Object.entries(limits))
      if (!(Number.isSafeInteger(value) && value > 0))
        throw new RangeError(`${name} must be a positive integer`);
    if (limits.tokensPerUserMax > limits.tokensMax)
      throw new RangeError('tokensPerUserMax cannot exceed tokensMax');
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Tokens `userId` holds now (live or not yet swept). */
  countOf(userId: string): number {
    return this.byUser.get(userId)?.length ?? 0;
  }

  get(token: string): TokenSession | undefined {
    return this.sessions.get(token);
  }

  /** Stores a new token, making room as the header says; `nowMs` decides what has expired. */
  add(token: string, session: TokenSession, nowMs: number): { readonly ok: true } | TokenTableFull {
    if (this.sessions.has(token)) throw new Error('token generator repeated a token');
    const own = this.byUser.get(session.userId) ?? [];
    if (own.length >= this.limits.tokensPerUserMax) this.delete(own[0] as string);
    if (this.sessions.size >= this.limits.tokensMax) this.sweepExpired(nowMs);
    if (this.sessions.size >= this.limits.tokensMax) {
      const oldestOwn = this.byUser.get(session.userId)?.[0];
      if (oldestOwn === undefined) return { ok: false, retryAfterMs: this.msUntilFirstExpiry(nowMs) };
      this.delete(oldestOwn);
    }
    this.sessions.set(token, session);
    const list = this.byUser.get(session.userId);
    if (list === undefined) this.byUser.set(session.userId, [token]);
    else list.push(token);
    return { ok: true };
  }

  /** Forgets a token; true when it was there. */
  delete(token: string): boolean {
    const session = this.sessions.get(token);
    if (session === undefined) return false;
    this.sessions.delete(token);
    const list = this.byUser.get(session.userId);
    if (list !== undefined) {
      const index = list.indexOf(token);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) this.byUser.delete(session.userId);
    }
    return true;
  }

  /** Drops every expired token (tokens are issued with one lifetime, so the expired ones are the oldest). */
  private sweepExpired(nowMs: number): void {
    for (const [token, session] of this.sessions) {
      if (session.expiresAtMs > nowMs) break;
      this.delete(token);
    }
  }

  private msUntilFirstExpiry(nowMs: number): number {
    const first = this.sessions.values().next();
    return first.done === true ? 0 : Math.max(0, first.value.expiresAtMs - nowMs);
  }
}
