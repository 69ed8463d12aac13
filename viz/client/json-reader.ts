/**
 * Readers of untrusted JSON for the page: each checks a value and gives it back typed, or `invalid`. They are the
 * few checks the live protocol's zod schemas make (the page does not bundle zod), written small: `protocol.ts`
 * builds its message readers from them, with the schemas' own `z.infer` types as the types they must produce.
 *
 * Unknown fields of an object are left out rather than refused (a newer server may add one); everything a type
 * names is checked, and an object gives back only those fields.
 */

export const invalid: unique symbol = Symbol('invalid');
export type Reader<T> = (value: unknown) => T | typeof invalid;

/** A reader for every field of `T` (optional fields too: their reader accepts `undefined`). */
export type Fields<T> = { readonly [K in keyof T]-?: Reader<T[K]> };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const string: Reader<string> = (value) => (typeof value === 'string' ? value : invalid);

export const boolean: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : invalid);

/** A finite number; `int` a safe integer (as zod's `.int()`), `min` inclusive. */
export function number(bounds: { readonly int?: boolean; readonly min?: number } = {}): Reader<number> {
  return (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (bounds.int !== true || Number.isSafeInteger(value)) &&
    (bounds.min === undefined || value >= bounds.min)
      ? value
      : invalid;
}

export function literal<const T extends string>(expected: T): Reader<T> {
  return (value) => (value === expected ? expected : invalid);
}

/**
 * One of a union of strings. Its members are the keys of `members`, so with `U` given the compiler demands every
 * member of the union and no other: a value the server's schema adds is a type error here, not a dropped message.
 */
export function oneOf<U extends string>(members: Readonly<Record<U, true>>): Reader<U> {
  return (value) => (typeof value === 'string' && Object.hasOwn(members, value) ? (value as U) : invalid);
}

/** Absent (or undefined) is fine. */
export function optional<T>(reader: Reader<T>): Reader<T | undefined> {
  return (value) => (value === undefined ? undefined : reader(value));
}

export function nullable<T>(reader: Reader<T>): Reader<T | null> {
  return (value) => (value === null ? null : reader(value));
}

/** Any JSON value, but present. */
export const present: Reader<unknown> = (value) => (value === undefined ? invalid : value);

/** An object of any fields, kept as it came (`z.record(z.string(), z.unknown())`). */
export const record: Reader<Record<string, unknown>> = (value) => (isPlainObject(value) ? value : invalid);

export function array<T>(reader: Reader<T>): Reader<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return invalid;
    const items: T[] = [];
    for (const item of value as unknown[]) {
      const read = reader(item);
      if (read === invalid) return invalid;
      items.push(read);
    }
    return items;
  };
}

/** An object with exactly the fields of `T` read (absent optional ones left out, unknown ones dropped). */
export function object<T>(fields: Fields<T>): Reader<T> {
  const entries = Object.entries(fields) as [string, Reader<unknown>][];
  return (value) => {
    if (!isPlainObject(value)) return invalid;
    const result: Record<string, unknown> = {};
    for (const [key, reader] of entries) {
      // Own fields only: `JSON.parse` never makes inherited ones, and a key like `toString` must not find one.
      const read = reader(Object.hasOwn(value, key) ? value[key] : undefined);
      if (read === invalid) return invalid;
      if (read !== undefined) result[key] = read;
    }
    return result as T;
  };
}

/** The first of `readers` that accepts the value. */
export function union<T>(...readers: readonly Reader<T>[]): Reader<T> {
  return (value) => {
    for (const reader of readers) {
      const read = reader(value);
      if (read !== invalid) return read;
    }
    return invalid;
  };
}

/** A reader's verdict with `undefined` for invalid (for values that are never `undefined` when valid). */
export function readOrUndefined<T>(reader: Reader<T>, value: unknown): T | undefined {
  const read = reader(value);
  return read === invalid ? undefined : read;
}
