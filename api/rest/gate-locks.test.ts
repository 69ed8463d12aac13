import { afterEach, describe, expect, it } from 'vitest';
import { loadNamedSite, type SiteSpecInput } from '../../twin/index.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi | undefined;
afterEach(() => api?.stop());

describe('a wall reader with a keypad through the Connect API', () => {
  it('reads lock_type wall_reader_pin', async () => {
    const office = loadNamedSite('office') as SiteSpecInput;
    const locks = (office.locks ?? []).map((lock) =>
      lock.id === 'lock-garage'
        ? {
            ...lock,
            kind: 'wall-reader-pin' as const,
            controller: { relayOpenTimeMs: 8_000, exitButton: true },
          }
        : lock,
    );
    api = createTestApi({ overrides: { locks } });
    const owner = await tokenFor(api.app);
    const garage = publicIdOf(api.live, 'lock', 'lock-garage');
    const one = await call(api.app, 'GET', `${sitePathOf(api.live)}/locks/${garage}`, owner);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ customer_reference: 'Garage gate', lock_type: 'wall_reader_pin' });
  });
});
