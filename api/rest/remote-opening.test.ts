/**
 * Remote opening as the Connect API does it: an IQ with `otp_enabled`, the activation once per (user, IQ) (first
 * secret, IQ PIN by email, PIN change with an OTP), the OTP on `PATCH …/locking`, `otp_invalid`, `otp_blocked`
 * and its end, and a session of all this replaying to the same fingerprint.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../scenarios/index.ts';
import { oneTimePassword, otpBlockMs, otpValidityMs, pinMinusDelta } from '../../twin/index.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
let site: string;
let iqPath: string;
let locking: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
  site = sitePathOf(api.live);
  iqPath = `${site}/iqs/${publicIdOf(api.live, 'iq', 'iq-1')}`;
  locking = `${site}/locks/${publicIdOf(api.live, 'lock', 'lock-front')}/locking`;
  expect((await call(api.app, 'PATCH', iqPath, owner, { otp_enabled: true })).status).toBe(200);
});
afterEach(() => api.stop());

function nowUtcMs(): number {
  return api.live.twin.epochUtcMs + api.live.twin.clock.now();
}

/** The IQ PIN last mailed to `recipient` (Anna, the owner, unless told), read from the outbox. */
function mailedPin(recipient = 'anna.devries@example.com'): string {
  const mail = api.live.twin.cloud.notifier
    .outbox('email')
    .filter((message) => message.ruleId === 'iq-pin' && message.recipient === recipient)
    .at(-1);
  const pin = mail?.body.match(/ is (\d{4})\./)?.[1];
  if (pin === undefined) throw new Error('no IQ PIN in the outbox');
  return pin;
}

/** Runs the activation with `delta`; answers the secret and the PIN now in force. */
async function activate(delta = '1234'): Promise<{ secret: string; pin: string }> {
  const { app } = api;
  const secret = await call(app, 'GET', `${iqPath}/secret`, owner);
  expect(secret.status).toBe(200);
  expect(await call(app, 'GET', `${iqPath}/pin?send_email=true`, owner)).toMatchObject({ status: 204 });
  const mailed = mailedPin();
  const otp = oneTimePassword(secret.body, mailed, nowUtcMs());
  expect(await call(app, 'PUT', `${iqPath}/pin`, owner, { otp, delta })).toMatchObject({ status: 204 });
  return { secret: secret.body, pin: pinMinusDelta(mailed, delta) };
}

function remoteEntries(): number {
  return api.live.twin.cloud.entries.entries().filter((entry) => entry.method === 'remote').length;
}

describe('IQ activation', () => {
  it('hands out the first secret, mails the PIN, activates on the PIN change, then refuses both reads', async () => {
    const { app, live } = api;
    const iqId = publicIdOf(live, 'iq', 'iq-1');
    const activated = `/v1.2/me/${publicIdOf(live, 'site', 'office')}/activated_iqs`;
    expect((await call(app, 'GET', activated, owner)).body.items).toEqual([]);

    const secret = await call(app, 'GET', `${iqPath}/secret`, owner);
    expect(secret).toMatchObject({ status: 200, body: expect.stringMatching(/^[0-9A-F]{32}$/) });
    expect((await call(app, 'GET', `${iqPath}/secret`, owner)).body).toBe(secret.body);
    expect((await call(app, 'GET', activated, owner)).body.items).toEqual([
      { iq_id: iqId, activated: false, activation_date: null },
    ]);

    expect(await call(app, 'GET', `${iqPath}/pin`, owner)).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101 },
    });
    expect(await call(app, 'GET', `${iqPath}/pin?send_email=true`, owner)).toMatchObject({ status: 204 });
    const mailed = mailedPin();
    expect(mailed).toMatch(/^\d{4}$/);

    // The PIN change checks the OTP before it changes anything.
    expect(await call(app, 'PUT', `${iqPath}/pin`, owner, { otp: '00000', delta: '0000' })).toMatchObject({
      status: 400,
      body: { ErrorCode: 3102, Message: expect.stringContaining('otp_invalid') },
    });
    expect(await call(app, 'PUT', `${iqPath}/pin`, owner, { otp: 'abcde', delta: '12' })).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringContaining("'delta'") },
    });
    const otp = oneTimePassword(secret.body, mailed, nowUtcMs());
    expect(await call(app, 'PUT', `${iqPath}/pin`, owner, { otp, delta: '6995' })).toMatchObject({
      status: 204,
    });
    expect((await call(app, 'GET', activated, owner)).body.items).toEqual([
      { iq_id: iqId, activated: true, activation_date: '2026-03-02T07:00:00Z' },
    ]);

    expect(await call(app, 'GET', `${iqPath}/secret`, owner)).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    expect(await call(app, 'GET', `${iqPath}/pin?send_email=true`, owner)).toMatchObject({
      status: 403,
      body: { ErrorCode: 2203 },
    });
    // The new PIN (old − delta) is the one OTPs are made of from now on: `0000` keeps it.
    const newPin = pinMinusDelta(mailed, '6995');
    const withNew = oneTimePassword(secret.body, newPin, nowUtcMs());
    expect(await call(app, 'PUT', `${iqPath}/pin`, owner, { otp: withNew, delta: '0000' })).toMatchObject({
      status: 204,
    });
  });

  it('keeps each user’s activation apart: own secret, own PIN mailed to the user’s own address', async () => {
    const { app, live } = api;
    const bram = await tokenFor(app, 'user-bram');
    const anna = await activate();
    const activated = `/v1.2/me/${publicIdOf(live, 'site', 'office')}/activated_iqs`;
    expect((await call(app, 'GET', activated, bram)).body.items).toEqual([]);
    const bramSecret = await call(app, 'GET', `${iqPath}/secret`, bram);
    expect(bramSecret.status).toBe(200);
    expect(bramSecret.body).not.toBe(anna.secret);
    expect((await call(app, 'GET', `${iqPath}/pin?send_email=true`, bram)).status).toBe(204);
    const bramEmail = live.twin.cloud.state.users.get('user-bram')?.email as string;
    expect(mailedPin(bramEmail)).toMatch(/^\d{4}$/);
    expect((await call(app, 'GET', activated, bram)).body.items).toMatchObject([{ activated: false }]);
    expect((await call(app, 'GET', activated, owner)).body.items).toMatchObject([{ activated: true }]);
    // A site user's activated IQs: only finished activations, by site-user id (the platform id is 2202).
    const usersPath = `${site}/users`;
    const annaPath = `${usersPath}/${publicIdOf(live, 'site-user', 'user-anna')}/activated_iqs`;
    expect((await call(app, 'GET', annaPath, bram)).body.items).toEqual([
      { id: publicIdOf(live, 'iq', 'iq-1'), customer_reference: 'Office IQ', otp_enabled: true },
    ]);
    const bramPath = `${usersPath}/${publicIdOf(live, 'site-user', 'user-bram')}/activated_iqs`;
    expect((await call(app, 'GET', bramPath, owner)).body.items).toEqual([]);
    const wrongId = `${usersPath}/${publicIdOf(live, 'user', 'user-anna')}/activated_iqs`;
    expect(await call(app, 'GET', wrongId, owner)).toMatchObject({ status: 404, body: { ErrorCode: 2202 } });
  });
});

describe('remote opening with a one-time password', () => {
  it('refuses a user not activated on the IQ with 404/2202 "Otp is invalid"', async () => {
    const { app, live } = api;
    const refused = await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked' });
    expect(refused).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202, Message: expect.stringContaining('Otp is invalid') },
    });
    live.advance(10_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
  });

  it('opens the simulated lock with a valid OTP, and the opening reaches the entries', async () => {
    const { app, live } = api;
    const { secret, pin } = await activate();
    const otp = oneTimePassword(secret, pin, nowUtcMs());
    const accepted = await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', otp });
    expect(accepted).toMatchObject({ status: 200, body: { locked_state: 'unlocked', status: 'pending' } });
    live.advance(5_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('unlocked');
    live.advance(10_000);
    expect(remoteEntries()).toBe(1);
    // The same code works again within its window (the service allows several operations per code).
    expect((await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', otp })).status).toBe(200);
  });

  it('answers otp_invalid (400/3102) for an expired, missing or wrong code; nothing reaches the lock', async () => {
    const { app, live } = api;
    const { secret, pin } = await activate();
    const stale = oneTimePassword(secret, pin, nowUtcMs());
    live.advance(otpValidityMs + 1_000);
    const commandsBefore = live.twin.cloud.commands.all().length;
    for (const otp of [stale, undefined]) {
      expect(await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', otp })).toMatchObject({
        status: 400,
        body: { ErrorCode: 3102, Message: expect.stringContaining('otp_invalid') },
      });
    }
    // The third failure in a row blocks.
    expect(
      await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', otp: 'zzzzz' }),
    ).toMatchObject({
      status: 403,
      body: { ErrorCode: 3102, Message: expect.stringContaining('otp_blocked') },
    });
    live.advance(10_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
    expect(live.twin.cloud.commands.all().length).toBe(commandsBefore);
    expect(remoteEntries()).toBe(0);
  });

  it('blocks after 3 failures in a row (403/3102 otp_blocked), even a good code, until 5 minutes have passed', async () => {
    const { app, live } = api;
    const { secret, pin } = await activate();
    const wrong = { locked_state: 'unlocked', otp: '00000' };
    for (const status of [400, 400, 403]) {
      expect((await call(app, 'PATCH', locking, owner, wrong)).status).toBe(status);
    }
    const good = () => ({ locked_state: 'unlocked', otp: oneTimePassword(secret, pin, nowUtcMs()) });
    expect(await call(app, 'PATCH', locking, owner, good())).toMatchObject({
      status: 403,
      body: { ErrorCode: 3102, Message: expect.stringContaining('otp_blocked') },
    });
    // The block is per purpose: the PIN change still checks codes.
    expect((await call(app, 'PUT', `${iqPath}/pin`, owner, { otp: good().otp, delta: '0000' })).status).toBe(
      204,
    );
    live.advance(otpBlockMs - 2_000);
    expect((await call(app, 'PATCH', locking, owner, good())).status).toBe(403);
    live.advance(2_000);
    expect((await call(app, 'PATCH', locking, owner, good())).status).toBe(200);
    live.advance(5_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('unlocked');
    // After the block the count starts again: one wrong code is a plain otp_invalid.
    expect((await call(app, 'PATCH', locking, owner, wrong)).status).toBe(400);
  });

  it('replays an exported session with activation, refusals and a block to the same fingerprint', async () => {
    const { app, live } = api;
    const { secret, pin } = await activate();
    for (let attempt = 0; attempt < 4; attempt++)
      await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', otp: '00000' });
    live.advance(otpBlockMs);
    const otp = oneTimePassword(secret, pin, nowUtcMs());
    expect((await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked', otp })).status).toBe(200);
    live.advance(20_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('locked');
    expect(remoteEntries()).toBe(1);
    const exported = live.exportScenario();
    const scenario = parseScenario(JSON.parse(JSON.stringify(exported)));
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
    expect(runScenario(scenario.value).traceHash).toBe(exported.expectedHash);
  });

  it('keeps IQs with OTP off open to requests without a code (scenarios and the live protocol)', async () => {
    const { app, live } = api;
    expect((await call(app, 'PATCH', iqPath, owner, { otp_enabled: false })).status).toBe(200);
    expect((await call(app, 'PATCH', locking, owner, { locked_state: 'unlocked' })).status).toBe(200);
    live.advance(5_000);
    expect(live.twin.lockView('lock-front').bolt).toBe('unlocked');
  });
});
