/**
 * The cloud's retained history (entries, alerts, outbox messages) grows with virtual time, so each is kept in a
 * `RetainedLog`: oldest first, bounded by a count and by an age, as the real service keeps its entries for 90
 * days. Items leave only from the front, oldest first, and only when a new one is appended, so retention never
 * schedules anything, never reads a clock and never writes a trace event: a run's fingerprint is the same with
 * any bound.
 *
 * Items keep an absolute index (counting those that left), so a reader paging through the log (the REST
 * continuation token) or a holder of an index (an active alert) stays right while the front moves.
 */

/** The real service keeps entries this long; the twin keeps its other histories as long. */
export const retentionMsDefault = 90 * 86_400_000;

export interface RetainedLogOptions<T> {
  /** Items kept at most; past this the oldest leave (counted in `droppedOverCount`). */
  readonly countMax: number;
  /** Items older than this, against the newest time appended, leave (counted in `expired`). */
  readonly retentionMs: number;
  /** An item's time in milliseconds (any one timeline, as long as it is the same for every item). */
  readonly timeMsOf: (item: T) => number;
}

export class RetainedLog<T> {
  private items: T[] = [];
  /** Items before this index of `items` have left; compacted lazily so leaving stays O(1) amortised. */
  private head = 0;
  private left = 0;
  private expiredCount = 0;
  private newestMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RetainedLogOptions<T>) {
    if (!Number.isSafeInteger(options.countMax) || options.countMax < 1)
      throw new RangeError(`countMax must be a positive integer, got ${options.countMax}`);
    if (!(options.retentionMs > 0))
      throw new RangeError(`retentionMs must be positive, got ${options.retentionMs}`);
  }

  append(item: T): void {
    this.newestMs = Math.max(this.newestMs, this.options.timeMsOf(item));
    this.items.push(item);
    this.expireOld();
    if (this.size > this.options.countMax) this.dropFront();
    // Keep the prefix that left no larger than the part kept, so memory stays within twice the bound.
    if (this.head > this.size) this.compact();
  }

  /** The items kept, oldest first. */
  all(): readonly T[] {
    this.compact();
    return this.items;
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** Items that have left the log (expired or over the count): the absolute index of the oldest kept. */
  get firstIndex(): number {
    return this.left;
  }

  /** Items that left because they were older than the retention. */
  get expired(): number {
    return this.expiredCount;
  }

  /** Items that left because the log was full. */
  get droppedOverCount(): number {
    return this.left - this.expiredCount;
  }

  /** Replaces the item at an absolute index, if it is still kept; returns whether it was. */
  replaceAt(absoluteIndex: number, item: T): boolean {
    const index = absoluteIndex - this.left + this.head;
    if (index < this.head || index >= this.items.length) return false;
    this.items[index] = item;
    return true;
  }

  /** The absolute index the next appended item will have. */
  get nextIndex(): number {
    return this.left + this.size;
  }

  private expireOld(): void {
    const oldestKeptMs = this.newestMs - this.options.retentionMs;
    while (this.size > 0 && this.options.timeMsOf(this.items[this.head] as T) < oldestKeptMs) {
      this.dropFront();
      this.expiredCount++;
    }
  }

  private dropFront(): void {
    this.head++;
    this.left++;
  }

  private compact(): void {
    if (this.head === 0) return;
    this.items = this.items.slice(this.head);
    this.head = 0;
  }
}
