/**
 * Date-time values in filters: literals (`2026-03-02T08:00:00Z`) and the strings of date-time fields
 * (`utc_date_time`). With an offset they name an instant; without one (`local_date_time`, a date alone) they are
 * wall-clock values, read as if they were UTC so that two of them compare by their fields. Never parsed with the
 * host's time zone, so a filter means the same on every machine.
 */
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

export interface DateTimeValue {
  readonly kind: 'datetime';
  /** The instant (or, for a value without offset, its fields read as UTC), in milliseconds since 1970. */
  readonly epochMs: number;
  /** The text as written, for messages. */
  readonly text: string;
}

/** The value a date-time text stands for, or undefined when it is not one (or names no real day or time). */
export function parseDateTime(text: string): DateTimeValue | undefined {
  const match = dateTimePattern.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', offset] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  // setUTCFullYear rolls 2026-02-30 over into March: a day that does not exist is not a date.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  const shiftMs = offsetMs(offset);
  if (shiftMs === undefined) return undefined;
  return { kind: 'datetime', epochMs: date.getTime() - shiftMs, text };
}

/** The offset in ms, or undefined for one that is no real offset (`+25:00`). */
function offsetMs(offset: string | undefined): number | undefined {
  if (offset === undefined || offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}
