import { describe, expect, it } from 'vitest';
import { openTimeMsDefault, openTimeMsMax } from '../defaults.ts';
import type { SiteSpecInput } from './spec.ts';
import type { SpecError } from './spec-error.ts';
import { parseSiteSpec } from './validate.ts';

/** A small valid site; each test breaks one thing in a copy of it. */
function validSite(): SiteSpecInput {
  return {
    name: 'test-site',
    iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
    repeaters: [{ id: 'rep-1', iq: 'iq-1', position: { x: 5, y: 0 } }],
    doors: [{ id: 'door-1' }, { id: 'door-2' }],
    locks: [
      { id: 'lock-1', kind: 'bluenet-escutcheon', iq: 'iq-1', door: 'door-1', position: { x: 3, y: 0 } },
      { id: 'lock-2', kind: 'pin', iq: 'iq-1', door: 'door-2', position: { x: 0, y: 3 }, access: ['user-1'] },
    ],
    users: [{ id: 'user-1', pin: '123456' }, { id: 'user-2' }],
    tags: [{ id: 'tag-1', user: 'user-1' }],
    phones: [{ id: 'phone-1', user: 'user-2' }],
  };
}

/** The errors of a spec that must not parse. */
function errorsOf(input: unknown): readonly SpecError[] {
  const result = parseSiteSpec(input);
  if (result.ok) throw new Error('expected the spec to be refused');
  return result.errors;
}

function pathsOf(input: unknown): string[] {
  return errorsOf(input).map((error) => error.path);
}

describe('parseSiteSpec: the schema', () => {
  it('accepts a valid site and fills the defaults', () => {
    const result = parseSiteSpec(validSite());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.timeZone).toBe('Europe/Amsterdam');
    expect(result.spec.locks[0]?.openTimeMs).toBe(openTimeMsDefault);
    expect(result.spec.locks[0]?.access).toBe('all');
    expect(result.spec.phones[0]?.internet).toBe(true);
  });

  it('reports an out-of-range open time at the lock field, with the bound', () => {
    const site = validSite();
    site.locks = [{ ...site.locks![0]!, openTimeMs: 500 }, site.locks![1]!];
    expect(errorsOf(site)).toEqual([{ path: 'locks[0].openTimeMs', message: 'must be at least 1000' }]);
    site.locks = [site.locks[0]!, { ...site.locks[1]!, openTimeMs: openTimeMsMax + 1 }];
    expect(pathsOf(site)).toEqual(['locks[0].openTimeMs', 'locks[1].openTimeMs']);
    expect(errorsOf(site)[1]?.message).toBe(`must be at most ${openTimeMsMax}`);
  });

  it('reports a missing field, a wrong type and an unknown kind', () => {
    const site = validSite();
    const { kind: _kind, ...withoutKind } = site.locks![0]!;
    site.locks = [withoutKind as never, { ...site.locks![1]!, kind: 'laser' as never }];
    site.phones = [{ id: 'phone-1', user: 7 as never }];
    expect(errorsOf(site)).toEqual([
      { path: 'locks[0].kind', message: 'is required' },
      { path: 'locks[1].kind', message: expect.stringContaining('must be one of "bluenet-escutcheon"') },
      { path: 'phones[0].user', message: 'must be a string, got 7' },
    ]);
  });

  it('reports each unknown field at its own path', () => {
    const site = { ...validSite(), colour: 'red' };
    site.doors = [{ id: 'door-1', width: 1 } as never, { id: 'door-2' }];
    expect(pathsOf(site)).toEqual(['doors[0].width', 'colour']);
    expect(errorsOf(site)[0]?.message).toBe('unknown field');
  });

  it('reports the bad entry of an access list, or what an access value may be', () => {
    const site = validSite();
    site.locks = [
      { ...site.locks![0]!, access: ['user-1', 5 as never] },
      { ...site.locks![1]!, access: 3 as never },
    ];
    expect(errorsOf(site)).toEqual([
      { path: 'locks[0].access[1]', message: 'must be a string, got 5' },
      { path: 'locks[1].access', message: 'must be "all" or an array, got 3' },
    ]);
  });

  it("keeps the schema's own messages (a PIN is 6 digits, a site needs an IQ)", () => {
    const site = { ...validSite(), iqs: [], users: [{ id: 'user-1', pin: '12a' }] };
    expect(errorsOf(site)).toEqual([
      { path: 'iqs', message: 'a site needs at least one IQ' },
      { path: 'users[0].pin', message: 'a PIN is 6 digits' },
    ]);
  });

  it('reports a spec that is not an object at all', () => {
    expect(errorsOf(null)).toEqual([{ path: '(spec)', message: 'must be an object, got null' }]);
    expect(pathsOf([])).toEqual(['(spec)']);
  });
});

describe('parseSiteSpec: cross-checks', () => {
  it('reports an id used twice, at the second use, even across sections', () => {
    const site = validSite();
    site.tags = [...site.tags!, { id: 'tag-1', user: 'user-2' }];
    site.doors = [...site.doors!, { id: 'lock-1' }];
    expect(errorsOf(site)).toEqual([
      { path: 'doors[2].id', message: 'duplicate id "lock-1" (first used at locks[0].id)' },
      { path: 'tags[1].id', message: 'duplicate id "tag-1" (first used at tags[0].id)' },
    ]);
  });

  it('reports references to an IQ that does not exist', () => {
    const site = validSite();
    site.locks = [{ ...site.locks![0]!, iq: 'iq-9' }, site.locks![1]!];
    site.repeaters = [{ ...site.repeaters![0]!, iq: 'iq-8' }];
    expect(errorsOf(site)).toEqual([
      { path: 'repeaters[0].iq', message: 'names IQ "iq-8", which the site does not have' },
      { path: 'locks[0].iq', message: 'names IQ "iq-9", which the site does not have' },
    ]);
  });

  it('refuses a reference to something of the wrong kind', () => {
    const site = validSite();
    site.locks = [{ ...site.locks![0]!, iq: 'rep-1' }, site.locks![1]!];
    expect(pathsOf(site)).toEqual(['locks[0].iq']);
  });

  it('reports a missing door and a door with two locks', () => {
    const site = validSite();
    site.locks = [
      { ...site.locks![0]!, door: 'door-9' },
      { ...site.locks![1]!, door: 'door-9' },
    ];
    expect(errorsOf(site)).toEqual([
      { path: 'locks[0].door', message: 'names door "door-9", which the site does not have' },
      { path: 'locks[1].door', message: 'names door "door-9", which the site does not have' },
      { path: 'locks[1].door', message: 'door "door-9" already has a lock (locks[0])' },
    ]);
  });

  it('reports tags, phones and access lists that name unknown users, and repeats in an access list', () => {
    const site = validSite();
    site.tags = [{ id: 'tag-1', user: 'user-9' }];
    site.phones = [{ id: 'phone-1', user: 'nobody' }];
    site.locks = [site.locks![0]!, { ...site.locks![1]!, access: ['user-1', 'ghost', 'user-1'] }];
    expect(errorsOf(site)).toEqual([
      { path: 'locks[1].access[1]', message: 'names user "ghost", which the site does not have' },
      { path: 'locks[1].access[2]', message: 'user "user-1" is listed twice' },
      { path: 'tags[0].user', message: 'names user "user-9", which the site does not have' },
      { path: 'phones[0].user', message: 'names user "nobody", which the site does not have' },
    ]);
  });

  it('refuses a time zone that is not an IANA zone', () => {
    expect(errorsOf({ ...validSite(), timeZone: 'Europe/Atlantis' })).toEqual([
      { path: 'timeZone', message: '"Europe/Atlantis" is not an IANA time zone (like "Europe/Amsterdam")' },
    ]);
    expect(parseSiteSpec({ ...validSite(), timeZone: 'America/New_York' }).ok).toBe(true);
  });

  it('refuses two users with the same PIN', () => {
    const site = validSite();
    site.users = [...site.users!, { id: 'user-3', pin: '123456' }];
    expect(errorsOf(site)).toEqual([{ path: 'users[2].pin', message: 'the same PIN as users[0]' }]);
  });
});
