import { describe, expect, it } from 'vitest';
import { features } from '../access/roles.ts';
import { noPermissions } from '../cloud/model.ts';
import { epochUtcIsoDefault, openTimeMsDefault, openTimeMsMax } from '../defaults.ts';
import { subscriptionSeatsDefault, type SiteSpecInput } from './spec.ts';
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

describe('parseSiteSpec: site, subscription, roles, groups and pods', () => {
  it('fills the defaults that keep older specs meaning what they meant', () => {
    const result = parseSiteSpec(validSite());
    if (!result.ok) throw new Error('expected the valid site to parse');
    const { spec } = result;
    expect(spec.startsAtUtc).toBe(epochUtcIsoDefault);
    expect(spec.released).toBe(true);
    expect(spec.subscription).toEqual({
      active: true,
      features: [...features],
      seats: subscriptionSeatsDefault,
    });
    expect(spec.users[0]).toMatchObject({ role: 'user', permissions: noPermissions });
    expect(spec.tags[0]?.blocked).toBe(false);
    expect(spec.phones[0]).toMatchObject({ registered: true, verified: true });
    expect(spec.phones[0]?.keyValidFrom).toBeUndefined();
    expect(spec.locks[0]).toMatchObject({
      eomSchedules: [],
      alerts: { notClosed: true, intrusion: true, lowBattery: true },
    });
    expect(spec.accessGroups).toEqual([]);
    expect(spec.pods).toEqual([]);
  });

  it('takes roles, partial permissions, partial alerts, EOM schedules, key windows and a subscription', () => {
    const site = validSite();
    site.users = [{ id: 'user-1', role: 'owner', permissions: { manualOfficeMode: true } }, { id: 'user-2' }];
    site.locks = [
      {
        ...site.locks![0]!,
        alerts: { notClosed: false },
        eomSchedules: [{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', fromDate: '2026-03-01' }],
      },
      site.locks![1]!,
    ];
    site.phones = [
      {
        id: 'phone-1',
        user: 'user-2',
        keyValidFrom: '2026-03-02T08:00:00+01:00',
        keyValidUntil: '2026-04-01T00:00:00Z',
      },
    ];
    const result = parseSiteSpec({
      ...site,
      startsAtUtc: '2026-06-01T06:00:00Z',
      subscription: { features: ['pods'], seats: 3 },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.spec.users[0]?.permissions).toEqual({ ...noPermissions, manualOfficeMode: true });
    expect(result.spec.locks[0]?.alerts).toEqual({ notClosed: false, intrusion: true, lowBattery: true });
    expect(result.spec.locks[0]?.eomSchedules[0]?.fromDate).toBe('2026-03-01');
    expect(result.spec.subscription).toEqual({ active: true, features: ['pods'], seats: 3 });
  });

  it('reports bad instants, roles, features, permissions and schedules at their paths', () => {
    const site = validSite();
    site.users = [
      { id: 'user-1', role: 'boss' as never, permissions: { fly: true } as never },
      { id: 'user-2' },
    ];
    site.locks = [
      { ...site.locks![0]!, eomSchedules: [{ weekdays: [1], start: '8:00', end: '18:00' }] },
      { ...site.locks![1]!, eomSchedules: [{ weekdays: [1], start: '18:00', end: '08:00' }] },
    ];
    site.phones = [{ id: 'phone-1', user: 'user-2', keyValidUntil: 'tomorrow' }];
    expect(pathsOf({ ...site, startsAtUtc: '2026-03-02', subscription: { features: ['teleport'] } })).toEqual(
      [
        'startsAtUtc',
        'subscription.features[0]',
        'locks[0].eomSchedules[0].start',
        'locks[1].eomSchedules[0].end',
        'users[0].role',
        'users[0].permissions.fly',
        'phones[0].keyValidUntil',
      ],
    );
  });

  it('checks the references of access groups and pods, and keeps ids in one namespace', () => {
    const site = validSite();
    site.accessGroups = [
      { id: 'group-1', users: ['user-1', 'ghost', 'user-1'], locks: ['lock-9'], schedules: [] },
      { id: 'implicit-1', users: [], locks: [], schedules: [] },
    ];
    site.pods = [{ id: 'lock-1', name: 'Acme', members: ['nobody'], locks: ['lock-8'], guestLimit: 0 }];
    expect(errorsOf(site)).toEqual([
      { path: 'pods[0].id', message: 'duplicate id "lock-1" (first used at locks[0].id)' },
      { path: 'accessGroups[0].users[1]', message: 'names user "ghost", which the site does not have' },
      { path: 'accessGroups[0].users[2]', message: 'user "user-1" is listed twice' },
      { path: 'accessGroups[0].locks[0]', message: 'names lock "lock-9", which the site does not have' },
      { path: 'pods[0].members[0]', message: 'names user "nobody", which the site does not have' },
      { path: 'pods[0].locks[0]', message: 'names lock "lock-8", which the site does not have' },
      { path: 'accessGroups[1].id', message: expect.stringContaining('reserved') },
    ]);
  });

  it('applies the pod rules: unique names, one pod per member, the guest limit, guests on pod locks only', () => {
    const site = validSite();
    site.users = [...site.users!, { id: 'user-3' }, { id: 'user-4' }];
    site.locks = [site.locks![0]!, { ...site.locks![1]!, access: ['user-1', 'user-3'] }];
    site.accessGroups = [{ id: 'group-1', users: ['user-4'], locks: ['lock-1'], schedules: [] }];
    site.pods = [
      {
        id: 'pod-1',
        name: 'Acme',
        members: ['user-1'],
        guests: ['user-3', 'user-1'],
        locks: ['lock-1'],
        guestLimit: 1,
      },
      {
        id: 'pod-2',
        name: ' acme',
        members: ['user-1'],
        guests: ['user-4'],
        locks: ['lock-2'],
        guestLimit: 1,
      },
    ];
    expect(errorsOf(site)).toEqual([
      { path: 'pods[0].guests[1]', message: 'user "user-1" is already a member of this pod' },
      { path: 'pods[0].guests', message: "2 guests, more than the pod's guestLimit of 1" },
      { path: 'pods[1].name', message: 'pods[0] already has the name " acme"' },
      { path: 'pods[1].members[0]', message: 'user "user-1" is already a member of pods[0]' },
      // user-1 is (wrongly) a guest of pods[0] too, so the same rule confines them.
      { path: 'locks[1].access[0]', message: expect.stringContaining('"user-1" is a pod guest') },
      { path: 'locks[1].access[1]', message: expect.stringContaining('"user-3" is a pod guest') },
      { path: 'accessGroups[0].users[0]', message: expect.stringContaining('not "lock-1"') },
    ]);
  });

  it('needs an installer on a site not yet released, and a key window that ends after it starts', () => {
    const site = { ...validSite(), released: false };
    site.phones = [
      {
        id: 'phone-1',
        user: 'user-2',
        keyValidFrom: '2026-03-02T08:00:00Z',
        keyValidUntil: '2026-03-02T08:00:00Z',
      },
    ];
    expect(errorsOf(site)).toEqual([
      { path: 'released', message: 'a site that is not released needs a user with the role "installer"' },
      { path: 'phones[0].keyValidUntil', message: 'must be after keyValidFrom (2026-03-02T08:00:00Z)' },
    ]);
    site.users = [...site.users!, { id: 'user-9', role: 'installer' }];
    expect(pathsOf(site)).toEqual(['phones[0].keyValidUntil']);
  });
});
