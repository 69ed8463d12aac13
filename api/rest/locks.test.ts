import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
let site: string;
let frontId: string;
let locking: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
  site = sitePathOf(api.live);
  frontId = publicIdOf(api.live, 'lock', 'lock-front');
  locking = `${site}/locks/${frontId}/locking`;
});
afterEach(() => api.stop());

const lockFields = [
  'battery_level',
  'communication_type',
  'customer_reference',
  'id',
  'intrusion_alarm',
  'iq',
  'left_open_alarm',
  'locked_state',
  'lock_type',
  'online',
  'privacy_mode',
  'vendor',
].sort();

describe('locks and IQs as the Connect API shows them', () => {
  it('lists locks with exactly the contract’s fields, public ids and the lock type of each kind', async () => {
    const { app, live } = api;
    const listed = await call(app, 'GET', `${site}/locks`, owner);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ next_page_link: null, count: 6 });
    const byName = new Map(
      listed.body.items.map((lock: { customer_reference: string }) => [lock.customer_reference, lock]),
    );
    for (const lock of listed.body.items) expect(Object.keys(lock).sort()).toEqual(lockFields);
    expect(byName.get('Front door')).toEqual({
      id: frontId,
      customer_reference: 'Front door',
      lock_type: 'escutcheon',
      communication_type: 'blue_net',
      vendor: { reference: 'salto' },
      locked_state: 'locked',
      online: true,
      battery_level: 'fresh',
      left_open_alarm: false,
      intrusion_alarm: false,
      privacy_mode: false,
      iq: { id: publicIdOf(live, 'iq', 'iq-1'), otp_enabled: false },
    });
    expect(
      Object.fromEntries(
        listed.body.items.map((lock: { customer_reference: string; lock_type: string }) => [
          lock.customer_reference,
          lock.lock_type,
        ]),
      ),
    ).toEqual({
      'Front door': 'escutcheon',
      'Meeting room': 'cylinder',
      'Server room': 'escutcheon',
      'Back door': 'escutcheon_pin',
      'Garage gate': 'wall_reader',
      Storage: 'escutcheon',
    });
    const one = await call(app, 'GET', `${site}/locks/${frontId}`, owner);
    expect(one.body).toEqual(byName.get('Front door'));
    // The twin's own ids are not public ids.
    expect(await call(app, 'GET', `${site}/locks/lock-front`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
  });

  it('shows battery, reachability and alarms as the twin has them', async () => {
    const { app, live } = api;
    live.apply({ type: 'battery', lock: 'lock-front', level: 'very-low' });
    live.apply({ type: 'force-door', door: 'door-front' });
    live.advance(45_000);
    const lock = await call(app, 'GET', `${site}/locks/${frontId}`, owner);
    expect(lock.body).toMatchObject({
      battery_level: 'very_low',
      intrusion_alarm: true,
      left_open_alarm: true,
    });
  });

  it('lists IQs with exactly the contract’s fields; owners switch the OTP on and off', async () => {
    const { app, live } = api;
    const iqId = publicIdOf(live, 'iq', 'iq-1');
    const listed = await call(app, 'GET', `${site}/iqs`, owner);
    expect(listed.body.items).toEqual([
      {
        id: iqId,
        customer_reference: 'Office IQ',
        online: true,
        otp_enabled: false,
        restore_required: false,
        data_sync_state: 'synced',
        signal_strength: 21,
      },
    ]);
    const switched = await call(app, 'PATCH', `${site}/iqs/${iqId}`, owner, { otp_enabled: true });
    expect(switched).toMatchObject({ status: 200, body: { id: iqId, otp_enabled: true } });
    expect((await call(app, 'GET', `${site}/locks/${frontId}`, owner)).body.iq).toEqual({
      id: iqId,
      otp_enabled: true,
    });
    const daan = await tokenFor(app, 'user-daan');
    expect(await call(app, 'PATCH', `${site}/iqs/${iqId}`, daan, { otp_enabled: false })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    expect(await call(app, 'PATCH', `${site}/iqs/${iqId}`, owner, { otp_enabled: 'yes' })).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101 },
    });
    live.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    expect((await call(app, 'GET', `${site}/iqs/${iqId}`, owner)).body).toMatchObject({
      online: false,
      otp_enabled: true,
      signal_strength: 0,
    });
  });
});

describe('remote commands (IQ without OTP)', () => {
  it('opens a lock remotely: 200 with the command, then the lock unlocks and the command succeeds', async () => {
    const { app, live } = api;
    const accepted = await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      lock_id: frontId,
      locked_state: 'unlocked',
      user_id: publicIdOf(live, 'user', 'user-anna'),
      status: 'pending',
      error_code: null,
    });
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
    live.advance(5_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('unlocked');
    expect((await call(app, 'GET', `${site}/locks/${frontId}`, owner)).body.locked_state).toBe('unlocked');
    const command = await call(
      app,
      'GET',
      `${site}/locks/${frontId}/commands/${accepted.body.command_id}`,
      owner,
    );
    expect(command.body).toMatchObject({
      status: 'succeeded',
      error_code: null,
      finished_utc_date_time: expect.stringMatching(/^2026-03-02T07:00:0/),
    });
  });

  it('answers on /v1.1 too, as the vendor’s web app calls it', async () => {
    const { app, live } = api;
    const v11 = `${sitePathOf(live, 'v1.1')}/locks/${frontId}/locking`;
    expect((await call(app, 'PATCH', v11, owner, { locked_state: 'unlocked' })).status).toBe(200);
    live.advance(5_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('unlocked');
  });

  it('switches Manual Office Mode on and off', async () => {
    const { app, live } = api;
    expect((await call(app, 'PATCH', locking, owner, { locked_state: 'office_mode' })).status).toBe(200);
    live.advance(3_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('officeMode');
    expect((await call(app, 'PATCH', locking, owner, { locked_state: 'locked' })).status).toBe(200);
    live.advance(3_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
  });

  it('answers 400/3105 at once while the lock’s IQ is offline', async () => {
    const { app, live } = api;
    live.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    const refused = await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked' });
    expect(refused).toMatchObject({
      status: 400,
      body: { ErrorCode: 3105, Message: expect.stringMatching(/^Iq is offline it is not connected to CCC/) },
    });
  });

  it('refuses a user without the permission (403/2203) and values that are not states (400/1101)', async () => {
    const { app } = api;
    const daan = await tokenFor(app, 'user-daan');
    expect(await call(app, 'PATCH', locking, daan, { locked_state: 'unlocked' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    for (const body of [
      { locked_state: 'open' },
      { locked_state: 'uncertain' },
      {},
      { locked_state: 'unlocked', extra: 1 },
    ]) {
      expect(await call(app, 'PATCH', locking, owner, body)).toMatchObject({
        status: 400,
        body: { ErrorCode: 1101 },
      });
    }
    expect(await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', otp: 12345 })).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringMatching(/'otp'/) },
    });
    expect(await call(app, 'PATCH', locking, owner, '{"locked_state":')).toMatchObject({
      status: 400,
      body: { ErrorCode: 1100 },
    });
    const unknownLock = `${site}/locks/${publicIdOf(api.live, 'lock', 'lock-nope')}/locking`;
    expect(await call(app, 'PATCH', unknownLock, owner, { locked_state: 'unlocked' })).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    for (const commandId of ['99', 'x1']) {
      expect(await call(app, 'GET', `${site}/locks/${frontId}/commands/${commandId}`, owner)).toMatchObject({
        status: 404,
        body: { ErrorCode: 3104 },
      });
    }
  });
});
