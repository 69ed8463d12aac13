/**
 * Generated input sequences with swarm testing: each run first draws which whole kinds of input and fault are
 * switched on (people with tags, phones, PINs, doors; admin changes; IQ internet, power, interference, battery,
 * clock drift, the cloud's eventual consistency), then a sequence of steps of the enabled kinds only. Runs that leave a kind out explore other
 * corners than runs that mix everything (Groce et al., "Swarm testing").
 */
import fc from 'fast-check';
import { hasKeypad, isWallReader, type SiteSpecInput, type TwinInput } from '../../twin/index.ts';
import { exitButtonStory } from './generated-gates.ts';
import { batteryRunsLowThenReplaced } from './generated-maintenance.ts';
import { firmwareUpdateThenOutage } from './generated-firmware.ts';
import { doorAroundMotor } from './generated-motor.ts';
import { privacyStory, tamperStory } from './generated-privacy.ts';
import type { Step } from './generated-step.ts';

export type { Step };

export interface Swarm {
  readonly tags: boolean;
  readonly phones: boolean;
  readonly pins: boolean;
  readonly doors: boolean;
  readonly admin: boolean;
  readonly iqInternet: boolean;
  readonly power: boolean;
  readonly interference: boolean;
  readonly battery: boolean;
  readonly clockDrift: boolean;
  /** The cloud's eventual-consistency fault (`cloud-lag`), with guests made through the API to feel it. */
  readonly cloudLag: boolean;
}

export const swarmArbitrary: fc.Arbitrary<Swarm> = fc
  .record({
    tags: fc.boolean(),
    phones: fc.boolean(),
    pins: fc.boolean(),
    doors: fc.boolean(),
    admin: fc.boolean(),
    iqInternet: fc.boolean(),
    power: fc.boolean(),
    interference: fc.boolean(),
    battery: fc.boolean(),
    clockDrift: fc.boolean(),
    cloudLag: fc.boolean(),
  })
  // Someone has to do something: a run with no people tests nothing.
  .map((swarm) => (swarm.tags || swarm.phones || swarm.pins ? swarm : { ...swarm, tags: true }));

interface Ids {
  readonly locks: string[];
  readonly pinLocks: string[];
  /** Locks with a battery: every kind but the mains-powered wall reader. */
  readonly batteryLocks: string[];
  /** Older escutcheons and their doors: a tag with the inside handle held toggles office mode there. */
  readonly escutcheons: { readonly lock: string; readonly door: string }[];
  readonly doors: string[];
  /** Locks with EOM windows: a permitted tag there starts Easy Office Mode. */
  readonly eomLocks: string[];
  readonly tags: string[];
  /** Tags of users with the EOM permission (the ones that can start Easy Office Mode). */
  readonly eomTags: string[];
  readonly phones: string[];
  readonly pins: string[];
  /** PINs that end (spec `pinExpiresAt`), with their end in run time. */
  readonly pinEnds: { readonly pin: string; readonly endMs: number }[];
  /** The run's start instant (UTC ms), for the expiries an admin sets. */
  readonly startUtcMs: number;
  readonly users: string[];
  readonly iqs: string[];
  readonly repeaters: string[];
  readonly groups: string[];
  /** (lock, user) pairs where the user is in no access group of the lock, as the site starts. */
  readonly outsiders: { readonly lock: string; readonly user: string }[];
  readonly iqPositions: { x: number; y: number }[];
}

/** Each lock with each user not in any of its access groups (its own access list counts as one). */
function outsidersOf(spec: SiteSpecInput): Ids['outsiders'] {
  const users = (spec.users ?? []).map((user) => user.id);
  return (spec.locks ?? []).flatMap((lock) => {
    const inside = new Set(lock.access === 'all' ? users : (lock.access ?? []));
    for (const group of spec.accessGroups ?? [])
      if ((group.locks ?? []).includes(lock.id)) for (const user of group.users ?? []) inside.add(user);
    return users.filter((user) => !inside.has(user)).map((user) => ({ lock: lock.id, user }));
  });
}

function eomTagsOf(spec: SiteSpecInput): string[] {
  const eomUsers = new Set(
    (spec.users ?? []).filter((user) => user.permissions?.easyOfficeMode === true).map((user) => user.id),
  );
  return (spec.tags ?? []).filter((tag) => eomUsers.has(tag.user)).map((tag) => tag.id);
}

function idsOf(spec: SiteSpecInput): Ids {
  const locks = spec.locks ?? [];
  return {
    locks: locks.map((lock) => lock.id),
    pinLocks: locks.filter((lock) => hasKeypad(lock.kind)).map((lock) => lock.id),
    batteryLocks: locks.filter((lock) => !isWallReader(lock.kind)).map((lock) => lock.id),
    escutcheons: locks
      .filter((lock) => lock.kind === 'escutcheon')
      .map((lock) => ({ lock: lock.id, door: lock.door })),
    doors: locks.map((lock) => lock.door),
    eomLocks: locks.filter((lock) => (lock.eomSchedules ?? []).length > 0).map((lock) => lock.id),
    tags: (spec.tags ?? []).map((tag) => tag.id),
    eomTags: eomTagsOf(spec),
    phones: (spec.phones ?? []).map((phone) => phone.id),
    pins: (spec.users ?? []).flatMap((user) => (user.pin === undefined ? [] : [user.pin])),
    pinEnds: (spec.users ?? []).flatMap((user) =>
      user.pin === undefined || user.pinExpiresAt === undefined
        ? []
        : [{ pin: user.pin, endMs: Date.parse(user.pinExpiresAt) - Date.parse(spec.startsAtUtc ?? '') }],
    ),
    startUtcMs: Date.parse(spec.startsAtUtc ?? ''),
    users: (spec.users ?? []).map((user) => user.id),
    iqs: spec.iqs.map((iq) => iq.id),
    repeaters: (spec.repeaters ?? []).map((repeater) => repeater.id),
    groups: (spec.accessGroups ?? []).map((group) => group.id),
    outsiders: outsidersOf(spec),
    iqPositions: spec.iqs.map((iq) => iq.position),
  };
}

const pick = (items: readonly string[]): fc.Arbitrary<string> => fc.constantFrom(...items);

function peopleSteps(ids: Ids, swarm: Swarm): fc.Arbitrary<TwinInput>[] {
  const steps: fc.Arbitrary<TwinInput>[] = [];
  if (swarm.tags && ids.tags.length > 0) {
    steps.push(
      fc.record({
        type: fc.constant('present-tag' as const),
        tag: pick(ids.tags),
        lock: pick(ids.locks),
        // Mostly a tap; now and then a hold around the office-mode threshold (5 s), on either side of it.
        holdMs: fc.constantFrom(0, 0, 0, 0, 4_999, 5_000, 5_001, 5_100),
      }),
    );
  }
  if (swarm.phones && ids.phones.length > 0) {
    steps.push(
      fc.record({ type: fc.constant('tap-phone' as const), phone: pick(ids.phones), lock: pick(ids.locks) }),
    );
    // A phone without internet still opens with its key (the lock checks it locally).
    steps.push(
      fc.record({ type: fc.constant('phone-internet' as const), phone: pick(ids.phones), on: fc.boolean() }),
    );
  }
  if (swarm.pins && ids.pins.length > 0 && ids.pinLocks.length > 0)
    steps.push(
      fc.record({
        type: fc.constant('enter-pin' as const),
        // Mostly someone's PIN; now and then one an admin may hand out later, or nobody's (no_access).
        pin: fc.oneof({ arbitrary: pick(ids.pins), weight: 6 }, { arbitrary: pick(sparePins), weight: 1 }),
        // Mostly at a keypad; now and then at a lock without one (refused: no keypad).
        lock: fc.oneof(
          { arbitrary: pick(ids.pinLocks), weight: 4 },
          { arbitrary: pick(ids.locks), weight: 1 },
        ),
      }),
    );
  if (swarm.doors) {
    steps.push(fc.record({ type: fc.constant('open-door' as const), door: pick(ids.doors) }));
    steps.push(fc.record({ type: fc.constant('close-door' as const), door: pick(ids.doors) }));
    steps.push(
      fc.record({
        type: fc.constant('hold-handle' as const),
        door: pick(ids.doors),
        // Long holds too, so that a tag shown at that lock meanwhile meets the handle held (older escutcheon).
        durationMs: fc.constantFrom(3_000, 30_000),
      }),
    );
    // Someone forces a door (intrusion when the lock is locked).
    steps.push(fc.record({ type: fc.constant('force-door' as const), door: pick(ids.doors) }));
  }
  return steps;
}

/** PINs no generated user starts with (`pinsOf` gives 1xxxxx): set by an admin, or typed by a stranger. */
const sparePins = ['424242', '535353'];

/**
 * An admin sets a PIN of their choice (the site has custom-pin unless its subscription lacks features): someone's
 * own or another's (1101), a spare one, or none (removed), ending never, soon, later or already (1101).
 */
function pinSteps(ids: Ids, actor: fc.Arbitrary<string>): fc.Arbitrary<TwinInput>[] {
  if (Number.isNaN(ids.startUtcMs)) return [];
  const expiry = fc
    .constantFrom(undefined, undefined, 90_000, 900_000, 7_200_000, -60_000)
    .map((offsetMs) => (offsetMs === undefined ? [] : [new Date(ids.startUtcMs + offsetMs).toISOString()]));
  const pin = fc.oneof(
    { arbitrary: pick([...ids.pins, ...sparePins]), weight: 4 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  return [
    fc
      .record({ actor, user: pick(ids.users), pin, expiry })
      .map(({ actor: by, user, pin: digits, expiry: end }): TwinInput => ({
        type: 'admin',
        actor: by,
        action: 'set-pin',
        args: [user, digits, ...end],
      })),
  ];
}

/** Guests a run may create (ids no generated site uses). */
const guestIds = ['guest-1', 'guest-2'];

/**
 * A booking as a booking system makes it through the Connect API: a guest created (suspended at a full site),
 * then put in an access group.
 */
function bookingSteps(ids: Ids, actor: fc.Arbitrary<string>): fc.Arbitrary<TwinInput>[] {
  const admin = (action: string, args: fc.Arbitrary<unknown[]>): fc.Arbitrary<TwinInput> =>
    fc.record({
      type: fc.constant('admin' as const),
      actor,
      action: fc.constant(action),
      args,
    }) as fc.Arbitrary<TwinInput>;
  const guest = fc.record({
    id: pick(guestIds),
    name: fc.constant('Guest'),
    role: fc.constant('guest'),
    whenSeatsFull: fc.constant('suspend'),
  });
  const steps = [admin('core', fc.tuple(fc.constant('addUser'), guest))];
  if (ids.groups.length > 0)
    steps.push(admin('add-group-users', fc.tuple(pick(ids.groups), fc.tuple(pick(guestIds)))));
  return steps;
}

/** EOM windows an admin may set: none (EOM off), working hours, or all day. */
const eomScheduleChoices = [
  [],
  [{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
  [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
];

function adminSteps(ids: Ids, swarm: Swarm): fc.Arbitrary<TwinInput>[] {
  if (!swarm.admin) return [];
  const owner = ids.users[0] as string;
  const anyone = pick([owner, owner, ...ids.users]);
  const admin = <T extends string>(
    action: T,
    args: fc.Arbitrary<unknown[]>,
    actor: fc.Arbitrary<string> = fc.constant(owner),
  ) => fc.record({ type: fc.constant('admin' as const), actor, action: fc.constant(action), args });
  const steps: fc.Arbitrary<TwinInput>[] = [
    // Mostly the owner; sometimes anyone, who may or may not manage that tag's user (roles decide).
    admin('block-tag', fc.tuple(pick(ids.tags)), anyone) as fc.Arbitrary<TwinInput>,
    admin('unblock-tag', fc.tuple(pick(ids.tags)), anyone) as fc.Arbitrary<TwinInput>,
    // Mostly the owner (who may), sometimes anyone (who may not: refusals are part of the story).
    admin(
      'remote-open',
      fc.tuple(pick(ids.locks)),
      pick([owner, owner, ...ids.users]),
    ) as fc.Arbitrary<TwinInput>,
    admin('remote-open', fc.tuple(pick(ids.locks)), fc.constant(owner)) as fc.Arbitrary<TwinInput>,
    admin(
      'office-mode',
      fc.tuple(pick(ids.locks), fc.boolean()),
      pick([owner, ...ids.users]),
    ) as fc.Arbitrary<TwinInput>,
  ];
  // Someone commands a lock outside their access groups: their permission alone must not reach it.
  if (ids.outsiders.length > 0)
    steps.push(
      fc
        .tuple(fc.constantFrom(...ids.outsiders), fc.constantFrom('remote-open', 'office-mode'), fc.boolean())
        .map(([{ lock, user }, action, on]): TwinInput => ({
          type: 'admin',
          actor: user,
          action,
          args: action === 'remote-open' ? [lock] : [lock, on],
        })),
    );
  // An admin changes or clears a lock's EOM windows, now and then while the lock is in EOM.
  steps.push(
    admin(
      'set-eom-schedules',
      fc.tuple(pick(ids.locks), fc.constantFrom(...eomScheduleChoices)),
      pick([owner, owner, ...ids.users]),
    ) as fc.Arbitrary<TwinInput>,
  );
  // User management as the REST API records it (a `core` operation): role changes, now and then a deletion.
  steps.push(
    admin(
      'core',
      fc.tuple(
        fc.constant('setRole'),
        pick(ids.users),
        fc.constantFrom('user', 'super-user', 'admin', 'owner', 'installer'),
      ),
      anyone,
    ) as fc.Arbitrary<TwinInput>,
  );
  steps.push(
    admin('core', fc.tuple(fc.constant('deleteUser'), pick(ids.users)), anyone) as fc.Arbitrary<TwinInput>,
  );
  // An admin blocks or unblocks a person (refused at every lock), or takes or gives back their seat.
  steps.push(
    admin(
      'core',
      fc.tuple(fc.constant('setUserSettings'), pick(ids.users), fc.record({ blocked: fc.boolean() })),
      anyone,
    ) as fc.Arbitrary<TwinInput>,
  );
  steps.push(
    admin(
      'core',
      fc.tuple(
        fc.constant('setSubscriptionState'),
        pick([...ids.users, ...guestIds]),
        fc.constantFrom('suspended', 'subscribed'),
      ),
      anyone,
    ) as fc.Arbitrary<TwinInput>,
  );
  steps.push(...bookingSteps(ids, anyone));
  // A notification rule for every attempt (openings and refusals), to the owner's address.
  steps.push(
    admin(
      'add-notification-rule',
      // Each id keeps its channels: setting a rule again replaces it, and its earlier messages stay counted.
      fc.tuple(
        fc.constantFrom(
          ...[['email'], ['email', 'push']].map((channels, index) => ({
            id: `rule-every-attempt-${index + 1}`,
            name: 'Every attempt',
            userIds: 'anyone',
            lockIds: 'any',
            schedules: 'always',
            methods: 'any',
            channels,
            recipients: ['owner@example.com'],
          })),
        ),
      ),
    ) as fc.Arbitrary<TwinInput>,
  );
  // Digital keys taken away and issued again: each reaches its phone's app only over the phone's internet.
  if (ids.phones.length > 0) {
    steps.push(admin('revoke-key', fc.tuple(pick(ids.phones)), anyone) as fc.Arbitrary<TwinInput>);
    steps.push(admin('issue-key', fc.tuple(pick(ids.phones)), anyone) as fc.Arbitrary<TwinInput>);
  }
  if (ids.groups.length > 0) {
    steps.push(
      admin(
        'remove-group-users',
        fc.tuple(pick(ids.groups), fc.tuple(pick(ids.users))),
        anyone,
      ) as fc.Arbitrary<TwinInput>,
    );
    steps.push(
      admin(
        'add-group-users',
        fc.tuple(pick(ids.groups), fc.tuple(pick([...ids.users, ...guestIds]))),
        anyone,
      ) as fc.Arbitrary<TwinInput>,
    );
  }
  return steps;
}

function faultSteps(ids: Ids, swarm: Swarm): fc.Arbitrary<TwinInput>[] {
  const steps: fc.Arbitrary<TwinInput>[] = [];
  if (swarm.iqInternet) {
    const cut = fc.record({ type: fc.constant('iq-internet' as const), iq: pick(ids.iqs), up: fc.boolean() });
    steps.push(cut, cut);
  }
  if (swarm.power)
    steps.push(
      fc.record({
        type: fc.constant('power' as const),
        device: pick([...ids.iqs, ...ids.repeaters]),
        on: fc.boolean(),
      }),
    );
  if (swarm.interference) {
    steps.push(
      fc.record({
        type: fc.constant('interference' as const),
        x: fc.constantFrom(...ids.iqPositions.map((position) => position.x)),
        y: fc.constant(0),
        radiusM: fc.constant(25),
        lossProbability: fc.constantFrom(0.5, 0.9, 1),
        durationMs: fc.integer({ min: 10_000, max: 600_000 }),
      }),
    );
  }
  if (swarm.battery && ids.batteryLocks.length > 0)
    steps.push(
      fc.record({
        type: fc.constant('battery' as const),
        lock: pick(ids.batteryLocks),
        level: fc.constantFrom('fresh' as const, 'low' as const, 'very-low' as const),
      }),
      // Maintenance: new batteries, now and then after a low reading.
      fc.record({ type: fc.constant('replace-battery' as const), lock: pick(ids.batteryLocks) }),
    );
  if (swarm.cloudLag) {
    steps.push(
      fc.record({
        type: fc.constant('cloud-lag' as const),
        // Off, around the minute integrators saw, and longer than a run's gaps.
        lagMs: fc.constantFrom(0, 30_000, 60_000, 600_000, 600_000),
      }),
    );
    // Bookings by the owner while the cloud lags, so that a guest meets the lag.
    steps.push(...bookingSteps(ids, fc.constant(ids.users[0] as string)));
  }
  if (swarm.clockDrift)
    steps.push(
      fc.record({
        type: fc.constant('lock-clock' as const),
        lock: pick(ids.locks),
        // Mostly hours off; now and then around the second below which the IQ's time leaves a clock alone.
        offsetMs: fc.oneof(
          { arbitrary: fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }), weight: 4 },
          { arbitrary: fc.integer({ min: -1_500, max: 1_500 }), weight: 1 },
        ),
      }),
    );
  return steps;
}

/**
 * Credential settings an admin changes (PINs of their choice with or without an end, offline access of a tag or
 * a phone's key), as a chunk of their own so that the other admin steps keep their weights.
 */
function credentialAdminSteps(ids: Ids, swarm: Swarm): fc.Arbitrary<TwinInput>[] {
  if (!swarm.admin) return [];
  const owner = ids.users[0] as string;
  const anyone = pick([owner, owner, ...ids.users]);
  const steps: fc.Arbitrary<TwinInput>[] = [...pinSteps(ids, anyone)];
  // Offline access given or taken away (admins only: others are refused), for a tag or a phone's key.
  const offlineTargets = [
    ...ids.tags.map((id) => ['tag', id]),
    ...ids.phones.map((id) => ['digital_key', id]),
  ] as [string, string][];
  if (offlineTargets.length > 0)
    steps.push(
      fc
        .tuple(anyone, fc.constantFrom(...offlineTargets), fc.boolean())
        .map(([by, [kind, id], on]): TwinInput => ({
          type: 'admin',
          actor: by,
          action: 'set-offline-access',
          args: [kind, id, on],
        })),
    );
  return steps;
}

/** Steps for a site under a swarm: people weigh most, then admin changes, then faults. */
export function stepArbitrary(spec: SiteSpecInput, swarm: Swarm): fc.Arbitrary<Step> {
  const ids = idsOf(spec);
  const people = peopleSteps(ids, swarm);
  const admin = adminSteps(ids, swarm);
  const faults = faultSteps(ids, swarm);
  const weighted = [
    ...people.map((arbitrary) => ({ arbitrary, weight: 6 })),
    ...admin.map((arbitrary) => ({ arbitrary, weight: 3 })),
    ...faults.map((arbitrary) => ({ arbitrary, weight: 2 })),
  ];
  // A swarm whose people kinds have nothing to act on here (PINs without a keypad lock) falls back to tags.
  if (people.length === 0)
    weighted.push({
      arbitrary: peopleSteps(ids, { ...swarm, tags: true })[0] as fc.Arbitrary<TwinInput>,
      weight: 6,
    });
  const input = fc.oneof(...weighted);
  const gapMs = fc.oneof(
    { arbitrary: fc.integer({ min: 500, max: 20_000 }), weight: 3 },
    // Edges: within a second (a start one second before a schedule edge), just before, at and after the
    // NOT CLOSED time (38 s) and the fifth missed heartbeat (5 min),
    { arbitrary: fc.integer({ min: 1, max: 1_000 }), weight: 1 },
    // and just before a generated key's end (60 s after the start), so a tap's handshake straddles it.
    {
      arbitrary: fc.constantFrom(37_999, 38_000, 38_001, 58_900, 59_200, 59_600, 299_999, 300_000, 300_001),
      weight: 1,
    },
    { arbitrary: fc.integer({ min: 20_000, max: 600_000 }), weight: 1 },
    // Now and then a long quiet stretch, so that schedule boundaries come within reach of a short sequence.
    { arbitrary: fc.integer({ min: 600_000, max: 3_600_000 }), weight: 1 },
  );
  return fc.record({ gapMs, input });
}

/**
 * Steps in chunks: mostly one step, and now and then a pair that only means something together (the inside
 * handle of an older escutcheon held, then a tag at that same lock while it is held), which independent steps
 * almost never line up.
 */
export function stepChunkArbitrary(spec: SiteSpecInput, swarm: Swarm): fc.Arbitrary<Step[]> {
  const single = stepArbitrary(spec, swarm).map((step) => [step]);
  const ids = idsOf(spec);
  const chunks = [{ arbitrary: single, weight: 12 }];
  const eom = eomThenChange(ids, swarm);
  if (eom !== undefined) chunks.push({ arbitrary: eom, weight: 1 });
  const revoked = revokeThenTap(ids, swarm);
  if (revoked !== undefined) chunks.push({ arbitrary: revoked, weight: 1 });
  // A cut-off lock met by a tag, and an admin's change to a PIN or to offline access (in the lock stories' chunk).
  const credentialStories: fc.Arbitrary<Step[]>[] = [];
  const cutOff = cutOffThenCredential(spec, swarm);
  if (cutOff !== undefined) credentialStories.push(cutOff);
  const credentialAdmin = credentialAdminSteps(ids, swarm);
  if (credentialAdmin.length > 0)
    credentialStories.push(
      fc
        .tuple(fc.oneof(...credentialAdmin), fc.integer({ min: 500, max: 20_000 }))
        .map(([input, gapMs]): Step[] => [{ gapMs, input }]),
    );
  // Doors pushed around a lock's motor runs, and a low battery then new batteries (one chunk's weight together).
  const motor = doorAroundMotor(spec, swarm);
  const maintenance = batteryRunsLowThenReplaced(spec, swarm);
  // Privacy mode and the tamper sensor share one chunk's weight, so the other stories keep their share.
  // So do the credential stories above (a cut-off lock, an admin's PIN or offline-access change).
  const lockStories = [privacyStory(spec, swarm), tamperStory(spec, swarm), ...credentialStories].filter(
    (story) => story !== undefined,
  );
  if (lockStories.length > 0) chunks.push({ arbitrary: fc.oneof(...lockStories), weight: 1 });
  // A firmware update cut short by an outage is maintenance too: it shares that chunk's weight.
  const firmware = firmwareUpdateThenOutage(spec, swarm);
  const deviceStories = [motor, maintenance, firmware].filter((story) => story !== undefined);
  if (deviceStories.length > 0) chunks.push({ arbitrary: fc.oneof(...deviceStories), weight: 1 });
  // Someone leaving by a gate's exit button, looked at again once its relay should have released.
  const exitButton = exitButtonStory(spec, swarm);
  if (exitButton !== undefined) chunks.push({ arbitrary: exitButton, weight: 1 });
  if (!swarm.doors || ids.escutcheons.length === 0 || ids.tags.length === 0) return fc.oneof(...chunks);
  const handleThenTag = fc
    .tuple(fc.constantFrom(...ids.escutcheons), pick(ids.tags), fc.integer({ min: 500, max: 20_000 }))
    .map(([{ lock, door }, tag, gapMs]): Step[] => [
      { gapMs, input: { type: 'hold-handle', door, durationMs: 10_000 } },
      { gapMs: 1_000, input: { type: 'present-tag', tag, lock, holdMs: 0 } },
    ]);
  return fc.oneof(...chunks, { arbitrary: handleThenTag, weight: 1 });
}

/**
 * An IQ loses power, then someone shows a tag at one of its locks: the lock, cut off from its IQ, opens only for
 * its offline list (independent power and tag steps seldom meet at the same IQ).
 */
function cutOffThenCredential(spec: SiteSpecInput, swarm: Swarm): fc.Arbitrary<Step[]> | undefined {
  const tags = (spec.tags ?? []).map((tag) => tag.id);
  if (!swarm.power || tags.length === 0) return undefined;
  const pairs = (spec.locks ?? []).map((lock) => ({ lock: lock.id, iq: lock.iq }));
  if (pairs.length === 0) return undefined;
  return fc
    .tuple(fc.constantFrom(...pairs), pick(tags), fc.integer({ min: 500, max: 20_000 }))
    .map(([{ lock, iq }, tag, gapMs]): Step[] => [
      { gapMs, input: { type: 'power', device: iq, on: false } },
      { gapMs: 2_000, input: { type: 'present-tag', tag, lock, holdMs: 0 } },
    ]);
}

/**
 * A tag at a lock with EOM windows (which starts EOM when its user may), then, while the lock may be in EOM, an
 * admin changes that lock's EOM windows or someone switches Manual Office Mode on it from the cloud.
 */
function eomThenChange(ids: Ids, swarm: Swarm): fc.Arbitrary<Step[]> | undefined {
  if (!swarm.admin || ids.eomLocks.length === 0 || ids.tags.length === 0) return undefined;
  const owner = ids.users[0] as string;
  const change = (lock: string): fc.Arbitrary<TwinInput> =>
    fc.oneof(
      fc.record({
        type: fc.constant('admin' as const),
        actor: fc.constant(owner),
        action: fc.constant('set-eom-schedules'),
        args: fc.tuple(fc.constant(lock), fc.constantFrom(...eomScheduleChoices)),
      }),
      // The owner may always switch MOM on (the case that must take over EOM); anyone may try either way.
      fc.constant({ type: 'admin' as const, actor: owner, action: 'office-mode', args: [lock, true] }),
      fc.record({
        type: fc.constant('admin' as const),
        actor: pick([owner, ...ids.users]),
        action: fc.constant('office-mode'),
        args: fc.tuple(fc.constant(lock), fc.boolean()),
      }),
    ) as fc.Arbitrary<TwinInput>;
  return fc
    .tuple(
      pick(ids.eomLocks),
      // Mostly a tag that can start EOM (else the change meets a lock that never entered it), now and then any.
      ids.eomTags.length === 0
        ? pick(ids.tags)
        : fc.oneof({ arbitrary: pick(ids.eomTags), weight: 3 }, { arbitrary: pick(ids.tags), weight: 1 }),
      fc.integer({ min: 500, max: 20_000 }),
    )
    .chain(([lock, tag, gapMs]) =>
      fc.tuple(change(lock), fc.integer({ min: 1_000, max: 120_000 })).map(([input, afterMs]): Step[] => [
        { gapMs, input: { type: 'present-tag', tag, lock, holdMs: 0 } },
        { gapMs: afterMs, input },
      ]),
    );
}

/**
 * A phone goes offline, the owner revokes its key, the phone comes back online (the app must learn of the
 * revocation now), then it is tapped once the change has had time to reach it: whether the app still presents the
 * key is what the phone-key-held invariant judges, and independent steps rarely line these four up for one phone.
 */
function revokeThenTap(ids: Ids, swarm: Swarm): fc.Arbitrary<Step[]> | undefined {
  if (!swarm.admin || !swarm.phones || ids.phones.length === 0) return undefined;
  const owner = ids.users[0] as string;
  return fc
    .tuple(pick(ids.phones), pick(ids.locks), fc.integer({ min: 6_000, max: 30_000 }))
    .map(([phone, lock, afterMs]): Step[] => [
      { gapMs: 1_000, input: { type: 'phone-internet', phone, on: false } },
      { gapMs: 1_000, input: { type: 'admin', actor: owner, action: 'revoke-key', args: [phone] } },
      { gapMs: afterMs, input: { type: 'phone-internet', phone, on: true } },
      { gapMs: afterMs, input: { type: 'tap-phone', phone, lock } },
    ]);
}

/** Milliseconds from a run's start to the next whole UTC hour (every generated start sits just before one). */
function toNextHourMs(startsAtUtc: string | undefined): number {
  const hourMs = 3_600_000;
  const startMs = Date.parse(startsAtUtc ?? '');
  return Number.isNaN(startMs) ? hourMs : hourMs - (startMs % hourMs);
}

/**
 * A first step on an edge, now and then: a PIN typed (it acts at once, so on the very millisecond) or a tag shown
 * 1 ms before, on or after the first schedule boundary of the run (the generated starts sit before a whole hour
 * that is 08:00 or 18:00 local, or the DST change), or a phone tapped 1.1 s or 300 ms before a generated key's end
 * (its handshake lands the key within the last second of the key, or within the second after it). Independent gaps almost never hit these instants.
 */
export function edgeOpenerArbitrary(spec: SiteSpecInput): fc.Arbitrary<Step[]> {
  const ids = idsOf(spec);
  const boundaryMs = toNextHourMs(spec.startsAtUtc);
  const onBoundary = fc.constantFrom(boundaryMs - 1, boundaryMs, boundaryMs + 1);
  const openers: fc.Arbitrary<Step>[] = [];
  if (ids.pins.length > 0 && ids.locks.length > 0)
    openers.push(
      fc.record({
        gapMs: onBoundary,
        input: fc.record({
          type: fc.constant('enter-pin' as const),
          pin: pick(ids.pins),
          lock: pick(ids.pinLocks.length > 0 ? ids.pinLocks : ids.locks),
        }),
      }),
    );
  if (ids.tags.length > 0)
    openers.push(
      fc.record({
        gapMs: onBoundary,
        input: fc.record({
          type: fc.constant('present-tag' as const),
          tag: pick(ids.tags),
          lock: pick(ids.locks),
          holdMs: fc.constant(0),
        }),
      }),
    );
  if (ids.phones.length > 0)
    openers.push(
      fc.record({
        gapMs: fc.constantFrom(58_900, 59_700, 598_900, 599_700),
        input: fc.record({
          type: fc.constant('tap-phone' as const),
          phone: pick(ids.phones),
          lock: pick(ids.locks),
        }),
      }),
    );
  // A PIN typed at its end, on the millisecond or just after: the cloud takes it off the locks then, but the
  // lock still holds it for the sync's latency and must refuse it on its own clock.
  if (ids.pinEnds.length > 0 && ids.pinLocks.length > 0)
    openers.push(
      fc
        .tuple(fc.constantFrom(...ids.pinEnds), fc.constantFrom(0, 0, 1, 20), pick(ids.pinLocks))
        .map(([{ pin, endMs }, afterMs, lock]): Step => ({
          gapMs: endMs + afterMs,
          input: { type: 'enter-pin', pin, lock },
        })),
    );
  const none = fc.constant<Step[]>([]);
  if (openers.length === 0) return none;
  return fc.oneof(
    { arbitrary: none, weight: 2 },
    { arbitrary: fc.oneof(...openers).map((step) => [step]), weight: 1 },
  );
}
