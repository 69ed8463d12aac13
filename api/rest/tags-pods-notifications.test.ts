import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUuid } from './connect-ids.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
let site: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
  site = sitePathOf(api.live);
});
afterEach(() => api.stop());

const id = (kind: Parameters<typeof publicIdOf>[1], internalId: string): string =>
  publicIdOf(api.live, kind, internalId);

describe('tags', () => {
  it('blocks a tag: listed as blocked, and the lock refuses it once the block has reached it', async () => {
    const { app, live } = api;
    const blocked = await call(app, 'POST', `${site}/tags/${id('tag', 'tag-daan')}/block`, owner);
    expect(blocked).toMatchObject({
      status: 200,
      body: {
        id: id('tag', 'tag-daan'),
        customer_reference: 'tag-daan',
        user_id: id('user', 'user-daan'),
        blocked: true,
      },
    });
    const list = await call(app, 'GET', `${site}/tags?$filter=blocked eq true`, owner);
    expect(list.body.items.map((tag: { id: string }) => tag.id)).toEqual([id('tag', 'tag-daan')]);
    live.advance(30_000);
    live.apply({ type: 'present-tag', tag: 'tag-daan', lock: 'lock-front' });
    live.advance(10_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
    expect(await call(app, 'POST', `${site}/tags/${id('tag', 'tag-daan')}/unblock`, owner)).toMatchObject({
      status: 200,
      body: { blocked: false },
    });
  });

  it('lets a plain user block their own tag only; an unknown tag is 404/3104', async () => {
    const { app } = api;
    const daan = await tokenFor(app, 'user-daan');
    expect((await call(app, 'POST', `${site}/tags/${id('tag', 'tag-daan')}/block`, daan)).status).toBe(200);
    expect(await call(app, 'POST', `${site}/tags/${id('tag', 'tag-anna')}/block`, daan)).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    expect(await call(app, 'POST', `${site}/tags/tag-anna/block`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
  });
});

describe('pods', () => {
  it('creates a pod with a server id and adds guests by platform id within its limit (2221)', async () => {
    const { app } = api;
    const created = await call(app, 'POST', `${site}/pods`, owner, {
      customer_reference: 'Acme',
      member_ids: [id('user', 'user-anna')],
      lock_ids: [id('lock', 'lock-front')],
      guest_limit: 1,
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        customer_reference: 'Acme',
        member_ids: [id('user', 'user-anna')],
        guest_ids: [],
        guest_limit: 1,
      },
    });
    expect(isUuid(created.body.id)).toBe(true);
    const pod = `${site}/pods/${created.body.id}`;
    expect(
      await call(app, 'POST', `${site}/pods`, owner, {
        customer_reference: ' acme ',
        member_ids: [id('user', 'user-bram')],
        guest_limit: 0,
      }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 2213 } });
    const first = await call(app, 'POST', `${site}/guests`, owner, { alias: 'Guest One' });
    const second = await call(app, 'POST', `${site}/guests`, owner, { alias: 'Guest Two' });
    expect(
      (await call(app, 'POST', `${pod}/guests`, owner, { user_id: first.body.user.id })).body.guest_ids,
    ).toEqual([first.body.user.id]);
    expect((await call(app, 'GET', `${pod}/guests`, owner)).body.items).toMatchObject([
      { alias: 'Guest One' },
    ]);
    expect(await call(app, 'POST', `${pod}/guests`, owner, { user_id: second.body.user.id })).toMatchObject({
      status: 400,
      body: { ErrorCode: 2221 },
    });
    // The site-user id is not the id pods take.
    expect(await call(app, 'POST', `${pod}/guests`, owner, { user_id: second.body.id })).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202 },
    });
    expect((await call(app, 'DELETE', `${pod}/guests/${first.body.user.id}`, owner)).body.guest_ids).toEqual(
      [],
    );
    const daan = await tokenFor(app, 'user-daan');
    expect(
      await call(app, 'POST', `${site}/pods`, daan, {
        customer_reference: 'X',
        member_ids: [id('user', 'user-anna')],
        guest_limit: 0,
      }),
    ).toMatchObject({ status: 403, body: { ErrorCode: 2203 } });
  });

  it('needs the pods feature of the subscription (2212)', async () => {
    api.stop();
    api = createTestApi({ overrides: { subscription: { features: ['pin-codes'] } } });
    owner = await tokenFor(api.app);
    site = sitePathOf(api.live);
    expect(
      await call(api.app, 'POST', `${site}/pods`, owner, {
        customer_reference: 'Acme',
        member_ids: [id('user', 'user-anna')],
        guest_limit: 1,
      }),
    ).toMatchObject({ status: 403, body: { ErrorCode: 2212 } });
  });
});

describe('notification rules and alerts', () => {
  it('adds a rule that sends a message when its door opens, and deletes it; both replay as inputs', async () => {
    const { app, live } = api;
    const rule = {
      name: 'Front door',
      lock_ids: [id('lock', 'lock-front')],
      methods: ['tag'],
      channels: ['email'],
      recipients: ['security@example.com'],
    };
    const created = await call(app, 'POST', `${site}/notifications`, owner, rule);
    expect(created).toMatchObject({
      status: 201,
      body: { ...rule, user_ids: 'anyone', time_schedules: 'always' },
    });
    expect(isUuid(created.body.id)).toBe(true);
    expect((await call(app, 'GET', `${site}/notifications`, owner)).body.count).toBe(1);
    expect(
      await call(app, 'POST', `${site}/notifications`, owner, { ...rule, recipients: [] }),
    ).toMatchObject({
      status: 400,
      body: { ErrorCode: 4101 },
    });
    expect(
      await call(app, 'POST', `${site}/notifications`, owner, { ...rule, lock_ids: ['lock-front'] }),
    ).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringMatching(/'lock_ids\[0\]'/) },
    });
    const daan = await tokenFor(app, 'user-daan');
    expect(await call(app, 'POST', `${site}/notifications`, daan, rule)).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    live.apply({ type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    live.advance(10_000);
    const outbox = await call(app, 'GET', `${site}/notifications/outbox`, owner);
    expect(outbox.body.items).toMatchObject([
      {
        kind: 'notification',
        rule_id: created.body.id,
        channel: 'email',
        recipient: 'security@example.com',
        subject: 'Front door opened by Anna de Vries',
      },
    ]);
    const rulePath = `${site}/notifications/${created.body.id}`;
    expect((await call(app, 'DELETE', rulePath, owner)).status).toBe(204);
    expect(await call(app, 'DELETE', rulePath, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    const inputs = live.exportScenario().inputs as { type: string; action?: string }[];
    const actions = inputs.filter((input) => input.type === 'admin').map((input) => input.action);
    expect(actions).toEqual(expect.arrayContaining(['add-notification-rule', 'remove-notification-rule']));
  });

  it('takes the kinds of attempt a rule fires on (both by default), and lists incidents sent to the owner', async () => {
    const { app, live } = api;
    const rule = { name: 'Refusals', channels: ['email'], recipients: ['security@example.com'] };
    expect((await call(app, 'POST', `${site}/notifications`, owner, rule)).body.events).toBe('both');
    const refusals = await call(app, 'POST', `${site}/notifications`, owner, {
      ...rule,
      events: ['rejection'],
    });
    expect(refusals).toMatchObject({ status: 201, body: { events: ['rejection'] } });
    expect((await call(app, 'POST', `${site}/notifications`, owner, { ...rule, events: [] })).status).toBe(
      400,
    );
    live.apply({ type: 'force-door', door: 'door-storage' });
    live.advance(60_000);
    const outbox = await call(app, 'GET', `${site}/notifications/outbox`, owner);
    const incidents = (outbox.body.items as { kind: string; subject: string; channel: string }[]).filter(
      (item) => item.kind === 'incident',
    );
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule_id: null,
          channel: 'push',
          subject: expect.stringMatching(/^Intrusion at /),
        }),
      ]),
    );
  });

  it('lists alerts with whether they are active', async () => {
    const { app, live } = api;
    live.apply({ type: 'force-door', door: 'door-storage' });
    live.advance(60_000);
    const alerts = await call(app, 'GET', `${site}/alerts?$filter=active`, owner);
    expect(alerts.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          lock_id: id('lock', 'lock-storage'),
          kind: 'intrusion',
          active: true,
          cleared_utc_date_time: null,
        }),
      ]),
    );
  });
});
