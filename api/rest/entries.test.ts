import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUuid } from './connect-ids.ts';
import { continuationHeader } from './list.ts';
import { unknownPinUserId } from './shapes/entries.ts';
import {
  call,
  createTestApi,
  publicIdOf,
  sitePathOf,
  tokenFor,
  type JsonResponse,
  type TestApi,
} from './testing.ts';

let api: TestApi;
let owner: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
});
afterEach(() => api.stop());

const entriesPath = () => `${sitePathOf(api.live, 'v1.1')}/entries`;

/** Tags presented at the front door a few seconds apart, each making an entry once uploaded. */
function openings(count: number): void {
  const tags = ['tag-anna', 'tag-bram', 'tag-chloe', 'tag-daan', 'tag-5', 'tag-6'];
  for (let index = 0; index < count; index++) {
    api.live.apply({ type: 'present-tag', tag: tags[index % tags.length] as string, lock: 'lock-front' });
    api.live.advance(8_000);
  }
  api.live.advance(10_000);
}

/** A PIN typed at the back door's keypad; the entry it made. */
async function pinAtBackDoor(pin: string): Promise<EntryItem> {
  api.live.apply({ type: 'enter-pin', pin, lock: 'lock-back' });
  api.live.advance(20_000);
  const back = publicIdOf(api.live, 'lock', 'lock-back');
  const page = await get(`${entriesPath()}?$filter=lock_id eq '${back}'&$orderby=utc_date_time desc&$top=1`);
  return page.body.items[0] as EntryItem;
}

interface EntryItem {
  readonly id: string;
  readonly utc_date_time: string;
  readonly [field: string]: unknown;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await api.app.request(path, { headers: { authorization: `Bearer ${owner}`, ...headers } });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Every page, each asked for with the previous page's token in the CLP-Continuation-Token header. */
async function allPages(
  first: string,
  between: () => void = () => {},
): Promise<{ entries: EntryItem[]; pages: number }> {
  const entries: EntryItem[] = [];
  let pages = 0;
  let token: string | null = null;
  do {
    const page: JsonResponse = await get(first, token === null ? {} : { [continuationHeader]: token });
    expect(page.status).toBe(200);
    entries.push(...(page.body.items as EntryItem[]));
    token = page.body.continuation_token as string | null;
    pages++;
    expect(pages).toBeLessThan(100);
    between();
  } while (token !== null);
  return { entries, pages };
}

const idsOf = (entries: readonly EntryItem[]): string[] => entries.map((entry) => entry.id);

describe('GET /v1.1/sites/{site_id}/entries', () => {
  it('answers an opening with the service’s fields and public ids', async () => {
    openings(1);
    const { live } = api;
    const page = await get(entriesPath());
    expect(Object.keys(page.body).sort()).toEqual(['continuation_token', 'count', 'items', 'next_page_link']);
    const entry = page.body.items[0];
    expect(isUuid(entry.id)).toBe(true);
    expect(entry).toEqual({
      id: entry.id,
      event_category: 'lock_opened',
      event_detail: null,
      utc_date_time: '2026-03-02T07:00:00Z',
      local_date_time: '2026-03-02T08:00:00',
      lock_id: publicIdOf(live, 'lock', 'lock-front'),
      lock_mac_address: expect.stringMatching(/^[0-9A-F]{14}$/),
      lock_customer_reference: 'Front door',
      user_id: publicIdOf(live, 'user', 'user-anna'),
      user_first_name: null,
      user_last_name: null,
      user_image_url: null,
      user_alias: 'Anna de Vries',
      iq_id: publicIdOf(live, 'iq', live.twin.cloud.state.locks.get('lock-front')?.iqId as string),
      iq_customer_reference: expect.any(String),
      iq_mac_address: expect.stringMatching(/^[0-9A-F]{2}\.[0-9A-F]{2}\.[0-9A-F]{2}$/),
      iq_revision: '2.0',
      exit_requested: false,
      access_by: 'tag',
      access_detail: '',
      ttl_in_seconds: 7_776_000,
      expiration_date_time: expect.stringMatching(/^2026-05-31T07:00:0\d\.\d{3}Z$/),
    });
    // The same entry keeps its id.
    expect((await get(entriesPath())).body.items[0].id).toBe(entry.id);
    // The platform user id is the one group membership takes.
    const group = (
      await call(api.app, 'POST', `${sitePathOf(live)}/access_groups`, owner, { customer_reference: 'G' })
    ).body.id;
    const joined = await call(api.app, 'POST', `${sitePathOf(live)}/access_groups/${group}/users`, owner, {
      user_id: entry.user_id,
    });
    expect(joined.status).toBe(201);
  });

  it('answers a PIN the lock does not know with no_access and the sentinel user, who is nobody', async () => {
    const entry = await pinAtBackDoor('111111');
    expect(entry).toMatchObject({
      event_category: 'lock_rejected',
      event_detail: 'no_access',
      access_by: 'pin_code',
      access_detail: '',
      user_id: unknownPinUserId,
      user_alias: null,
    });
    const group = (
      await call(api.app, 'POST', `${sitePathOf(api.live)}/access_groups`, owner, { customer_reference: 'G' })
    ).body.id;
    expect(
      await call(api.app, 'POST', `${sitePathOf(api.live)}/access_groups/${group}/users`, owner, {
        user_id: unknownPinUserId,
      }),
    ).toMatchObject({ status: 404, body: { ErrorCode: 2202 } });
  });

  it('answers a known PIN refused by use_pin false with event_detail null and the alias', async () => {
    api.live.recordingCore().setUserSettings('user-anna', 'user-daan', { usePin: false });
    api.live.advance(30_000);
    const entry = await pinAtBackDoor('730561');
    expect(entry).toMatchObject({
      event_category: 'lock_rejected',
      event_detail: null,
      access_by: 'pin_code',
      user_id: publicIdOf(api.live, 'user', 'user-daan'),
      user_alias: 'Daan Bakker',
    });
  });

  it('answers a suspended user with event_detail suspended', async () => {
    api.live.recordingCore().setSubscriptionState('user-anna', 'user-6', 'suspended');
    api.live.advance(30_000);
    const entry = await pinAtBackDoor('159372');
    expect(entry).toMatchObject({
      event_category: 'lock_rejected',
      event_detail: 'suspended',
      user_id: publicIdOf(api.live, 'user', 'user-6'),
    });
  });

  it('pages over 250+ entries with the CLP-Continuation-Token header, none lost or repeated', async () => {
    openings(260);
    const whole = (await get(`${entriesPath()}?$top=1000`)).body;
    expect(whole.count).toBeGreaterThanOrEqual(260);
    expect(whole.continuation_token).toBeNull();
    const { entries, pages } = await allPages(`${entriesPath()}?$top=100`);
    expect(pages).toBe(Math.ceil(whole.count / 100));
    expect(idsOf(entries)).toEqual(idsOf(whole.items));
    expect(new Set(idsOf(entries)).size).toBe(entries.length);
  });

  it('follows next_page_link (the token as a query parameter) to the same pages', async () => {
    openings(7);
    const whole = (await get(`${entriesPath()}?$top=1000`)).body.items as EntryItem[];
    const entries: EntryItem[] = [];
    let link: string | null = `${entriesPath()}?$top=3`;
    while (link !== null) {
      const url: URL = new URL(link, 'http://localhost');
      const page: JsonResponse = await get(url.pathname + url.search);
      entries.push(...(page.body.items as EntryItem[]));
      if (page.body.next_page_link !== null)
        expect(new URL(page.body.next_page_link).searchParams.get('continuation_token')).toBe(
          page.body.continuation_token,
        );
      link = page.body.next_page_link;
    }
    expect(idsOf(entries)).toEqual(idsOf(whole));
  });

  it('neither repeats nor skips entries that arrive between pages (log order)', async () => {
    openings(4);
    let arrivals = 1;
    const { entries } = await allPages(`${entriesPath()}?$top=2`, () => {
      if (arrivals-- > 0) openings(3);
    });
    const whole = (await get(`${entriesPath()}?$top=1000`)).body.items as EntryItem[];
    expect(idsOf(entries)).toEqual(idsOf(whole));
  });

  it('pages newest first with $orderby=utc_date_time desc, stable while entries arrive', async () => {
    openings(20);
    const snapshot = (await get(`${entriesPath()}?$orderby=utc_date_time desc&$top=1000`)).body
      .items as EntryItem[];
    const times = snapshot.map((entry) => entry.utc_date_time);
    expect(times).toEqual([...times].sort().reverse());
    let arrivals = 2;
    const { entries } = await allPages(`${entriesPath()}?$orderby=utc_date_time desc&$top=7`, () => {
      if (arrivals-- > 0) openings(2);
    });
    // The newer entries sort before the cursor: the pages show exactly the entries there were at the first page.
    expect(idsOf(entries)).toEqual(idsOf(snapshot));
  });

  it('filters across pages', async () => {
    openings(12);
    const anna = publicIdOf(api.live, 'user', 'user-anna');
    const { entries } = await allPages(`${entriesPath()}?$filter=user_id eq '${anna}'&$top=1`);
    expect(entries.length).toBe(2);
    expect(entries.every((entry) => entry.user_alias === 'Anna de Vries')).toBe(true);
  });

  it('answers only on v1.1: the v1.2 path is known and answers 405', async () => {
    const answer = await get(`${sitePathOf(api.live, 'v1.2')}/entries`);
    expect(answer.status).toBe(405);
  });

  it('refuses $skip and unknown $orderby fields (400/1102)', async () => {
    openings(1);
    for (const query of ['$skip=1', '$skip=0', '$orderby=audit_seq desc', '$orderby=name']) {
      const answer = await get(`${entriesPath()}?${query}`);
      expect({ query, status: answer.status, code: answer.body.ErrorCode }).toEqual({
        query,
        status: 400,
        code: 1102,
      });
    }
  });

  it('refuses a token it did not hand out, or one from another order (400/1101)', async () => {
    openings(3);
    const sorted = (await get(`${entriesPath()}?$orderby=utc_date_time desc&$top=1`)).body.continuation_token;
    expect(sorted).toEqual(expect.any(String));
    for (const token of ['garbage!', 'eyJ2IjoyLCJwIjoxfQ', 'e30', 'x'.repeat(5_000), sorted]) {
      const inQuery = await get(`${entriesPath()}?continuation_token=${token}`);
      const inHeader = await get(entriesPath(), { [continuationHeader]: token });
      for (const answer of [inQuery, inHeader])
        expect({ status: answer.status, code: answer.body.ErrorCode }).toEqual({ status: 400, code: 1101 });
    }
  });
});
