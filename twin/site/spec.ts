/**
 * The site spec: a JSON description of one site (IQs, repeaters, locks, doors, users, tags, phones), positions in
 * metres. It is validated with a schema; a bad spec is reported with the path of the bad field.
 */
import { z } from 'zod';
import { batteryLevels, openTimeMsDefault, openTimeMsMax, openTimeMsMin } from '../defaults.ts';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'an id is 1–64 letters, digits, or _ . : -');

export const positionSchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
});
export type Position = z.infer<typeof positionSchema>;

export const lockKinds = ['bluenet-escutcheon', 'bluenet-cylinder', 'escutcheon', 'pin', 'wall-reader'] as const;
export type LockKind = (typeof lockKinds)[number];

export const iqSpecSchema = z.strictObject({
  id,
  name: z.string().optional(),
  position: positionSchema,
});

export const repeaterSpecSchema = z.strictObject({
  id,
  iq: id.describe('the IQ this repeater belongs to'),
  position: positionSchema,
});

export const lockSpecSchema = z.strictObject({
  id,
  name: z.string().optional(),
  kind: z.enum(lockKinds),
  iq: id.describe('the IQ this lock belongs to'),
  door: id,
  position: positionSchema,
  openTimeMs: z.number().int().min(openTimeMsMin).max(openTimeMsMax).default(openTimeMsDefault),
  battery: z.enum(batteryLevels).default('fresh'),
  /** Users whose credentials this lock holds; "all" for every user of the site. */
  access: z.union([z.literal('all'), z.array(id)]).default('all'),
});

export const doorSpecSchema = z.strictObject({
  id,
  name: z.string().optional(),
});

export const userSpecSchema = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  email: z.string().optional(),
  /** A 6-digit PIN for keypad locks. */
  pin: z
    .string()
    .regex(/^\d{6}$/, 'a PIN is 6 digits')
    .optional(),
});

export const tagSpecSchema = z.strictObject({
  id,
  user: id,
});

export const phoneSpecSchema = z.strictObject({
  id,
  user: id,
  internet: z.boolean().default(true),
});

export const radioSettingsSchema = z.strictObject({
  txPowerAt1mDbm: z.number().optional(),
  pathLossExponent: z.number().min(1.5).max(6).optional(),
  shadowingSigmaDb: z.number().min(0).max(12).optional(),
  fadingSigmaDb: z.number().min(0).max(12).optional(),
  sensitivityDbm: z.number().optional(),
  retriesMax: z.number().int().min(0).max(10).optional(),
});

export const siteSettingsSchema = z.strictObject({
  heartbeatIntervalMs: z.number().int().min(1_000).max(3_600_000).optional(),
  notClosedAfterMs: z.number().int().min(1_000).max(600_000).optional(),
  auditBufferMax: z.number().int().min(1).max(100_000).optional(),
  radio: radioSettingsSchema.optional(),
});

export const siteSpecSchema = z.strictObject({
  name: id,
  description: z.string().optional(),
  timeZone: z.string().default('Europe/Amsterdam'),
  settings: siteSettingsSchema.default({}),
  iqs: z.array(iqSpecSchema).min(1, 'a site needs at least one IQ'),
  repeaters: z.array(repeaterSpecSchema).default([]),
  doors: z.array(doorSpecSchema).default([]),
  locks: z.array(lockSpecSchema).default([]),
  users: z.array(userSpecSchema).default([]),
  tags: z.array(tagSpecSchema).default([]),
  phones: z.array(phoneSpecSchema).default([]),
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
export type RadioSettings = NonNullable<SiteSpec['settings']['radio']>;
