import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi | undefined;
afterEach(() => api?.stop());

describe('offline access', () => {
  it('shows in …/keys as set, and a lock cut off from its IQ refuses a tag without it as offline', async () => {
    api = createTestApi();
    const test = api;
    const owner = await tokenFor(test.app);
    const site = sitePathOf(test.live);
    const keysOf = async (userId: string) =>
      (await call(test.app, 'GET', `${site}/users/${publicIdOf(test.live, 'site-user', userId)}/keys`, owner))
        .body.items as { type: string; offline_access: boolean }[];
    expect((await keysOf('user-anna')).every((key) => key.offline_access)).toBe(true);
    const { outcome } = test.live.apply({
      type: 'admin',
      actor: 'user-anna',
      action: 'set-offline-access',
      args: ['tag', 'tag-anna', false],
    });
    expect(outcome.kind).toBe('admin-accepted');
    expect((await keysOf('user-anna')).find((key) => key.type === 'tag')?.offline_access).toBe(false);
    // A PIN's offline access is automatic.
    expect((await keysOf('user-anna')).find((key) => key.type === 'pin')?.offline_access).toBe(true);
    test.live.advance(10_000);
    expect(test.live.twin.lockView('lock-front')).toMatchObject({ cutOff: false, accessVersion: 2 });
    test.live.apply({ type: 'power', device: 'iq-1', on: false });
    test.live.advance(1_000);
    expect(test.live.twin.lockView('lock-front').cutOff).toBe(true);
    test.live.apply({ type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    test.live.advance(2_000);
    expect(test.live.twin.lockView('lock-front').bolt).toBe('locked');
    test.live.apply({ type: 'present-tag', tag: 'tag-bram', lock: 'lock-front' });
    test.live.advance(2_000);
    expect(test.live.twin.lockView('lock-front').bolt).toBe('unlocked');
    test.live.apply({ type: 'power', device: 'iq-1', on: true });
    test.live.advance(120_000);
    const front = publicIdOf(test.live, 'lock', 'lock-front');
    const entries = await call(
      test.app,
      'GET',
      `${sitePathOf(test.live, 'v1.1')}/entries?$filter=lock_id eq '${front}'&$orderby=utc_date_time desc&$top=2`,
      owner,
    );
    const [bram, anna] = entries.body.items as Record<string, unknown>[];
    expect(anna).toMatchObject({
      event_category: 'lock_rejected',
      event_detail: 'offline',
      access_by: 'tag',
      user_id: publicIdOf(test.live, 'user', 'user-anna'),
    });
    expect(bram).toMatchObject({ event_category: 'lock_opened', access_by: 'tag' });
  });
});
