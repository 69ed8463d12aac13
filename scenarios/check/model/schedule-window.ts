/**
 * Whether an instant falls in a set of weekly schedules, judged in local wall time with luxon's calendar fields
 * (independent of the twin's schedule code).
 */
import { DateTime } from 'luxon';
import type { Schedule } from './site-model.ts';

/** Local calendar fields of one second in one zone: what a schedule check reads. */
interface LocalSecond {
  readonly second: number;
  readonly weekday: number;
  readonly minute: number;
  readonly date: string;
}

/**
 * The last second read per zone. Every lock of a run is judged at the same few instants at each step, and luxon's
 * zone lookup is the dearest part of the check, so each second is read once. Bounded by the zones of a run.
 */
const lastSecondByZone = new Map<string, LocalSecond>();
const zonesCachedMax = 64;

function localSecond(utcMs: number, timeZone: string): LocalSecond {
  const second = Math.floor(utcMs / 1000);
  const cached = lastSecondByZone.get(timeZone);
  if (cached !== undefined && cached.second === second) return cached;
  const local = DateTime.fromMillis(second * 1000, { zone: timeZone });
  const read: LocalSecond = {
    second,
    weekday: local.weekday,
    minute: local.hour * 60 + local.minute + local.second / 60,
    date: local.toISODate() ?? '',
  };
  if (lastSecondByZone.size >= zonesCachedMax && cached === undefined) lastSecondByZone.clear();
  lastSecondByZone.set(timeZone, read);
  return read;
}

/** Whether `utcMs` falls in one of the schedules (start inclusive, end exclusive, to the second). */
export function inSchedules(schedules: readonly Schedule[], utcMs: number, timeZone: string): boolean {
  if (schedules.length === 0) return false;
  const { weekday, minute, date } = localSecond(utcMs, timeZone);
  return schedules.some((schedule) => {
    const [startHour, startMinute] = schedule.start.split(':').map(Number) as [number, number];
    const [endHour, endMinute] = schedule.end.split(':').map(Number) as [number, number];
    return (
      schedule.weekdays.includes(weekday) &&
      (schedule.fromDate === undefined || date >= schedule.fromDate) &&
      (schedule.untilDate === undefined || date <= schedule.untilDate) &&
      minute >= startHour * 60 + startMinute &&
      minute < endHour * 60 + endMinute
    );
  });
}
