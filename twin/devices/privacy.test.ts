import { describe, expect, it } from 'vitest';
import type { GrantTables, LockAccessData, UserGrant } from '../access/lock-access-data.ts';
import { decide } from './firmware-decision.ts';
import { hasPrivacyKnob } from './privacy.ts';

const always = { weekdays: [1, 2, 3, 4, 5, 6, 7] as const, start: '00:00', end: '24:00' };
const nowUtcMs = Date.parse('2026-03-02T08:00:00Z');

function user(overridePrivacy: boolean, schedules: UserGrant['schedules'] = [always]): UserGrant {
  return {
    schedules,
    manualOfficeMode: true,
    easyOfficeMode: true,
    standing: 'active',
    usePin: true,
    overridePrivacy,
  };
}

function data(users: Record<string, UserGrant>): LockAccessData {
  const grants: GrantTables = {
    credentials: new Map(
      Object.keys(users).map((userId) => [
        `tag-${userId}`,
        { userId, kind: 'tag', blocked: false, validFromUtcMs: undefined, validUntilUtcMs: undefined },
      ]),
    ),
    users: new Map(Object.entries(users)),
    offline: new Set(),
  };
  return {
    version: 1,
    timeZone: 'Europe/Amsterdam',
    grants,
    openTimeMs: 5_000,
    eomSchedules: [always],
  };
}

function decideAt(credentialId: string, privacy: boolean, lockData: LockAccessData) {
  return decide(
    { credentialId, method: 'tag' },
    { kind: 'bluenet-escutcheon', battery: 'fresh', lockUtcMs: nowUtcMs, data: lockData, privacy },
  );
}

describe('the firmware in privacy mode', () => {
  const lockData = data({ plain: user(false), warden: user(true), outsider: user(false, []) });

  it('refuses a permitted user as privacy mode, and lets them in once privacy is off', () => {
    expect(decideAt('tag-plain', true, lockData)).toEqual({
      granted: false,
      userId: 'plain',
      reason: 'privacy mode',
    });
    expect(decideAt('tag-plain', false, lockData)).toMatchObject({
      granted: true,
      mayToggleEasyOfficeMode: true,
    });
  });

  it('opens for the override without toggling an office mode over privacy', () => {
    expect(decideAt('tag-warden', true, lockData)).toEqual({
      granted: true,
      userId: 'warden',
      mayToggleManualOfficeMode: false,
      mayToggleEasyOfficeMode: false,
    });
  });

  it('refuses someone without access for that, not for privacy', () => {
    expect(decideAt('tag-outsider', true, lockData)).toMatchObject({
      granted: false,
      reason: 'no access group grants this lock',
    });
  });

  it('gives the knob to the escutcheons only', () => {
    expect(hasPrivacyKnob('bluenet-escutcheon')).toBe(true);
    expect(hasPrivacyKnob('escutcheon')).toBe(true);
    expect(hasPrivacyKnob('pin')).toBe(true);
    expect(hasPrivacyKnob('bluenet-cylinder')).toBe(false);
    expect(hasPrivacyKnob('wall-reader')).toBe(false);
  });
});
