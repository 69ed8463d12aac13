/**
 * Inputs: what people, admins and faults do to the twin. Each is applied at a virtual time by the kernel; a
 * scenario is a list of them. The schema validates inputs from outside (files, REST, the live protocol): every
 * number finite and within the documented bounds (site/physical-bounds.ts), every text and list bounded.
 */
import { z } from 'zod';
import { batteryLevels } from '../defaults.ts';
import { jsonValueProblem } from '../site/json-depth.ts';
import { adminArgsDepthMax, coordinateMSchema, textCharsMax } from '../site/physical-bounds.ts';
import { adminActionNames } from './admin-action-names.ts';

const id = z.string().min(1).max(textCharsMax.reference);

/**
 * An admin action's arguments are checked by the action itself (admin-actions.ts); here only that they are
 * plain JSON a trace line and an export can hold: not nested deeper than `adminArgsDepthMax`, numbers finite.
 */
const adminArgs = z
  .array(z.unknown())
  .max(16)
  .superRefine((args, context) => {
    const problem = jsonValueProblem(args, { depthMax: adminArgsDepthMax + 1 });
    if (problem !== undefined)
      context.addIssue({ code: 'custom', path: [...problem.keys], message: problem.message });
  });

/** An admin action in the app or the API, by name with its arguments (see admin-actions.ts). */
export const adminInputSchema = z.strictObject({
  type: z.literal('admin'),
  actor: id,
  action: z.enum(adminActionNames),
  args: adminArgs.default([]),
  /** A name for expectations to refer to this action's outcome. */
  label: z.string().max(textCharsMax.label).optional(),
});

export type AdminInput = z.infer<typeof adminInputSchema>;

export const twinInputSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('present-tag'),
    tag: id,
    lock: id,
    holdMs: z.number().int().min(0).max(60_000).optional(),
  }),
  z.strictObject({ type: z.literal('tap-phone'), phone: id, lock: id }),
  z.strictObject({
    type: z.literal('enter-pin'),
    pin: z.string().regex(/^\d{6}$/, 'a PIN is 6 digits'),
    lock: id,
  }),
  z.strictObject({ type: z.literal('open-door'), door: id }),
  z.strictObject({ type: z.literal('close-door'), door: id }),
  z.strictObject({ type: z.literal('force-door'), door: id }),
  z.strictObject({
    type: z.literal('hold-handle'),
    door: id,
    durationMs: z.number().int().min(1).max(600_000),
  }),
  z.strictObject({ type: z.literal('iq-internet'), iq: id, up: z.boolean() }),
  z.strictObject({ type: z.literal('power'), device: id, on: z.boolean() }),
  z.strictObject({
    type: z.literal('interference'),
    x: coordinateMSchema,
    y: coordinateMSchema,
    radiusM: z.number().positive().max(1_000),
    lossProbability: z.number().min(0).max(1),
    durationMs: z.number().int().min(1).max(86_400_000),
  }),
  z.strictObject({ type: z.literal('battery'), lock: id, level: z.enum(batteryLevels) }),
  /** Maintenance: someone puts new batteries in the lock (devices/maintenance.ts). */
  z.strictObject({ type: z.literal('replace-battery'), lock: id }),
  z.strictObject({ type: z.literal('phone-internet'), phone: id, on: z.boolean() }),
  /** An escutcheon's inside privacy knob turned on (privacy mode) or back (twin/devices/privacy.ts). */
  z.strictObject({ type: z.literal('privacy-knob'), lock: id, on: z.boolean() }),
  /** Someone forcing a lock or its cover trips its tamper sensor (`on`); `on: false`: the lock is whole again. */
  z.strictObject({ type: z.literal('tamper'), lock: id, on: z.boolean() }),
  /** Someone inside presses the exit button wired to a wall reader's controller (gate-controller.ts). */
  z.strictObject({ type: z.literal('exit-button'), lock: id }),
  /** The lock's own clock is this far off (positive: ahead): schedules are judged on it. */
  z.strictObject({
    type: z.literal('lock-clock'),
    lock: id,
    offsetMs: z.number().int().min(-86_400_000).max(86_400_000),
  }),
  /**
   * The cloud's eventual consistency as a fault: for `lagMs` after its creation a new guest reads `roles: []`, and
   * its PIN and group joins are refused (twin/cloud/consistency-lag.ts). 0 switches it off.
   */
  z.strictObject({ type: z.literal('cloud-lag'), lagMs: z.number().int().min(0).max(600_000) }),
  /** An admin action in the app or the API (see admin-actions.ts). */
  adminInputSchema,
]);

export type TwinInput = z.infer<typeof twinInputSchema>;
export type TwinInputType = TwinInput['type'];
