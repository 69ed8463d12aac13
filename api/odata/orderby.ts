/**
 * `$orderby`: `field [asc|desc], other desc, …`, each field checked against the fields the items have. Sorting is
 * stable and never throws: nulls first (in ascending order), then values of one type by their natural order
 * (strings by code unit, so the order is the same on every machine); values of different types by type (booleans,
 * numbers, strings, then anything else).
 */
import { ODataError } from './errors.ts';
import { fieldValue, orderOf } from './filter.ts';

export interface OrderKey {
  readonly path: readonly string[];
  readonly descending: boolean;
}

/** Most keys in one `$orderby`. */
export const orderKeysMax = 8;
/** Longest `$orderby` accepted. */
export const orderByLengthMax = 1_000;

const keyPattern = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:[ \t]+(asc|desc))?$/;

export interface ParseOrderByOptions {
  /** Field paths (`a/b`) that may be sorted on; any other is refused. All are allowed when left out. */
  readonly fields?: ReadonlySet<string>;
}

export function parseOrderBy(text: string, options: ParseOrderByOptions = {}): OrderKey[] {
  if (text.length > orderByLengthMax)
    throw new ODataError('$orderby', `longer than ${orderByLengthMax} characters`);
  const parts = text.split(',');
  if (parts.length > orderKeysMax) throw new ODataError('$orderby', `at most ${orderKeysMax} keys`);
  let position = 0;
  return parts.map((part) => {
    const at = position;
    position += part.length + 1;
    const match = keyPattern.exec(part.trim());
    if (match === null) {
      throw new ODataError(
        '$orderby',
        `expected "field", "field asc" or "field desc", found ${JSON.stringify(part.trim())}`,
        at,
      );
    }
    const path = match[1] as string;
    if (options.fields !== undefined && !options.fields.has(path))
      throw new ODataError('$orderby', `cannot sort on "${path}"`, at);
    return { path: path.split('/'), descending: match[2] === 'desc' };
  });
}

/** A new array, sorted by the keys (stable: items equal on every key keep their order). */
export function sortItems<T>(items: readonly T[], keys: readonly OrderKey[]): T[] {
  if (keys.length === 0) return [...items];
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const order = orderForSort(fieldValue(a, key.path), fieldValue(b, key.path));
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  });
}

/** Values of different types sort by type, so the comparator stays consistent on mixed data. */
const typeRanks: Readonly<Record<string, number>> = { boolean: 1, number: 2, string: 3 };

function orderForSort(left: unknown, right: unknown): number {
  if (left === null || right === null) return left === right ? 0 : left === null ? -1 : 1;
  return orderOf(left, right) ?? Math.sign((typeRanks[typeof left] ?? 4) - (typeRanks[typeof right] ?? 4));
}
