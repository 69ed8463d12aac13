/** The site resource of the Connect API: list and item on /v1.1 and /v1.2, `site_uid` lookups, the subscription. */
import { afterEach, describe, expect, it } from 'vitest';
import { siteUid } from './connect-ids.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi | undefined;
afterEach(() => api?.stop());

async function start(): Promise<TestApi & { token: string }> {
  api = createTestApi();
  return { ...api, token: await tokenFor(api.app) };
}

const siteFields = [
  'active_iq_amount',
  'active_user_amount',
  'customer_reference',
  'id',
  'pin_enabled',
  'site_uid',
  'subscribed_user_amount',
  'time_zone',
];

function subscribedUsers(api: TestApi): number {
  return [...api.live.twin.cloud.state.users.values()].filter(
    (user) => user.subscriptionState === 'subscribed',
  ).length;
}

describe('GET /v1.{1,2}/sites', () => {
  it('lists the token’s site in the list envelope, with the contract’s fields, on both versions', async () => {
    const test = await start();
    const { site } = test.live.twin.cloud.state;
    const v12 = await call(test.app, 'GET', '/v1.2/sites', test.token);
    expect(v12.status).toBe(200);
    expect(v12.body).toEqual({ items: [expect.any(Object)], next_page_link: null, count: 1 });
    const item = v12.body.items[0];
    expect(Object.keys(item).sort()).toEqual(siteFields);
    expect(item).toEqual({
      id: publicIdOf(test.live, 'site', site.id),
      site_uid: siteUid(test.live.seed, site.id),
      customer_reference: site.name,
      time_zone: 'Europe/Amsterdam',
      pin_enabled: site.subscription.features.includes('pin-codes'),
      active_user_amount: subscribedUsers(test),
      subscribed_user_amount: subscribedUsers(test),
      active_iq_amount: [...test.live.twin.cloud.state.iqs.values()].filter((iq) => iq.activated).length,
    });
    expect(item.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(item.site_uid).toMatch(/^DE\d{10}$/);
    expect(item.active_user_amount).toBeGreaterThan(0);
    expect((await call(test.app, 'GET', '/v1.1/sites', test.token)).body).toEqual(v12.body);
  });

  it('finds the site by site_uid or name with $filter, as clients resolve the UUID', async () => {
    const test = await start();
    const { site } = test.live.twin.cloud.state;
    const uid = siteUid(test.live.seed, site.id);
    const found = await call(
      test.app,
      'GET',
      `/v1.1/sites?$filter=${encodeURIComponent(`site_uid eq '${uid}'`)}`,
      test.token,
    );
    expect(found.body.count).toBe(1);
    expect(found.body.items[0].id).toBe(publicIdOf(test.live, 'site', site.id));
    const byName = await call(
      test.app,
      'GET',
      `/v1.2/sites?$filter=${encodeURIComponent(`customer_reference eq '${site.name}'`)}`,
      test.token,
    );
    expect(byName.body.count).toBe(1);
    const other = await call(
      test.app,
      'GET',
      `/v1.1/sites?$filter=${encodeURIComponent("site_uid eq 'DE0000000000'")}`,
      test.token,
    );
    expect(other.body).toEqual({ items: [], next_page_link: null, count: 0 });
    const unknownField = await call(test.app, 'GET', '/v1.1/sites?$filter=name eq 1', test.token);
    expect(unknownField).toMatchObject({ status: 400, body: { ErrorCode: 1102 } });
  });

  it('counts users who are not suspended, and follows the cloud’s state', async () => {
    const test = await start();
    const before = (await call(test.app, 'GET', sitePathOf(test.live), test.token)).body;
    const owner = [...test.live.twin.cloud.state.users.values()].find((user) => user.role === 'owner');
    test.live.recordingCore().setSubscriptionState(owner?.id ?? '', 'user-daan', 'suspended');
    const after = (await call(test.app, 'GET', sitePathOf(test.live), test.token)).body;
    expect(after.active_user_amount).toBe(before.active_user_amount - 1);
    expect(after.subscribed_user_amount).toBe(before.subscribed_user_amount - 1);
    expect(after.active_iq_amount).toBe(before.active_iq_amount);
  });
});

describe('GET /v1.{1,2}/sites/{site_id}', () => {
  it('answers the site by its UUID on both versions; a site_uid or name in the path is 400/1100', async () => {
    const test = await start();
    const { site } = test.live.twin.cloud.state;
    const list = (await call(test.app, 'GET', '/v1.2/sites', test.token)).body.items[0];
    for (const version of ['v1.1', 'v1.2'] as const) {
      expect(await call(test.app, 'GET', sitePathOf(test.live, version), test.token)).toMatchObject({
        status: 200,
        body: list,
      });
      for (const wrong of [siteUid(test.live.seed, site.id), site.name, site.id]) {
        expect(await call(test.app, 'GET', `/${version}/sites/${wrong}`, test.token)).toMatchObject({
          status: 400,
          body: { ErrorCode: 1100 },
        });
      }
      const otherUuid = '11111111-2222-4333-8444-555555555555';
      expect(await call(test.app, 'GET', `/${version}/sites/${otherUuid}`, test.token)).toMatchObject({
        status: 404,
        body: { ErrorCode: 3104 },
      });
    }
  });
});

describe('GET /v1.2/sites/{site_id}/subscription', () => {
  it('answers user_amount, type and snake_case features', async () => {
    const test = await start();
    const { subscription } = test.live.twin.cloud.state.site;
    const answer = await call(test.app, 'GET', `${sitePathOf(test.live)}/subscription`, test.token);
    expect(answer).toMatchObject({ status: 200 });
    expect(answer.body).toEqual({
      user_amount: subscription.seats,
      type: 'standard',
      features: subscription.features.map((feature) => feature.replaceAll('-', '_')),
    });
    expect(answer.body.features).toContain('pin_codes');
  });

  it('shows a subscription without the PIN feature as pin_enabled: false', async () => {
    const test = await start();
    const state = test.live.twin.cloud.state;
    // The office's spec has every feature; take PIN codes away, as a site spec without them would.
    state.site = {
      ...state.site,
      subscription: {
        ...state.site.subscription,
        features: state.site.subscription.features.filter((feature) => feature !== 'pin-codes'),
      },
    };
    expect((await call(test.app, 'GET', sitePathOf(test.live), test.token)).body.pin_enabled).toBe(false);
    const subscription = await call(test.app, 'GET', `${sitePathOf(test.live)}/subscription`, test.token);
    expect(subscription.body.features).not.toContain('pin_codes');
  });
});
