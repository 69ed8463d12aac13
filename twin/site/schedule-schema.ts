/**
 * The schedule schema: how an untrusted schedule (a spec file, an API body, a notification rule) is checked before
 * it becomes a `Schedule` (access/schedule.ts), with bracket-style paths to the first problem.
 */
import { z } from 'zod';
import type { Schedule } from '../access/schedule.ts';
import { issueMessage, specErrorsFromIssues } from './schema-issues.ts';
import { specRootPath } from './spec-error.ts';

const timePattern = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const time = z.string().regex(timePattern, 'must be HH:mm between 00:00 and 24:00');
const date = z.iso.date({ error: 'must be a real calendar date, YYYY-MM-DD' });
const weekday = z.literal([1, 2, 3, 4, 5, 6, 7], { error: 'must be a weekday, 1 (Monday) to 7 (Sunday)' });

const weekdays = z
  .array(weekday)
  .min(1, 'must list at least one weekday')
  .superRefine((days, context) => {
    days.forEach((day, index) => {
      if (days.indexOf(day) !== index)
        context.addIssue({ code: 'custom', path: [index], message: `repeats weekday ${day}` });
    });
  });

/**
 * The schedule schema, for callers that validate a larger document (an access group, a rule). The cross-field
 * checks run even when a field is malformed (zod continues after format issues), so they compare only well-formed
 * values and leave the malformed field to its own issue.
 */
export const scheduleSchema = z
  .strictObject({ weekdays, start: time, end: time, fromDate: date.optional(), untilDate: date.optional() })
  .superRefine((value, context) => {
    if (timePattern.test(value.start) && timePattern.test(value.end) && value.end <= value.start) {
      context.addIssue({ code: 'custom', path: ['end'], message: `must be after start (${value.start})` });
    }
    const { fromDate, untilDate } = value;
    if (
      fromDate !== undefined &&
      untilDate !== undefined &&
      isIsoDate(fromDate) &&
      isIsoDate(untilDate) &&
      untilDate < fromDate
    ) {
      context.addIssue({
        code: 'custom',
        path: ['untilDate'],
        message: `must not be before fromDate (${fromDate})`,
      });
    }
  });

function isIsoDate(text: string): boolean {
  return date.safeParse(text).success;
}

export type ScheduleValidation =
  { ok: true; schedule: Schedule } | { ok: false; path: string; message: string };

/** The path reported for a problem with the value as a whole (not an object, for instance). */
export const scheduleRootPath = '(schedule)';

/**
 * Checks an untrusted schedule (API body, spec file). On failure, reports the first problem with a bracket-style
 * path relative to the schedule (`weekdays[2]`, `end`), so a caller can prefix its own (`schedules[1].end`).
 * On success, returns a fresh object holding only the schedule's own fields.
 */
export function validateSchedule(schedule: unknown): ScheduleValidation {
  const parsed = scheduleSchema.safeParse(schedule, { error: issueMessage, reportInput: true });
  if (!parsed.success) {
    const first = specErrorsFromIssues(parsed.error.issues)[0];
    if (first === undefined) return { ok: false, path: scheduleRootPath, message: 'is not a valid schedule' };
    return {
      ok: false,
      path: first.path === specRootPath ? scheduleRootPath : first.path,
      message: first.message,
    };
  }
  const { fromDate, untilDate, ...window } = parsed.data;
  return {
    ok: true,
    schedule: {
      weekdays: [...window.weekdays],
      start: window.start,
      end: window.end,
      ...(fromDate === undefined ? {} : { fromDate }),
      ...(untilDate === undefined ? {} : { untilDate }),
    },
  };
}
