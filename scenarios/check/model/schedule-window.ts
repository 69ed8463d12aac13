/**
 * Whether an instant falls in a set of weekly schedules, judged in local wall time with luxon's calendar fields
 * (independent of the twin's schedule code).
 */
import { DateTime } from 'luxon';
import type { Schedule } from './site-model.ts';

/** Whether `utcMs` falls in one of the schedules (start inclusive, end exclusive, to the second). */
export function inSchedules(schedules: readonly Schedule[], utcMs: number, timeZone: string): boolean {
  const local = DateTime.fromMillis(utcMs, { zone: timeZone });
  const minute = local.hour * 60 + local.minute + local.second / 60;
  const date = local.toISODate() ?? '';
  return schedules.some((schedule) => {
    const [startHour, startMinute] = schedule.start.split(':').map(Number) as [number, number];
    const [endHour, endMinute] = schedule.end.split(':').map(Number) as [number, number];
    return (
      schedule.weekdays.includes(local.weekday) &&
      (schedule.fromDate === undefined || date >= schedule.fromDate) &&
      (schedule.untilDate === undefined || date <= schedule.untilDate) &&
      minute >= startHour * 60 + startMinute &&
      minute < endHour * 60 + endMinute
    );
  });
}
