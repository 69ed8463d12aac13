import { describe, expect, it } from 'vitest';
import { validateSchedule } from './schedule-schema.ts';

describe('validateSchedule', () => {
  const valid = { weekdays: [1, 3, 5], start: '08:00', end: '18:00' };

  it('accepts a valid schedule and returns a clean copy', () => {
    const input = { ...valid, fromDate: '2026-02-28', untilDate: '2026-02-28' };
    const result = validateSchedule(input);
    expect(result).toEqual({ ok: true, schedule: input });
    if (result.ok) expect(result.schedule).not.toBe(input);
    expect(validateSchedule({ ...valid, start: '00:00', end: '24:00' }).ok).toBe(true);
    expect(validateSchedule({ ...valid, fromDate: '2024-02-29' }).ok).toBe(true);
  });

  it.each([
    [{ ...valid, weekdays: [] }, 'weekdays'],
    [{ ...valid, weekdays: [0] }, 'weekdays[0]'],
    [{ ...valid, weekdays: [1, 8] }, 'weekdays[1]'],
    [{ ...valid, weekdays: [1, 2, 1] }, 'weekdays[2]'],
    [{ ...valid, weekdays: [1.5] }, 'weekdays[0]'],
    [{ ...valid, start: '7:00' }, 'start'],
    [{ ...valid, start: '24:00', end: '24:00' }, 'end'],
    [{ ...valid, end: '24:01' }, 'end'],
    [{ ...valid, end: '25:00' }, 'end'],
    [{ ...valid, end: '12:60' }, 'end'],
    [{ ...valid, start: '10:00', end: '10:00' }, 'end'],
    [{ ...valid, start: '10:00', end: '09:59' }, 'end'],
    [{ ...valid, fromDate: '2026-02-29' }, 'fromDate'],
    [{ ...valid, untilDate: '2026-13-01' }, 'untilDate'],
    [{ ...valid, untilDate: '2026-4-01' }, 'untilDate'],
    [{ ...valid, fromDate: '2026-05-02', untilDate: '2026-05-01' }, 'untilDate'],
    [{ ...valid, untilDay: '2026-05-01' }, 'untilDay'],
    [{ weekdays: [1], start: '08:00' }, 'end'],
    ['08:00-18:00', '(schedule)'],
    [null, '(schedule)'],
  ])('rejects %j at %s', (input, path) => {
    const result = validateSchedule(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.path).toBe(path);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it('says what is wrong in words a person can act on', () => {
    expect(validateSchedule({ ...valid, start: '10:00', end: '09:00' })).toEqual({
      ok: false,
      path: 'end',
      message: 'must be after start (10:00)',
    });
    expect(validateSchedule({ ...valid, weekdays: [2, 2] })).toMatchObject({
      path: 'weekdays[1]',
      message: 'repeats weekday 2',
    });
  });
});
