/**
 * Privacy mode and the tamper alarm as a Connect client reads them: the lock's `privacy_mode`, the entries a
 * privacy change and a refusal in privacy make, a remote opening refused by the lock (3103 on its command), and the
 * tamper alert in the alerts list with its entries.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
let site: string;
let frontId: string;
beforeEach(async () => {
  api = createTestApi({ background: false });
  owner = await tokenFor(api.app);
  site = sitePathOf(api.live);
  frontId = publicIdOf(api.live, 'lock', 'lock-front');
});
afterEach(() => api.stop());

interface EntryItem {
  readonly event_category: string;
  readonly event_detail: string | null;
  readonly access_by: string | null;
  readonly user_id: string | null;
}

async function frontEntries(): Promise<EntryItem[]> {
  const path = `${sitePathOf(api.live, 'v1.1')}/entries?$filter=lock_id eq '${frontId}'&$orderby=utc_date_time desc`;
  const page = await call(api.app, 'GET', path, owner);
  expect(page.status).toBe(200);
  return page.body.items as EntryItem[];
}

describe('privacy mode on the Connect API', () => {
  it('shows privacy_mode while the knob is turned, and the entries of entering it and of a refusal in it', async () => {
    const { app, live } = api;
    const before = await call(app, 'GET', `${site}/locks/${frontId}`, owner);
    expect(before.body.privacy_mode).toBe(false);
    live.apply({ type: 'privacy-knob', lock: 'lock-front', on: true });
    live.apply({ type: 'present-tag', tag: 'tag-bram', lock: 'lock-front' });
    live.advance(20_000);
    const during = await call(app, 'GET', `${site}/locks/${frontId}`, owner);
    expect(during.body).toMatchObject({ privacy_mode: true, locked_state: 'locked' });
    const entries = await frontEntries();
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event_category: 'privacy_mode', event_detail: 'start' }),
        expect.objectContaining({
          event_category: 'lock_rejected',
          event_detail: null,
          access_by: 'tag',
          user_id: publicIdOf(live, 'user', 'user-bram'),
        }),
      ]),
    );
    // Anna holds the override: her tag opens the door and ends privacy mode.
    live.apply({ type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    live.advance(20_000);
    const after = await call(app, 'GET', `${site}/locks/${frontId}`, owner);
    expect(after.body.privacy_mode).toBe(false);
    const ended = (await frontEntries()).filter((entry) => entry.event_category === 'privacy_mode');
    expect(ended.map((entry) => entry.event_detail)).toEqual(['end', 'start']);
  });

  it('fails a remote opening the lock refuses in privacy mode with 3103, and opens for the override', async () => {
    const { app, live } = api;
    // Bram, an admin, opens every lock by role but holds no override; Anna, the owner, holds it.
    const bram = await tokenFor(app, 'user-bram');
    live.apply({ type: 'privacy-knob', lock: 'lock-front', on: true });
    const locking = `${site}/locks/${frontId}/locking`;
    const refused = await call(app, 'PATCH', locking, bram, { locked_state: 'unlocked' });
    expect(refused.status).toBe(200);
    live.advance(20_000);
    const command = await call(
      app,
      'GET',
      `${locking.replace(/locking$/, 'commands')}/${refused.body.command_id}`,
      bram,
    );
    expect(command.body).toMatchObject({ status: 'failed', error_code: 3103 });
    expect(live.twin.lockView('lock-front')).toMatchObject({ bolt: 'locked', privacy: true });
    const refusals = (await frontEntries()).filter((entry) => entry.event_category === 'lock_rejected');
    expect(refusals).toEqual([
      expect.objectContaining({
        access_by: 'remote',
        event_detail: null,
        user_id: publicIdOf(live, 'user', 'user-bram'),
      }),
    ]);
    const opened = await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked' });
    live.advance(2_000);
    const done = await call(
      app,
      'GET',
      `${locking.replace(/locking$/, 'commands')}/${opened.body.command_id}`,
      owner,
    );
    expect(done.body).toMatchObject({ status: 'succeeded', error_code: null });
    expect(live.twin.lockView('lock-front').privacy).toBe(false);
  });
});

describe('the tamper alarm on the Connect API', () => {
  it('lists a tamper alert while the sensor is tripped, clears it when restored, and keeps both entries', async () => {
    const { app, live } = api;
    live.apply({ type: 'tamper', lock: 'lock-front', on: true });
    live.advance(20_000);
    const active = await call(app, 'GET', `${site}/alerts?$filter=active`, owner);
    expect(active.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ lock_id: frontId, kind: 'tamper', active: true })]),
    );
    live.apply({ type: 'tamper', lock: 'lock-front', on: false });
    live.advance(20_000);
    const all = await call(app, 'GET', `${site}/alerts`, owner);
    const tamper = (all.body.items as { lock_id: string; kind: string; active: boolean }[]).filter(
      (alert) => alert.kind === 'tamper',
    );
    expect(tamper).toEqual([expect.objectContaining({ lock_id: frontId, active: false })]);
    const categories = (await frontEntries()).map((entry) => entry.event_category);
    expect(categories).toEqual(expect.arrayContaining(['tamper', 'tamper_cleared']));
  });
});
