/**
 * Rate limits of the token endpoints (`rate-limiter-flexible`, in memory):
 * - failed credentials per user name and per client id: after `failuresMax` failures in `failureWindowSeconds`
 *   the name is locked out for `lockoutSeconds`, doubled for each further lock-out within an hour (back-off), up to
 *   `lockoutSecondsMax`; while locked out, even the right password answers 429 (else guessing would go on);
 *   a success clears the name's failures;
 * - requests per remote address (any outcome), and from all addresses together, so that floods of fresh names
 *   or fresh addresses cannot grow these tables without bound: at most `requestsMaxAll` names a window, each kept
 *   for a window, a lock-out or `lockoutMemorySeconds`.
 * A refusal is a `TooManyRequests` with the seconds to wait (the `Retry-After` header).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface TokenRateLimits {
  readonly failuresMax: number;
  readonly failureWindowSeconds: number;
  readonly lockoutSeconds: number;
  readonly lockoutSecondsMax: number;
  /** Requests per remote address in `requestWindowSeconds`, to any token endpoint. */
  readonly requestsMax: number;
  readonly requestWindowSeconds: number;
  /** Requests from all addresses together in `requestWindowSeconds`. */
  readonly requestsMaxAll: number;
}

export const tokenRateLimitsDefault: TokenRateLimits = {
  failuresMax: 5,
  failureWindowSeconds: 60,
  lockoutSeconds: 30,
  lockoutSecondsMax: 900,
  requestsMax: 200,
  requestWindowSeconds: 10,
  requestsMaxAll: 2_000,
};

/** Lock-outs are remembered this long for the back-off. */
export const lockoutMemorySeconds = 3_600;

/** Too many requests or failures: wait `retryAfterSeconds`. */
export class TooManyRequests extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'TooManyRequests';
  }
}

export class TokenRateLimiter {
  private readonly failures: RateLimiterMemory;
  private readonly lockouts: RateLimiterMemory;
  private readonly requests: RateLimiterMemory;
  private readonly allRequests: RateLimiterMemory;

  constructor(private readonly limits: TokenRateLimits) {
    for (const [name, value] of Object.entries(limits))
      if (!(Number.isSafeInteger(value) && value > 0))
        throw new RangeError(`${name} must be a positive integer`);
    this.failures = new RateLimiterMemory({
      keyPrefix: 'failures',
      points: limits.failuresMax,
      duration: limits.failureWindowSeconds,
    });
    this.lockouts = new RateLimiterMemory({
      keyPrefix: 'lockouts',
      points: 1,
      duration: lockoutMemorySeconds,
    });
    this.requests = new RateLimiterMemory({
      keyPrefix: 'requests',
      points: limits.requestsMax,
      duration: limits.requestWindowSeconds,
    });
    this.allRequests = new RateLimiterMemory({
      keyPrefix: 'all-requests',
      points: limits.requestsMaxAll,
      duration: limits.requestWindowSeconds,
    });
  }

  /** Counts one request from `address`; throws `TooManyRequests` past the per-address rate. */
  async countRequest(address: string): Promise<void> {
    try {
      await this.requests.consume(address);
    } catch (rejection) {
      throw new TooManyRequests(retrySeconds(rejection), 'too many token requests from this address');
    }
    try {
      await this.allRequests.consume('all');
    } catch (rejection) {
      throw new TooManyRequests(retrySeconds(rejection), 'too many token requests');
    }
  }

  /** Throws `TooManyRequests` when one of the names (`user:…`, `client:…`) is locked out. */
  async assertNotLockedOut(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const record = await this.failures.get(name);
      if (record !== null && record.consumedPoints >= this.limits.failuresMax)
        throw new TooManyRequests(
          Math.max(1, Math.ceil(record.msBeforeNext / 1_000)),
          `too many failed attempts for ${name.replace(':', ' ')}`,
        );
    }
  }

  /** One failed attempt for each name; the one that reaches the limit locks the name out. */
  async recordFailure(names: readonly string[]): Promise<void> {
    for (const name of names) {
      let reached: boolean;
      try {
        reached = (await this.failures.consume(name)).remainingPoints === 0;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        reached = true;
      }
      if (reached) await this.failures.block(name, await this.lockoutSecondsFor(name));
    }
  }

  async recordSuccess(names: readonly string[]): Promise<void> {
    for (const name of names) await this.failures.delete(name);
  }

  /** `lockoutSeconds`, doubled for every earlier lock-out of the name within `lockoutMemorySeconds`. */
  private async lockoutSecondsFor(name: string): Promise<number> {
    const earlier = (await this.lockouts.get(name))?.consumedPoints ?? 0;
    await this.lockouts.penalty(name, 1);
    const seconds = this.limits.lockoutSeconds * 2 ** Math.min(earlier, 30);
    return Math.min(seconds, this.limits.lockoutSecondsMax);
  }
}

function retrySeconds(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1_000));
  throw rejection;
}
