/**
 * The virtual clock: XState's `Clock` over one priority queue ordered by (due time, insertion sequence).
 *
 * Unlike XState's `SimulatedClock`, which sets the time first and fires every due timer late, re-sorts all
 * timers on each flush and leaves ties unordered, this clock pops one entry at a time, sets `now()` to that
 * entry's own deadline and then fires it. Everything simulated (XState timers, radio deliveries, inputs) runs
 * from this one queue, so the order of a run is fully defined by the seed and the spec.
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';
import { EventQueue, type QueueEntry } from './event-queue.ts';

export interface VirtualClockOptions {
  /** Events a whole run may process before it stops with an error (guards against feedback loops). */
  readonly eventsPerRunMax?: number;
  /** Entries the queue may hold at once (a bound on memory). */
  readonly queuedEntriesMax?: number;
}

export const eventsPerRunMaxDefault = 200_000_000;
export const queuedEntriesMaxDefault = 5_000_000;

/** Raised when a run processes more events than its limit allows. */
export class EventLimitError extends Error {
  constructor(
    readonly limitEvents: number,
    readonly atMs: number,
  ) {
    super(
      `the run stopped after its limit of ${limitEvents} events at virtual time ${atMs} ms; ` +
        'raise the limit (eventsPerRunMax) if the run is meant to be this long, or look for a feedback loop',
    );
    this.name = 'EventLimitError';
  }
}

/** Raised when the queue would grow past its bound. */
export class QueueLimitError extends Error {
  constructor(readonly limitEntries: number) {
    super(`the event queue reached its limit of ${limitEntries} pending entries`);
    this.name = 'QueueLimitError';
  }
}

/** XState's `Clock` (not exported by name from xstate). */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/** The handle `setTimeout`/`schedule` return; `clearTimeout`/`cancel` take it back. */
export type TimerHandle = QueueEntry;

export class VirtualClock implements Clock {
  private readonly queue = new EventQueue();
  private nowMs = 0;
  private nextSeq = 0;
  private processed = 0;
  private readonly eventsPerRunMax: number;
  private readonly queuedEntriesMax: number;

  constructor(options: VirtualClockOptions = {}) {
    this.eventsPerRunMax = options.eventsPerRunMax ?? eventsPerRunMaxDefault;
    this.queuedEntriesMax = options.queuedEntriesMax ?? queuedEntriesMaxDefault;
  }

  /** Virtual milliseconds since the start of the run. */
  now(): number {
    return this.nowMs;
  }

  /** Events fired so far in this run. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Entries waiting in the queue, cancelled ones included until they are popped. */
  get pendingEntries(): number {
    return this.queue.size;
  }

  /**
   * Schedules `callback` at absolute virtual time `atMs` (never in the past). Lane 1 is for inputs from outside:
   * they run after everything else due in the same millisecond.
   */
  scheduleAt(atMs: number, callback: () => void, lane: 0 | 1 = 0): TimerHandle {
    return this.enqueue(atMs, callback, undefined, lane);
  }

  /** Schedules `callback` after `delayMs` virtual milliseconds. */
  schedule(delayMs: number, callback: () => void): TimerHandle {
    return this.enqueue(this.nowMs + Math.max(0, delayMs), callback, undefined, 0);
  }

  /**
   * Schedules `call(arg)` after `delayMs`: the same as `schedule(delayMs, () => call(arg))`, without a closure
   * per call, for the hottest paths (a radio packet's hops).
   */
  scheduleCall<T>(delayMs: number, call: (arg: T) => void, arg: T): TimerHandle {
    return this.enqueue(this.nowMs + Math.max(0, delayMs), call as (arg: unknown) => void, arg, 0);
  }

  private enqueue(atMs: number, callback: (arg: unknown) => void, arg: unknown, lane: 0 | 1): TimerHandle {
    if (!(atMs >= this.nowMs)) {
      throw new RangeError(`cannot schedule at ${atMs} ms: the clock is already at ${this.nowMs} ms`);
    }
    if (this.queue.size >= this.queuedEntriesMax) throw new QueueLimitError(this.queuedEntriesMax);
    const entry: QueueEntry = { dueMs: atMs, lane, seq: this.nextSeq++, callback, arg, cancelled: false };
    this.queue.push(entry);
    return entry;
  }

  cancel(handle: TimerHandle): void {
    handle.cancelled = true;
  }

  // XState's Clock interface.
  setTimeout(callback: (...args: unknown[]) => void, timeoutMs: number): TimerHandle {
    return this.schedule(timeoutMs, callback as () => void);
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle !== undefined) handle.cancelled = true;
  }

  /** Due time of the next live entry, or undefined when nothing is pending. */
  peekNextMs(): number | undefined {
    this.dropCancelledHead();
    return this.queue.peek()?.dueMs;
  }

  /** Fires the next live entry at its own deadline. Returns false when nothing is pending. */
  step(): boolean {
    this.dropCancelledHead();
    const entry = this.queue.pop();
    if (entry === undefined) return false;
    this.fire(entry);
    return true;
  }

  /** Fires every entry due at or before `untilMs`, each at its own deadline, then sets the time to `untilMs`. */
  runUntil(untilMs: number): void {
    if (!(untilMs >= this.nowMs))
      throw new RangeError(`cannot run back to ${untilMs} ms from ${this.nowMs} ms`);
    for (;;) {
      const entry = this.queue.peek();
      if (entry === undefined || entry.dueMs > untilMs) break;
      this.queue.pop();
      if (!entry.cancelled) this.fire(entry);
    }
    this.nowMs = untilMs;
  }

  /** Moves virtual time forward by `durationMs`, firing everything due on the way. */
  advance(durationMs: number): void {
    if (!(durationMs >= 0)) throw new RangeError(`cannot advance by ${durationMs} ms`);
    this.runUntil(this.nowMs + durationMs);
  }

  private fire(entry: QueueEntry): void {
    if (this.processed >= this.eventsPerRunMax) throw new EventLimitError(this.eventsPerRunMax, entry.dueMs);
    this.processed++;
    this.nowMs = entry.dueMs;
    entry.cancelled = true; // a fired entry can never fire again, even if cleared later
    entry.callback(entry.arg);
  }

  private dropCancelledHead(): void {
    while (this.queue.peek()?.cancelled === true) this.queue.pop();
  }
}
