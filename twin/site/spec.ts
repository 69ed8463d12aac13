/**
 * The site spec: a JSON description of one site (IQs, repeaters, locks, doors, users, tags, phones, access groups,
 * pods, the subscription), positions in metres. It is validated with a schema; a bad spec is reported with the path
 * of the bad field.
 *
 * Every field added after the first library sites has a default that keeps them (and the campus generator) valid
 * and meaning what they meant: a released site with a full subscription, plain users, every phone registered and
 * verified, no tag blocked, no office-mode schedules, every door alert on, no explicit access groups, no pods.
 */
import { z } from 'zod';
import { defectNames, isDefectName } from '../defects.ts';
import { features, roles } from '../access/roles.ts';
import { scheduleSchema } from './schedule-schema.ts';
import { roomsSchema, wallsSchema } from './floor-plan.ts';
import { isWallReader } from './lock-kinds.ts';
import { coordinateMSchema, radioBounds, siteCountsMax, textCharsMax } from './physical-bounds.ts';
import {
  batteryLevels,
  epochUtcIsoDefault,
  motorMsMax,
  motorMsMin,
  openTimeMsDefault,
  openTimeMsMax,
  openTimeMsMin,
  timeZoneDefault,
} from '../defaults.ts';

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'an id is 1–64 letters, digits, or _ . : -');
/** The id format of every entity, for code that takes new ids from outside (the cloud's operations). */
export const idSchema = id;

/** A UTC instant: `2026-03-02T07:00:00Z` (an explicit offset like `+01:00` is accepted too). */
const name = z.string().max(textCharsMax.name);
const description = z.string().max(textCharsMax.description);
/** A list of ids of people (an access list, a group's members…), at most as many as a site has users. */
const userIds = z.array(id).max(siteCountsMax.users);
const lockIds = z.array(id).max(siteCountsMax.locks);
const schedules = z.array(scheduleSchema).max(siteCountsMax.schedules);

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO instant like 2026-03-02T07:00:00Z' });

/** Seats (users) a subscription has when a spec does not say. */
export const subscriptionSeatsDefault = 10_000;
/** Upper bound on seats, so a typo cannot claim more than the twin is built for. */
export const subscriptionSeatsMax = 1_000_000;

/** Metres from the site's origin, each coordinate within 10 km (`positionAbsMaxM`, physical-bounds.ts). */
export const positionSchema = z.strictObject({
  x: coordinateMSchema,
  y: coordinateMSchema,
});
export type Position = z.infer<typeof positionSchema>;

export const lockKinds = [
  'bluenet-escutcheon',
  'bluenet-cylinder',
  'escutcheon',
  'pin',
  'wall-reader',
  'wall-reader-pin',
] as const;
export type LockKind = (typeof lockKinds)[number];

export const iqSpecSchema = z.strictObject({
  id,
  name: name.optional(),
  position: positionSchema,
  /** Remote opening through this IQ needs a one-time password (off unless asked, so simple demos stay simple). */
  otpEnabled: z.boolean().default(false),
});

export const repeaterSpecSchema = z.strictObject({
  id,
  iq: id.describe('the IQ this repeater belongs to'),
  position: positionSchema,
});

export const doorAlertsSpecSchema = z.strictObject({
  notClosed: z.boolean().default(true),
  intrusion: z.boolean().default(true),
  lowBattery: z.boolean().default(true),
});

/**
 * The controller a wall reader is wired to: its relay drives the gate, barrier or lift for its own open time
 * (which replaces the lock's `openTimeMs`), and an exit button on the inside may release the relay without a
 * credential. The bounds are the lock's open-time bounds (domain.md: 1–240 s).
 */
export const controllerSpecSchema = z.strictObject({
  relayOpenTimeMs: z.number().int().min(openTimeMsMin).max(openTimeMsMax).default(openTimeMsDefault),
  exitButton: z.boolean().default(false),
});
export type ControllerSpec = z.infer<typeof controllerSpecSchema>;

export const lockSpecSchema = z
  .strictObject({
    id,
    name: name.optional(),
    kind: z.enum(lockKinds),
    iq: id.describe('the IQ this lock belongs to'),
    door: id,
    position: positionSchema,
    openTimeMs: z.number().int().min(openTimeMsMin).max(openTimeMsMax).default(openTimeMsDefault),
    battery: z.enum(batteryLevels).default('fresh'),
    /** Users whose credentials this lock holds; "all" for every user of the site. */
    access: z.union([z.literal('all'), userIds]).default('all'),
    /** Easy Office Mode windows on this lock, in the site's time zone; none: no EOM on this lock. */
    eomSchedules: schedules.default([]),
    /** The owner's pre-set alerts for this door; each is on unless switched off. */
    alerts: doorAlertsSpecSchema.prefault({}),
    /** A wall reader's controller (wall readers only); none: the reader drives its door for `openTimeMs`. */
    controller: controllerSpecSchema.optional(),
  })
  .refine((lock) => lock.controller === undefined || isWallReader(lock.kind), {
    message: 'only a wall reader has a controller',
    path: ['controller'],
  })
  .refine((lock) => !isWallReader(lock.kind) || lock.battery === 'fresh', {
    // A wall reader runs on its controller's mains supply: it has no battery to run low.
    message: 'a wall reader is mains powered: it has no battery level',
    path: ['battery'],
  });

export const doorSpecSchema = z.strictObject({
  id,
  name: name.optional(),
});

/** A user's permissions; any left out is off. */
export const permissionsSpecSchema = z.strictObject({
  remoteOpening: z.boolean().default(false),
  manualOfficeMode: z.boolean().default(false),
  easyOfficeMode: z.boolean().default(false),
  overridePrivacy: z.boolean().default(false),
});

export const userSpecSchema = z.strictObject({
  id,
  name: name.min(1).optional(),
  email: z.string().max(textCharsMax.email).optional(),
  /** A 6-digit PIN for keypad locks. */
  pin: z
    .string()
    .regex(/^\d{6}$/, 'a PIN is 6 digits')
    .optional(),
  /** The PIN works until this instant (exclusive); the cloud takes it off the locks then. Needs `pin`. */
  pinExpiresAt: instant.optional(),
  /** Plain users by default; a spec that needs an owner or an admin names one. */
  role: z.enum(roles).default('user'),
  permissions: permissionsSpecSchema.prefault({}),
});

export const tagSpecSchema = z.strictObject({
  id,
  user: id,
  /** A lost tag, blocked in the cloud (locks refuse it once the block has reached them). */
  blocked: z.boolean().default(false),
  /** Offline access (a lock cut off from its IQ still opens for it); on unless set false. */
  offlineAccess: z.boolean().optional(),
});

export const phoneSpecSchema = z.strictObject({
  id,
  user: id,
  internet: z.boolean().default(true),
  /** A digital key is issued only to a phone that is registered and verified. */
  registered: z.boolean().default(true),
  verified: z.boolean().default(true),
  /**
   * Whether the phone's digital key was issued before the run (and reached the app then); false: a registered,
   * verified phone still waiting for its key.
   */
  keyIssued: z.boolean().default(true),
  /** The digital key's validity window (UTC instants); open-ended where left out. */
  keyValidFrom: instant.optional(),
  keyValidUntil: instant.optional(),
  /** The digital key's offline access (a lock cut off from its IQ still opens for it); on unless set false. */
  keyOfflineAccess: z.boolean().optional(),
});

/**
 * The cloud turns the locks' `access` lists into access groups with these ids (`implicit-1`, …), so a spec's own
 * groups may not use the prefix.
 */
export const implicitGroupIdPrefix = 'implicit-';

/** Ties users to locks under schedules (site time zone). A group with no schedule grants nothing. */
export const accessGroupSpecSchema = z.strictObject({
  id,
  name: name.min(1).optional(),
  users: userIds,
  locks: lockIds,
  schedules,
});

/**
 * A pod: a named group of members (a tenant) with their guests and the locks the pod may use. A pod grants no
 * access by itself; its guests may be given access (by access groups) only to the pod's locks.
 */
export const podSpecSchema = z.strictObject({
  id,
  name: name.min(1),
  members: userIds.min(1, 'a pod needs at least one member'),
  guests: userIds.default([]),
  locks: lockIds.default([]),
  guestLimit: z.number().int().min(0).max(siteCountsMax.users),
});

export const subscriptionSpecSchema = z.strictObject({
  active: z.boolean().default(true),
  features: z
    .array(z.enum(features))
    .max(features.length * 4)
    .default(() => [...features]),
  seats: z.number().int().min(0).max(subscriptionSeatsMax).default(subscriptionSeatsDefault),
});

export const radioSettingsSchema = z.strictObject({
  txPowerAt1mDbm: z.number().min(radioBounds.txPowerAt1mDbmMin).max(radioBounds.txPowerAt1mDbmMax).optional(),
  pathLossExponent: z.number().min(1.5).max(6).optional(),
  shadowingSigmaDb: z.number().min(0).max(12).optional(),
  fadingSigmaDb: z.number().min(0).max(12).optional(),
  sensitivityDbm: z.number().min(radioBounds.sensitivityDbmMin).max(radioBounds.sensitivityDbmMax).optional(),
  retriesMax: z.number().int().min(0).max(10).optional(),
});

export const siteSettingsSchema = z.strictObject({
  heartbeatIntervalMs: z.number().int().min(1_000).max(3_600_000).optional(),
  notClosedAfterMs: z.number().int().min(1_000).max(600_000).optional(),
  auditBufferMax: z.number().int().min(1).max(100_000).optional(),
  /** A lock's offline list (twin/cloud/offline-access.ts): 39 with an older escutcheon on the site, else 360. */
  offlineAccessMax: z.number().int().min(0).max(100_000).optional(),
  /** How long one run of a lock's motor takes (twin/defaults.ts, motorMsDefault). */
  motorMs: z.number().int().min(motorMsMin).max(motorMsMax).optional(),
  radio: radioSettingsSchema.optional(),
});

export const siteSpecSchema = z.strictObject({
  name: id,
  description: description.optional(),
  timeZone: z.string().max(textCharsMax.timeZone).default(timeZoneDefault),
  /** The UTC instant at virtual time 0 of a run (a Monday morning by default, so schedules have a weekday). */
  startsAtUtc: instant.default(epochUtcIsoDefault),
  /** Firmware or cloud bugs switched on for this site (see twin/defects.ts). */
  defects: z
    .array(
      z
        .string()
        .refine(isDefectName, { message: `is not a known defect (known: ${defectNames.join(', ')})` }),
    )
    .max(siteCountsMax.defects)
    .default([]),
  /** Released to its owner by the installer; until then only installers may use the site (error 2210). */
  released: z.boolean().default(true),
  subscription: subscriptionSpecSchema.prefault({}),
  settings: siteSettingsSchema.default({}),
  // Counts are bounded (physical-bounds.ts) so that no spec can ask for more than the twin is built for.
  iqs: z.array(iqSpecSchema).min(1, 'a site needs at least one IQ').max(siteCountsMax.iqs),
  repeaters: z.array(repeaterSpecSchema).max(siteCountsMax.repeaters).default([]),
  doors: z.array(doorSpecSchema).max(siteCountsMax.doors).default([]),
  locks: z.array(lockSpecSchema).max(siteCountsMax.locks).default([]),
  users: z.array(userSpecSchema).max(siteCountsMax.users).default([]),
  tags: z.array(tagSpecSchema).max(siteCountsMax.tags).default([]),
  phones: z.array(phoneSpecSchema).max(siteCountsMax.phones).default([]),
  /** Explicit access groups, besides the implicit ones each lock's `access` list makes. */
  accessGroups: z.array(accessGroupSpecSchema).max(siteCountsMax.accessGroups).default([]),
  pods: z.array(podSpecSchema).max(siteCountsMax.pods).default([]),
  /**
   * The floor plan (floor-plan.ts), left out unless given so that a spec without one parses as before: rooms
   * (polygons) and walls whose material's loss the radio subtracts from every link that crosses them.
   */
  rooms: roomsSchema.optional(),
  walls: wallsSchema.optional(),
});

/** A spec as written in a file (defaults may be missing). */
export type SiteSpecInput = z.input<typeof siteSpecSchema>;
/** A validated spec with every default filled in. */
export type SiteSpec = z.output<typeof siteSpecSchema>;
export type IqSpec = SiteSpec['iqs'][number];
export type RepeaterSpec = SiteSpec['repeaters'][number];
export type LockSpec = SiteSpec['locks'][number];
export type DoorSpec = SiteSpec['doors'][number];
export type UserSpec = SiteSpec['users'][number];
export type TagSpec = SiteSpec['tags'][number];
export type PhoneSpec = SiteSpec['phones'][number];
export type AccessGroupSpec = SiteSpec['accessGroups'][number];
export type PodSpec = SiteSpec['pods'][number];
export type ScheduleSpec = AccessGroupSpec['schedules'][number];
export type SubscriptionSpec = SiteSpec['subscription'];
export type RadioSettings = NonNullable<SiteSpec['settings']['radio']>;
