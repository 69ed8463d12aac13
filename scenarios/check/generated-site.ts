/**
 * Generated sites for exploration: 1–3 IQs with up to 16 locks each (most within easy reach of their IQ, some
 * behind a repeater), seeded fake users (no names: faker fills them from the run's seed), an office-hours access
 * group and an always-open one, per-user permissions, EOM schedules on some locks, and a start instant chosen
 * near a schedule boundary (so that time-zone and schedule-end bugs have a chance to show).
 */
import fc from 'fast-check';
import { features, type LockKind, type SiteSpecInput } from '../../twin/index.ts';
import { gateChoiceArbitrary, gateOf, type GateChoice } from './generated-gates.ts';

/**
 * Instants the generated runs start at (the site's zone is Europe/Amsterdam, UTC+1 in March until the 29th):
 * before opening and before closing (20 minutes, and one second, before 08:00 and 18:00 local), before a
 * daylight-saving weekend, and ten minutes before the clocks go forward (01:00 UTC on 29 March), so that bugs on
 * schedule edges and on the DST day are within reach of a short run.
 */
export const generatedStarts = [
  '2026-03-02T06:40:00Z',
  '2026-03-02T06:59:59Z',
  '2026-03-02T16:40:00Z',
  '2026-03-02T16:59:59Z',
  '2026-03-27T16:40:00Z',
  '2026-03-29T00:50:00Z',
] as const;

/** Roles of the users after the first (the owner): mostly plain users, some who may manage others. */
const roleArbitrary = fc.constantFrom(
  'user' as const,
  'user' as const,
  'super-user' as const,
  'admin' as const,
);

/** Audit buffers: the default, or small enough that an outage (or a busy minute) overflows them. */
const auditBufferChoices = [undefined, 1, 2, 3, 12] as const;

/** Open times: the default, and others, so that a relock and a held tag's 5 s mark do not always coincide. */
const openTimeChoicesMs = [undefined, undefined, 3_000, 8_000] as const;

/** A phone's digital key: valid without end, or ending this long after the start (a tap can land on the edge). */
const keyEndChoicesMs = [undefined, undefined, 60_000, 600_000] as const;
/** A digital key's start: from the beginning, or this long after the start (a tap before it is refused). */
const keyStartChoicesMs = [undefined, undefined, undefined, 30_000, 120_000] as const;

/**
 * Who commissions and pays: mostly a released site with every feature; now and then an installer among the users
 * (before or after release) or a subscription without a feature or not active, so the cloud's rules on
 * installers (2203, 2210) and subscriptions (2212) are asked.
 */
const commissioningChoices = [
  'released',
  'released',
  'released',
  'released',
  'released',
  'installer-released',
  'installer-unreleased',
  'no-remote-opening',
  'no-office-modes',
  'inactive',
] as const;

const officeHours = { weekdays: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[], start: '08:00', end: '18:00' };
const always = {
  weekdays: [1, 2, 3, 4, 5, 6, 7] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[],
  start: '00:00',
  end: '24:00',
};

export interface SiteShape {
  readonly iqs: number;
  readonly locksPerIq: readonly number[];
  readonly farLocks: readonly boolean[];
  readonly users: number;
  readonly permissions: readonly { mom: boolean; eom: boolean; remote: boolean }[];
  readonly kinds: readonly LockKind[];
  readonly eomOnLock: readonly boolean[];
  readonly start: (typeof generatedStarts)[number];
  readonly officeHoursUsers: readonly boolean[];
  readonly roles: readonly ('user' | 'super-user' | 'admin')[];
  readonly auditBufferMax: (typeof auditBufferChoices)[number];
  readonly keyEndsMs: readonly (typeof keyEndChoicesMs)[number][];
  readonly keyStartsMs: readonly (typeof keyStartChoicesMs)[number][];
  /** Which locks the office-hours group covers (all when none is drawn), and who also sits in a group with no
   * schedule on the first locks (their credentials are on those locks, refused: no group grants them). */
  readonly officeLocks: readonly boolean[];
  readonly unscheduledUsers: readonly boolean[];
  readonly commissioning: (typeof commissioningChoices)[number];
  readonly openTimesMs: readonly (typeof openTimeChoicesMs)[number][];
  /** Lock slots made gates: a wall reader with its controller (generated-gates.ts); null or none: the drawn kind. */
  readonly gates?: readonly (GateChoice | null)[];
}

const kindArbitrary = fc.constantFrom<LockKind>(
  'bluenet-escutcheon',
  'bluenet-cylinder',
  'escutcheon',
  'pin',
  'bluenet-escutcheon',
);

export const siteShapeArbitrary: fc.Arbitrary<SiteShape> = fc.record({
  iqs: fc.integer({ min: 1, max: 3 }),
  // Up to the limit of 16 per IQ, and now and then one over (which the twin must refuse).
  locksPerIq: fc.array(
    fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 16 }), weight: 40 },
      { arbitrary: fc.constant(17), weight: 1 },
    ),
    { minLength: 3, maxLength: 3 },
  ),
  farLocks: fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }),
  users: fc.integer({ min: 2, max: 8 }),
  permissions: fc.array(fc.record({ mom: fc.boolean(), eom: fc.boolean(), remote: fc.boolean() }), {
    minLength: 8,
    maxLength: 8,
  }),
  kinds: fc.array(kindArbitrary, { minLength: 48, maxLength: 48 }),
  eomOnLock: fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }),
  start: fc.constantFrom(...generatedStarts),
  officeHoursUsers: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  roles: fc.array(roleArbitrary, { minLength: 8, maxLength: 8 }),
  auditBufferMax: fc.constantFrom(...auditBufferChoices),
  keyEndsMs: fc.array(fc.constantFrom(...keyEndChoicesMs), { minLength: 8, maxLength: 8 }),
  keyStartsMs: fc.array(fc.constantFrom(...keyStartChoicesMs), { minLength: 8, maxLength: 8 }),
  officeLocks: fc.oneof(
    { arbitrary: fc.constant<boolean[]>([]), weight: 1 },
    { arbitrary: fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }), weight: 1 },
  ),
  unscheduledUsers: fc.oneof(
    { arbitrary: fc.constant<boolean[]>([]), weight: 2 },
    { arbitrary: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), weight: 1 },
  ),
  commissioning: fc.constantFrom(...commissioningChoices),
  openTimesMs: fc.array(fc.constantFrom(...openTimeChoicesMs), { minLength: 48, maxLength: 48 }),
  gates: fc.array(gateChoiceArbitrary, { minLength: 48, maxLength: 48 }),
});

/** The spec of a shape. IQs stand 100 m apart so each IQ's radio tree is its own. */
export function siteFromShape(shape: SiteShape): SiteSpecInput {
  const iqs = Array.from({ length: shape.iqs }, (_, index) => ({
    id: `iq-${index + 1}`,
    position: { x: 100 * index, y: 0 },
  }));
  const locks: NonNullable<SiteSpecInput['locks']> = [];
  const repeaters: NonNullable<SiteSpecInput['repeaters']> = [];
  iqs.forEach((iq, iqIndex) => {
    const count = shape.locksPerIq[iqIndex] ?? 1;
    let far = false;
    for (let index = 0; index < count; index++) {
      const slot = iqIndex * 16 + index;
      const isFar = shape.farLocks[slot] === true && index < 4;
      far ||= isFar;
      const angle = (2 * Math.PI * index) / count;
      const radiusM = isFar ? 16 : 3 + (index % 3);
      const drawn: (typeof locks)[number] = {
        id: `lock-${iqIndex + 1}-${index + 1}`,
        kind: shape.kinds[slot] ?? 'bluenet-escutcheon',
        iq: iq.id,
        door: `door-${iqIndex + 1}-${index + 1}`,
        position: isFar
          ? { x: iq.position.x + radiusM, y: 2 * index }
          : { x: iq.position.x + radiusM * Math.cos(angle), y: radiusM * Math.sin(angle) },
        access: [],
        eomSchedules: shape.eomOnLock[slot] === true ? [officeHours] : [],
        ...(shape.openTimesMs[slot] === undefined ? {} : { openTimeMs: shape.openTimesMs[slot] }),
      };
      locks.push(gateOf(drawn, shape.gates?.[slot]));
    }
    if (far)
      repeaters.push({ id: `rep-${iqIndex + 1}`, iq: iq.id, position: { x: iq.position.x + 8, y: 0 } });
  });
  const users = Array.from({ length: shape.users }, (_, index) => {
    const permissions = shape.permissions[index] ?? { mom: false, eom: false, remote: false };
    return {
      id: `user-${index + 1}`,
      role:
        index === 0
          ? ('owner' as const)
          : index === 1 && shape.commissioning.startsWith('installer')
            ? ('installer' as const)
            : (shape.roles[index] ?? 'user'),
      pin: String(100_000 + 1_111 * (index + 1)),
      // PINs that end, as a booking's do: drawn from the key ends the phones leave unused (they read the first
      // four), so the shape and every other draw stay as they were.
      ...pinEndOf(shape, index),
      permissions: {
        manualOfficeMode: permissions.mom,
        easyOfficeMode: permissions.eom,
        remoteOpening: permissions.remote,
        // Some override privacy mode, drawn from the permissions already drawn so every other draw stays as it was.
        overridePrivacy: permissions.remote && !permissions.eom,
      },
      ...(index === 0 ? { email: 'owner@example.com' } : {}),
    };
  });
  const officeHoursIds = users
    .filter((_, index) => index > 0 && shape.officeHoursUsers[index] === true)
    .map((user) => user.id);
  const alwaysIds = users.filter((user) => !officeHoursIds.includes(user.id)).map((user) => user.id);
  const lockIds = locks.map((lock) => lock.id);
  const drawnOfficeLocks = locks
    .filter((_, index) => shape.officeLocks[index] === true)
    .map((lock) => lock.id);
  const officeLockIds = drawnOfficeLocks.length > 0 ? drawnOfficeLocks : lockIds;
  // Users with an office-hours or always schedule elsewhere, put on the first locks by a group with none.
  const unscheduledIds = users
    .filter((_, index) => index > 0 && shape.unscheduledUsers[index] === true)
    .map((user) => user.id);
  return {
    name: 'generated',
    timeZone: 'Europe/Amsterdam',
    startsAtUtc: shape.start,
    iqs,
    repeaters,
    doors: locks.map((lock) => ({ id: lock.door })),
    locks,
    users,
    // Every third user's tag and every second phone's key without offline access: a lock cut off from its IQ
    // refuses them (fixed by position, so the shape and every other draw stay as they were).
    tags: users.map((user, index) => ({
      id: `tag-${index + 1}`,
      user: user.id,
      ...(index % 3 === 2 ? { offlineAccess: false } : {}),
    })),
    phones: users
      .filter((_, index) => index % 2 === 0)
      .map((user, index) => {
        const keyEndMs = shape.keyEndsMs[index];
        // A start only before the end (a key's window is never empty).
        const drawnStartMs = shape.keyStartsMs[index];
        const keyStartMs =
          drawnStartMs !== undefined && (keyEndMs === undefined || drawnStartMs < keyEndMs)
            ? drawnStartMs
            : undefined;
        return {
          id: `phone-${index + 1}`,
          user: user.id,
          ...(index % 2 === 1 ? { keyOfflineAccess: false } : {}),
          ...(keyStartMs === undefined
            ? {}
            : { keyValidFrom: new Date(Date.parse(shape.start) + keyStartMs).toISOString() }),
          ...(keyEndMs === undefined
            ? {}
            : { keyValidUntil: new Date(Date.parse(shape.start) + keyEndMs).toISOString() }),
        };
      }),
    ...(shape.auditBufferMax === undefined ? {} : { settings: { auditBufferMax: shape.auditBufferMax } }),
    ...commissioningOf(shape.commissioning),
    accessGroups: [
      ...(alwaysIds.length > 0
        ? [{ id: 'group-always', users: alwaysIds, locks: lockIds, schedules: [always] }]
        : []),
      ...(officeHoursIds.length > 0
        ? [{ id: 'group-office', users: officeHoursIds, locks: officeLockIds, schedules: [officeHours] }]
        : []),
      ...(unscheduledIds.length > 0
        ? [{ id: 'group-unscheduled', users: unscheduledIds, locks: lockIds.slice(0, 4), schedules: [] }]
        : []),
    ],
  };
}

function pinEndOf(shape: SiteShape, index: number): { pinExpiresAt?: string } {
  const endMs = shape.keyEndsMs[4 + (index % 4)];
  return endMs === undefined ? {} : { pinExpiresAt: new Date(Date.parse(shape.start) + endMs).toISOString() };
}

function commissioningOf(
  commissioning: SiteShape['commissioning'],
): Pick<SiteSpecInput, 'released' | 'subscription'> {
  switch (commissioning) {
    case 'installer-unreleased':
      return { released: false };
    case 'no-remote-opening':
    case 'no-office-modes': {
      const missing = commissioning === 'no-remote-opening' ? 'remote-opening' : 'office-modes';
      return { subscription: { features: features.filter((feature) => feature !== missing) } };
    }
    case 'inactive':
      return { subscription: { active: false } };
    default:
      return {};
  }
}
