/**
 * Checks of the values an operation is given. A bad value is error 1101, "Value of '{parameterName}' is invalid.",
 * with the parameter's name (`pin`, `schedules[1].end`) and what was wrong. Values may come straight from an API
 * body, so the checks do not trust the TypeScript types.
 */
import { openTimeMsMax, openTimeMsMin } from '../defaults.ts';
import { idSchema } from '../site/spec.ts';
import { type CoreContext, idInUse } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { CloudState, Schedule } from './model.ts';
import { scheduleRootPath, validateSchedule } from '../site/schedule-schema.ts';

/** Longest name or email the cloud stores. */
export const textLengthMax = 200;

const pinPattern = /^\d{6}$/;
/** Deliberately loose: one @, something on both sides, a dot in the domain, no blanks. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function invalid(parameterName: string, detail: string): CloudError {
  return new CloudError(1101, detail, parameterName);
}

/** A well-formed id that no entity of the site uses yet. */
export function requireNewId(context: CoreContext, value: unknown, parameterName: string): string {
  if (typeof value !== 'string' || !idSchema.safeParse(value).success) {
    throw invalid(parameterName, 'an id is 1–64 letters, digits, or _ . : -');
  }
  if (idInUse(context, value)) throw invalid(parameterName, `the id ${value} is already in use in this site`);
  return value;
}

export function requireName(value: unknown, parameterName = 'name'): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(parameterName, 'must not be empty');
  if (value.length > textLengthMax) throw invalid(parameterName, `at most ${textLengthMax} characters`);
  return value;
}

/** A valid email that no other user has (emails identify users). */
export function requireEmail(state: CloudState, value: unknown, userId: string): string {
  if (typeof value !== 'string' || value.length > textLengthMax || !emailPattern.test(value)) {
    throw invalid('email', 'not an email address');
  }
  const key = value.toLowerCase();
  for (const user of state.users.values()) {
    if (user.id !== userId && user.email?.toLowerCase() === key) {
      throw invalid('email', `already used by ${user.id}`);
    }
  }
  return value;
}

/** A 6-digit PIN that no other user has: a keypad lock knows who opened only by the PIN. */
export function requirePin(state: CloudState, value: unknown, userId: string): string {
  if (typeof value !== 'string' || !pinPattern.test(value)) throw invalid('pin', 'a PIN is 6 digits');
  for (const user of state.users.values()) {
    if (user.id !== userId && user.pin === value) throw invalid('pin', 'already in use in this site');
  }
  return value;
}

export function requireOpenTimeMs(value: unknown): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < openTimeMsMin ||
    value > openTimeMsMax
  ) {
    throw invalid('openTimeMs', `an integer from ${openTimeMsMin} to ${openTimeMsMax} ms`);
  }
  return value;
}

/** Weekdays 1–7 (each once), `HH:mm` times with end after start, optional local date range. */
export function requireSchedules(value: unknown, parameterName = 'schedules'): Schedule[] {
  if (!Array.isArray(value)) throw invalid(parameterName, 'must be an array of schedules');
  return value.map((item: unknown, index) => {
    const result = validateSchedule(item);
    if (result.ok) return result.schedule;
    const path =
      result.path === scheduleRootPath
        ? `${parameterName}[${index}]`
        : `${parameterName}[${index}].${result.path}`;
    throw invalid(path, result.message);
  });
}

/** A list of ids (the entities are looked up by the caller). */
export function requireIdList(value: unknown, parameterName: string): string[] {
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw invalid(parameterName, 'must be an array of ids');
  }
  return value;
}

/** An instant in UTC milliseconds, or undefined for "open-ended". */
export function requireOptionalInstant(value: unknown, parameterName: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw invalid(parameterName, 'an instant in UTC ms');
  return value;
}

export function requireCount(value: unknown, parameterName: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(parameterName, 'a whole number, 0 or more');
  }
  return value;
}

export function requireBoolean(value: unknown, parameterName: string): boolean {
  if (typeof value !== 'boolean') throw invalid(parameterName, 'must be true or false');
  return value;
}

/** A flag of an operation's input: left out keeps `current`; anything but a boolean is 1101. */
export function requireFlag(value: unknown, current: boolean, parameterName: string): boolean {
  if (value === undefined) return current;
  if (typeof value !== 'boolean') throw invalid(parameterName, 'must be true or false');
  return value;
}

/** The latest instant a JavaScript Date can hold (ms): beyond it an instant cannot be shown as a date. */
const instantMsMax = 8.64e15;

/** An instant (UTC ms) an operation keeps: a whole number a Date can show. */
export function requireInstantMs(value: unknown, parameterName: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || Math.abs(value) > instantMsMax)
    throw invalid(parameterName, 'an instant');
  return value;
}

/** An operation's input object (a JSON argument may be anything). */
export function requireObject(value: unknown, parameterName: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(parameterName, 'must be an object');
}

/** A site holds at most `countMax` records of a kind (the site spec's own bound): one more is refused (2203). */
export function requireRoom(count: number, countMax: number, what: string): void {
  if (count >= countMax) throw new CloudError(2203, `a site holds at most ${countMax} ${what}`);
}
