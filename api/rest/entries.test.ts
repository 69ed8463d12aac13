import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApi, tokenFor, type JsonResponse, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
});
afterEach(() => api.stop());

/** Tags presented at the front door a few seconds apart, each making an entry once uploaded. */
function openings(count: number): void {
  const tags = ['tag-anna', 'tag-bram', 'tag-chloe', 'tag-daan', 'tag-5', 'tag-6'];
  for (let index = 0; index < count; index++) {
    api.live.apply({ type: 'present-tag', tag: tags[index % tags.length] as string, lock: 'lock-front' });
    api.live.advance(8_000);
  }
  api.live.advance(10_000);
}

interface EntryItem {
  lock_id: string;
  audit_seq: number;
  utc_date_time: string;
}

async function allPages(first: string): Promise<{ entries: EntryItem[]; pages: number; counts: number[] }> {
  const entries: EntryItem[] = [];
  const counts: number[] = [];
  let pages = 0;
  let link: string | null = first;
  while (link !== null) {
    const url: URL = new URL(link, 'http://localhost');
    const page: JsonResponse = await call(api.app, 'GET', url.pathname + url.search, owner);
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    counts.push(page.body.count);
    link = page.body.next_page_link;
    pages++;
    expect(pages).toBeLessThan(100);
  }
  return { entries, pages, counts };
}

const key = (entry: EntryItem): string => `${entry.lock_id}#${entry.audit_seq}`;

describe('GET /v1.1/sites/{site_id}/entries', () => {
  it('answers entries with UTC and local time, access method and user', async () => {
    openings(1);
    const entries = await call(api.app, 'GET', '/v1.1/sites/office/entries', owner);
    expect(entries.body.items[0]).toEqual({
      lock_id: 'lock-front',
      audit_seq: 1,
      event_category: 'lock_opened',
      event_detail: expect.any(String),
      utc_date_time: expect.stringMatching(/^2026-03-02T07:00:00\.\d{3}Z$/),
      local_date_time: expect.stringMatching(/^2026-03-02T08:00:00\.\d{3}$/),
      received_utc_date_time: expect.stringMatching(/^2026-03-02T07:00:0/),
      user_id: 'user-anna',
      access_by: 'tag',
    });
  });

  it('pages with a continuation token in next_page_link, every entry once', async () => {
    openings(7);
    const total = (await call(api.app, 'GET', '/v1.1/sites/office/entries?$top=1000', owner)).body;
    expect(total.count).toBeGreaterThanOrEqual(7);
    const { entries, pages, counts } = await allPages('/v1.1/sites/office/entries?$top=3');
    expect(pages).toBe(Math.ceil(total.count / 3));
    expect(entries.map(key)).toEqual(total.items.map(key));
    expect(new Set(counts)).toEqual(new Set([total.count]));
  });

  it('neither repeats nor skips entries that arrive between pages', async () => {
    openings(4);
    const first = await call(api.app, 'GET', '/v1.1/sites/office/entries?$top=2', owner);
    const link = new URL(first.body.next_page_link as string);
    expect(link.searchParams.get('continuation_token')).toMatch(/^[A-Za-z0-9_-]+$/);
    openings(3);
    const rest = await allPages(link.pathname + link.search);
    const all = (await call(api.app, 'GET', '/v1.1/sites/office/entries?$top=1000', owner)).body
      .items as EntryItem[];
    expect([...first.body.items, ...rest.entries].map(key)).toEqual(all.map(key));
  });

  it('filters and sorts across pages', async () => {
    openings(6);
    const filter = encodeURIComponent(
      "event_category eq 'lock_opened' and utc_date_time ge 2026-03-02T07:00:10Z",
    );
    const { entries } = await allPages(
      `/v1.1/sites/office/entries?$filter=${filter}&$orderby=utc_date_time desc&$top=2`,
    );
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const times = entries.map((entry) => entry.utc_date_time);
    expect(times).toEqual([...times].sort().reverse());
    expect(times.every((time) => time >= '2026-03-02T07:00:10')).toBe(true);
  });

  it('refuses a token it did not hand out (400/1101)', async () => {
    for (const token of ['garbage!', 'eyJ2IjoyLCJwIjoxfQ', 'e30', 'x'.repeat(300)]) {
      const answer = await call(
        api.app,
        'GET',
        `/v1.1/sites/office/entries?continuation_token=${token}`,
        owner,
      );
      expect({ status: answer.status, code: answer.body.ErrorCode }).toEqual({ status: 400, code: 1101 });
    }
  });
});
