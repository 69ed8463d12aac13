/**
 * Weekly time windows in the site's local time (access groups, Easy Office Mode, notification rules).
 *
 * A schedule speaks wall-clock time: "Monday 08:00–18:00" means whatever the clock on the wall says, so across a
 * daylight-saving change a window is an hour shorter or longer in UTC, a window inside the skipped hour never
 * happens, and a window inside the repeated hour happens twice. To reason about that exactly, this file works on
 * *wall milliseconds*: the UTC instant plus the zone's offset at that instant, i.e. the local date and time written
 * as if it were UTC. Weekday, date and time of day then come from plain integer arithmetic (no allocation, no
 * calendar library per schedule), and luxon is asked only one question: the zone's offset at an instant.
 *
 * Window ends and starts are found in wall time first and then mapped back to UTC; wherever the offset changes in
 * between, the search restarts from the instant of the change, so a result is always the first instant at which
 * `isWithinSchedules` actually flips. Searches look at most `scheduleLookAheadDays` ahead.
 */
import { IANAZone } from 'luxon';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekly window in the site's local time, optionally limited to a date range (inclusive, local dates). */
export interface Schedule {
  readonly weekdays: readonly Weekday[];
  /** `HH:mm`, local time. */
  readonly start: string;
  /** `HH:mm`, local time, after `start`; `24:00` is the end of the day. */
  readonly end: string;
  /** `YYYY-MM-DD`, local date, inclusive. */
  readonly fromDate?: string;
  readonly untilDate?: string;
}

/** How far window searches look ahead: a weekly schedule repeats within 7 days, plus a day for merged ends. */
export const scheduleLookAheadDays = 8;

const minuteMs = 60_000;
const dayMs = 86_400_000;
const lookAheadMs = scheduleLookAheadDays * dayMs;
/** Offset changes a search may step over; a real zone has at most two in 8 days, so more means a bug. */
const offsetChangesMax = 16;

// ---------------------------------------------------------------------------------------------------------------
// Zone and wall time

/**
 * The site's zone. IANA names only: luxon's 'local'/'system' would read the host's zone and break determinism
 * across machines, and a misspelt name must fail loudly rather than silently behave like UTC.
 */
function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`unknown IANA time zone ${JSON.stringify(timeZone)}`);
  return zone;
}

/** Throws a RangeError unless `timeZone` is a known IANA zone name. */
export function assertTimeZone(timeZone: string): void {
  zoneOf(timeZone);
}

/** The zone's offset at an instant, in ms (luxon gives minutes; rounding keeps sub-minute historic offsets exact). */
function offsetMsAt(zone: IANAZone, utcMs: number): number {
  return Math.round(zone.offset(utcMs) * minuteMs);
}

function assertInstant(utcMs: number): void {
  if (!Number.isFinite(utcMs)) throw new RangeError(`not an instant: ${utcMs}`);
}

/** Days since 1970-01-01 of a wall instant. */
function wallDay(wallMs: number): number {
  return Math.floor(wallMs / dayMs);
}

/** ISO weekday of a day number: day 0 (1970-01-01) was a Thursday (4). */
function isoWeekday(day: number): Weekday {
  return ((((day % 7) + 10) % 7) + 1) as Weekday;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// The parsers below read validated strings by character code, so the per-opening path allocates nothing. They still
// check what they read: an unvalidated schedule must fail loudly, not grant access at a garbage time.

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) throw new RangeError(`malformed schedule value ${JSON.stringify(text)}`);
    value = value * 10 + digit;
  }
  return value;
}

/** `HH:mm` → ms since local midnight. */
function timeOfDayMs(text: string): number {
  if (text.length !== 5 || text.charCodeAt(2) !== 58)
    throw new RangeError(`malformed schedule time ${JSON.stringify(text)}`);
  const minutes = digitsAt(text, 0, 2) * 60 + digitsAt(text, 3, 2);
  if (minutes > 24 * 60) throw new RangeError(`schedule time past 24:00: ${text}`);
  return minutes * minuteMs;
}

/** `YYYY-MM-DD` → day number. */
function dayOfDate(text: string): number {
  if (text.length !== 10) throw new RangeError(`malformed schedule date ${JSON.stringify(text)}`);
  return daysFromCivil(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2));
}

/** Whether the schedule has a window on this local day (weekday and date range). */
function appliesOn(schedule: Schedule, day: number, weekday: Weekday): boolean {
  if (!schedule.weekdays.includes(weekday)) return false;
  if (schedule.fromDate !== undefined && day < dayOfDate(schedule.fromDate)) return false;
  return schedule.untilDate === undefined || day <= dayOfDate(schedule.untilDate);
}

/** Whether a wall instant lies inside some window. Windows never cross midnight, so only its own day matters. */
function isCoveredAtWall(schedules: readonly Schedule[], wallMs: number): boolean {
  const day = wallDay(wallMs);
  const weekday = isoWeekday(day);
  const timeMs = wallMs - day * dayMs;
  for (const schedule of schedules) {
    if (!appliesOn(schedule, day, weekday)) continue;
    if (timeOfDayMs(schedule.start) <= timeMs && timeMs < timeOfDayMs(schedule.end)) return true;
  }
  return false;
}

/** The latest end among the windows containing a wall instant (`24:00` = next midnight); undefined if none. */
function coveredUntilWallMs(schedules: readonly Schedule[], wallMs: number): number | undefined {
  const day = wallDay(wallMs);
  const weekday = isoWeekday(day);
  const timeMs = wallMs - day * dayMs;
  let untilMs: number | undefined;
  for (const schedule of schedules) {
    if (!appliesOn(schedule, day, weekday)) continue;
    const endMs = timeOfDayMs(schedule.end);
    if (timeOfDayMs(schedule.start) <= timeMs && timeMs < endMs && (untilMs === undefined || endMs > untilMs))
      untilMs = endMs;
  }
  return untilMs === undefined ? undefined : day * dayMs + untilMs;
}

/**
 * The end of the continuous coverage containing a wall instant: windows that touch or overlap (within a day or
 * across midnight, from one or several schedules) are followed until one ends uncovered. Capped at `horizonWallMs`.
 */
function coverageEndWallMs(
  schedules: readonly Schedule[],
  wallMs: number,
  horizonWallMs: number,
): number | undefined {
  let endMs = coveredUntilWallMs(schedules, wallMs);
  if (endMs === undefined) return undefined;
  // Each step moves strictly forward (a window ends after the instant it contains), so the horizon bounds the loop.
  while (endMs < horizonWallMs) {
    const furtherMs = coveredUntilWallMs(schedules, endMs);
    if (furtherMs === undefined) break;
    endMs = furtherMs;
  }
  return Math.min(endMs, horizonWallMs);
}

/** The first window start at or after a wall instant and not after the horizon; undefined if none. */
function nextStartWallMs(
  schedules: readonly Schedule[],
  wallMs: number,
  horizonWallMs: number,
): number | undefined {
  for (let day = wallDay(wallMs); day * dayMs <= horizonWallMs; day++) {
    const weekday = isoWeekday(day);
    let earliestMs: number | undefined;
    for (const schedule of schedules) {
      if (!appliesOn(schedule, day, weekday)) continue;
      const startMs = day * dayMs + timeOfDayMs(schedule.start);
      if (startMs >= wallMs && startMs <= horizonWallMs && (earliestMs === undefined || startMs < earliestMs))
        earliestMs = startMs;
    }
    // Days are visited in order, so the first day with a start holds the earliest one.
    if (earliestMs !== undefined) return earliestMs;
  }
  return undefined;
}

/**
 * The first instant in (fromUtcMs, toUtcMs] whose offset differs from `offsetMs` (the offset at fromUtcMs), or
 * undefined. Probed a day at a time so that two changes in the range are not mistaken for none, then bisected to
 * the millisecond.
 */
function firstOffsetChange(
  zone: IANAZone,
  fromUtcMs: number,
  toUtcMs: number,
  offsetMs: number,
): number | undefined {
  for (let stepFromMs = fromUtcMs; stepFromMs < toUtcMs; stepFromMs += dayMs) {
    const stepToMs = Math.min(stepFromMs + dayMs, toUtcMs);
    if (offsetMsAt(zone, stepToMs) !== offsetMs)
      return bisectOffsetChange(zone, stepFromMs, stepToMs, offsetMs);
  }
  return undefined;
}

/** Invariant: the offset at `sameMs` is `offsetMs` and at `changedMs` it is not. */
function bisectOffsetChange(zone: IANAZone, sameMs: number, changedMs: number, offsetMs: number): number {
  let low = sameMs;
  let high = changedMs;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetMsAt(zone, middle) === offsetMs) low = middle;
    else high = middle;
  }
  return high;
}

// ---------------------------------------------------------------------------------------------------------------
// Queries

/**
 * Whether the local wall time of `utcMs` in `timeZone` is inside any window (start inclusive, end exclusive).
 * An empty list is false: a group with no schedule grants nothing. Runs on every opening attempt: one zone lookup
 * per call, nothing allocated per schedule.
 */
export function isWithinSchedules(schedules: readonly Schedule[], utcMs: number, timeZone: string): boolean {
  if (schedules.length === 0) return false;
  assertInstant(utcMs);
  const zone = zoneOf(timeZone);
  return isCoveredAtWall(schedules, utcMs + offsetMsAt(zone, utcMs));
}

/**
 * When `utcMs` is inside a window: the first later instant at which it is not, i.e. the end of the continuous
 * coverage (touching or overlapping windows merged, across midnight and across schedules), in UTC and correct
 * across daylight-saving changes. If the coverage lasts past the 8-day horizon, returns the horizon
 * (`utcMs + 8 days`), at which the caller should ask again. Undefined when `utcMs` is outside every window.
 */
export function currentWindowEndUtcMs(
  schedules: readonly Schedule[],
  utcMs: number,
  timeZone: string,
): number | undefined {
  if (schedules.length === 0) return undefined;
  assertInstant(utcMs);
  const zone = zoneOf(timeZone);
  const horizonUtcMs = utcMs + lookAheadMs;
  let fromUtcMs = utcMs;
  for (let changes = 0; changes <= offsetChangesMax; changes++) {
    const offsetMs = offsetMsAt(zone, fromUtcMs);
    const endWallMs = coverageEndWallMs(schedules, fromUtcMs + offsetMs, horizonUtcMs + offsetMs);
    // Outside at the start: no window. Outside right after an offset change: the jump itself ended the coverage.
    if (endWallMs === undefined) return fromUtcMs === utcMs ? undefined : fromUtcMs;
    const endUtcMs = Math.min(endWallMs - offsetMs, horizonUtcMs);
    const changeUtcMs = firstOffsetChange(zone, fromUtcMs, endUtcMs, offsetMs);
    if (changeUtcMs === undefined) return endUtcMs;
    fromUtcMs = changeUtcMs;
  }
  throw new Error(
    `more than ${offsetChangesMax} offset changes in ${scheduleLookAheadDays} days in ${timeZone}`,
  );
}

/**
 * The first instant ≥ `utcMs` at which coverage begins (outside the instant before, inside from it), within the
 * 8-day horizon; undefined if none. If `utcMs` is inside a window that began earlier, that is the start after the
 * current coverage ends: a window starting within continuous coverage begins nothing. After an autumn change a
 * window in the repeated hour begins a second time, and that counts.
 */
export function nextWindowStartUtcMs(
  schedules: readonly Schedule[],
  utcMs: number,
  timeZone: string,
): number | undefined {
  if (schedules.length === 0) return undefined;
  assertInstant(utcMs);
  const horizonUtcMs = utcMs + lookAheadMs;
  let fromUtcMs = utcMs;
  if (isWithinSchedules(schedules, utcMs, timeZone)) {
    if (!isWithinSchedules(schedules, utcMs - 1, timeZone)) return utcMs;
    const endUtcMs = currentWindowEndUtcMs(schedules, utcMs, timeZone);
    if (endUtcMs === undefined || endUtcMs >= horizonUtcMs) return undefined;
    fromUtcMs = endUtcMs;
  }
  return nextStartFrom(schedules, fromUtcMs, horizonUtcMs, zoneOf(timeZone));
}

/** Invariant: `fromUtcMs` is outside every window. */
function nextStartFrom(
  schedules: readonly Schedule[],
  fromUtcMs: number,
  horizonUtcMs: number,
  zone: IANAZone,
): number | undefined {
  let searchUtcMs = fromUtcMs;
  for (let changes = 0; changes <= offsetChangesMax; changes++) {
    const offsetMs = offsetMsAt(zone, searchUtcMs);
    const startWallMs = nextStartWallMs(schedules, searchUtcMs + offsetMs, horizonUtcMs + offsetMs);
    const startUtcMs = startWallMs === undefined ? horizonUtcMs : startWallMs - offsetMs;
    const changeUtcMs = firstOffsetChange(zone, searchUtcMs, Math.min(startUtcMs, horizonUtcMs), offsetMs);
    if (changeUtcMs === undefined)
      return startWallMs === undefined || startUtcMs > horizonUtcMs ? undefined : startUtcMs;
    // The clock jumped before the start was reached: the jump may land inside a window (spring forward into it,
    // autumn back into it), which then begins at the jump; otherwise search again on the new offset.
    if (isCoveredAtWall(schedules, changeUtcMs + offsetMsAt(zone, changeUtcMs))) return changeUtcMs;
    searchUtcMs = changeUtcMs;
  }
  throw new Error(
    `more than ${offsetChangesMax} offset changes in ${scheduleLookAheadDays} days in ${zone.name}`,
  );
}
