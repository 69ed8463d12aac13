/**
 * Every error code the cloud core produces, each from an operation a person could really try, with the code and
 * HTTP status of the one error table. A refused operation changes nothing and reports no access change.
 */
import { describe, expect, it } from 'vitest';
import { locksPerIqMax, repeatersPerIqMax } from '../defaults.ts';
import type { SiteSpecInput } from '../site/spec.ts';
import { type CoreFixtureChange, createFixture, type Fixture, stateSnapshot } from './core-fixture.ts';
import { CloudError, type ErrorCode, errorTable } from './error-table.ts';

interface Row {
  readonly code: ErrorCode;
  readonly what: string;
  readonly spec?: CoreFixtureChange;
  /** Steps that succeed before the refused one. */
  readonly setup?: (fixture: Fixture) => void;
  readonly refused: (fixture: Fixture) => unknown;
  /** Part of the message (the parameter name of a 1101, a detail). */
  readonly message?: string;
}

function crowdedIq(spec: SiteSpecInput): void {
  const count = locksPerIqMax;
  spec.iqs.push({ id: 'iq-full', position: { x: 100, y: 0 } });
  for (let index = 0; index < count; index++) {
    spec.doors?.push({ id: `door-full-${index}` });
    spec.locks?.push({
      id: `lock-full-${index}`,
      kind: 'bluenet-escutcheon',
      iq: 'iq-full',
      door: `door-full-${index}`,
      position: { x: 100 + index, y: 3 },
    });
  }
}

function manyRepeaters(spec: SiteSpecInput): void {
  for (let index = 0; index < repeatersPerIqMax; index++) {
    spec.repeaters?.push({ id: `rep-2-${index}`, iq: 'iq-2', position: { x: 50 + index, y: 7 } });
  }
}

const rows: readonly Row[] = [
  {
    code: 1101,
    what: 'a PIN that is not 6 digits',
    refused: ({ core }) => core.setPin('admin', 'user-2', '12a'),
    message: "Value of 'pin' is invalid.",
  },
  {
    code: 1101,
    what: 'a PIN another user has',
    refused: ({ core }) => core.setPin('admin', 'user-2', '111111'),
    message: 'already in use',
  },
  {
    code: 1101,
    what: 'an open time above the maximum',
    refused: ({ core }) => core.setOpenTime('admin', 'lock-a', 240_001),
    message: "Value of 'openTimeMs' is invalid.",
  },
  {
    code: 1101,
    what: 'a schedule that ends before it starts',
    refused: ({ core }) =>
      core.setGroupSchedules('admin', 'group-office', [{ weekdays: [1], start: '18:00', end: '08:00' }]),
    message: "Value of 'schedules[0].end' is invalid.",
  },
  {
    code: 1101,
    what: 'a schedule on weekday 8',
    refused: ({ core }) =>
      core.setEomSchedules('admin', 'lock-a', [{ weekdays: [8 as never], start: '08:00', end: '18:00' }]),
    message: "Value of 'eomSchedules[0].weekdays[0]' is invalid.",
  },
  {
    code: 1101,
    what: 'a user with an empty name',
    refused: ({ core }) => core.addUser('admin', { id: 'user-3', name: ' ' }),
    message: "Value of 'name' is invalid.",
  },
  {
    code: 1501,
    what: 'activating an IQ with the wrong code',
    setup: ({ core }) => core.addIq('admin', 'iq-new'),
    refused: ({ core }) => core.activateIq('admin', 'iq-new', 'ACT-iq-1'),
  },
  {
    code: 2203,
    what: 'a plain user editing someone else',
    refused: ({ core }) => core.updateUser('user-1', 'user-2', { name: 'Udo' }),
  },
  {
    code: 2203,
    what: 'an admin editing the owner',
    refused: ({ core }) => core.setPin('admin', 'owner', '222222'),
  },
  {
    code: 2203,
    what: 'a super user making someone an admin',
    refused: ({ core }) => core.setRole('super', 'user-1', 'admin'),
  },
  {
    code: 2203,
    what: 'a user beyond the seats',
    spec: (spec) => {
      spec.subscription = { seats: 7 };
    },
    refused: ({ core }) => core.addUser('admin', { id: 'user-3', name: 'Tess Three' }),
    message: 'all 7 seats',
  },
  {
    code: 2203,
    what: 'a digital key on a phone that is not registered',
    refused: ({ core }) => core.issueDigitalKey('admin', 'phone-2'),
    message: 'phone-2 is not registered',
  },
  {
    code: 2203,
    what: 'an installer after release',
    refused: ({ core }) => core.blockTag('installer', 'tag-1'),
  },
  {
    code: 2204,
    what: 'a lock moved to an IQ that already serves the maximum',
    spec: crowdedIq,
    refused: ({ core }) => core.assignLockToIq('admin', 'lock-a', 'iq-full'),
  },
  {
    code: 2204,
    what: 'a repeater moved to an IQ that already has the maximum',
    spec: manyRepeaters,
    refused: ({ core }) => core.assignRepeaterToIq('admin', 'rep-1', 'iq-2'),
  },
  {
    code: 2206,
    what: 'replacing an IQ by one that is not activated',
    setup: ({ core }) => core.addIq('admin', 'iq-new'),
    refused: ({ core }) => core.replaceIq('admin', 'iq-1', 'iq-new'),
  },
  {
    code: 2206,
    what: 'replacing an IQ by one that already serves locks',
    refused: ({ core }) => core.replaceIq('admin', 'iq-1', 'iq-2'),
  },
  {
    code: 2208,
    what: 'activating an IQ twice',
    refused: ({ core }) => core.activateIq('admin', 'iq-1', 'ACT-iq-1'),
  },
  {
    code: 2209,
    what: 'deleting an IQ that still serves locks',
    refused: ({ core }) => core.deleteIq('admin', 'iq-2'),
  },
  {
    code: 2210,
    what: 'the owner using a site that is not released',
    spec: (spec) => {
      spec.released = false;
    },
    refused: ({ core }) => core.listUsers('owner'),
  },
  {
    code: 2212,
    what: 'a digital key without the feature',
    spec: (spec) => {
      spec.subscription = { features: ['pin-codes'] };
    },
    refused: ({ core }) => core.issueDigitalKey('admin', 'phone-1'),
  },
  {
    code: 2212,
    what: 'a PIN with the subscription lapsed',
    spec: (spec) => {
      spec.subscription = { active: false };
    },
    refused: ({ core }) => core.setPin('admin', 'user-2', '222222'),
  },
  {
    code: 2212,
    what: 'Manual Office Mode permission without office modes',
    spec: (spec) => {
      spec.subscription = { features: ['pin-codes', 'digital-keys'] };
    },
    refused: ({ core }) => core.setPermissions('admin', 'user-2', { manualOfficeMode: true }),
  },
  {
    code: 2213,
    what: 'a pod named like another (case aside)',
    refused: ({ core }) =>
      core.createPod('admin', { id: 'pod-3', name: 'acme', memberIds: ['admin'], guestLimit: 0 }),
  },
  {
    code: 2214,
    what: 'a pod with a lock that is not in the site',
    refused: ({ core }) =>
      core.createPod('admin', {
        id: 'pod-3',
        name: 'Gamma',
        memberIds: ['admin'],
        lockIds: ['lock-z'],
        guestLimit: 0,
      }),
  },
  {
    code: 2215,
    what: 'a pod whose members have no email',
    refused: ({ core }) =>
      core.createPod('admin', { id: 'pod-3', name: 'Gamma', memberIds: ['super'], guestLimit: 0 }),
  },
  {
    code: 2215,
    what: "removing the only pod member's email",
    refused: ({ core }) => core.updateUser('admin', 'user-1', { email: null }),
  },
  {
    code: 2216,
    what: 'the same user twice in a pod',
    refused: ({ core }) =>
      core.createPod('admin', { id: 'pod-3', name: 'Gamma', memberIds: ['admin', 'admin'], guestLimit: 0 }),
  },
  {
    code: 2217,
    what: 'a member of another pod',
    refused: ({ core }) => core.addPodMembers('admin', 'pod-2', ['user-1']),
  },
  {
    code: 2218,
    what: "another pod member's tag",
    refused: ({ core }) => core.assignPodMemberTag('admin', 'pod-1', 'user-1', 'tag-2'),
  },
  {
    code: 2219,
    what: 'a guest limit below the guests',
    refused: ({ core }) => core.setGuestLimit('admin', 'pod-1', 0),
  },
  {
    code: 2220,
    what: "deleting a pod member's site user",
    refused: ({ core }) => core.deleteUser('admin', 'user-1'),
  },
  {
    code: 2220,
    what: "changing a pod member's role",
    refused: ({ core }) => core.setRole('admin', 'user-2', 'super-user'),
  },
  {
    code: 2221,
    what: 'guests past the limit',
    refused: ({ core }) => core.addPodGuests('admin', 'pod-1', ['super']),
  },
  {
    code: 2222,
    what: "a pod guest given a lock that is not the pod's",
    refused: ({ core }) => core.addGroupUsers('admin', 'group-office', ['guest-1']),
  },
  {
    code: 2222,
    what: "taking from a pod a lock its guest's group uses",
    setup: ({ core }) =>
      core.createAccessGroup('admin', {
        id: 'group-guests',
        name: 'Acme guests',
        userIds: ['guest-1'],
        lockIds: ['lock-b'],
        schedules: [],
      }),
    refused: ({ core }) => core.setPodLocks('admin', 'pod-1', ['lock-a']),
  },
  {
    code: 2205,
    what: 'a digital key whose window ends before it starts (offline access)',
    refused: ({ core }) =>
      core.issueDigitalKey(
        'admin',
        'phone-1',
        Date.parse('2026-06-02T00:00:00Z'),
        Date.parse('2026-06-01T00:00:00Z'),
      ),
  },
  {
    code: 4201,
    what: 'inviting a user without an email',
    setup: ({ core }) => core.addUser('admin', { id: 'user-9', name: 'No Mail' }),
    refused: ({ core }) => core.inviteUser('admin', 'user-9'),
    message: 'user-9',
  },
  {
    code: 3104,
    what: 'an unknown user',
    refused: ({ core }) => core.getUser('owner', 'user-9'),
    message: 'user-9',
  },
  {
    code: 3104,
    what: 'blocking an unknown tag',
    refused: ({ core }) => core.blockTag('admin', 'tag-9'),
    message: 'tag-9',
  },
  {
    code: 3104,
    what: 'an unknown acting user',
    refused: ({ core }) => core.listLocks('nobody'),
  },
];

describe('the cloud core refuses with the error table', () => {
  it.each(rows.map((row) => [row.code, row.what, row] as const))('%i: %s', (code, _what, row) => {
    const fixture = createFixture(row.spec);
    row.setup?.(fixture);
    const before = stateSnapshot(fixture.state);
    const changesBefore = fixture.accessChanges.length;
    let error: unknown;
    try {
      row.refused(fixture);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CloudError);
    if (!(error instanceof CloudError)) return;
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(errorTable[code].httpStatus);
    if (row.message !== undefined) expect(error.message).toContain(row.message);
    expect(stateSnapshot(fixture.state)).toBe(before);
    expect(fixture.accessChanges).toHaveLength(changesBefore);
  });

  it('covers every code the brief names', () => {
    const named: ErrorCode[] = [
      1101, 1501, 2203, 2204, 2206, 2208, 2209, 2210, 2212, 2213, 2214, 2215, 2216, 2217, 2218, 2219, 2220,
      2221, 2222, 3104, 2205, 4201,
    ].sort() as ErrorCode[];
    expect([...new Set(rows.map((row) => row.code))].sort()).toEqual(named);
  });
});
