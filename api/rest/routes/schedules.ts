/** Schedules as the API writes them (`from_date`) into the cloud's (`fromDate`), checked with the field's own name. */
import { validateSchedule, scheduleRootPath, type Schedule } from '../../../twin/index.ts';
import { invalidParameter } from '../errors.ts';
import type { ScheduleInput } from '../schemas.ts';

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
