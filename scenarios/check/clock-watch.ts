/**
 * The reference model's lock clocks (invariant `clock-corrected`), from the rule and not from the twin's code: a
 * lock's clock is off by what the last `lock-clock` fault set, until its IQ's time reaches it with a heartbeat;
 * then, when it was off by a second or more, the lock takes the IQ's time (its clock is right again) and records
 * one `clock_corrected` event saying by how much. Judged:
 * - a correction comes only with a heartbeat (one was sent to the lock within the radio's delivery bound), only for
 *   a clock off by the threshold or more, by exactly the model's offset;
 * - a heartbeat delivered to a lock whose clock is that far off brings the correction within the delivery bound.
 * The model's clock, corrections included, is what every other invariant judges schedules on.
 */
import type { TwinEventOf, TwinInput } from '../../twin/index.ts';
import { clockCorrectionMinMs } from './model/domain-numbers.ts';

/** A heartbeat's last hop delivers well within this (tens to hundreds of ms, retries included). */
const heartbeatDeliveryBoundMs = 5_000;

export class ClockWatch {
  private readonly offsetMs = new Map<string, number>();
  /** When each lock's clock was last set, by the fault or by a correction. */
  private readonly setMs = new Map<string, number>();
  /** When a heartbeat's last hop was last sent to each lock. */
  private readonly heartbeatSentMs = new Map<string, number>();
  /** Locks whose correction is due, by when. */
  private readonly dueByMs = new Map<string, number>();

  constructor(
    private readonly lockIds: ReadonlySet<string>,
    private readonly fail: (message: string) => void,
  ) {}

  /** How far the lock's clock is off now, as the model knows it. */
  offsetOf(lockId: string): number {
    return this.offsetMs.get(lockId) ?? 0;
  }

  /** When the lock's clock was last set (by the fault or a correction). */
  lastSetMs(lockId: string): number | undefined {
    return this.setMs.get(lockId);
  }

  input(input: TwinInput, tMs: number): void {
    if (input.type !== 'lock-clock') return;
    this.offsetMs.set(input.lock, input.offsetMs);
    this.setMs.set(input.lock, tMs);
    // A heartbeat on its way corrects whatever the clock is when it lands; a clock set right needs none.
    if (!farOff(input.offsetMs)) this.dueByMs.delete(input.lock);
  }

  hop(hop: TwinEventOf<'radio.hop'>, tMs: number): void {
    if (hop.msg !== 'hb' || !hop.ok || !this.lockIds.has(hop.to)) return;
    this.heartbeatSentMs.set(hop.to, tMs);
    if (farOff(this.offsetOf(hop.to)) && !this.dueByMs.has(hop.to))
      this.dueByMs.set(hop.to, tMs + heartbeatDeliveryBoundMs);
  }

  /** A `clock_corrected` record of the lock. */
  corrected(lockId: string, detail: string, tMs: number): void {
    const offsetMs = this.offsetOf(lockId);
    const sentMs = this.heartbeatSentMs.get(lockId);
    if (sentMs === undefined || tMs - sentMs > heartbeatDeliveryBoundMs)
      this.fail(`${lockId} corrected its clock with no heartbeat from its IQ arriving`);
    else if (!farOff(offsetMs))
      this.fail(`${lockId} corrected its clock although it was only ${offsetMs} ms off`);
    else if (detail !== `clock corrected by ${-offsetMs} ms`)
      this.fail(`${lockId} recorded '${detail}'; its clock was ${offsetMs} ms off`);
    this.offsetMs.set(lockId, 0);
    this.setMs.set(lockId, tMs);
    this.dueByMs.delete(lockId);
  }

  /** After a step: every correction due by now has come. */
  checkStep(nowMs: number): void {
    for (const [lockId, dueByMs] of [...this.dueByMs].sort(([a], [b]) => a.localeCompare(b))) {
      if (dueByMs >= nowMs) continue;
      this.fail(
        `${lockId}'s clock is ${this.offsetOf(lockId)} ms off; its IQ's time reached it by ${dueByMs} ms and it did not correct it`,
      );
      this.dueByMs.delete(lockId);
    }
  }
}

const farOff = (offsetMs: number): boolean => Math.abs(offsetMs) >= clockCorrectionMinMs;
