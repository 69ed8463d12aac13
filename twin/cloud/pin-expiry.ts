/**
 * Expiring PINs, on the cloud's side: a PIN set with an expiry (`expiry_date`) leaves the locks' access data at
 * that instant. At the expiry the cloud makes a new version of the data of every lock of the user, without the
 * PIN, and syncs it like any change; until that version lands (an IQ offline, a lock out of reach, or just the
 * radio's latency) the lock still holds the PIN with its end and must refuse it on its own clock
 * (firmware-decision.ts). After it has landed the PIN is unknown there (`no_access`, the sentinel user).
 *
 * One timer per distinct expiry instant: a PIN rotated or removed before its end leaves its timer behind, which
 * finds nothing to remove. Bounded like every queue: past `plannedMax` instants a new one waits for the earliest
 * planned to pass (it is then planned when that one fires, as `removeExpiredPins` sweeps every PIN due).
 */

/** What the planner needs of the virtual clock. */
export interface ExpiryClock {
  now(): number;
  scheduleAt(atMs: number, callback: () => void): unknown;
}

export interface PinExpiryOptions {
  readonly clock: ExpiryClock;
  /** The run's start instant (UTC ms): virtual time 0. */
  readonly epochUtcMs: number;
  /** Removes every PIN whose expiry is at or before `nowUtcMs`; answers the expiries still ahead. */
  readonly expire: (nowUtcMs: number) => readonly number[];
}

/** Distinct expiry instants waiting at once (a site has at most a few thousand users). */
export const plannedMax = 4_096;

export class PinExpiry {
  private readonly planned = new Set<number>();

  constructor(private readonly options: PinExpiryOptions) {}

  /** Plans the removal of PINs ending at `untilUtcMs` (UTC ms, exclusive end). */
  plan(untilUtcMs: number): void {
    if (this.planned.has(untilUtcMs) || this.planned.size >= plannedMax) return;
    const { clock, epochUtcMs } = this.options;
    const atMs = Math.max(clock.now(), untilUtcMs - epochUtcMs);
    this.planned.add(untilUtcMs);
    clock.scheduleAt(atMs, () => {
      this.planned.delete(untilUtcMs);
      for (const ahead of this.options.expire(epochUtcMs + clock.now())) this.plan(ahead);
    });
  }
}
