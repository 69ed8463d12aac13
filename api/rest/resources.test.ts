import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApi, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
});
afterEach(() => api.stop());

const site = '/v1.2/sites/office';

describe('users and roles', () => {
  it('lets a plain user read everyone but add nobody (403/2203)', async () => {
    const { app } = api;
    const daan = await tokenFor(app, 'user-daan');
    const users = await call(app, 'GET', `${site}/users`, daan);
    expect(users.status).toBe(200);
    expect(users.body.count).toBe(8);
    const refused = await call(app, 'POST', `${site}/users`, daan, { id: 'user-new', name: 'New' });
    expect(refused).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203, Message: expect.stringMatching(/^Operation cannot be executed\./) },
    });
    expect(await call(app, 'GET', `${site}/users/user-new`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    // A plain user manages themselves only.
    expect(await call(app, 'PATCH', `${site}/users/user-daan`, daan, { name: 'Daan B.' })).toMatchObject({
      status: 200,
      body: { name: 'Daan B.' },
    });
    expect(await call(app, 'PATCH', `${site}/users/user-5`, daan, { name: 'Other' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
  });

  it('adds, changes and deletes users as an owner; a super user cannot make admins', async () => {
    const { app, live } = api;
    const created = await call(app, 'POST', `${site}/users`, owner, {
      id: 'user-eva',
      name: 'Eva',
      email: 'eva@example.com',
      role: 'super_user',
      permissions: { remote_opening: true },
      pin: '246810',
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        id: 'user-eva',
        role: 'super_user',
        email: 'eva@example.com',
        has_pin: true,
        permissions: { remote_opening: true, manual_office_mode: false },
      },
    });
    expect(created.body).not.toHaveProperty('pin');
    const changed = await call(app, 'PATCH', `${site}/users/user-eva`, owner, {
      email: null,
      role: 'admin',
      permissions: { manual_office_mode: true },
    });
    expect(changed.body).toMatchObject({
      email: null,
      role: 'admin',
      permissions: { remote_opening: true, manual_office_mode: true },
    });
    const chloe = await tokenFor(app, 'user-chloe');
    expect(
      await call(app, 'POST', `${site}/users`, chloe, { id: 'user-fay', name: 'Fay', role: 'admin' }),
    ).toMatchObject({ status: 403, body: { ErrorCode: 2203 } });
    expect((await call(app, 'POST', `${site}/users`, chloe, { id: 'user-fay', name: 'Fay' })).status).toBe(
      201,
    );
    expect(
      await call(app, 'POST', `${site}/users`, owner, { id: 'user-fay', name: 'Fay again' }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 1101 } });
    expect(
      await call(app, 'POST', `${site}/users`, owner, { id: 'user-gus', name: 'Gus', role: 'boss' }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 1101, Message: expect.stringMatching(/'role'/) } });
    expect((await call(app, 'DELETE', `${site}/users/user-eva`, owner)).status).toBe(204);
    expect(live.twin.cloud.state.users.has('user-eva')).toBe(false);
    expect(await call(app, 'DELETE', `${site}/users/user-eva`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
  });

  it('sets and removes PINs, refused with 3105 while a keypad lock’s IQ is offline', async () => {
    const { app, live } = api;
    expect(await call(app, 'PUT', `${site}/users/user-7/pin`, owner, { pin: '135790' })).toMatchObject({
      status: 200,
      body: { has_pin: true },
    });
    expect(live.twin.cloud.state.users.get('user-7')?.pin).toBe('135790');
    expect(await call(app, 'PUT', `${site}/users/user-7/pin`, owner, { pin: '12' })).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringMatching(/'pin'/) },
    });
    expect(await call(app, 'PUT', `${site}/users/user-7/pin`, owner, { pin: null })).toMatchObject({
      status: 200,
      body: { has_pin: false },
    });
    live.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    expect(await call(app, 'PUT', `${site}/users/user-7/pin`, owner, { pin: '135790' })).toMatchObject({
      status: 400,
      body: { ErrorCode: 3105 },
    });
  });
});

describe('tags', () => {
  it('blocks a tag: listed as blocked, and the lock refuses it once the block has reached it', async () => {
    const { app, live } = api;
    const blocked = await call(app, 'POST', `${site}/tags/tag-daan/block`, owner);
    expect(blocked).toMatchObject({
      status: 200,
      body: { id: 'tag-daan', user_id: 'user-daan', blocked: true },
    });
    const list = await call(app, 'GET', `${site}/tags?$filter=blocked eq true`, owner);
    expect(list.body.items.map((tag: { id: string }) => tag.id)).toEqual(['tag-daan']);
    live.advance(30_000);
    live.apply({ type: 'present-tag', tag: 'tag-daan', lock: 'lock-front' });
    live.advance(10_000);
    const entries = await call(
      app,
      'GET',
      "/v1.1/sites/office/entries?$filter=user_id eq 'user-daan'",
      owner,
    );
    expect(entries.body.items).toMatchObject([{ lock_id: 'lock-front', event_category: 'lock_rejected' }]);
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
    expect(await call(app, 'POST', `${site}/tags/tag-daan/unblock`, owner)).toMatchObject({
      status: 200,
      body: { blocked: false },
    });
  });

  it('lets a plain user block their own tag only', async () => {
    const { app } = api;
    const daan = await tokenFor(app, 'user-daan');
    expect((await call(app, 'POST', `${site}/tags/tag-daan/block`, daan)).status).toBe(200);
    expect(await call(app, 'POST', `${site}/tags/tag-anna/block`, daan)).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    expect(await call(app, 'POST', `${site}/tags/tag-none/block`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    expect(await call(app, 'GET', `${site}/tags/tag-anna`, daan)).toMatchObject({
      status: 200,
      body: { blocked: false },
    });
  });
});

describe('pods', () => {
  it('creates a pod and adds guests within its limit (2221)', async () => {
    const { app } = api;
    const created = await call(app, 'POST', `${site}/pods`, owner, {
      id: 'pod-acme',
      name: 'Acme',
      member_ids: ['user-anna'],
      lock_ids: ['lock-front'],
      guest_limit: 1,
    });
    expect(created).toMatchObject({
      status: 201,
      body: { id: 'pod-acme', member_ids: ['user-anna'], guest_ids: [], guest_limit: 1 },
    });
    expect(
      await call(app, 'POST', `${site}/pods`, owner, {
        id: 'pod-acme-2',
        name: ' acme ',
        member_ids: ['user-bram'],
        guest_limit: 0,
      }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 2213 } });
    const user = await call(app, 'POST', `${site}/users`, owner, { id: 'guest-1', name: 'Guest One' });
    expect(user.status).toBe(201);
    expect(
      (await call(app, 'POST', `${site}/pods/pod-acme/guests`, owner, { user_ids: ['guest-1'] })).body
        .guest_ids,
    ).toEqual(['guest-1']);
    expect((await call(app, 'GET', `${site}/pods/pod-acme/guests`, owner)).body.items).toMatchObject([
      { id: 'guest-1', name: 'Guest One' },
    ]);
    expect(
      (await call(app, 'POST', `${site}/users`, owner, { id: 'guest-2', name: 'Guest Two' })).status,
    ).toBe(201);
    expect(
      await call(app, 'POST', `${site}/pods/pod-acme/guests`, owner, { user_ids: ['guest-2'] }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 2221 } });
    expect((await call(app, 'DELETE', `${site}/pods/pod-acme/guests/guest-1`, owner)).body.guest_ids).toEqual(
      [],
    );
    const daan = await tokenFor(app, 'user-daan');
    expect(
      await call(app, 'POST', `${site}/pods`, daan, {
        id: 'pod-x',
        name: 'X',
        member_ids: ['user-anna'],
        guest_limit: 0,
      }),
    ).toMatchObject({ status: 403, body: { ErrorCode: 2203 } });
  });

  it('needs the pods feature of the subscription (2212)', async () => {
    const { app, live } = api;
    const state = live.twin.cloud.state;
    state.site = { ...state.site, subscription: { ...state.site.subscription, features: [] } };
    expect(
      await call(app, 'POST', `${site}/pods`, owner, {
        id: 'pod-acme',
        name: 'Acme',
        member_ids: ['user-anna'],
        guest_limit: 1,
      }),
    ).toMatchObject({ status: 403, body: { ErrorCode: 2212 } });
    expect((await call(app, 'GET', `${site}/subscription`, owner)).body).toEqual({
      active: true,
      features: [],
      seats: 10_000,
      seats_used: 8,
    });
  });
});

describe('notification rules and alerts', () => {
  it('adds a rule that sends a message when its door opens', async () => {
    const { app, live } = api;
    const rule = {
      id: 'rule-front',
      name: 'Front door',
      lock_ids: ['lock-front'],
      methods: ['tag'],
      channels: ['email'],
      recipients: ['security@example.com'],
    };
    const created = await call(app, 'POST', `${site}/notifications`, owner, rule);
    expect(created).toMatchObject({
      status: 201,
      body: { ...rule, user_ids: 'anyone', time_schedules: 'always' },
    });
    expect((await call(app, 'GET', `${site}/notifications`, owner)).body.count).toBe(1);
    expect(await call(app, 'POST', `${site}/notifications`, owner, rule)).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101 },
    });
    expect(
      await call(app, 'POST', `${site}/notifications`, owner, { ...rule, id: 'rule-2', recipients: [] }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 4101 } });
    expect(
      await call(app, 'POST', `${site}/notifications`, owner, {
        ...rule,
        id: 'rule-2',
        lock_ids: ['lock-x'],
      }),
    ).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringMatching(/'lock_ids\[0\]'/) },
    });
    const daan = await tokenFor(app, 'user-daan');
    expect(await call(app, 'POST', `${site}/notifications`, daan, { ...rule, id: 'rule-3' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    live.apply({ type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    live.advance(10_000);
    const outbox = await call(app, 'GET', `${site}/notifications/outbox`, owner);
    expect(outbox.body.items).toMatchObject([
      {
        rule_id: 'rule-front',
        channel: 'email',
        recipient: 'security@example.com',
        subject: 'Front door opened by Anna de Vries',
      },
    ]);
    expect((await call(app, 'DELETE', `${site}/notifications/rule-front`, owner)).status).toBe(204);
    expect(await call(app, 'DELETE', `${site}/notifications/rule-front`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
  });

  it('lists alerts with whether they are active', async () => {
    const { app, live } = api;
    live.apply({ type: 'force-door', door: 'door-storage' });
    live.advance(60_000);
    const alerts = await call(app, 'GET', `${site}/alerts?$filter=active`, owner);
    expect(alerts.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          lock_id: 'lock-storage',
          kind: 'intrusion',
          active: true,
          cleared_utc_date_time: null,
        }),
      ]),
    );
  });
});
