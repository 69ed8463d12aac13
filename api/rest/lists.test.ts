import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApi, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
});
afterEach(() => api.stop());

const ids = (body: { items: { id: string }[] }): string[] => body.items.map((item) => item.id);
const get = (path: string) => call(api.app, 'GET', path, owner);

describe('lists', () => {
  it('answer items, next_page_link and count', async () => {
    const locks = await get('/v1.2/sites/office/locks');
    expect(Object.keys(locks.body).sort()).toEqual(['count', 'items', 'next_page_link']);
    expect(locks.body.count).toBe(6);
    expect(locks.body.next_page_link).toBeNull();
    expect(ids(locks.body)).toEqual([
      'lock-front',
      'lock-meeting',
      'lock-server',
      'lock-back',
      'lock-garage',
      'lock-storage',
    ]);
  });

  it('filter with $filter (nested fields, functions, booleans, numbers)', async () => {
    expect(ids((await get("/v1.2/sites/office/locks?$filter=kind eq 'bluenet_escutcheon'")).body)).toEqual([
      'lock-front',
      'lock-storage',
    ]);
    expect(
      ids(
        (await get("/v1.2/sites/office/locks?$filter=startswith(name,'S') and open_time_ms lt 10000")).body,
      ),
    ).toEqual(['lock-server', 'lock-storage']);
    expect(ids((await get('/v1.2/sites/office/locks?$filter=open_time_ms gt 5000')).body)).toEqual([
      'lock-garage',
    ]);
    expect(
      ids((await get('/v1.2/sites/office/locks?$filter=alerts/not_closed and online')).body),
    ).toHaveLength(6);
    expect(
      ids(
        (await get("/v1.2/sites/office/users?$filter=role eq 'super_user' or permissions/remote_opening"))
          .body,
      ),
    ).toEqual(['user-anna', 'user-chloe']);
    expect(
      ids((await get("/v1.2/sites/office/access_groups?$filter=contains(lock_ids,'lock-server')")).body),
    ).toEqual(['implicit-2']);
    expect(ids((await get('/v1.2/sites/office/users?$filter=email eq null')).body)).toEqual([]);
    const filtered = await get("/v1.2/sites/office/users?$filter=not (id eq 'user-anna')&$top=2");
    expect(filtered.body.count).toBe(7);
    expect(filtered.body.items).toHaveLength(2);
  });

  it('sort with $orderby on several keys', async () => {
    expect(ids((await get('/v1.2/sites/office/locks?$orderby=name desc')).body)).toEqual([
      'lock-storage',
      'lock-server',
      'lock-meeting',
      'lock-garage',
      'lock-front',
      'lock-back',
    ]);
    expect(ids((await get('/v1.2/sites/office/locks?$orderby=open_time_ms desc, id asc')).body)).toEqual([
      'lock-garage',
      'lock-back',
      'lock-front',
      'lock-meeting',
      'lock-server',
      'lock-storage',
    ]);
    expect(ids((await get('/v1.2/sites/office/users?$orderby=role, has_pin desc&$top=3')).body)).toEqual([
      'user-bram',
      'user-anna',
      'user-chloe',
    ]);
  });

  it('page with $top and $skip, and next_page_link leads to the next page', async () => {
    const first = await get('/v1.2/sites/office/tags?$top=3&$orderby=id desc');
    expect(ids(first.body)).toEqual(['tag-daan', 'tag-chloe', 'tag-bram']);
    expect(first.body.count).toBe(7);
    const seen = ids(first.body);
    let link: string | null = first.body.next_page_link;
    while (link !== null) {
      const url = new URL(link);
      expect(url.searchParams.get('$orderby')).toBe('id desc');
      const page = await get(url.pathname + url.search);
      seen.push(...ids(page.body));
      link = page.body.next_page_link;
    }
    expect(seen).toEqual(['tag-daan', 'tag-chloe', 'tag-bram', 'tag-anna', 'tag-7', 'tag-6', 'tag-5']);
    expect(ids((await get('/v1.2/sites/office/tags?$skip=6')).body)).toEqual(['tag-7']);
    expect((await get('/v1.2/sites/office/tags?$skip=60')).body).toEqual({
      items: [],
      next_page_link: null,
      count: 7,
    });
  });

  it('refuse a bad $top or $skip with 400/1101', async () => {
    for (const query of [
      '$top=0',
      '$top=1001',
      '$top=abc',
      '$top=-1',
      '$top=1.5',
      '$top=',
      '$top=1e2',
      '$skip=-1',
      '$skip=x',
      '$top=99999999999999999999',
    ]) {
      const answer = await get(`/v1.2/sites/office/locks?${query}`);
      expect({ query, status: answer.status, code: answer.body.ErrorCode }).toEqual({
        query,
        status: 400,
        code: 1101,
      });
      expect(answer.body.Message).toMatch(/^Value of '\$(top|skip)' is invalid\./);
    }
    expect((await get('/v1.2/sites/office/locks?$top=1000')).status).toBe(200);
    expect((await get('/v1.2/sites/office/locks?$top=1')).body.items).toHaveLength(1);
  });

  it('refuse bad OData with 400/1102', async () => {
    for (const query of [
      "$filter=name eq 'x",
      '$filter=name eq',
      '$filter=',
      '$filter=nmae eq 1',
      '$filter=alerts eq 1',
      '$filter=3',
      '$filter=%28%28',
      '$orderby=name sideways',
      '$orderby=eom_schedules',
      '$orderby=nope',
      '$select=name',
      '$expand=iq',
    ]) {
      const answer = await get(`/v1.2/sites/office/locks?${query}`);
      expect({ query, status: answer.status, code: answer.body.ErrorCode }).toEqual({
        query,
        status: 400,
        code: 1102,
      });
      expect(answer.body.Message).toMatch(/^The OData filter format is invalid\./);
    }
  });
});
