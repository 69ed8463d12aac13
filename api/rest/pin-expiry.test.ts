import { afterEach, describe, expect, it } from 'vitest';
import { unknownPinUserId } from './shapes/entries.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi | undefined;
afterEach(() => api?.stop());

/** The back door's keypad (office site: everyone, at all hours): the PIN typed, then time for the bolt. */
function typePin(test: TestApi, pin: string): void {
  test.live.apply({ type: 'enter-pin', pin, lock: 'lock-back' });
  test.live.advance(1_500);
}

/** The back door's newest entries, newest first. */
async function backEntries(test: TestApi, owner: string, top: number): Promise<Record<string, unknown>[]> {
  const back = publicIdOf(test.live, 'lock', 'lock-back');
  const path = `${sitePathOf(test.live, 'v1.1')}/entries?$filter=lock_id eq '${back}'&$orderby=utc_date_time desc&$top=${top}`;
  return (await call(test.app, 'GET', path, owner)).body.items as Record<string, unknown>[];
}

async function issuedPins(count: number): Promise<string[]> {
  const test = createTestApi();
  try {
    const owner = await tokenFor(test.app);
    const path = `${sitePathOf(test.live)}/users/${publicIdOf(test.live, 'site-user', 'user-5')}/pin`;
    const pins: string[] = [];
    for (let index = 0; index < count; index++)
      pins.push((await call(test.app, 'PUT', path, owner, {})).body);
    return pins;
  } finally {
    test.stop();
  }
}

describe('PINs as the service issues them', () => {
  it('with expiry_date: shown in keys, refused on the lock’s own clock while it holds the PIN, then unknown', async () => {
    api = createTestApi();
    const test = api;
    const owner = await tokenFor(test.app);
    const userPath = `${sitePathOf(test.live)}/users/${publicIdOf(test.live, 'site-user', 'user-daan')}`;
    const endUtcMs = test.live.nowUtcMs + 120_000;
    const past = new Date(test.live.nowUtcMs - 1_000).toISOString();
    expect(await call(test.app, 'PUT', `${userPath}/pin`, owner, { expiry_date: past })).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101 },
    });
    const issued = await call(test.app, 'PUT', `${userPath}/pin`, owner, {
      expiry_date: new Date(endUtcMs).toISOString(),
    });
    expect(issued.status).toBe(200);
    const pin = issued.body as string;
    const pinKeys = async () =>
      ((await call(test.app, 'GET', `${userPath}/keys`, owner)).body.items as { type: string }[]).filter(
        (key) => key.type === 'pin',
      );
    expect(await pinKeys()).toMatchObject([{ type: 'pin', expiry_date: new Date(endUtcMs).toISOString() }]);
    test.live.advance(10_000);
    typePin(test, pin);
    expect(test.live.twin.lockView('lock-back').bolt).toBe('unlocked');
    // The IQ goes offline before the end: the cloud's removal cannot reach the keypad, which still holds the PIN.
    test.live.advance(20_000);
    test.live.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    test.live.advance(endUtcMs - test.live.nowUtcMs + 1_000);
    expect(await pinKeys()).toEqual([]);
    typePin(test, pin);
    expect(test.live.twin.lockView('lock-back').bolt).toBe('locked');
    test.live.apply({ type: 'iq-internet', iq: 'iq-1', up: true });
    test.live.advance(30_000);
    typePin(test, pin);
    test.live.advance(20_000);
    const [unknown, expired] = await backEntries(test, owner, 2);
    // Refused while held: the lock knew whose PIN it was. After the removal landed: nobody's (the sentinel).
    expect(expired).toMatchObject({
      event_category: 'lock_rejected',
      event_detail: 'no_access',
      access_by: 'pin_code',
      user_id: publicIdOf(test.live, 'user', 'user-daan'),
    });
    expect(unknown).toMatchObject({
      event_category: 'lock_rejected',
      event_detail: 'no_access',
      access_by: 'pin_code',
      user_id: unknownPinUserId,
    });
  });

  it('draws the same PINs for the same seed and inputs, each held by no other user', async () => {
    const first = await issuedPins(3);
    expect(await issuedPins(3)).toEqual(first);
    for (const pin of first) expect(pin).toMatch(/^\d{6}$/);
    expect(new Set(first).size).toBe(3);
    // The office site's own PINs (spec) are never drawn for someone else.
    for (const pin of ['482913', '730561', '159372', '604218']) expect(first).not.toContain(pin);
  });
});
