/**
 * Lists: every list answers `{"items": [...], "next_page_link": string | null, "count": N}` and takes the OData
 * options `$filter`, `$orderby`, `$top` (1–1000, default 100) and `$skip`. `count` is the number of items that pass
 * `$filter` (on all pages together). `next_page_link` is the URL of the next page, or null on the last one.
 *
 * Most lists page with `$skip`. The entries log pages with a continuation token instead (`continuation_token`,
 * carried by `next_page_link`): in log order it names the position in the log to go on from, so entries that
 * arrive between two pages neither repeat nor go missing. (Sorted with `$orderby`, it holds an offset.)
 */
import { z } from 'zod';
import {
  matchesFilter,
  ODataError,
  parseFilter,
  parseOrderBy,
  sortItems,
  type FilterNode,
  type OrderKey,
} from '../odata/index.ts';
import { invalidParameter } from './errors.ts';

export const topDefault = 100;
export const topMax = 1_000;
/** Largest `$skip`: beyond any list the twin keeps. */
export const skipMax = 1_000_000_000;
export const continuationParameter = 'continuation_token';

/** The OData options a list accepts; any other `$` option is refused (1102) rather than silently ignored. */
export const listOptions = ['$filter', '$orderby', '$top', '$skip'] as const;

export interface ListBody<T> {
  readonly items: readonly T[];
  readonly next_page_link: string | null;
  readonly count: number;
}

/** The list shape around an item schema (for the OpenAPI document). */
export function listSchema(item: z.ZodType): z.ZodType {
  return z.object({
    items: z.array(item),
    next_page_link: z.string().nullable(),
    count: z.number().int().min(0),
  });
}

/** Which fields of a list's items `$filter` may name and `$orderby` may sort on (paths with `/`). */
export interface ItemFields {
  readonly filterable: ReadonlySet<string>;
  readonly sortable: ReadonlySet<string>;
}

export interface ListQuery {
  readonly filter: FilterNode | undefined;
  readonly orderBy: readonly OrderKey[];
  readonly top: number;
  readonly skip: number;
}

export function readListQuery(url: URL, fields: ItemFields): ListQuery {
  for (const name of new Set(url.searchParams.keys())) {
    if (name.startsWith('$') && !(listOptions as readonly string[]).includes(name)) {
      throw new ODataError(name, 'this query option is not supported (use $filter, $orderby, $top, $skip)');
    }
  }
  const filterText = url.searchParams.get('$filter');
  const orderByText = url.searchParams.get('$orderby');
  return {
    filter:
      filterText === null
        ? undefined
        : parsedOnce(fields, `$filter=${filterText}`, () =>
            parseFilter(filterText, { fields: fields.filterable }),
          ),
    orderBy:
      orderByText === null
        ? []
        : parsedOnce(fields, `$orderby=${orderByText}`, () =>
            parseOrderBy(orderByText, { fields: fields.sortable }),
          ),
    top: wholeNumber(url, '$top', { min: 1, max: topMax, absent: topDefault }),
    skip: wholeNumber(url, '$skip', { min: 0, max: skipMax, absent: 0 }),
  };
}

/** Parsed options kept per list (its item fields), at most this many each: clients poll the same few queries. */
const parsedOptionsMax = 64;
const parsedOptions = new WeakMap<ItemFields, Map<string, unknown>>();

/**
 * The parse of an option's text for a list, from a small cache (the trees are never changed once parsed); a text
 * that does not parse throws each time and is not kept. The oldest entry goes when the cache is full.
 */
function parsedOnce<T>(fields: ItemFields, key: string, parse: () => T): T {
  let cache = parsedOptions.get(fields);
  if (cache === undefined) {
    cache = new Map();
    parsedOptions.set(fields, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const parsed = parse();
  if (cache.size >= parsedOptionsMax) cache.delete(cache.keys().next().value as string);
  cache.set(key, parsed);
  return parsed;
}

function wholeNumber(url: URL, name: string, range: { min: number; max: number; absent: number }): number {
  const text = url.searchParams.get(name);
  if (text === null) return range.absent;
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.min && value <= range.max))
    throw invalidParameter(name, `a whole number from ${range.min} to ${range.max}`);
  return value;
}

function filtered<T>(items: readonly T[], query: ListQuery): T[] {
  const { filter } = query;
  return filter === undefined ? [...items] : items.filter((item) => matchesFilter(filter, item));
}

/** A page of a list paged with `$skip`. */
export function skipPage<T>(items: readonly T[], query: ListQuery, url: URL): ListBody<T> {
  const matching = sortItems(filtered(items, query), query.orderBy);
  const page = matching.slice(query.skip, query.skip + query.top);
  const nextSkip = query.skip + page.length;
  const next = nextSkip < matching.length ? withParameters(url, { $skip: String(nextSkip) }) : null;
  return { items: page, next_page_link: next, count: matching.length };
}

/**
 * A list paged with a continuation token (a log): `length` items, `firstIndex` the position (counted from the first
 * item the list ever had) of item 0, so positions stay valid when old items are dropped. Items are made on demand
 * (`itemAt`), so a page of a long unfiltered log makes only that page's items.
 */
export interface LogSource<T> {
  readonly length: number;
  readonly firstIndex: number;
  itemAt(index: number): T;
}

/** A page of a log. Without $orderby the token is a log position; with it, an offset into the sorted list. */
export function continuationPage<T>(source: LogSource<T>, query: ListQuery, url: URL): ListBody<T> {
  const token = readContinuation(url);
  const matching = matchingPositions(source, query);
  // $skip counts only on the first page (the link leaves it out).
  let start: number;
  if (token === undefined) start = query.skip;
  else if (token.kind === 'offset') start = token.value;
  else start = matching.indexOfPosition(token.value);
  const end = Math.min(start + query.top, matching.count);
  const items: T[] = [];
  for (let rank = start; rank < end; rank++) items.push(matching.itemAtRank(rank));
  let next: string | null = null;
  if (end < matching.count) {
    const nextToken: Continuation =
      query.orderBy.length === 0
        ? { kind: 'position', value: matching.positionAtRank(end) }
        : { kind: 'offset', value: end };
    next = withParameters(url, { [continuationParameter]: encodeContinuation(nextToken), $skip: undefined });
  }
  return { items, next_page_link: next, count: matching.count };
}

interface MatchingItems<T> {
  readonly count: number;
  positionAtRank(rank: number): number;
  itemAtRank(rank: number): T;
  /** The rank of the first matching item at or after an absolute position. */
  indexOfPosition(position: number): number;
}

function matchingPositions<T>(source: LogSource<T>, query: ListQuery): MatchingItems<T> {
  const { firstIndex, length } = source;
  if (query.filter === undefined && query.orderBy.length === 0) {
    return {
      count: length,
      positionAtRank: (rank) => firstIndex + rank,
      itemAtRank: (rank) => source.itemAt(rank),
      indexOfPosition: (position) => Math.min(length, Math.max(0, position - firstIndex)),
    };
  }
  const matches: { position: number; item: T }[] = [];
  for (let index = 0; index < length; index++) {
    const item = source.itemAt(index);
    if (query.filter === undefined || matchesFilter(query.filter, item))
      matches.push({ position: firstIndex + index, item });
  }
  const ordered =
    query.orderBy.length === 0
      ? matches
      : sortItems(
          matches,
          query.orderBy.map((key) => ({ ...key, path: ['item', ...key.path] })),
        );
  return {
    count: ordered.length,
    positionAtRank: (rank) => (ordered[rank] as { position: number }).position,
    itemAtRank: (rank) => (ordered[rank] as { item: T }).item,
    indexOfPosition: (position) => lowerBound(ordered, position),
  };
}

type Continuation = { readonly kind: 'position' | 'offset'; readonly value: number };

function encodeContinuation(token: Continuation): string {
  return Buffer.from(JSON.stringify({ v: 1, [token.kind === 'position' ? 'p' : 'o']: token.value })).toString(
    'base64url',
  );
}

function readContinuation(url: URL): Continuation | undefined {
  const text = url.searchParams.get(continuationParameter);
  if (text === null) return undefined;
  const invalid = invalidParameter(
    continuationParameter,
    'not a token this API handed out (follow next_page_link)',
  );
  if (text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = z
    .union([
      z.strictObject({ v: z.literal(1), p: z.number().int().min(0) }),
      z.strictObject({ v: z.literal(1), o: z.number().int().min(0).max(skipMax) }),
    ])
    .safeParse(json);
  if (!parsed.success) throw invalid;
  return 'p' in parsed.data
    ? { kind: 'position', value: parsed.data.p }
    : { kind: 'offset', value: parsed.data.o };
}

/** The first index in `entries` (ascending by position) whose position is at least `target`. */
function lowerBound(entries: readonly { readonly position: number }[], target: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entries[middle] as { position: number }).position < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function withParameters(url: URL, changes: Readonly<Record<string, string | undefined>>): string {
  const next = new URL(url);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  // URLSearchParams writes `$top` as `%24top`; both mean the same, the first reads better.
  next.search = next.searchParams.toString().replace(/(^|&)%24/g, '$1$$');
  return next.toString();
}
