/**
 * The booking flow of a real Connect integration, over a loopback server with plain HTTP only, as a hotel or
 * coworking back-end runs it against the service: token → site by site_uid → access group with a lock and an
 * always schedule → guest → use_pin → join the group by platform id → PUT /pin → the PIN opens the simulated door
 * → the entry reads back → the guest is deleted, the seat is free and the PIN refused. The session, exported,
 * replays with `lockstep replay` to the same fingerprint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { siteUid } from '../api/rest/connect-ids.ts';
import { createTestLive, testClient } from '../api/rest/testing.ts';
import { startServer, type RunningServer } from '../api/server.ts';
import type { LiveTwin } from '../api/live-twin.ts';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Answer {
  readonly status: number;
  // Answers are read field by field; their shapes are the API's schemas.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** One HTTP call with JSON in and out, as an integration's HTTP client makes it. */
async function http(method: string, url: string, token: string, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** The integrator's login: the password grant, the client as HTTP Basic, on the identity base URL. */
async function passwordToken(identityBase: string, username: string): Promise<string> {
  const basic = Buffer.from(`${testClient.clientId}:${testClient.clientSecret}`).toString('base64');
  const response = await fetch(`${identityBase}/connect/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username,
      password: 'lockstep',
      scope: 'user_api.full_access',
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Someone types `pin` at the back door's keypad; the twin runs on for the bolt and the upload. */
function typeAtBackDoor(live: LiveTwin, pin: string): void {
  live.apply({ type: 'enter-pin', pin, lock: 'lock-back' });
  live.advance(1_500);
}

describe('a booking integration against the twin', () => {
  it('books a guest whose PIN opens the door, reads the entry, and checks them out', async () => {
    const live = createTestLive();
    const running = await startServer({ live, host: '127.0.0.1', port: 0, credentials: testClient });
    server = running;
    const token = await passwordToken(`${running.url}/identity`, 'user-anna');
    const api = (version: string, path: string): string => `${running.url}/${version}${path}`;

    // The integration is configured with the site's site_uid and resolves it to the site's id.
    const uid = siteUid(live.seed, live.twin.cloud.state.site.id);
    const sites = await http('GET', api('v1.1', `/sites?$filter=site_uid eq '${uid}'`), token);
    expect(sites.body.items).toHaveLength(1);
    const site = sites.body.items[0];
    expect(site).toMatchObject({ site_uid: uid, customer_reference: 'office' });
    const seatsBefore = site.active_user_amount as number;
    const v11 = (path: string): string => api('v1.1', `/sites/${site.id}${path}`);
    const v12 = (path: string): string => api('v1.2', `/sites/${site.id}${path}`);

    const group = await http('POST', v12('/access_groups'), token, { customer_reference: 'Booking 1042' });
    expect(group.status).toBe(201);
    const locks = await http('GET', v12(`/locks?$filter=customer_reference eq 'Back door'`), token);
    const backDoor = locks.body.items[0].id as string;
    expect(
      (await http('POST', v11(`/access_groups/${group.body.id}/locks`), token, { lock_id: backDoor })).status,
    ).toBe(201);
    const always = {
      monday: true,
      tuesday: true,
      wednesday: true,
      thursday: true,
      friday: true,
      saturday: true,
      sunday: true,
      start_time: '00:00',
      end_time: '23:59',
    };
    const schedule = await http('POST', v11(`/access_groups/${group.body.id}/time_schedules`), token, always);
    expect(schedule).toMatchObject({ status: 201, body: { end_time: '23:59:59' } });

    const guest = await http('POST', v12('/guests'), token, {
      alias: 'Guest 1042',
      expires_at: '2026-03-05T11:00:00Z',
    });
    expect(guest).toMatchObject({ status: 201, body: { roles: [{ code: 'site_guest' }], use_pin: false } });
    expect((await http('PATCH', v12(`/users/${guest.body.id}`), token, { use_pin: true })).body.use_pin).toBe(
      true,
    );
    // Membership takes the platform user id; the site-user id there is "User not found".
    const members = v12(`/access_groups/${group.body.id}/users`);
    expect(await http('POST', members, token, { user_id: guest.body.id })).toMatchObject({
      status: 404,
      body: { ErrorCode: 2202 },
    });
    expect((await http('POST', members, token, { user_id: guest.body.user.id })).status).toBe(201);
    const pin = await http('PUT', v12(`/users/${guest.body.id}/pin`), token, {});
    expect(pin.status).toBe(200);
    expect(pin.body).toMatch(/^\d{6}$/);

    // The data reaches the keypad through the IQ; then the guest types the PIN.
    live.advance(45_000);
    typeAtBackDoor(live, pin.body as string);
    expect(live.twin.lockView('lock-back').bolt).toBe('unlocked');
    live.advance(20_000);
    const filter = `lock_id eq '${backDoor}' and access_by eq 'pin_code'`;
    const entries = await http('GET', v11(`/entries?$filter=${filter}&$orderby=utc_date_time desc`), token);
    expect(entries.body.items[0]).toMatchObject({
      event_category: 'lock_opened',
      access_by: 'pin_code',
      user_id: guest.body.user.id,
      user_alias: 'Guest 1042',
      lock_id: backDoor,
    });
    expect((await http('GET', v12(''), token)).body.active_user_amount).toBe(seatsBefore + 1);

    // Check-out: deleting the guest frees the seat at once and the keypad forgets the PIN.
    expect((await http('DELETE', v12(`/users/${guest.body.id}`), token)).status).toBe(202);
    expect((await http('GET', v12(''), token)).body.active_user_amount).toBe(seatsBefore);
    live.advance(45_000);
    typeAtBackDoor(live, pin.body as string);
    expect(live.twin.lockView('lock-back').bolt).toBe('locked');
    live.advance(20_000);
    const after = await http('GET', v11(`/entries?$filter=${filter}&$orderby=utc_date_time desc`), token);
    expect(after.body.items[0]).toMatchObject({ event_category: 'lock_rejected', event_detail: 'no_access' });

    // Every call above that changed something is an input: the exported session replays exactly.
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-booking-'));
    const file = join(dir, 'session.json');
    writeFileSync(file, JSON.stringify(live.exportScenario()));
    const replay = spawnSync(
      process.execPath,
      [join(process.cwd(), 'bin/lockstep.js'), 'replay', file, '--json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const replayed = JSON.parse(replay.stdout) as {
      reproduced: boolean;
      traceHash: string;
      expectedHash: string;
    };
    expect(replayed).toMatchObject({ reproduced: true, traceHash: replayed.expectedHash });
  }, 60_000);
});
