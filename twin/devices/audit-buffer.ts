/**
 * A lock's bounded audit buffer. Events keep their original timestamps and a per-lock sequence number; they stay
 * until the cloud acknowledges them, so a lost upload is simply sent again and the cloud drops what it already
 * has. Past the bound the oldest events are dropped, and that loss is itself reported (an overflow record that
 * rides along with every upload until acknowledged).
 */
import type { AuditEvent, AuditOverflow, AuditUpload } from '../access/audit-event.ts';

export class AuditBuffer {
  private events: AuditEvent[] = [];
  private nextSeq = 1;
  private overflow: AuditOverflow | undefined;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new RangeError(`audit capacity must be ≥ 1, got ${capacity}`);
  }

  record(event: Omit<AuditEvent, 'seq'>): AuditEvent {
    const stored: AuditEvent = { seq: this.nextSeq++, ...event };
    this.events.push(stored);
    if (this.events.length > this.capacity) this.dropOldest();
    return stored;
  }

  get size(): number {
    return this.events.length;
  }

  get pendingOverflow(): AuditOverflow | undefined {
    return this.overflow;
  }

  hasUnacknowledged(): boolean {
    return this.events.length > 0 || this.overflow !== undefined;
  }

  /** The oldest unacknowledged events, at most `batchMax`, with the overflow report if any. */
  nextUpload(batchMax: number): AuditUpload {
    return { events: this.events.slice(0, batchMax), overflow: this.overflow };
  }

  /** The cloud holds every event up to `seq` (and the overflow report through `overflowLastSeq`). */
  acknowledge(seq: number, overflowLastSeq: number | undefined): void {
    let dropCount = 0;
    while (dropCount < this.events.length && (this.events[dropCount] as AuditEvent).seq <= seq) dropCount++;
    if (dropCount > 0) this.events = this.events.slice(dropCount);
    if (
      this.overflow !== undefined &&
      overflowLastSeq !== undefined &&
      this.overflow.lastLostSeq <= overflowLastSeq
    ) {
      this.overflow = undefined;
    }
  }

  private dropOldest(): void {
    const lost = this.events.shift();
    if (lost === undefined) return;
    this.overflow =
      this.overflow === undefined
        ? { lostEvents: 1, firstLostSeq: lost.seq, lastLostSeq: lost.seq }
        : { ...this.overflow, lostEvents: this.overflow.lostEvents + 1, lastLostSeq: lost.seq };
  }
}
