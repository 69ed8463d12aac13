import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../kernel/rng.ts';
import {
  currentWindowEndUtcMs,
  isWithinSchedules,
  nextWindowStartUtcMs,
  scheduleLookAheadDays,
  type Schedule,
  type Weekday,
} from './schedule.ts';

const amsterdam = 'Europe/Amsterdam';
const newYork = 'America/New_York';
const dayMs = 86_400_000;
const weekdaysOnly: Weekday[] = [1, 2, 3, 4, 5];
const everyDay: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** A UTC instant written as an ISO string, so each test reads as the UTC times it claims. */
function utc(iso: string): number {
  return Date.parse(`${iso}Z`);
}

describe('isWithinSchedules', () => {
  const office: Schedule[] = [{ weekdays: weekdaysOnly, start: '08:00', end: '18:00' }];

  it('is false for an empty list: no schedule grants nothing', () => {
    expect(isWithinSchedules([], utc('2026-01-05T10:00:00'), amsterdam)).toBe(false);
  });

  it('includes the start and excludes the end, in Amsterdam winter time (UTC+1)', () => {
    // Monday 2026-01-05.
    expect(isWithinSchedules(office, utc('2026-01-05T06:59:59.999'), amsterdam)).toBe(false);
    expect(isWithinSchedules(office, utc('2026-01-05T07:00:00'), amsterdam)).toBe(true);
    expect(isWithinSchedules(office, utc('2026-01-05T16:59:59.999'), amsterdam)).toBe(true);
    expect(isWithinSchedules(office, utc('2026-01-05T17:00:00'), amsterdam)).toBe(false);
  });

  it('honours weekdays', () => {
    expect(isWithinSchedules(office, utc('2026-01-09T12:00:00'), amsterdam)).toBe(true); // Friday
    expect(isWithinSchedules(office, utc('2026-01-10T12:00:00'), amsterdam)).toBe(false); // Saturday
    expect(isWithinSchedules(office, utc('2026-01-11T12:00:00'), amsterdam)).toBe(false); // Sunday
    const sundays: Schedule[] = [{ weekdays: [7], start: '10:00', end: '11:00' }];
    expect(isWithinSchedules(sundays, utc('2026-01-11T09:30:00'), amsterdam)).toBe(true);
  });

  it('works in New York, in winter (UTC-5) and summer (UTC-4)', () => {
    const nineToFive: Schedule[] = [{ weekdays: weekdaysOnly, start: '09:00', end: '17:00' }];
    expect(isWithinSchedules(nineToFive, utc('2026-01-05T13:59:59.999'), newYork)).toBe(false);
    expect(isWithinSchedules(nineToFive, utc('2026-01-05T14:00:00'), newYork)).toBe(true);
    expect(isWithinSchedules(nineToFive, utc('2026-01-05T21:59:59.999'), newYork)).toBe(true);
    expect(isWithinSchedules(nineToFive, utc('2026-01-05T22:00:00'), newYork)).toBe(false);
    expect(isWithinSchedules(nineToFive, utc('2026-07-06T13:00:00'), newYork)).toBe(true);
    expect(isWithinSchedules(nineToFive, utc('2026-07-06T21:00:00'), newYork)).toBe(false);
    // Friday 20:00 in New York is already Saturday in UTC.
    const fridayEvening: Schedule[] = [{ weekdays: [5], start: '19:00', end: '21:00' }];
    expect(isWithinSchedules(fridayEvening, utc('2026-01-10T01:00:00'), newYork)).toBe(true);
  });

  it('uses the local weekday and time, not UTC', () => {
    // Monday 00:00–01:00 in Amsterdam is Sunday 23:00–24:00 UTC.
    const mondayNight: Schedule[] = [{ weekdays: [1], start: '00:00', end: '01:00' }];
    const sundayEveningUtc = utc('2026-01-04T23:30:00');
    expect(isWithinSchedules(mondayNight, sundayEveningUtc, amsterdam)).toBe(true);
    expect(isWithinSchedules(mondayNight, sundayEveningUtc, 'UTC')).toBe(false);
    const mondayUtc = utc('2026-01-05T00:30:00');
    expect(isWithinSchedules(mondayNight, mondayUtc, amsterdam)).toBe(false);
    expect(isWithinSchedules(mondayNight, mondayUtc, 'UTC')).toBe(true);
  });

  it('limits windows to the date range, inclusive, in local dates', () => {
    const week: Schedule[] = [
      { weekdays: everyDay, start: '00:00', end: '24:00', fromDate: '2026-03-02', untilDate: '2026-03-06' },
    ];
    expect(isWithinSchedules(week, utc('2026-03-01T22:59:59.999'), amsterdam)).toBe(false);
    expect(isWithinSchedules(week, utc('2026-03-01T23:00:00'), amsterdam)).toBe(true);
    expect(isWithinSchedules(week, utc('2026-03-06T22:59:59.999'), amsterdam)).toBe(true);
    expect(isWithinSchedules(week, utc('2026-03-06T23:00:00'), amsterdam)).toBe(false);
    const fromOnly: Schedule[] = [
      { weekdays: everyDay, start: '09:00', end: '10:00', fromDate: '2026-06-01' },
    ];
    expect(isWithinSchedules(fromOnly, utc('2026-05-31T07:30:00'), amsterdam)).toBe(false);
    expect(isWithinSchedules(fromOnly, utc('2027-05-31T07:30:00'), amsterdam)).toBe(true);
  });

  it('rejects an unknown zone instead of falling back to UTC', () => {
    expect(() => isWithinSchedules(office, 0, 'Europe/Amsterdma')).toThrow(RangeError);
    expect(() => isWithinSchedules(office, 0, 'local')).toThrow(RangeError);
  });
});

describe('daylight saving in Europe/Amsterdam, 2026', () => {
  const mondayMorning: Schedule[] = [{ weekdays: [1], start: '07:00', end: '09:00' }];

  /** The window's start and end in UTC as seen from noon UTC the day before, checked at the instants themselves. */
  function windowUtc(schedules: readonly Schedule[], dayBeforeNoonUtc: number): [string, string] {
    const startUtcMs = nextWindowStartUtcMs(schedules, dayBeforeNoonUtc, amsterdam);
    if (startUtcMs === undefined) throw new Error('no window');
    expect(isWithinSchedules(schedules, startUtcMs - 1, amsterdam)).toBe(false);
    expect(isWithinSchedules(schedules, startUtcMs, amsterdam)).toBe(true);
    const endUtcMs = currentWindowEndUtcMs(schedules, startUtcMs, amsterdam);
    if (endUtcMs === undefined) throw new Error('no end');
    expect(isWithinSchedules(schedules, endUtcMs - 1, amsterdam)).toBe(true);
    expect(isWithinSchedules(schedules, endUtcMs, amsterdam)).toBe(false);
    return [new Date(startUtcMs).toISOString(), new Date(endUtcMs).toISOString()];
  }

  it('moves a Monday 07:00–09:00 window an hour earlier in UTC after the spring change (29 March)', () => {
    expect(windowUtc(mondayMorning, utc('2026-03-22T12:00:00'))).toEqual([
      '2026-03-23T06:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
    ]);
    expect(windowUtc(mondayMorning, utc('2026-03-29T12:00:00'))).toEqual([
      '2026-03-30T05:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(isWithinSchedules(mondayMorning, utc('2026-03-30T04:59:59.999'), amsterdam)).toBe(false);
    expect(isWithinSchedules(mondayMorning, utc('2026-03-30T07:00:00'), amsterdam)).toBe(false);
  });

  it('moves it an hour later in UTC after the autumn change (25 October)', () => {
    expect(windowUtc(mondayMorning, utc('2026-10-18T12:00:00'))).toEqual([
      '2026-10-19T05:00:00.000Z',
      '2026-10-19T07:00:00.000Z',
    ]);
    expect(windowUtc(mondayMorning, utc('2026-10-25T12:00:00'))).toEqual([
      '2026-10-26T06:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
    expect(isWithinSchedules(mondayMorning, utc('2026-10-26T05:59:59.999'), amsterdam)).toBe(false);
    expect(isWithinSchedules(mondayMorning, utc('2026-10-26T07:59:59.999'), amsterdam)).toBe(true);
  });

  it('ends an 08:00–18:00 window at 17:00 UTC before the spring change and 16:00 UTC after it', () => {
    const daily: Schedule[] = [{ weekdays: everyDay, start: '08:00', end: '18:00' }];
    expect(currentWindowEndUtcMs(daily, utc('2026-03-28T09:00:00'), amsterdam)).toBe(
      utc('2026-03-28T17:00:00'),
    );
    expect(currentWindowEndUtcMs(daily, utc('2026-03-30T09:00:00'), amsterdam)).toBe(
      utc('2026-03-30T16:00:00'),
    );
  });

  it('ends a window that reaches into the skipped hour when the clock jumps (02:00 → 03:00)', () => {
    const night: Schedule[] = [{ weekdays: [7], start: '01:00', end: '02:30' }];
    expect(currentWindowEndUtcMs(night, utc('2026-03-29T00:30:00'), amsterdam)).toBe(
      utc('2026-03-29T01:00:00'),
    );
  });

  it('never opens a window that lies inside the skipped hour, and opens one that spans it at the jump', () => {
    const skipped: Schedule[] = [{ weekdays: [7], start: '02:15', end: '02:45' }];
    expect(nextWindowStartUtcMs(skipped, utc('2026-03-28T23:00:00'), amsterdam)).toBe(
      utc('2026-04-05T00:15:00'),
    );
    const spanning: Schedule[] = [{ weekdays: [7], start: '02:30', end: '04:00' }];
    expect(nextWindowStartUtcMs(spanning, utc('2026-03-28T23:00:00'), amsterdam)).toBe(
      utc('2026-03-29T01:00:00'),
    );
    expect(currentWindowEndUtcMs(spanning, utc('2026-03-29T01:00:00'), amsterdam)).toBe(
      utc('2026-03-29T02:00:00'),
    );
  });

  it('opens a window inside the repeated hour twice (03:00 → 02:00)', () => {
    const repeated: Schedule[] = [{ weekdays: [7], start: '02:15', end: '02:45' }];
    const firstStart = nextWindowStartUtcMs(repeated, utc('2026-10-24T22:00:00'), amsterdam);
    expect(firstStart).toBe(utc('2026-10-25T00:15:00'));
    const firstEnd = currentWindowEndUtcMs(repeated, utc('2026-10-25T00:15:00'), amsterdam);
    expect(firstEnd).toBe(utc('2026-10-25T00:45:00'));
    expect(nextWindowStartUtcMs(repeated, utc('2026-10-25T00:45:00'), amsterdam)).toBe(
      utc('2026-10-25T01:15:00'),
    );
    expect(currentWindowEndUtcMs(repeated, utc('2026-10-25T01:15:00'), amsterdam)).toBe(
      utc('2026-10-25T01:45:00'),
    );
  });

  it('keeps a window open through the repeated hour, and leaves one the clock jumps back out of', () => {
    const acrossRepeat: Schedule[] = [{ weekdays: [7], start: '01:00', end: '03:00' }];
    // 01:30 CEST; the clock reads 03:00 CEST, falls back to 02:00 CET, and reaches 03:00 CET at 02:00 UTC.
    expect(currentWindowEndUtcMs(acrossRepeat, utc('2026-10-24T23:30:00'), amsterdam)).toBe(
      utc('2026-10-25T02:00:00'),
    );
    const lateNight: Schedule[] = [{ weekdays: [7], start: '02:45', end: '04:00' }];
    // 02:50 CEST; falling back to 02:00 CET leaves the window until it starts again at 02:45 CET.
    expect(currentWindowEndUtcMs(lateNight, utc('2026-10-25T00:50:00'), amsterdam)).toBe(
      utc('2026-10-25T01:00:00'),
    );
    expect(nextWindowStartUtcMs(lateNight, utc('2026-10-25T01:00:00'), amsterdam)).toBe(
      utc('2026-10-25T01:45:00'),
    );
  });
});

describe('currentWindowEndUtcMs', () => {
  it('is undefined outside every window', () => {
    const office: Schedule[] = [{ weekdays: weekdaysOnly, start: '08:00', end: '18:00' }];
    expect(currentWindowEndUtcMs(office, utc('2026-01-05T17:00:00'), amsterdam)).toBeUndefined();
    expect(currentWindowEndUtcMs([], utc('2026-01-05T12:00:00'), amsterdam)).toBeUndefined();
  });

  it('ends a 24:00 window at the next local midnight', () => {
    const evening: Schedule[] = [{ weekdays: [1], start: '20:00', end: '24:00' }];
    expect(currentWindowEndUtcMs(evening, utc('2026-01-05T20:00:00'), amsterdam)).toBe(
      utc('2026-01-05T23:00:00'),
    );
    expect(isWithinSchedules(evening, utc('2026-01-05T22:59:59.999'), amsterdam)).toBe(true);
    expect(isWithinSchedules(evening, utc('2026-01-05T23:00:00'), amsterdam)).toBe(false);
    expect(currentWindowEndUtcMs(evening, utc('2026-07-06T20:00:00'), amsterdam)).toBe(
      utc('2026-07-06T22:00:00'),
    );
  });

  it('merges windows that overlap or touch, within a day and across schedules', () => {
    const day: Schedule[] = [
      { weekdays: [1], start: '08:00', end: '12:00' },
      { weekdays: [1], start: '11:00', end: '18:00' },
      { weekdays: [1], start: '18:00', end: '19:00' },
      { weekdays: [1], start: '19:01', end: '20:00' },
    ];
    expect(currentWindowEndUtcMs(day, utc('2026-01-05T08:00:00'), amsterdam)).toBe(
      utc('2026-01-05T18:00:00'),
    );
  });

  it('merges windows across midnight (24:00 meets 00:00 the next day)', () => {
    const nightShift: Schedule[] = [
      { weekdays: [1], start: '22:00', end: '24:00' },
      { weekdays: [2], start: '00:00', end: '06:00' },
    ];
    expect(currentWindowEndUtcMs(nightShift, utc('2026-01-05T22:00:00'), amsterdam)).toBe(
      utc('2026-01-06T05:00:00'),
    );
  });

  it('follows merged days across the spring change', () => {
    const weekend: Schedule[] = [
      { weekdays: [5, 6, 7], start: '00:00', end: '24:00' },
      { weekdays: [1], start: '00:00', end: '06:00' },
    ];
    // Friday 12:00 CET until Monday 06:00 CEST.
    expect(currentWindowEndUtcMs(weekend, utc('2026-03-27T11:00:00'), amsterdam)).toBe(
      utc('2026-03-30T04:00:00'),
    );
  });

  it('stops at the look-ahead horizon when coverage never ends', () => {
    const always: Schedule[] = [{ weekdays: everyDay, start: '00:00', end: '24:00' }];
    const at = utc('2026-03-25T10:00:00');
    expect(currentWindowEndUtcMs(always, at, amsterdam)).toBe(at + scheduleLookAheadDays * dayMs);
    expect(nextWindowStartUtcMs(always, at, amsterdam)).toBeUndefined();
  });
});

describe('nextWindowStartUtcMs', () => {
  const office: Schedule[] = [{ weekdays: weekdaysOnly, start: '08:00', end: '18:00' }];

  it('finds the next start, or the given instant when a window begins exactly then', () => {
    expect(nextWindowStartUtcMs(office, utc('2026-01-05T07:00:00'), amsterdam)).toBe(
      utc('2026-01-05T07:00:00'),
    );
    expect(nextWindowStartUtcMs(office, utc('2026-01-05T06:00:00'), amsterdam)).toBe(
      utc('2026-01-05T07:00:00'),
    );
    expect(nextWindowStartUtcMs(office, utc('2026-01-09T17:00:00'), amsterdam)).toBe(
      utc('2026-01-12T07:00:00'),
    );
  });

  it('skips the coverage it is in', () => {
    expect(nextWindowStartUtcMs(office, utc('2026-01-05T12:00:00'), amsterdam)).toBe(
      utc('2026-01-06T07:00:00'),
    );
  });

  it('looks at most 8 days ahead', () => {
    const once: Schedule[] = [
      { weekdays: everyDay, start: '10:00', end: '11:00', fromDate: '2026-02-01', untilDate: '2026-02-01' },
    ];
    expect(nextWindowStartUtcMs(once, utc('2026-01-20T00:00:00'), amsterdam)).toBeUndefined();
    expect(nextWindowStartUtcMs(once, utc('2026-01-25T00:00:00'), amsterdam)).toBe(
      utc('2026-02-01T09:00:00'),
    );
    expect(nextWindowStartUtcMs([], utc('2026-01-25T00:00:00'), amsterdam)).toBeUndefined();
  });
});

/** An independent reading of a schedule through luxon's calendar fields, to check the wall-time arithmetic. */
function referenceIsWithin(schedules: readonly Schedule[], utcMs: number, timeZone: string): boolean {
  const local = DateTime.fromMillis(utcMs, { zone: timeZone, locale: 'en-GB' });
  const date = local.toISODate();
  const time = local.toFormat('HH:mm:ss.SSS');
  return schedules.some(
    (schedule) =>
      schedule.weekdays.includes(local.weekday as Weekday) &&
      (schedule.fromDate === undefined || (date !== null && date >= schedule.fromDate)) &&
      (schedule.untilDate === undefined || (date !== null && date <= schedule.untilDate)) &&
      time >= `${schedule.start}:00.000` &&
      (schedule.end === '24:00' || time < `${schedule.end}:00.000`),
  );
}

describe('isWithinSchedules, currentWindowEndUtcMs and nextWindowStartUtcMs agree', () => {
  const schedules: Schedule[] = [
    { weekdays: weekdaysOnly, start: '07:30', end: '12:00' },
    { weekdays: [1, 3], start: '11:30', end: '19:45' },
    { weekdays: [5], start: '22:00', end: '24:00' },
    { weekdays: [6], start: '00:00', end: '03:00' },
    { weekdays: [7], start: '01:30', end: '02:30' },
    { weekdays: [7], start: '02:45', end: '03:15' },
    { weekdays: [2, 4], start: '13:00', end: '14:00', fromDate: '2026-04-10', untilDate: '2026-09-20' },
  ];
  const random = createSeededRandom(20_260_329).stream('schedule-agreement');
  const yearStartMs = utc('2026-01-01T00:00:00');
  const yearMs = 365 * dayMs;
  /** Instants over the year, plus a share close to the two changes so the jumps are exercised. */
  const instants = [
    ...Array.from({ length: 1_000 }, () => yearStartMs + random.int(0, yearMs - 1)),
    ...Array.from({ length: 100 }, () => utc('2026-03-29T01:00:00') + random.int(-dayMs, dayMs)),
    ...Array.from({ length: 100 }, () => utc('2026-10-25T01:00:00') + random.int(-dayMs, dayMs)),
  ];

  function samplesBetween(fromMs: number, toMs: number): number[] {
    return Array.from({ length: 4 }, () => fromMs + random.int(0, Math.max(0, toMs - fromMs - 1)));
  }

  it.each([amsterdam, newYork])('in %s', (timeZone) => {
    for (const at of instants) {
      const inside = isWithinSchedules(schedules, at, timeZone);
      expect(inside, `at ${new Date(at).toISOString()}`).toBe(referenceIsWithin(schedules, at, timeZone));
      const endUtcMs = currentWindowEndUtcMs(schedules, at, timeZone);
      expect(endUtcMs !== undefined).toBe(inside);
      if (endUtcMs !== undefined) {
        expect(endUtcMs).toBeGreaterThan(at);
        expect(isWithinSchedules(schedules, endUtcMs - 1, timeZone)).toBe(true);
        expect(isWithinSchedules(schedules, endUtcMs, timeZone)).toBe(false);
        for (const sample of samplesBetween(at, endUtcMs))
          expect(isWithinSchedules(schedules, sample, timeZone)).toBe(true);
        continue;
      }
      const startUtcMs = nextWindowStartUtcMs(schedules, at, timeZone);
      if (startUtcMs === undefined)
        throw new Error(`no start within 8 days of ${new Date(at).toISOString()}`);
      expect(startUtcMs).toBeGreaterThan(at);
      expect(isWithinSchedules(schedules, startUtcMs, timeZone)).toBe(true);
      expect(isWithinSchedules(schedules, startUtcMs - 1, timeZone)).toBe(false);
      for (const sample of samplesBetween(at, startUtcMs))
        expect(isWithinSchedules(schedules, sample, timeZone)).toBe(false);
    }
  });
});
