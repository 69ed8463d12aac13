/**
 * An access group's time schedules as the Connect API writes them: a weekday flag per day, `start_time` and
 * `end_time` in the site's wall-clock time, and an optional date range; and how they map onto the twin's
 * `Schedule` (ISO weekdays, `start`/`end` as HH:mm with the end exclusive, inclusive local dates).
 *
 * Times: the service echoes `end_time` with seconds, `18:00:59` for `18:00`: the minute named by `end_time` is
 * the window's last minute, included whole. So API `start_time` 08:00 / `end_time` 18:00 is the twin's
 * 08:00–18:01 (in at 18:00:30, out at 18:01:00), and `end_time` 23:59 is the twin's 24:00. `start_time` is echoed
 * `08:00:00`. Both take `HH:mm` or `HH:mm:ss`; the twin's schedules are whole minutes, so a start's seconds must be
 * 00 and an end's 00 or 59 (either way the minute is included). A window that ends before it starts (over
 * midnight) is refused: write it as two schedules.
 *
 * Dates: `start_date` / `end_date` are local dates `YYYY-MM-DD`, inclusive; the window applies on each day of the
 * range (a check-in/check-out with times on the first and last day only is not modelled).
 */
import { z } from 'zod';
import type { GroupSchedule, Schedule, Weekday } from '../../../twin/index.ts';
import { validateSchedule, scheduleRootPath } from '../../../twin/index.ts';
import type { ConnectIds } from '../connect-ids.ts';
import { invalidParameter } from '../errors.ts';

export const dayFields = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
type DayField = (typeof dayFields)[number];

/** The Message detail the service answers when no weekday flag is set (or a `days` array is sent). */
export const noDaySelected = 'At least one day should be selected';

const timeText = z.string().max(8).describe('HH:mm or HH:mm:ss, site-local wall-clock time');
const dateText = z.string().max(10).nullable().describe('YYYY-MM-DD, site-local, inclusive');
const dayFlag = z.boolean();

// --- Responses ------------------------------------------------------------------------------------------------

export const timeScheduleSchema = z.object({
  id: z.string().describe('the schedule’s UUID'),
  monday: z.boolean(),
  tuesday: z.boolean(),
  wednesday: z.boolean(),
  thursday: z.boolean(),
  friday: z.boolean(),
  saturday: z.boolean(),
  sunday: z.boolean(),
  start_time: z.string().describe('HH:mm:ss, the first second of the window'),
  end_time: z.string().describe('HH:mm:59, the last second of the window (the minute given is included)'),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
});

export type TimeScheduleItem = z.infer<typeof timeScheduleSchema>;

// --- Requests -------------------------------------------------------------------------------------------------

const scheduleFields = {
  monday: dayFlag.optional(),
  tuesday: dayFlag.optional(),
  wednesday: dayFlag.optional(),
  thursday: dayFlag.optional(),
  friday: dayFlag.optional(),
  saturday: dayFlag.optional(),
  sunday: dayFlag.optional(),
  start_date: dateText.optional(),
  end_date: dateText.optional(),
  /** Not part of the API: present only so a client sending it gets the service's own answer, not a generic one. */
  days: z.unknown().optional().describe(`refused: 400/1101 "${noDaySelected}" (use the weekday flags)`),
};

export const timeScheduleCreateSchema = z.strictObject({
  ...scheduleFields,
  start_time: timeText,
  end_time: timeText,
});

export const timeSchedulePatchSchema = z.strictObject({
  ...scheduleFields,
  start_time: timeText.optional(),
  end_time: timeText.optional(),
});

export type TimeScheduleCreate = z.infer<typeof timeScheduleCreateSchema>;
export type TimeSchedulePatch = z.infer<typeof timeSchedulePatchSchema>;

// --- Mapping --------------------------------------------------------------------------------------------------

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(text: string, field: string, secondsAllowed: readonly string[]): number {
  const match = timePattern.exec(text);
  const seconds = match?.[3];
  if (match === null || (seconds !== undefined && !secondsAllowed.includes(seconds)))
    throw invalidParameter(
      field,
      `a time HH:mm or HH:mm:ss${secondsAllowed.length > 1 ? ' (seconds 00 or 59)' : ' (seconds 00)'}`,
    );
  return Number(match[1]) * 60 + Number(match[2]);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** API `start_time` → twin `start`. */
export function twinStart(text: string): string {
  return clock(minutesOf(text, 'start_time', ['00']));
}

/** API `end_time` (its minute included) → twin `end` (exclusive): one minute later, `24:00` after 23:59. */
export function twinEnd(text: string): string {
  return clock(minutesOf(text, 'end_time', ['00', '59']) + 1);
}

/** Twin `start` → API `start_time` (`08:00:00`). */
export function apiStartTime(start: string): string {
  return `${start}:00`;
}

/** Twin `end` (exclusive) → API `end_time`: the last second of the window (`18:01` → `18:00:59`). */
export function apiEndTime(end: string): string {
  const [hours, minutes] = end.split(':').map(Number) as [number, number];
  return `${clock(hours * 60 + minutes - 1)}:59`;
}

function localDate(value: string | null | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!datePattern.test(value)) throw invalidParameter(field, 'a local date YYYY-MM-DD');
  return value;
}

/** The API's fields of a schedule, as a whole (a create, or a patch laid over the schedule it changes). */
interface ApiSchedule {
  readonly days: Readonly<Record<DayField, boolean>>;
  readonly start_time: string;
  readonly end_time: string;
  readonly start_date: string | null;
  readonly end_date: string | null;
}

function apiScheduleOf(item: TimeScheduleItem): ApiSchedule {
  const days = Object.fromEntries(dayFields.map((day) => [day, item[day]])) as Record<DayField, boolean>;
  return {
    days,
    start_time: item.start_time,
    end_time: item.end_time,
    start_date: item.start_date,
    end_date: item.end_date,
  };
}

/** A request's fields over `base` (all unset flags false for a create). */
function merged(body: TimeSchedulePatch, base: ApiSchedule | undefined): ApiSchedule {
  if (body.days !== undefined) throw invalidParameter('days', noDaySelected);
  const days = Object.fromEntries(
    dayFields.map((day) => [day, body[day] ?? base?.days[day] ?? false]),
  ) as Record<DayField, boolean>;
  const startTime = body.start_time ?? base?.start_time;
  const endTime = body.end_time ?? base?.end_time;
  if (startTime === undefined) throw invalidParameter('start_time', 'required');
  if (endTime === undefined) throw invalidParameter('end_time', 'required');
  return {
    days,
    start_time: startTime,
    end_time: endTime,
    start_date: body.start_date === undefined ? (base?.start_date ?? null) : body.start_date,
    end_date: body.end_date === undefined ? (base?.end_date ?? null) : body.end_date,
  };
}

const apiFieldOfTwinPath: Readonly<Record<string, string>> = {
  weekdays: 'monday',
  start: 'start_time',
  end: 'end_time',
  fromDate: 'start_date',
  untilDate: 'end_date',
};

/** The twin's schedule for an API schedule: 1101 naming the API's field when a value is wrong. */
function twinScheduleOf(api: ApiSchedule): Schedule {
  const weekdays = dayFields.flatMap((day, index) => (api.days[day] ? [(index + 1) as Weekday] : []));
  if (weekdays.length === 0) throw invalidParameter('monday', noDaySelected);
  const fromDate = localDate(api.start_date, 'start_date');
  const untilDate = localDate(api.end_date, 'end_date');
  const candidate = {
    weekdays,
    start: twinStart(api.start_time),
    end: twinEnd(api.end_time),
    ...(fromDate === undefined ? {} : { fromDate }),
    ...(untilDate === undefined ? {} : { untilDate }),
  };
  const result = validateSchedule(candidate);
  if (result.ok) return result.schedule;
  const twinField = result.path === scheduleRootPath ? '' : (result.path.split(/[.[]/)[0] ?? '');
  throw invalidParameter(apiFieldOfTwinPath[twinField] ?? 'time_schedule', result.message);
}

/** A new schedule from a create request. */
export function scheduleFromCreate(body: TimeScheduleCreate): Schedule {
  return twinScheduleOf(merged(body, undefined));
}

/** A schedule changed by a patch request (fields left out keep their values). */
export function scheduleFromPatch(body: TimeSchedulePatch, current: TimeScheduleItem): Schedule {
  return twinScheduleOf(merged(body, apiScheduleOf(current)));
}

// --- Views ----------------------------------------------------------------------------------------------------

/**
 * The cloud's name of a group's schedule: its own id, or (one without: from the site spec, or a scenario that
 * replaced the group's schedules) its place in the group, `<group id>/schedule-<n>` counted from 1. Every change
 * through the API stores each schedule with its name, so a name never moves to another schedule.
 */
export function groupScheduleId(groupId: string, schedule: GroupSchedule, index: number): string {
  return schedule.id ?? `${groupId}/schedule-${index + 1}`;
}

/** The public id of a group's schedule named `scheduleId` in the cloud (`groupScheduleId`). */
export function timeSchedulePublicId(ids: ConnectIds, scheduleId: string): string {
  return ids.publicId('time-schedule', scheduleId);
}

export function timeScheduleView(
  ids: ConnectIds,
  scheduleId: string,
  schedule: GroupSchedule,
): TimeScheduleItem {
  const days = new Set<number>(schedule.weekdays);
  return {
    id: timeSchedulePublicId(ids, scheduleId),
    monday: days.has(1),
    tuesday: days.has(2),
    wednesday: days.has(3),
    thursday: days.has(4),
    friday: days.has(5),
    saturday: days.has(6),
    sunday: days.has(7),
    start_time: apiStartTime(schedule.start),
    end_time: apiEndTime(schedule.end),
    start_date: schedule.fromDate ?? null,
    end_date: schedule.untilDate ?? null,
  };
}
