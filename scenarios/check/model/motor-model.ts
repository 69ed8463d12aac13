/**
 * The reference model's motor of one lock, written from the rule and not from the twin's machine: the bolt's
 * decisions (open: unlocked or in an office mode; shut: locked) start motor runs of a fixed length; the outside
 * handle moves the latch from the end of a coupling run to the end of the uncoupling run after it; a run is never
 * cut short, the motor runs back after it when the bolt changed its mind meanwhile.
 *
 * Each run must end exactly when the model says, told by the lock's `lock.motor` event. A run's end and another
 * event on the same millisecond come in the order the trace shows (either is right), so a run due now ends when its
 * event is read, and is missing only once a later millisecond is reached without it.
 */
export class MotorModel {
  private handleFree = false;
  private boltOpen = false;
  private run: { readonly toFree: boolean; readonly untilMs: number } | undefined;

  constructor(
    private readonly motorMs: number,
    private readonly report: (message: string) => void,
  ) {}

  /** The bolt opened (unlocked, office mode) or shut (locked) at `tMs`. */
  boltChanged(open: boolean, tMs: number): void {
    this.catchUp(tMs);
    this.boltOpen = open;
    this.startRunIfNeeded(tMs);
  }

  /** Whether the outside handle moves the latch at `tMs`. */
  handleGives(tMs: number): boolean {
    this.catchUp(tMs);
    return this.handleFree;
  }

  /** The lock says a motor run ended at `tMs`, leaving the handle free or blocked. */
  runEnded(free: boolean, tMs: number): void {
    this.catchUp(tMs);
    const run = this.run;
    if (run === undefined || run.untilMs !== tMs || run.toFree !== free) {
      this.report(
        run === undefined
          ? `ended a motor run (handle ${free ? 'free' : 'blocked'}) with no run under way`
          : `ended a motor run (handle ${free ? 'free' : 'blocked'}) at ${tMs} ms; the run under way ends at ${run.untilMs} ms with the handle ${run.toFree ? 'free' : 'blocked'}`,
      );
      // Follow the lock from here, so one wrong run is reported once.
      this.run = undefined;
      this.handleFree = free;
      this.startRunIfNeeded(tMs);
      return;
    }
    this.finishRun();
    this.startRunIfNeeded(tMs);
  }

  /** A run due before `tMs` whose end the lock never told is missing; the model goes on as if it had ended. */
  private catchUp(tMs: number): void {
    for (let runs = 0; this.run !== undefined && this.run.untilMs < tMs && runs < 2; runs++) {
      const untilMs = this.run.untilMs;
      this.report(
        `did not end its motor run due at ${untilMs} ms (the handle stays ${this.handleFree ? 'free' : 'blocked'})`,
      );
      this.finishRun();
      this.startRunIfNeeded(untilMs);
    }
  }

  private finishRun(): void {
    if (this.run === undefined) return;
    this.handleFree = this.run.toFree;
    this.run = undefined;
  }

  private startRunIfNeeded(atMs: number): void {
    if (this.run === undefined && this.handleFree !== this.boltOpen)
      this.run = { toFree: this.boltOpen, untilMs: atMs + this.motorMs };
  }
}
