import { describe, expect, it } from 'vitest';
import { generateCampusSpec } from '../site/campus.ts';
import { loadNamedSite } from '../site/library.ts';
import { formatSpecErrors } from '../site/spec-error.ts';
import type { SiteSpec } from '../site/spec.ts';
import { parseSiteSpec } from '../site/validate.ts';
import { createFixture, fixtureStartUtcMs } from './core-fixture.ts';
import { noPermissions } from './model.ts';
import { alwaysSchedule, cloudRepeatersFromSpec, cloudStateFromSpec } from './state-from-spec.ts';

function parsed(input: unknown): SiteSpec {
  const result = parseSiteSpec(input);
  if (!result.ok) throw new Error(formatSpecErrors(result.errors));
  return result.spec;
}

describe('cloudStateFromSpec', () => {
  it('turns the office into users, locks, implicit and explicit groups, keys and activated IQs', () => {
    const state = cloudStateFromSpec(parsed(loadNamedSite('office')));
    expect(state.site).toMatchObject({ id: 'office', timeZone: 'Europe/Amsterdam', released: true });
    expect(state.site.subscription.seats).toBe(10_000);
    expect(state.users.get('user-anna')).toMatchObject({ role: 'owner', pin: '482913' });
    expect(state.users.get('user-anna')?.permissions.overridePrivacy).toBe(true);
    expect(state.users.get('user-bram')).toMatchObject({
      role: 'admin',
      permissions: { ...noPermissions, manualOfficeMode: true },
    });
    expect(state.users.get('user-7')).toMatchObject({
      name: 'user-7',
      role: 'user',
      permissions: noPermissions,
    });

    // Four locks say "all", the server and garage have lists of their own; the spec's Staff group comes last.
    const groups = [...state.accessGroups.values()];
    expect(groups.map((group) => [group.id, group.lockIds])).toEqual([
      ['implicit-1', ['lock-front', 'lock-meeting', 'lock-back', 'lock-storage']],
      ['implicit-2', ['lock-server']],
      ['implicit-3', ['lock-garage']],
      ['group-staff', ['lock-meeting']],
    ]);
    expect(groups[0]?.userIds).toHaveLength(8);
    expect(groups[0]?.schedules).toEqual([alwaysSchedule]);
    expect(groups[1]?.userIds).toEqual(['user-anna', 'user-bram']);
    expect(groups[3]).toMatchObject({
      name: 'Staff',
      schedules: [{ weekdays: [1, 2, 3, 4, 5], start: '07:00', end: '19:00' }],
    });
    expect(Object.hasOwn(groups[3]?.schedules[0] ?? {}, 'fromDate')).toBe(false);

    const meeting = state.locks.get('lock-meeting');
    expect(meeting?.settings.eomSchedules).toEqual([
      { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
    ]);
    expect(meeting?.settings.alerts).toEqual({ notClosed: true, intrusion: true, lowBattery: true });
    expect(state.locks.get('lock-garage')?.settings.openTimeMs).toBe(20_000);
    expect([...state.digitalKeys.keys()]).toEqual(['phone-anna', 'phone-bram', 'phone-5']);
    expect(state.iqs.get('iq-1')).toEqual({
      id: 'iq-1',
      activated: true,
      activationCode: 'ACT-iq-1',
      otpEnabled: false,
      userActivations: [],
    });
    expect(state.tags.get('tag-7')).toEqual({ id: 'tag-7', userId: 'user-7', blocked: false });
  });

  it("gives the campus one implicit group per building, shared by the building's locks", () => {
    const spec = parsed(generateCampusSpec({ iqs: 4, locksPerIq: 16, users: 40 }));
    const state = cloudStateFromSpec(spec);
    expect(state.accessGroups.size).toBe(4);
    for (const group of state.accessGroups.values()) {
      expect(group.lockIds).toHaveLength(16);
      expect(group.userIds).toHaveLength(10);
    }
    expect(cloudRepeatersFromSpec(spec)).toHaveLength(16);
  });

  it('keys only registered, verified phones, with their windows; leaves pod guests out of "all"', () => {
    const { state } = createFixture((spec) => {
      spec.phones = [
        {
          id: 'phone-1',
          user: 'user-1',
          keyValidFrom: '2026-03-02T07:00:00Z',
          keyValidUntil: '2026-03-09T07:00:00Z',
        },
        { id: 'phone-2', user: 'user-2', verified: false },
      ];
    });
    expect([...state.digitalKeys.values()]).toEqual([
      {
        phoneId: 'phone-1',
        userId: 'user-1',
        validFromUtcMs: fixtureStartUtcMs,
        validUntilUtcMs: fixtureStartUtcMs + 7 * 86_400_000,
      },
    ]);
    expect(state.phones.get('phone-2')).toMatchObject({ registered: true, verified: false });
    const everyone = state.accessGroups.get('implicit-1');
    expect(everyone?.lockIds).toEqual(['lock-a']);
    expect(everyone?.userIds).not.toContain('guest-1');
    expect(everyone?.userIds).toContain('installer');
    expect(state.accessGroups.get('implicit-2')?.userIds).toEqual(['super', 'user-1']);
    expect(state.pods.get('pod-1')).toEqual({
      id: 'pod-1',
      name: 'Acme',
      memberIds: ['user-1'],
      guestIds: ['guest-1'],
      lockIds: ['lock-b'],
      guestLimit: 1,
    });
  });

  it('shares one group between locks whose lists hold the same users in another order, and skips empty lists', () => {
    const { state } = createFixture((spec) => {
      const [a, b, c] = spec.locks ?? [];
      if (!a || !b || !c) throw new Error('fixture has three locks');
      spec.locks = [
        { ...a, access: [] },
        { ...b, access: ['user-1', 'user-2'] },
        { ...c, access: ['user-2', 'user-1'] },
      ];
    });
    expect([...state.accessGroups.values()].map((group) => [group.id, group.userIds, group.lockIds])).toEqual(
      [
        ['implicit-1', ['user-1', 'user-2'], ['lock-b', 'lock-c']],
        ['group-office', ['user-2'], ['lock-a', 'lock-b']],
      ],
    );
  });
});
