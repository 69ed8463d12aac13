import { describe, expect, it } from 'vitest';
import type { CredentialGrant, LockAccessData, UserGrant } from '../access/lock-access-data.ts';
import { decide, type LockCircumstances } from './firmware-decision.ts';

const fromUtcMs = Date.parse('2026-03-02T08:00:00Z');
const untilUtcMs = Date.parse('2026-03-02T18:00:00Z');
const always = { weekdays: [1, 2, 3, 4, 5, 6, 7] as const, start: '00:00', end: '24:00' };

function data(users: ReadonlyMap<string, UserGrant>): LockAccessData {
  const key: CredentialGrant = {
    userId: 'user-1',
    kind: 'digital_key',
    blocked: false,
    validFromUtcMs: fromUtcMs,
    validUntilUtcMs: untilUtcMs,
  };
  return {
    version: 1,
    timeZone: 'Europe/Amsterdam',
    grants: { credentials: new Map([['key:phone-1', key]]), users, offline: new Set(['key:phone-1']) },
    openTimeMs: 5_000,
    eomSchedules: [],
  };
}

const user: UserGrant = {
  schedules: [always],
  manualOfficeMode: false,
  easyOfficeMode: false,
  standing: 'active',
  usePin: true,
  overridePrivacy: false,
};

function at(lockUtcMs: number, users: ReadonlyMap<string, UserGrant> = new Map([['user-1', user]])) {
  const circumstances: LockCircumstances = {
    kind: 'bluenet-escutcheon',
    battery: 'fresh',
    lockUtcMs,
    data: data(users),
  };
  return decide({ credentialId: 'key:phone-1', method: 'digital_key' }, circumstances);
}

describe('the firmware on a key with a validity window', () => {
  it('opens from its first millisecond to the one before its end, which is exclusive', () => {
    expect(at(fromUtcMs - 1)).toMatchObject({ granted: false, reason: 'key not yet valid' });
    expect(at(fromUtcMs).granted).toBe(true);
    expect(at(untilUtcMs - 1).granted).toBe(true);
    expect(at(untilUtcMs)).toMatchObject({ granted: false, reason: 'key expired' });
  });

  it('refuses a credential whose user is not in the lock’s table', () => {
    expect(at(fromUtcMs, new Map())).toMatchObject({
      granted: false,
      userId: 'user-1',
      reason: 'no access group grants this lock',
    });
  });

  it('refuses a suspended or blocked user by name, before the schedule', () => {
    expect(at(fromUtcMs, new Map([['user-1', { ...user, standing: 'suspended' }]]))).toMatchObject({
      granted: false,
      reason: 'user suspended',
    });
    expect(at(fromUtcMs, new Map([['user-1', { ...user, standing: 'blocked' }]]))).toMatchObject({
      granted: false,
      reason: 'user blocked',
    });
  });

  it('refuses a PIN of a user whose PIN is switched off, and nothing else of theirs', () => {
    const offUser: UserGrant = { ...user, usePin: false };
    const pin: CredentialGrant = {
      userId: 'user-1',
      kind: 'pin',
      blocked: false,
      validFromUtcMs: undefined,
      validUntilUtcMs: undefined,
    };
    const lockData = data(new Map([['user-1', offUser]]));
    const withPin: LockAccessData = {
      ...lockData,
      grants: {
        ...lockData.grants,
        credentials: new Map([...lockData.grants.credentials, ['pin:123456', pin]]),
      },
    };
    const circumstances: LockCircumstances = {
      kind: 'pin',
      battery: 'fresh',
      lockUtcMs: fromUtcMs,
      data: withPin,
    };
    expect(decide({ credentialId: 'pin:123456', method: 'pin_code' }, circumstances)).toMatchObject({
      granted: false,
      reason: 'pin not enabled for this user',
    });
    expect(decide({ credentialId: 'key:phone-1', method: 'digital_key' }, circumstances).granted).toBe(true);
  });
});
