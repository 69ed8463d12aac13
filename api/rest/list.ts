/**
 * Lists: every list answers `{"items": [...], "next_page_link": string | null, "count": N}` and takes the OData
 * options `$filter`, `$orderby`, `$top` (1–1000, default 100) and `$skip`. `count` is the number of items that pass
 * `$filter` (on all pages together). `next_page_link` is the URL of the next page, or null on the last one.
 *
 * Most lists page with `$skip`. The entries log pages with a continuation token instead, as the service does:
 * `continuation_token` in the body, sent back in the `CLP-Continuation-Token` request header (or as the
 * `continuation_token` query parameter, which `next_page_link` carries); `$skip` there is refused (400/1102).
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
 * (`itemAt`), so a page of a long unfiltered log makes only that page's items. `continuationToken` is the token the
 * client sent in the `CLP-Continuation-Token` header, if any (it wins over the query parameter).
 */
export interface LogSource<T> {
  readonly length: number;
  readonly firstIndex: number;
  itemAt(index: number): T;
  /**
   * The value item `index` has at `path`, read without making the item (undefined: not known this way, the item is
   * made); it must be what the item would show. Sorting a long log reads only these.
   */
  sortValueAt?(index: number, path: readonly string[]): SortValue | undefined;
  readonly continuationToken?: string | undefined;
}

/** The request header a client sends the body's `continuation_token` back in (the query parameter works too). */
export const continuationHeader = 'CLP-Continuation-Token';
/** Longest token accepted (a sorted page's token carries the last item's sort values). */
export const continuationTokenLengthMax = 4_096;

export interface ContinuationListBody<T> extends ListBody<T> {
  /** Where the next page starts, or null on the last page; sent back as `CLP-Continuation-Token`. */
  readonly continuation_token: string | null;
}

/** The shape of a list paged with a continuation token (for the OpenAPI document). */
export function continuationListSchema(item: z.ZodType): z.ZodType {
  return z.object({
    items: z.array(item),
    continuation_token: z
      .string()
      .nullable()
      .describe(
        `send it back as the ${continuationHeader} header (or follow next_page_link); null: the last page`,
      ),
    next_page_link: z.string().nullable(),
    count: z.number().int().min(0),
  });
}

/**
 * A page of a log. `$skip` is refused (1102): a log pages with tokens only. In log order the token names the
 * position to go on from, so entries that arrive between pages are neither repeated nor skipped. Sorted
 * (`$orderby`), it holds the last item's sort values and position, and the next page starts right after that item
 * in the order, so entries that arrive meanwhile (newest first: before the cursor) shift nothing either.
 */
export function continuationPage<T>(
  source: LogSource<T>,
  query: ListQuery,
  url: URL,
): ContinuationListBody<T> {
  if (url.searchParams.has('$skip'))
    throw new ODataError(
      '$skip',
      `this list pages with ${continuationParameter} (the ${continuationHeader} header), not $skip`,
    );
  const token = readContinuation(source.continuationToken ?? url.searchParams.get(continuationParameter));
  const matching = matchingPositions(source, query);
  // A token answers the query it came from: log order takes a position, a sorted list the last item's values.
  if (token !== undefined && (token.kind === 'position') !== (query.orderBy.length === 0))
    throw invalidToken();
  const start = token === undefined ? 0 : matching.rankAfter(token, query.orderBy);
  const end = Math.min(start + query.top, matching.count);
  const items: T[] = [];
  for (let rank = start; rank < end; rank++) items.push(matching.itemAtRank(rank));
  let nextToken: string | null = null;
  let next: string | null = null;
  if (end < matching.count) {
    const last = end - 1;
    const continuation: Continuation =
      query.orderBy.length === 0
        ? { kind: 'position', position: matching.positionAtRank(end) }
        : {
            kind: 'after',
            position: matching.positionAtRank(last),
            keys: query.orderBy.map((key) => sortValue(matching.itemAtRank(last), key.path)),
          };
    nextToken = encodeContinuation(continuation);
    next = withParameters(url, { [continuationParameter]: nextToken });
  }
  return { items, continuation_token: nextToken, next_page_link: next, count: matching.count };
}

interface MatchingItems<T> {
  readonly count: number;
  positionAtRank(rank: number): number;
  itemAtRank(rank: number): T;
  /** The rank the page after `token` starts at. */
  rankAfter(token: Continuation, orderBy: readonly OrderKey[]): number;
}

interface Match<T> {
  readonly position: number;
  readonly item: T;
}

function matchingPositions<T>(source: LogSource<T>, query: ListQuery): MatchingItems<T> {
  const { firstIndex, length } = source;
  if (query.filter === undefined && query.orderBy.length === 0) {
    return {
      count: length,
      positionAtRank: (rank) => firstIndex + rank,
      itemAtRank: (rank) => source.itemAt(rank),
      rankAfter: (token) => Math.min(length, Math.max(0, token.position - firstIndex)),
    };
  }
  if (query.filter === undefined) return sortedByKeys(source, query.orderBy);
  const matches: Match<T>[] = [];
  for (let index = 0; index < length; index++) {
    const item = source.itemAt(index);
    if (query.filter === undefined || matchesFilter(query.filter, item))
      matches.push({ position: firstIndex + index, item });
  }
  const ordered = query.orderBy.length === 0 ? matches : sortItems(matches, itemKeys(query.orderBy));
  return {
    count: ordered.length,
    positionAtRank: (rank) => (ordered[rank] as Match<T>).position,
    itemAtRank: (rank) => (ordered[rank] as Match<T>).item,
    rankAfter: (token, orderBy) =>
      token.kind === 'position'
        ? lowerBound(ordered, token.position)
        : rankAfterCursor(matches, token, orderBy),
  };
}

/**
 * The whole log sorted, without a filter: only the sort values of each item are read (`sortValueAt` where the
 * source has it, so a long log's items are not all made), and only the page's items are made in full.
 */
function sortedByKeys<T>(source: LogSource<T>, orderBy: readonly OrderKey[]): MatchingItems<T> {
  const keyed: (Match<Record<string, unknown>> & { readonly index: number })[] = [];
  for (let index = 0; index < source.length; index++) {
    let item: T | undefined;
    const values = orderBy.map((key) => {
      const cheap = source.sortValueAt?.(index, key.path);
      if (cheap !== undefined) return cheap;
      item ??= source.itemAt(index);
      return sortValue(item, key.path);
    });
    keyed.push({ position: source.firstIndex + index, index, item: itemWithValues(orderBy, values) });
  }
  const ordered = sortItems(keyed, itemKeys(orderBy));
  return {
    count: ordered.length,
    positionAtRank: (rank) => (ordered[rank] as (typeof keyed)[number]).position,
    itemAtRank: (rank) => source.itemAt((ordered[rank] as (typeof keyed)[number]).index),
    rankAfter: (token) => {
      if (token.kind === 'position') throw invalidToken();
      return rankAfterCursor(keyed, token, orderBy);
    },
  };
}

function itemKeys(orderBy: readonly OrderKey[]): OrderKey[] {
  return orderBy.map((key) => ({ ...key, path: ['item', ...key.path] }));
}

/**
 * Where the items after a sorted page's last one start: a stand-in for that item (its sort values and position)
 * is sorted in with the matches, placed after every item at or before its position so that ties fall as they
 * did (the sort is stable, matches are in log order); the page after starts where the stand-in lands. The item
 * itself need not still be there (retention may have dropped it).
 */
function rankAfterCursor<T>(
  matches: readonly Match<T>[],
  token: Extract<Continuation, { kind: 'after' }>,
  orderBy: readonly OrderKey[],
): number {
  if (token.keys.length !== orderBy.length) throw invalidToken();
  const cursor: Match<unknown> = { position: token.position, item: itemWithValues(orderBy, token.keys) };
  const at = lowerBound(matches, token.position + 1);
  const withCursor: Match<unknown>[] = [...matches.slice(0, at), cursor, ...matches.slice(at)];
  return sortItems(withCursor, itemKeys(orderBy)).indexOf(cursor);
}

export type SortValue = string | number | boolean | null;

/** The value at `path` of an item, as a token can carry it (anything else sorts as null). */
function sortValue(item: unknown, path: readonly string[]): SortValue {
  let value: unknown = item;
  for (const name of path) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[name];
  }
  return typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
    ? value
    : null;
}

/** An object with `values` at the keys' paths: what the sort compares of the cursor. */
function itemWithValues(orderBy: readonly OrderKey[], values: readonly SortValue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  orderBy.forEach((key, index) => {
    let node = root;
    key.path.forEach((name, depth) => {
      if (depth === key.path.length - 1) node[name] = values[index];
      else {
        const child = (node[name] ?? {}) as Record<string, unknown>;
        node[name] = child;
        node = child;
      }
    });
  });
  return root;
}

type Continuation =
  | { readonly kind: 'position'; readonly position: number }
  | { readonly kind: 'after'; readonly position: number; readonly keys: readonly SortValue[] };

function encodeContinuation(token: Continuation): string {
  const json =
    token.kind === 'position' ? { v: 1, p: token.position } : { v: 1, a: token.position, k: token.keys };
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

function invalidToken(): Error {
  return invalidParameter(
    continuationParameter,
    'not a token this API handed out (send back continuation_token)',
  );
}

/** Sort values a token carries: one per `$orderby` key (which takes at most 8). */
const sortKeysMax = 8;
const position = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const tokenSchema = z.union([
  z.strictObject({ v: z.literal(1), p: position }),
  z.strictObject({
    v: z.literal(1),
    a: position,
    k: z
      .array(z.union([z.string().max(continuationTokenLengthMax), z.number(), z.boolean(), z.null()]))
      .max(sortKeysMax),
  }),
]);

function readContinuation(text: string | null | undefined): Continuation | undefined {
  if (text === null || text === undefined) return undefined;
  if (text.length > continuationTokenLengthMax || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalidToken();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) throw invalidToken();
  return 'p' in parsed.data
    ? { kind: 'position', position: parsed.data.p }
    : { kind: 'after', position: parsed.data.a, keys: parsed.data.k };
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
