/**
 * The pacer: the one place that maps wall time onto virtual time (design.md, determinism rule 1). Every tick it
 * advances the twin by the wall time elapsed times the speed. Pacing changes only when things happen in wall
 * time, never what happens or in which order, so a paced session still replays exactly from its inputs.
 * `advanceTo` may stop short of the time asked (the live twin runs one bounded slice per tick): the pacer then
 * drops the lag rather than catch up, so a busy site runs slower than its speed instead of stalling the server.
 */
export interface PacerOptions {
  readonly advanceTo: (virtualMs: number) => void;
  readonly nowMs: () => number;
  readonly speed: number;
  readonly tickMs?: number;
  /** An exception of a tick (the twin threw): the pacer has stopped; the owner ends the session. */
  readonly onError: (error: unknown) => void;
}

/** The fastest the pacer goes: a day of virtual time per wall second. */
export const speedMax = 86_400;
/** Virtual time one tick may advance, so a stalled process does not try to catch up a day at once. */
const tickAdvanceMaxMs = 60_000 * 60;

export class Pacer {
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastWallMs = 0;
  private currentSpeed: number;
  private readonly tickMs: number;

  constructor(private readonly options: PacerOptions) {
    this.currentSpeed = checkedSpeed(options.speed);
    this.tickMs = options.tickMs ?? 50;
  }

  get paused(): boolean {
    return this.timer === undefined;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  /**
   * Virtual time the next tick would add for the wall time since the last one (0 paused): the twin's clock moves
   * in ticks, this is how far the pacer's own line is ahead of it at `wallMs`, so a client can follow the line.
   */
  aheadMs(wallMs: number): number {
    if (this.timer === undefined) return 0;
    return Math.min(
      tickAdvanceMaxMs,
      Math.max(0, Math.floor((wallMs - this.lastWallMs) * this.currentSpeed)),
    );
  }

  setSpeed(speed: number): void {
    this.currentSpeed = checkedSpeed(speed);
  }

  resume(): void {
    if (this.timer !== undefined) return;
    this.lastWallMs = performance.now();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref?.();
  }

  pause(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Never throws: a timer's exception would end the process, so a failing tick stops the pacer instead. */
  private tick(): void {
    try {
      const wallMs = performance.now();
      const advanceMs = Math.min(
        tickAdvanceMaxMs,
        Math.floor((wallMs - this.lastWallMs) * this.currentSpeed),
      );
      if (advanceMs < 1) return;
      this.lastWallMs = wallMs;
      this.options.advanceTo(this.options.nowMs() + advanceMs);
    } catch (error) {
      this.pause();
      this.options.onError(error);
    }
  }
}

function checkedSpeed(speed: number): number {
  if (!(speed > 0 && speed <= speedMax))
    throw new RangeError(`speed must be in (0, ${speedMax}], got ${speed}`);
  return speed;
}
