import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CloudError } from '../../twin/index.ts';
import { knownError } from './errors.ts';
import { continuationPage, readListQuery, skipPage, type LogSource } from './list.ts';
import { itemFields } from './route-table.ts';
import { call, createTestApi, sitePathOf, tokenFor } from './testing.ts';

// The list mechanics on items of a shape of their own, so they do not move when a resource's shape does.
const itemSchema = z.object({
  id: z.string(),
  name: z.string(),
  open_time_ms: z.number().int(),
  online: z.boolean(),
  email: z.string().nullable(),
  alerts: z.object({ not_closed: z.boolean() }),
  lock_ids: z.array(z.string()),
});
type Item = z.infer<typeof itemSchema>;
const fields = itemFields(itemSchema);

const items: Item[] = [
  ['front', 'Front door', 5_000, true, 'a@example.com', true, ['l1']],
  ['meeting', 'Meeting room', 5_000, true, null, false, ['l1', 'l2']],
  ['server', 'Server room', 3_000, false, null, true, []],
  ['back', 'Back door', 8_000, true, 'b@example.com', false, ['l3']],
  ['garage', 'Garage gate', 20_000, false, null, true, ['l2']],
  ['storage', 'Storage', 5_000, true, null, true, []],
].map(([id, name, openTimeMs, online, email, notClosed, lockIds]) => ({
  id: id as string,
  name: name as string,
  open_time_ms: openTimeMs as number,
  online: online as boolean,
  email: email as string | null,
  alerts: { not_closed: notClosed as boolean },
  lock_ids: lockIds as string[],
}));

const urlOf = (query: string): URL => new URL(`http://127.0.0.1/v1.2/list?${query}`);

function page(query: string) {
  const url = urlOf(query);
  return skipPage(items, readListQuery(url, fields), url);
}

const ids = (body: { items: readonly { id: string }[] }): string[] => body.items.map((item) => item.id);

/** The code a list refuses `query` with. */
function refusal(run: () => unknown): { code: number | undefined; message: string } {
  try {
    run();
  } catch (error) {
    const known = knownError(error);
    return { code: known?.code, message: known?.message ?? String(error) };
  }
  return { code: undefined, message: 'accepted' };
}

describe('lists paged with $skip', () => {
  it('answer items, next_page_link and count', () => {
    const body = page('');
    expect(Object.keys(body).sort()).toEqual(['count', 'items', 'next_page_link']);
    expect(body).toMatchObject({ count: 6, next_page_link: null });
    expect(ids(body)).toEqual(['front', 'meeting', 'server', 'back', 'garage', 'storage']);
  });

  it('filter with $filter (nested fields, functions, booleans, numbers, null)', () => {
    expect(ids(page("$filter=startswith(name,'S') and open_time_ms lt 5000"))).toEqual(['server']);
    expect(ids(page('$filter=open_time_ms gt 5000'))).toEqual(['back', 'garage']);
    expect(ids(page('$filter=alerts/not_closed and online'))).toEqual(['front', 'storage']);
    expect(ids(page("$filter=contains(lock_ids,'l2')"))).toEqual(['meeting', 'garage']);
    expect(ids(page('$filter=email eq null'))).toEqual(['meeting', 'server', 'garage', 'storage']);
    const filtered = page("$filter=not (id eq 'front')&$top=2");
    expect(filtered.count).toBe(5);
    expect(filtered.items).toHaveLength(2);
  });

  it('sort with $orderby on several keys', () => {
    expect(ids(page('$orderby=name desc'))).toEqual([
      'storage',
      'server',
      'meeting',
      'garage',
      'front',
      'back',
    ]);
    expect(ids(page('$orderby=open_time_ms desc, id asc'))).toEqual([
      'garage',
      'back',
      'front',
      'meeting',
      'storage',
      'server',
    ]);
    expect(ids(page('$orderby=online, email desc&$top=3'))).toEqual(['server', 'garage', 'back']);
  });

  it('page with $top and $skip, and next_page_link leads to the next page', () => {
    const first = page('$top=4&$orderby=id desc');
    expect(ids(first)).toEqual(['storage', 'server', 'meeting', 'garage']);
    const next = new URL(first.next_page_link as string);
    expect(next.searchParams.get('$skip')).toBe('4');
    expect(next.searchParams.get('$orderby')).toBe('id desc');
    expect(first.next_page_link).toContain('$skip=4');
    expect(ids(page(next.search.slice(1)))).toEqual(['front', 'back']);
    expect(page('$skip=60')).toEqual({ items: [], next_page_link: null, count: 6 });
  });

  it('refuse a bad $top or $skip with 400/1101', () => {
    for (const query of [
      '$top=0',
      '$top=1001',
      '$top=abc',
      '$top=-1',
      '$top=1.5',
      '$top=',
      '$top=1e2',
      '$skip=-1',
    ]) {
      const { code, message } = refusal(() => page(query));
      expect({ query, code }).toEqual({ query, code: 1101 });
      expect(message).toMatch(/^Value of '\$(top|skip)' is invalid\./);
    }
    expect(page('$top=1000').items).toHaveLength(6);
  });

  it('refuse bad OData with 400/1102', () => {
    for (const query of [
      "$filter=name eq 'x",
      '$filter=name eq',
      '$filter=',
      '$filter=nmae eq 1',
      '$filter=alerts eq 1',
      '$orderby=name sideways',
      '$orderby=lock_ids',
      '$orderby=nope',
      '$select=name',
    ]) {
      const { code, message } = refusal(() => page(query));
      expect({ query, code }).toEqual({ query, code: 1102 });
      expect(message).toMatch(/^The OData filter format is invalid\./);
    }
  });
});

/** A log of `count` items; `dropped` of them already gone from its front. */
function logOf(count: number, dropped = 0, continuationToken?: string): LogSource<Item> {
  const all = Array.from({ length: count }, (_, index) => ({
    ...(items[index % items.length] as Item),
    id: `item-${index}`,
    // A few equal values, so ties must keep their order.
    open_time_ms: Math.floor(index / 3),
  }));
  const kept = all.slice(dropped);
  return {
    length: kept.length,
    firstIndex: dropped,
    itemAt: (index) => kept[index] as Item,
    continuationToken,
  };
}

function logPage(source: LogSource<Item>, query: string) {
  const url = urlOf(query);
  return continuationPage(source, readListQuery(url, fields), url);
}

describe('lists paged with a continuation token', () => {
  it('carry continuation_token in the body (null on the last page) and refuse $skip (1102)', () => {
    const first = logPage(logOf(5), '$top=2');
    expect(Object.keys(first).sort()).toEqual(['continuation_token', 'count', 'items', 'next_page_link']);
    expect(ids(first)).toEqual(['item-0', 'item-1']);
    expect(first.continuation_token).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = logPage(logOf(5, 0, first.continuation_token as string), '$top=2');
    expect(ids(second)).toEqual(['item-2', 'item-3']);
    const last = logPage(logOf(5, 0, second.continuation_token as string), '$top=2');
    expect(ids(last)).toEqual(['item-4']);
    expect(last).toMatchObject({ continuation_token: null, next_page_link: null, count: 5 });
    expect(refusal(() => logPage(logOf(5), '$skip=1')).code).toBe(1102);
  });

  it('sorted, go on right after the last item shown, also when it has left the log', () => {
    const query = '$orderby=open_time_ms desc&$top=4';
    const first = logPage(logOf(12), query);
    expect(ids(first)).toEqual(['item-9', 'item-10', 'item-11', 'item-6']);
    const token = first.continuation_token as string;
    expect(ids(logPage(logOf(12, 0, token), query))).toEqual(['item-7', 'item-8', 'item-3', 'item-4']);
    // Newer items sort before the cursor and shift nothing; the cursor item's own place is remembered.
    expect(ids(logPage(logOf(30, 0, token), query))).toEqual(['item-7', 'item-8', 'item-3', 'item-4']);
    // Retention dropped the front of the log, the item shown last among it.
    expect(ids(logPage(logOf(12, 7, token), query))).toEqual(['item-7', 'item-8']);
  });

  it('give every item once, in order, page by page, for any query', () => {
    for (const query of [
      '',
      '$filter=online',
      '$orderby=open_time_ms desc',
      '$orderby=open_time_ms, name desc',
      '$filter=online&$orderby=open_time_ms desc',
      "$filter=startswith(name,'S')&$orderby=name",
    ]) {
      const whole = ids(logPage(logOf(40, 5), `${query}&$top=1000`));
      for (const top of [1, 3, 7]) {
        const seen: string[] = [];
        let token: string | undefined;
        for (let pages = 0; pages < 100; pages++) {
          const body = logPage(logOf(40, 5, token), `${query}&$top=${top}`);
          seen.push(...ids(body));
          if (body.continuation_token === null) break;
          token = body.continuation_token;
        }
        expect({ query, top, seen }).toEqual({ query, top, seen: whole });
      }
    }
  });

  it('refuse a token from the other order (1101)', () => {
    const sorted = logPage(logOf(12), '$orderby=open_time_ms desc&$top=4').continuation_token as string;
    const plain = logPage(logOf(12), '$top=4').continuation_token as string;
    expect(refusal(() => logPage(logOf(12, 0, sorted), '$top=4')).code).toBe(1101);
    expect(refusal(() => logPage(logOf(12, 0, plain), '$orderby=open_time_ms desc')).code).toBe(1101);
    expect(refusal(() => logPage(logOf(12, 0, plain), '$orderby=open_time_ms desc, id')).code).toBe(1101);
    expect(refusal(() => logPage(logOf(12), '$orderby=open_time_ms desc')).code).toBeUndefined();
    expect(new CloudError(1101).httpStatus).toBe(400);
  });
});

describe('a list over HTTP', () => {
  it('answers the envelope, pages with $top and $skip, and follows next_page_link', async () => {
    const api = createTestApi();
    try {
      const token = await tokenFor(api.app);
      const groups = `${sitePathOf(api.live)}/access_groups`;
      const all = await call(api.app, 'GET', groups, token);
      expect(all.status).toBe(200);
      expect(Object.keys(all.body).sort()).toEqual(['count', 'items', 'next_page_link']);
      const first = await call(api.app, 'GET', `${groups}?$top=1&$orderby=customer_reference desc`, token);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.count).toBe(all.body.count);
      const next = new URL(first.body.next_page_link as string);
      const second = await call(api.app, 'GET', next.pathname + next.search, token);
      expect(second.status).toBe(200);
      expect(second.body.items[0]).not.toEqual(first.body.items[0]);
    } finally {
      api.stop();
    }
  });
});
