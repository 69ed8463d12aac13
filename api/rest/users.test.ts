import { afterEach, describe, expect, it } from 'vitest';
import { isUuid } from './connect-ids.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi | undefined;
afterEach(() => api?.stop());

/** The office site (8 users), with `seats` seats when given. */
async function office(seats?: number): Promise<{ api: TestApi; owner: string; site: string }> {
  api = createTestApi(seats === undefined ? {} : { overrides: { subscription: { seats } } });
  return { api, owner: await tokenFor(api.app), site: sitePathOf(api.live) };
}

/** The back door's keypad: the PIN typed, then time for the bolt and the upload. */
function typePin(test: TestApi, pin: string): void {
  test.live.apply({ type: 'enter-pin', pin, lock: 'lock-back' });
  test.live.advance(1_500);
}

async function roleId(test: TestApi, owner: string, site: string, code: string): Promise<string> {
  const roles = await call(test.app, 'GET', `${site}/roles`, owner);
  const role = roles.body.items.find((item: { code: string }) => item.code === code);
  if (role === undefined) throw new Error(`no role ${code}`);
  return role.id as string;
}

describe('site users', () => {
  it('have two ids, both server-made UUIDs; the wrong one answers 404/2202', async () => {
    const { api: test, owner, site } = await office();
    const created = await call(test.app, 'POST', `${site}/users`, owner, {
      alias: 'Eva',
      first_name: 'Eva',
      last_name: 'Smit',
      email: 'eva@example.com',
      role_ids: [await roleId(test, owner, site, 'site_super_user')],
      use_pin: true,
      remote_access: true,
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        alias: 'Eva',
        user: { first_name: 'Eva', last_name: 'Smit', email: 'eva@example.com' },
        roles: [{ code: 'site_super_user' }],
        subscription_state: 'subscribed',
        use_pin: true,
        remote_access: true,
        blocked: false,
      },
    });
    const siteUserId = created.body.id as string;
    const platformId = created.body.user.id as string;
    expect(isUuid(siteUserId) && isUuid(platformId) && siteUserId !== platformId).toBe(true);
    expect((await call(test.app, 'GET', `${site}/users/${siteUserId}`, owner)).body.alias).toBe('Eva');
    expect(await call(test.app, 'GET', `${site}/users/${platformId}`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202, Message: expect.stringMatching(/^User not found/) },
    });
    // The email sent an invitation into the outbox.
    const outbox = await call(test.app, 'GET', `${site}/notifications/outbox`, owner);
    expect(outbox.body.items).toContainEqual(
      expect.objectContaining({ kind: 'invitation', recipient: 'eva@example.com', rule_id: null }),
    );
    expect(
      await call(test.app, 'POST', `${site}/users`, owner, { alias: 'No mail', email: '' }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 1101 } });
  });

  it('are patched and deleted by site-user id; a plain user manages only themselves (2203)', async () => {
    const { api: test, owner, site } = await office();
    const daanId = publicIdOf(test.live, 'site-user', 'user-daan');
    const daan = await tokenFor(test.app, 'user-daan');
    expect(
      await call(test.app, 'PATCH', `${site}/users/${daanId}`, daan, { alias: 'Daan B.' }),
    ).toMatchObject({ status: 200, body: { alias: 'Daan B.' } });
    const fiveId = publicIdOf(test.live, 'site-user', 'user-5');
    expect(await call(test.app, 'PATCH', `${site}/users/${fiveId}`, daan, { alias: 'Other' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    expect(await call(test.app, 'POST', `${site}/users`, daan, { alias: 'New' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    const deleted = await call(test.app, 'DELETE', `${site}/users/${fiveId}`, owner);
    expect(deleted.status).toBe(202);
    expect(test.live.twin.cloud.state.users.has('user-5')).toBe(false);
    expect(await call(test.app, 'DELETE', `${site}/users/${fiveId}`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202 },
    });
  });

  it('list roles with UUIDs and codes, and refuse an unknown role id (400/1101)', async () => {
    const { api: test, owner, site } = await office();
    const roles = await call(test.app, 'GET', `${site}/roles`, owner);
    expect(roles.body.items.map((role: { code: string }) => role.code)).toEqual([
      'site_owner',
      'site_admin',
      'site_super_user',
      'site_user',
      'site_guest',
      'site_installer',
    ]);
    expect(roles.body.items.every((role: { id: string }) => isUuid(role.id))).toBe(true);
    expect(
      await call(test.app, 'POST', `${site}/users`, owner, {
        alias: 'X',
        role_ids: ['00000000-0000-4000-8000-000000000000'],
      }),
    ).toMatchObject({ status: 400, body: { ErrorCode: 1101, Message: expect.stringMatching(/role_ids/) } });
  });
});

describe('guests, seats and PINs', () => {
  it('generate a 6-digit PIN as a bare JSON string, rotate it, and open the keypad door with it', async () => {
    const { api: test, owner, site } = await office();
    const guest = await call(test.app, 'POST', `${site}/guests`, owner, {
      alias: 'Room 12',
      expires_at: '2026-03-09T10:00:00Z',
    });
    expect(guest).toMatchObject({
      status: 201,
      body: {
        roles: [{ code: 'site_guest' }],
        use_pin: false,
        subscription_state: 'subscribed',
        user: { email: null },
        expires_at: '2026-03-09T10:00:00.000Z',
      },
    });
    const userPath = `${site}/users/${guest.body.id}`;
    const first = await call(test.app, 'PUT', `${userPath}/pin`, owner, {});
    expect(first.status).toBe(200);
    expect(first.body).toMatch(/^\d{6}$/);
    const second = await call(test.app, 'PUT', `${userPath}/pin`, owner, {});
    expect(second.body).toMatch(/^\d{6}$/);
    expect(second.body).not.toBe(first.body);
    const keys = await call(test.app, 'GET', `${userPath}/keys`, owner);
    expect(keys.body.items).toEqual([
      { type: 'pin', key_identifier: guest.body.id, expiry_date: null, offline_access: true },
    ]);
    expect(JSON.stringify(keys.body)).not.toContain(second.body);
    // lock-back lets everyone in at all hours; a guest needs use_pin too.
    const guestId = guest.body.user.id as string;
    const internalId = [...test.live.twin.cloud.state.users.keys()].find((id) => id === guestId);
    expect(internalId).toBe(guestId);
    test.live.twin.cloud.core.addGroupUsers('user-anna', implicitGroupOf(test, 'lock-back'), [guestId]);
    test.live.advance(10_000);
    typePin(test, second.body);
    expect(test.live.twin.lockView('lock-back').bolt).toBe('locked');
    await call(test.app, 'PATCH', userPath, owner, { use_pin: true });
    test.live.advance(10_000);
    typePin(test, first.body);
    expect(test.live.twin.lockView('lock-back').bolt).toBe('locked');
    typePin(test, second.body);
    expect(test.live.twin.lockView('lock-back').bolt).toBe('unlocked');
  });

  it('create a guest at a full site as suspended, and the door refuses its PIN until a seat is free', async () => {
    const { api: test, owner, site } = await office(9);
    const seated = await call(test.app, 'POST', `${site}/guests`, owner, { alias: 'First' });
    expect(seated.body.subscription_state).toBe('subscribed');
    const guest = await call(test.app, 'POST', `${site}/guests`, owner, { alias: 'Second' });
    expect(guest).toMatchObject({ status: 201, body: { subscription_state: 'suspended' } });
    expect(await call(test.app, 'POST', `${site}/users`, owner, { alias: 'Third' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    const userPath = `${site}/users/${guest.body.id}`;
    await call(test.app, 'PATCH', userPath, owner, { use_pin: true });
    const pin = (await call(test.app, 'PUT', `${userPath}/pin`, owner, {})).body as string;
    test.live.twin.cloud.core.addGroupUsers('user-anna', implicitGroupOf(test, 'lock-back'), [
      guest.body.user.id,
    ]);
    test.live.advance(10_000);
    typePin(test, pin);
    expect(test.live.twin.lockView('lock-back').bolt).toBe('locked');
    expect(
      await call(test.app, 'PATCH', `${userPath}/subscription`, owner, { state: 'subscribed' }),
    ).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    // Deleting the first guest frees its seat at once.
    expect((await call(test.app, 'DELETE', `${site}/users/${seated.body.id}`, owner)).status).toBe(202);
    expect(
      await call(test.app, 'PATCH', `${userPath}/subscription`, owner, { state: 'subscribed' }),
    ).toMatchObject({
      status: 200,
      body: { subscription_state: 'subscribed' },
    });
    test.live.advance(10_000);
    typePin(test, pin);
    expect(test.live.twin.lockView('lock-back').bolt).toBe('unlocked');
  });

  it('take a custom PIN only with the custom_pin feature (2212)', async () => {
    const features = ['remote-opening', 'office-modes', 'pods', 'notifications', 'digital-keys', 'pin-codes'];
    api = createTestApi({ overrides: { subscription: { features } } });
    const owner = await tokenFor(api.app);
    const site = sitePathOf(api.live);
    const daanPath = `${site}/users/${publicIdOf(api.live, 'site-user', 'user-daan')}`;
    expect(await call(api.app, 'PUT', `${daanPath}/pin`, owner, { pin: '111222' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2212 },
    });
    expect((await call(api.app, 'PUT', `${daanPath}/pin`, owner, {})).status).toBe(200);
  });

  it('read roles: [] and refuse the PIN (2203) while the eventual-consistency fault delays a new guest', async () => {
    const { api: test, owner, site } = await office();
    test.live.apply({ type: 'cloud-lag', lagMs: 60_000 });
    const guest = await call(test.app, 'POST', `${site}/guests`, owner, { alias: 'Late' });
    expect(guest.body.roles).toEqual([]);
    const userPath = `${site}/users/${guest.body.id}`;
    expect(await call(test.app, 'PUT', `${userPath}/pin`, owner, {})).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    const group = await call(test.app, 'POST', `${site}/access_groups`, owner, {
      customer_reference: 'Guests',
    });
    const members = `${site}/access_groups/${group.body.id}/users`;
    expect(await call(test.app, 'POST', members, owner, { user_id: guest.body.user.id })).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202 },
    });
    test.live.advance(60_000);
    expect((await call(test.app, 'POST', members, owner, { user_id: guest.body.user.id })).status).toBe(201);
    expect((await call(test.app, 'GET', userPath, owner)).body.roles).toMatchObject([{ code: 'site_guest' }]);
    expect((await call(test.app, 'PUT', `${userPath}/pin`, owner, {})).status).toBe(200);
    // Users made before the fault, and after it is switched off, are never delayed.
    test.live.apply({ type: 'cloud-lag', lagMs: 0 });
    const prompt = await call(test.app, 'POST', `${site}/guests`, owner, { alias: 'Prompt' });
    expect(prompt.body.roles).toMatchObject([{ code: 'site_guest' }]);
  });
});

/** The access group the spec's `access: all` of a lock became (scheduled at all hours). */
function implicitGroupOf(test: TestApi, lockId: string): string {
  for (const group of test.live.twin.cloud.state.accessGroups.values())
    if (group.id.startsWith('implicit-') && group.lockIds.includes(lockId)) return group.id;
  throw new Error(`no implicit group of ${lockId}`);
}
