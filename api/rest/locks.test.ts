import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApi, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
});
afterEach(() => api.stop());

const locking = '/v1.2/sites/office/locks/lock-front/locking';

describe('remote commands', () => {
  it('opens a lock remotely: 202 with the command, then the lock unlocks and the command succeeds', async () => {
    const { app, live } = api;
    const accepted = await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked' });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      lock_id: 'lock-front',
      locked_state: 'unlocked',
      user_id: 'user-anna',
      status: 'pending',
      error_code: null,
    });
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
    live.advance(5_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('unlocked');
    const lock = await call(app, 'GET', '/v1.2/sites/office/locks/lock-front', owner);
    expect(lock.body.locked_state).toBe('unlocked');
    const command = await call(
      app,
      'GET',
      `/v1.2/sites/office/locks/lock-front/commands/${accepted.body.command_id}`,
      owner,
    );
    expect(command.body).toMatchObject({
      status: 'succeeded',
      error_code: null,
      finished_utc_date_time: expect.stringMatching(/^2026-03-02T07:00:0/),
    });
    // The opening reaches the entries log with its method.
    live.advance(5_000);
    const entries = await call(app, 'GET', "/v1.1/sites/office/entries?$filter=access_by eq 'remote'", owner);
    expect(entries.body.items).toMatchObject([
      { lock_id: 'lock-front', event_category: 'lock_opened', user_id: 'user-anna' },
    ]);
  });

  it('switches Manual Office Mode on and off', async () => {
    const { app, live } = api;
    expect((await call(app, 'PATCH', locking, owner, { locked_state: 'office_mode' })).status).toBe(202);
    live.advance(3_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('officeMode');
    expect((await call(app, 'PATCH', locking, owner, { locked_state: 'locked' })).status).toBe(202);
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
    const iqs = await call(app, 'GET', '/v1.2/sites/office/iqs', owner);
    expect(iqs.body.items[0]).toMatchObject({ id: 'iq-1', connected: false, powered: true });
  });

  it('refuses a user without the permission (403/2203) and values that are not states (400/1101)', async () => {
    const { app } = api;
    const daan = await tokenFor(app, 'user-daan');
    expect(await call(app, 'PATCH', locking, daan, { locked_state: 'unlocked' })).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    const bad = await call(app, 'PATCH', locking, owner, { locked_state: 'open' });
    expect(bad).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringMatching(/^Value of 'locked_state' is invalid\./) },
    });
    expect(await call(app, 'PATCH', locking, owner, {})).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101 },
    });
    expect(await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', extra: 1 })).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringMatching(/'extra'/) },
    });
    expect(await call(app, 'PATCH', locking, owner, '{"locked_state":')).toMatchObject({
      status: 400,
      body: { ErrorCode: 1100 },
    });
    expect(
      await call(app, 'PATCH', '/v1.2/sites/office/locks/lock-nope/locking', owner, {
        locked_state: 'unlocked',
      }),
    ).toMatchObject({ status: 404, body: { ErrorCode: 3104 } });
    expect(await call(app, 'GET', '/v1.2/sites/office/locks/lock-front/commands/99', owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    expect(await call(app, 'GET', '/v1.2/sites/office/locks/lock-front/commands/x1', owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
  });
});

describe('lock settings', () => {
  it('changes open time, EOM schedules and alerts (admins and owners only)', async () => {
    const { app, live } = api;
    const changed = await call(app, 'PATCH', '/v1.2/sites/office/locks/lock-front', owner, {
      open_time_ms: 10_000,
      eom_schedules: [{ weekdays: [1, 2], start: '09:00', end: '12:00' }],
      alerts: { intrusion: false },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      open_time_ms: 10_000,
      eom_schedules: [{ weekdays: [1, 2], start: '09:00', end: '12:00', from_date: null, until_date: null }],
      alerts: { not_closed: true, intrusion: false, low_battery: true },
    });
    expect(live.twin.cloud.state.locks.get('lock-front')?.settings.openTimeMs).toBe(10_000);
    const chloe = await tokenFor(app, 'user-chloe');
    expect(
      await call(app, 'PATCH', '/v1.2/sites/office/locks/lock-front', chloe, { open_time_ms: 6_000 }),
    ).toMatchObject({ status: 403, body: { ErrorCode: 2203 } });
  });

  it('refuses invalid settings without changing anything', async () => {
    const { app, live } = api;
    const path = '/v1.2/sites/office/locks/lock-front';
    for (const [body, parameter] of [
      [{ open_time_ms: 999 }, 'open_time_ms'],
      [{ open_time_ms: 1.5e3 + 0.5 }, 'open_time_ms'],
      [{ open_time_ms: '5000' }, 'open_time_ms'],
      [{ eom_schedules: [{ weekdays: [8], start: '09:00', end: '12:00' }] }, 'eom_schedules[0].weekdays[0]'],
      [{ eom_schedules: [{ weekdays: [1], start: '13:00', end: '12:00' }] }, 'eom_schedules[0].end'],
      [{ alerts: { fire: true } }, 'alerts.fire'],
      [{ name: 'Renamed' }, 'name'],
      [
        { open_time_ms: 2_000, eom_schedules: [{ weekdays: [1], start: '25:00', end: '26:00' }] },
        'eom_schedules[0].start',
      ],
    ] as const) {
      const answer = await call(app, 'PATCH', path, owner, body);
      expect({ status: answer.status, code: answer.body.ErrorCode, message: answer.body.Message }).toEqual({
        status: 400,
        code: 1101,
        message: expect.stringContaining(`Value of '${parameter}' is invalid.`),
      });
    }
    expect(live.twin.cloud.state.locks.get('lock-front')?.settings.openTimeMs).toBe(5_000);
    // The current name is accepted (a no-op).
    expect((await call(app, 'PATCH', path, owner, { name: 'Front door' })).status).toBe(200);
  });
});
