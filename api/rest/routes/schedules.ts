/**
 * Schedules over the API: the list form some resources take (`eom_schedules`, a notification rule's
 * `time_schedules`: `{weekdays, start, end, from_date, until_date}`) into the cloud's, and an access group's time
 * schedules as resources of their own (weekday flags, `start_time`/`end_time`; the mapping is in
 * shapes/time-schedules.ts).
 */
import {
  scheduleRootPath,
  validateSchedule,
  type AccessGroup,
  type GroupSchedule,
  type Schedule,
} from '../../../twin/index.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import type { ScheduleInput } from '../schemas.ts';
import {
  groupScheduleId,
  noDaySelected,
  scheduleFromCreate,
  scheduleFromPatch,
  timeScheduleCreateSchema,
  timeSchedulePatchSchema,
  timeScheduleSchema,
  timeScheduleView,
  type TimeScheduleItem,
} from '../shapes/time-schedules.ts';
import { groupPathOf, pathGroupId } from './access-groups.ts';

/** Schedules as the API writes them (`from_date`) into the cloud's (`fromDate`), checked with the field's own name. */

export function schedulesFromApi(schedules: readonly ScheduleInput[], parameterName: string): Schedule[] {
  return schedules.map((input, index) => {
    const candidate = {
      weekdays: input.weekdays,
      start: input.start,
      end: input.end,
      ...(input.from_date === undefined || input.from_date === null ? {} : { fromDate: input.from_date }),
      ...(input.until_date === undefined || input.until_date === null ? {} : { untilDate: input.until_date }),
    };
    const result = validateSchedule(candidate);
    if (result.ok) return result.schedule;
    const field =
      result.path === scheduleRootPath
        ? ''
        : `.${result.path.replace('fromDate', 'from_date').replace('untilDate', 'until_date')}`;
    throw invalidParameter(`${parameterName}[${index}]${field}`, result.message);
  });
}

// --- An access group's time schedules as resources (`/v1.1/…/access_groups/{id}/time_schedules`) -------------

const tag = 'access groups';
const changeErrors = [2203, 2210, 2222] as const;

/** The group's schedules, each with its name written down (a schedule without an id keeps its place's name). */
function namedSchedules(group: AccessGroup): GroupSchedule[] {
  return group.schedules.map((schedule, index) => ({
    ...schedule,
    id: groupScheduleId(group.id, schedule, index),
  }));
}

/** The place in `schedules` of the path's schedule (404/3104 when the group has none of that id). */
function pathScheduleIndex(context: RouteContext<unknown>, schedules: readonly GroupSchedule[]): number {
  const publicId = context.params.time_schedule_id as string;
  const id = context.ids.resolve(
    'time-schedule',
    publicId,
    new Set(schedules.map((schedule) => schedule.id as string)),
  );
  const index = schedules.findIndex((schedule) => schedule.id === id);
  if (id === undefined || index < 0) throw notFound(`time schedule ${publicId}`);
  return index;
}

function viewOf(context: RouteContext<unknown>, schedule: GroupSchedule): TimeScheduleItem {
  return timeScheduleView(context.ids, schedule.id as string, schedule);
}

function groupOf(context: RouteContext<unknown>): AccessGroup {
  return context.core.getAccessGroup(context.actorId, pathGroupId(context));
}

function timeScheduleRoutesOf(version: 'v1.1' | 'v1.2'): readonly Route[] {
  const schedulesPath = `${groupPathOf(version)}/time_schedules`;
  const schedulePath = `${schedulesPath}/{time_schedule_id}`;
  const suffix = version === 'v1.1' ? 'V11' : '';
  return [
    defineRoute({
      method: 'get',
      path: schedulesPath,
      operationId: `listTimeSchedules${suffix}`,
      summary: 'The group’s time schedules (none: the group grants nothing)',
      tag,
      response: { kind: 'list', schema: timeScheduleSchema },
      errors: [2210],
      handle: (context) => namedSchedules(groupOf(context)).map((schedule) => viewOf(context, schedule)),
    }),
    defineRoute({
      method: 'get',
      path: schedulePath,
      operationId: `getTimeSchedule${suffix}`,
      summary: 'One time schedule of the group',
      tag,
      response: { kind: 'item', schema: timeScheduleSchema },
      errors: [2210],
      handle: (context) => {
        const schedules = namedSchedules(groupOf(context));
        return viewOf(context, schedules[pathScheduleIndex(context, schedules)] as GroupSchedule);
      },
    }),
    defineRoute({
      method: 'post',
      path: schedulesPath,
      operationId: `addTimeSchedule${suffix}`,
      summary: 'Adds a time schedule to the group',
      description: `Weekday flags monday … sunday (at least one true; a \`days\` array is 400/1101 “${noDaySelected}”), start_time and end_time in the site’s wall-clock time (the end_time minute is included: 18:00 is echoed 18:00:59), optional start_date / end_date (YYYY-MM-DD, inclusive). Answers 201 with the schedule’s id. The group’s locks receive the change through their IQs.`,
      tag,
      body: timeScheduleCreateSchema,
      response: { kind: 'item', status: 201, schema: timeScheduleSchema },
      errors: changeErrors,
      handle: (context) => {
        const group = groupOf(context);
        const schedule = scheduleFromCreate(context.body);
        // Drawn here, so the recorded input carries it and a replay names the schedule the same.
        const id = context.ids.newId(
          context.params.site_id as string,
          context.live.inputCount,
          'time-schedule',
        );
        const added: GroupSchedule = { id, ...schedule };
        context.core.setGroupSchedules(context.actorId, group.id, [...namedSchedules(group), added]);
        return viewOf(context, added);
      },
    }),
    defineRoute({
      method: 'patch',
      path: schedulePath,
      operationId: `changeTimeSchedule${suffix}`,
      summary: 'Changes a time schedule (fields left out keep their values)',
      tag,
      body: timeSchedulePatchSchema,
      response: { kind: 'item', schema: timeScheduleSchema },
      errors: changeErrors,
      handle: (context) => {
        const group = groupOf(context);
        const schedules = namedSchedules(group);
        const index = pathScheduleIndex(context, schedules);
        const current = schedules[index] as GroupSchedule;
        const changed: GroupSchedule = {
          id: current.id as string,
          ...scheduleFromPatch(context.body, viewOf(context, current)),
        };
        schedules[index] = changed;
        context.core.setGroupSchedules(context.actorId, group.id, schedules);
        return viewOf(context, changed);
      },
    }),
    defineRoute({
      method: 'delete',
      path: schedulePath,
      operationId: `deleteTimeSchedule${suffix}`,
      summary: 'Deletes a time schedule (the last one gone, the group grants nothing)',
      tag,
      response: { kind: 'empty' },
      errors: changeErrors,
      handle: (context) => {
        const group = groupOf(context);
        const schedules = namedSchedules(group);
        const index = pathScheduleIndex(context, schedules);
        schedules.splice(index, 1);
        context.core.setGroupSchedules(context.actorId, group.id, schedules);
      },
    }),
  ];
}

export const timeScheduleRoutes: readonly Route[] = [
  ...timeScheduleRoutesOf('v1.1'),
  ...timeScheduleRoutesOf('v1.2'),
];
