/**
 * The page's one clock: the virtual time it shows, derived from what the server told and the wall time since.
 *
 * Every message carries the server's virtual time of a moment before it arrived, so each is a lower bound of the
 * server's time at its arrival: the server's clock runs on while the message travels (and the pacer moves it in
 * ticks, so a status read between two ticks is behind the pacer's line by up to a tick). While the twin runs at
 * speed `s`, the server's time at wall time `w` is about `c + s·w`; each sample `(v, w)` says `c ≥ v − s·w`, so
 * the best estimate of `c` is the largest `v − s·w` of the recent samples (the sample that travelled fastest
 * and was read right after a tick; a status's `paceMs` is the pacer's line itself, behind only by its travel).
 * Only the samples of the last `clockWindowMs` count, and when they show the server running slower than its
 * speed (a busy server drops the lag) their own rate is used, so the estimate follows a server that falls behind.
 *
 * What is shown never goes back while the twin runs (a later estimate below it holds the clock until the server
 * catches up); paused, it is exactly the server's time. A new session (virtual time went back in a snapshot)
 * starts over with `reset`. Pure: wall time is passed in, so it is tested without a browser.
 */

/** Recent samples the estimate is made of. */
export const clockWindowMs = 3_000;
/** The rate is measured over samples this far apart at least (else the speed is taken as it is). */
export const clockRateSpanMsMin = 1_000;
/** The server counts as falling behind only below this share of its speed. */
export const clockBehindShare = 0.9;
/** Samples kept at most (messages can come thousands a second; the estimate needs few). */
export const clockSamplesMax = 64;
/** Without any message for this long the clock stops running on (the server or the link stalled). */
export const clockAheadWallMsMax = 5_000;

interface Sample {
  readonly virtualMs: number;
  readonly wallMs: number;
}

export class ServerClock {
  private samples: Sample[] = [];
  private speed = 1;
  private paused = true;
  /** The server's time last told (the highest, as messages of one session never go back). */
  private lastVirtualMs = 0;
  private lastWallMs = 0;
  private shownMs = 0;
  private known = false;

  /** Whether the server told its time at least once. */
  get synced(): boolean {
    return this.known;
  }

  get running(): boolean {
    return this.known && !this.paused;
  }

  /** Forget everything (a new session: its time starts over). */
  reset(): void {
    this.samples = [];
    this.lastVirtualMs = 0;
    this.lastWallMs = 0;
    this.shownMs = 0;
    this.known = false;
  }

  /**
   * The server's rate from a status (or a snapshot's, or a time command's answer), with the time it carried. A
   * change of speed or a pause/resume starts a new line: the samples of the old one no longer say anything.
   */
  setRate(
    rate: { readonly speed: number; readonly paused: boolean },
    virtualMs: number,
    wallMs: number,
  ): void {
    if (rate.speed !== this.speed || rate.paused !== this.paused) this.samples = [];
    this.speed = rate.speed > 0 && Number.isFinite(rate.speed) ? rate.speed : 1;
    this.paused = rate.paused;
    if (this.paused && Number.isFinite(virtualMs) && Number.isFinite(wallMs)) {
      // Paused, the page shows the server's time as told, even below what it showed (or was told) before.
      this.known = true;
      this.samples = [];
      this.lastVirtualMs = virtualMs;
      this.lastWallMs = wallMs;
      this.shownMs = virtualMs;
      return;
    }
    this.observe(virtualMs, wallMs);
  }

  /** A message's virtual time, received at `wallMs` (the page's monotonic clock). */
  observe(virtualMs: number, wallMs: number): void {
    if (!Number.isFinite(virtualMs) || !Number.isFinite(wallMs)) return;
    this.known = true;
    if (virtualMs >= this.lastVirtualMs) {
      this.lastVirtualMs = virtualMs;
      this.lastWallMs = wallMs;
    }
    this.samples.push({ virtualMs, wallMs });
    const oldestWallMs = wallMs - clockWindowMs;
    // The newest sample always stays, however old the others are.
    this.samples = this.samples.filter(
      (sample, index, all) => sample.wallMs >= oldestWallMs || index === all.length - 1,
    );
    if (this.samples.length > clockSamplesMax) this.samples = this.samples.slice(-clockSamplesMax);
    if (this.paused) this.shownMs = this.lastVirtualMs;
  }

  /**
   * The rate the server's time runs at: its speed, or less when the samples of the window show it falling behind
   * (a loaded server runs slower than asked rather than stall: the pacer drops the lag).
   */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (first === undefined || last === undefined) return this.speed;
    const spanWallMs = last.wallMs - first.wallMs;
    if (spanWallMs < clockRateSpanMsMin) return this.speed;
    const measured = (last.virtualMs - first.virtualMs) / spanWallMs;
    // Travel times vary, so a measured rate a little below the speed is noise, not a server falling behind.
    return measured < this.speed * clockBehindShare ? Math.max(0, measured) : this.speed;
  }

  /** The server's time at `wallMs` as best known (not clamped). */
  estimate(wallMs: number): number {
    if (!this.known) return 0;
    if (this.paused) return this.lastVirtualMs;
    const speed = this.rate();
    let offset = Number.NEGATIVE_INFINITY;
    for (const sample of this.samples) offset = Math.max(offset, sample.virtualMs - speed * sample.wallMs);
    // Never run on further than `clockAheadWallMsMax` past the last word from the server.
    const atWallMs = Math.min(wallMs, this.lastWallMs + clockAheadWallMsMax);
    const estimate = offset + speed * atWallMs;
    return Math.max(this.lastVirtualMs, Math.floor(estimate));
  }

  /** The time to show at `wallMs`: the estimate, never below what was shown before while the twin runs. */
  shown(wallMs: number): number {
    if (!this.known) return 0;
    if (this.paused) {
      this.shownMs = this.lastVirtualMs;
      return this.shownMs;
    }
    this.shownMs = Math.max(this.shownMs, this.estimate(wallMs));
    return this.shownMs;
  }
}
