import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUuid } from './connect-ids.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
});
afterEach(() => api.stop());

const groupsOf = (version: 'v1.1' | 'v1.2' = 'v1.2') => `${sitePathOf(api.live, version)}/access_groups`;

async function createGroup(name: string): Promise<string> {
  const created = await call(api.app, 'POST', groupsOf(), owner, { customer_reference: name });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

describe('access groups', () => {
  it('creates a group with a server-drawn UUID, reads, renames and deletes it', async () => {
    const { app, live } = api;
    const created = await call(app, 'POST', groupsOf(), owner, { customer_reference: 'Night shift' });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['customer_reference', 'id']);
    expect(created.body.customer_reference).toBe('Night shift');
    const id = created.body.id as string;
    expect(isUuid(id)).toBe(true);
    // The cloud holds it under that id, so the recorded input replays to the same group.
    expect(live.twin.cloud.state.accessGroups.get(id)?.name).toBe('Night shift');
    expect(await call(app, 'GET', `${groupsOf()}/${id}`, owner)).toMatchObject({
      status: 200,
      body: { id, customer_reference: 'Night shift' },
    });
    const list = await call(app, 'GET', groupsOf(), owner);
    expect(list.body.items).toContainEqual({ id, customer_reference: 'Night shift' });
    expect(list.body.items).toContainEqual({
      id: publicIdOf(live, 'access-group', 'group-staff'),
      customer_reference: 'Staff',
    });
    expect(
      await call(app, 'PATCH', `${groupsOf()}/${id}`, owner, { customer_reference: 'Nights' }),
    ).toMatchObject({ status: 200, body: { id, customer_reference: 'Nights' } });
    expect((await call(app, 'DELETE', `${groupsOf()}/${id}`, owner)).status).toBe(204);
    expect(await call(app, 'GET', `${groupsOf()}/${id}`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
  });

  it('draws the same ids in a second twin given the same calls', async () => {
    const first = await createGroup('A');
    const other = createTestApi();
    try {
      const token = await tokenFor(other.app);
      const again = await call(other.app, 'POST', `${sitePathOf(other.live)}/access_groups`, token, {
        customer_reference: 'A',
      });
      expect(again.body.id).toBe(first);
      const second = await createGroup('B');
      expect(second).not.toBe(first);
    } finally {
      other.stop();
    }
  });

  it('refuses the old shape and ids the client chooses (400/1101)', async () => {
    const answer = await call(api.app, 'POST', groupsOf(), owner, { id: 'group-x', name: 'X' });
    expect(answer).toMatchObject({ status: 400, body: { ErrorCode: 1101 } });
    expect(await call(api.app, 'POST', groupsOf(), owner, { customer_reference: '' })).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101 },
    });
  });

  it('is managed from super user up (403/2203)', async () => {
    const daan = await tokenFor(api.app, 'user-daan');
    expect(await call(api.app, 'POST', groupsOf(), daan, { customer_reference: 'X' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
  });

  it('answers 404/3104 for a group id that names nothing', async () => {
    const nobody = '6f0c2a51-0000-4000-8000-000000000000';
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/users'],
      ['GET', '/locks'],
    ] as const) {
      expect(await call(api.app, method, `${groupsOf()}/${nobody}${suffix}`, owner)).toMatchObject({
        status: 404,
        body: { ErrorCode: 3104 },
      });
    }
  });
});

describe('access group members', () => {
  it('adds and removes members one per call by platform user id', async () => {
    const { app, live } = api;
    const group = await createGroup('Guests');
    const members = `${groupsOf()}/${group}/users`;
    const platformId = publicIdOf(live, 'user', 'user-7');
    const added = await call(app, 'POST', members, owner, { user_id: platformId });
    expect(added).toMatchObject({ status: 201, body: { id: platformId } });
    expect(live.twin.cloud.state.accessGroups.get(group)?.userIds).toEqual(['user-7']);
    // Once more changes nothing.
    expect((await call(app, 'POST', members, owner, { user_id: platformId })).status).toBe(201);
    const list = await call(app, 'GET', members, owner);
    expect(list.body).toMatchObject({ count: 1, items: [{ id: platformId }] });
    expect((await call(app, 'DELETE', `${members}/${platformId}`, owner)).status).toBe(204);
    expect((await call(app, 'GET', members, owner)).body.items).toEqual([]);
    expect(await call(app, 'DELETE', `${members}/${platformId}`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202 },
    });
  });

  it('answers 404/2202 "User not found" for the site-user id or an unknown id', async () => {
    const { app, live } = api;
    const group = await createGroup('Guests');
    const members = `${groupsOf()}/${group}/users`;
    const siteUserId = publicIdOf(live, 'site-user', 'user-7');
    for (const userId of [siteUserId, '00000000-0000-0000-0000-000000000000', 'user-7']) {
      const answer = await call(app, 'POST', members, owner, { user_id: userId });
      expect(answer).toMatchObject({
        status: 404,
        body: { ErrorCode: 2202, Message: expect.stringMatching(/^User not found/) },
      });
    }
    expect(await call(app, 'DELETE', `${members}/${siteUserId}`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202 },
    });
    expect(live.twin.cloud.state.accessGroups.get(group)?.userIds).toEqual([]);
  });

  it('refuses a list of ids: members are added one per call', async () => {
    const group = await createGroup('Guests');
    const answer = await call(api.app, 'POST', `${groupsOf()}/${group}/users`, owner, {
      user_ids: [publicIdOf(api.live, 'user', 'user-7')],
    });
    expect(answer).toMatchObject({ status: 400, body: { ErrorCode: 1101 } });
  });
});

describe('access group locks', () => {
  it('adds, lists and removes locks one per call on v1.1 (and v1.2)', async () => {
    const { app, live } = api;
    const group = await createGroup('Back office');
    const locks = `${groupsOf('v1.1')}/${group}/locks`;
    const back = publicIdOf(live, 'lock', 'lock-back');
    expect(await call(app, 'POST', locks, owner, { lock_id: back })).toMatchObject({
      status: 201,
      body: { id: back, customer_reference: 'Back door' },
    });
    const front = publicIdOf(live, 'lock', 'lock-front');
    expect(
      (await call(app, 'POST', `${groupsOf('v1.2')}/${group}/locks`, owner, { lock_id: front })).status,
    ).toBe(201);
    const list = await call(app, 'GET', locks, owner);
    expect(list.body.items.map((lock: { id: string }) => lock.id)).toEqual([back, front]);
    expect(live.twin.cloud.state.accessGroups.get(group)?.lockIds).toEqual(['lock-back', 'lock-front']);
    expect((await call(app, 'DELETE', `${locks}/${back}`, owner)).status).toBe(204);
    expect(live.twin.cloud.state.accessGroups.get(group)?.lockIds).toEqual(['lock-front']);
    expect(await call(app, 'DELETE', `${locks}/${back}`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    expect(await call(app, 'POST', locks, owner, { lock_id: 'lock-back' })).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
  });
});
