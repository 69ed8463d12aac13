/**
 * Checkpoints for `state-at`: replay twins parked at times through the timeline, so that a state-at advances the
 * nearest earlier one instead of replaying from the start. A twin cannot be copied or rewound (its devices are
 * XState actors and its clock holds closures), so a parked twin is used up when it answers: it moves on to the
 * time asked and is parked there instead. While the worker is idle, `refillStep` keeps one twin in every bucket
 * of `intervalMs` (the lowest empty bucket is filled from the bucket below it, which the next steps fill in
 * turn, down to a fresh twin at 0): each step advances one twin by at most one interval, so an answer waits for
 * at most one step, and once the buckets are full any time is at most two intervals of replay from a twin.
 *
 * The checkpoints belong to one timeline: a file whose site, seed, defects, background or inputs differ (the
 * live session after a new input, another loaded file) drops them all. Its `until`, name and description do not
 * count (the live session's export grows its `until` as it runs), so every replay twin schedules background
 * traffic up to `protocolLimits.replayMsMax`, as the live twin schedules it past any session.
 */
import {
  parseScenario,
  prepareRun,
  scenarioUntilMs,
  type PreparedRun,
  type Scenario,
} from '../../scenarios/index.ts';
import { devicesOf, newestEntries } from '../device-view.ts';
import { accepted, type CommandOutcome } from './command-outcome.ts';
import { protocolLimits, type StateAtResult } from './protocol.ts';
import { refusal, refusalOfError } from './refusals.ts';

/** Buckets the timeline is cut into at most (24: an hour each for a day's session). */
export const checkpointBucketsMax = 24;
/**
 * Parked twins times the site's locks at most: a parked office twin (6 locks, a day of entries) holds about 5 MB,
 * so the office gets 24 buckets and a site of 600 locks or more one.
 */
export const checkpointLockTwinsMax = 600;
/** The shortest bucket: shorter sessions replay from the start in a few milliseconds anyway. */
export const checkpointIntervalMsMin = 3_600_000;
/** Parked twins beside the buckets' own (answers parked where they stopped); the earliest extra goes first. */
const spareTwinsMax = 4;

/** What a replay needs: a scenario file as JSON and the virtual time to rebuild. */
export interface ReplayTask {
  readonly file: Record<string, unknown>;
  readonly ms: number;
}

/** The fields of a scenario file that decide what happens (not `until`, `name`, `description`, `expectedHash`). */
function timelineKeyOf(file: Record<string, unknown>): string {
  const { until: _until, name: _name, description: _description, expectedHash: _hash, ...rest } = file;
  return JSON.stringify(rest);
}

export interface ReplayCheckpointsStats {
  readonly parked: number;
  readonly intervalMs: number;
  /** Buckets without a twin (the ones `refillStep` still has to fill). */
  readonly emptyBuckets: number;
}

export class ReplayCheckpoints {
  private key: string | undefined;
  private scenario: Scenario | undefined;
  private endMs = 0;
  private intervalMs = checkpointIntervalMsMin;
  private buckets = 1;
  /** Parked twins, in the order of their clocks. */
  private parked: PreparedRun[] = [];

  /** The state at `task.ms` (the file was checked before: a file that no longer loads is the twin's own error). */
  stateAt(task: ReplayTask): CommandOutcome<StateAtResult> {
    try {
      const ready = this.timelineOf(task.file);
      if (ready !== undefined) return ready;
      const run = this.takeLatestAtOrBefore(task.ms) ?? this.freshRun();
      run.twin.runUntil(task.ms);
      const result = accepted({
        virtualMs: run.twin.clock.now(),
        devices: devicesOf(run.twin),
        entries: newestEntries(run.twin, protocolLimits.snapshotEntriesMax),
      });
      this.park(run);
      return result;
    } catch (error) {
      this.forget();
      return refusalOfError(error);
    }
  }

  /**
   * One step of idle work: fills the lowest empty bucket by advancing the latest twin below it (at most one
   * interval), or parks a fresh twin at 0. Answers false when every bucket has a twin (nothing to do).
   */
  refillStep(): boolean {
    const scenario = this.scenario;
    if (scenario === undefined) return false;
    const empty = this.lowestEmptyBucket();
    if (empty === undefined) return false;
    try {
      const bucketStartMs = empty * this.intervalMs;
      const source = empty === 0 ? undefined : this.takeLatestAtOrBefore(bucketStartMs - 1);
      const run = source ?? this.freshRun();
      run.twin.runUntil(Math.min(bucketStartMs, run.twin.clock.now() + this.intervalMs));
      this.park(run);
    } catch {
      this.forget();
      return false;
    }
    return true;
  }

  stats(): ReplayCheckpointsStats {
    return {
      parked: this.parked.length,
      intervalMs: this.intervalMs,
      emptyBuckets: this.emptyBuckets().length,
    };
  }

  /** Keeps the checkpoints of this file's timeline, or starts a new timeline; a refusal when it does not load. */
  private timelineOf(file: Record<string, unknown>): CommandOutcome<StateAtResult> | undefined {
    const key = timelineKeyOf(file);
    const parsed = parseScenario(file);
    if (!parsed.ok)
      return refusal(
        'twin-error',
        `the timeline does not load: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
      );
    if (key !== this.key) {
      this.forget();
      this.key = key;
      this.scenario = parsed.value;
    }
    const locks = Math.max(1, parsed.value.spec.locks.length);
    this.buckets = Math.max(1, Math.min(checkpointBucketsMax, Math.floor(checkpointLockTwinsMax / locks)));
    this.endMs = Math.max(this.endMs, scenarioUntilMs(parsed.value, {}));
    this.intervalMs = Math.max(checkpointIntervalMsMin, Math.ceil(this.endMs / this.buckets));
    return undefined;
  }

  private forget(): void {
    this.key = undefined;
    this.scenario = undefined;
    this.parked = [];
    this.endMs = 0;
  }

  private freshRun(): PreparedRun {
    if (this.scenario === undefined) throw new Error('no timeline to replay');
    return prepareRun(this.scenario, { untilMs: protocolLimits.replayMsMax });
  }

  private takeLatestAtOrBefore(ms: number): PreparedRun | undefined {
    for (let index = this.parked.length - 1; index >= 0; index--) {
      const run = this.parked[index];
      if (run !== undefined && run.twin.clock.now() <= ms) return this.parked.splice(index, 1)[0];
    }
    return undefined;
  }

  /** Parks a twin in clock order; past the cap, a twin sharing its bucket with another goes (the earliest). */
  private park(run: PreparedRun): void {
    const nowMs = run.twin.clock.now();
    const at = this.parked.findIndex((parked) => parked.twin.clock.now() > nowMs);
    this.parked.splice(at === -1 ? this.parked.length : at, 0, run);
    while (this.parked.length > this.buckets + 1 + spareTwinsMax) {
      const spare = this.parked.findIndex(
        (parked, index) =>
          index + 1 < this.parked.length && this.bucketOf(parked) === this.bucketOf(this.parked[index + 1]),
      );
      this.parked.splice(spare === -1 ? 0 : spare, 1);
    }
  }

  private bucketOf(run: PreparedRun | undefined): number {
    return run === undefined ? -1 : Math.floor(run.twin.clock.now() / this.intervalMs);
  }

  private emptyBuckets(): number[] {
    if (this.scenario === undefined) return [];
    const filled = new Set(this.parked.map((run) => this.bucketOf(run)));
    const empty: number[] = [];
    const last = Math.floor(this.endMs / this.intervalMs);
    for (let bucket = 0; bucket <= last && bucket <= this.buckets; bucket++)
      if (!filled.has(bucket)) empty.push(bucket);
    return empty;
  }

  private lowestEmptyBucket(): number | undefined {
    return this.emptyBuckets()[0];
  }
}
