/**
 * Site users, guests and roles as the Connect API shows them: a site user has its own id and, nested, the platform
 * user's (`user.id`), the one group membership and entries use. Roles are objects with a UUID and a code
 * (`site_owner` … `site_guest`); a user holds one. PINs are never shown (`GET …/keys` says a PIN exists and until
 * when it is valid, not its digits).
 */
import { z } from 'zod';
import { roles, type CloudUser, type Role } from '../../../twin/index.ts';
import type { ConnectIds } from '../connect-ids.ts';

/** `super-user` → `site_super_user`: the service's role codes. */
export function roleCode(role: Role): string {
  return `site_${role.replaceAll('-', '_')}`;
}

export const roleCodes = roles.map(roleCode);

export const roleSchema = z.object({
  id: z.string().describe('UUID'),
  code: z.string().describe(roleCodes.join(', ')),
  customer_reference: z.string().describe('the role’s name'),
});

const roleNames: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  'super-user': 'Super user',
  user: 'User',
  guest: 'Guest',
  installer: 'Installer',
};

export function roleView(ids: ConnectIds, role: Role): z.infer<typeof roleSchema> {
  return { id: ids.publicId('role', role), code: roleCode(role), customer_reference: roleNames[role] };
}

/** The role behind a role id (undefined: no such role). */
export function roleOfId(ids: ConnectIds, roleId: string): Role | undefined {
  return roles.find((role) => ids.publicId('role', role) === roleId);
}

export const subscriptionStates = ['subscribed', 'suspended'] as const;

export const siteUserSchema = z.object({
  id: z.string().describe('the site-user id (UUID): `/users/{id}`, `/pin`, `/keys`, PATCH and DELETE'),
  user: z.object({
    id: z.string().describe('the platform user id (UUID): group membership and entries’ `user_id`'),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  alias: z.string(),
  roles: z.array(roleSchema),
  subscription_state: z.enum(subscriptionStates),
  use_pin: z.boolean(),
  remote_access: z.boolean(),
  expires_at: z.string().nullable().describe('ISO 8601 UTC; shown, frees no seat'),
  blocked: z.boolean(),
  override_privacy_mode: z.boolean(),
  toggle_easy_office_mode: z.boolean(),
  toggle_manual_office_mode: z.boolean(),
});

export type SiteUserItem = z.infer<typeof siteUserSchema>;

/**
 * `rolesSettled` false shows `roles: []`: a new user while the cloud's eventual-consistency fault delays them
 * (what integrators observed for up to a minute after creating a guest).
 */
export function siteUserView(ids: ConnectIds, user: CloudUser, rolesSettled = true): SiteUserItem {
  return {
    id: ids.publicId('site-user', user.id),
    user: {
      id: ids.publicId('user', user.id),
      first_name: user.firstName ?? null,
      last_name: user.lastName ?? null,
      email: user.email ?? null,
    },
    alias: user.name,
    roles: rolesSettled ? [roleView(ids, user.role)] : [],
    subscription_state: user.subscriptionState,
    use_pin: user.usePin,
    remote_access: user.permissions.remoteOpening,
    expires_at: user.expiresAtUtcMs === undefined ? null : new Date(user.expiresAtUtcMs).toISOString(),
    blocked: user.blocked,
    override_privacy_mode: user.permissions.overridePrivacy,
    toggle_easy_office_mode: user.permissions.easyOfficeMode,
    toggle_manual_office_mode: user.permissions.manualOfficeMode,
  };
}

const text = z.string().max(200);
/** Years 1970–9999: what an ISO date-time can say in UTC without a sign or a sixth digit. */
const isoInstant = z.iso
  .datetime({ offset: true })
  .refine((text) => {
    const utcMs = Date.parse(text);
    return utcMs >= 0 && utcMs <= Date.UTC(9999, 11, 31, 23, 59, 59, 999);
  }, 'a date-time from 1970 to 9999 (UTC)')
  .describe('ISO 8601 date-time');

/** The settings a create and a patch share. */
const settingsFields = {
  first_name: text.optional(),
  last_name: text.optional(),
  use_pin: z.boolean().optional(),
  blocked: z.boolean().optional(),
  remote_access: z.boolean().optional(),
  override_privacy_mode: z.boolean().optional(),
  toggle_easy_office_mode: z.boolean().optional(),
  toggle_manual_office_mode: z.boolean().optional(),
  role_ids: z
    .array(z.string().max(64))
    .max(1)
    .optional()
    .describe('one role id (see `GET …/roles`); a user holds one role; site_user when left out or empty'),
};

export const siteUserCreateSchema = z.strictObject({
  alias: text.min(1),
  email: z
    .email()
    .max(254)
    .optional()
    .describe('sends an invitation (into the twin’s outbox); "" is refused'),
  expires_at: isoInstant.optional(),
  tag_id: z.string().max(64).optional().describe('a tag of the site (its id) to hand to the user'),
  ...settingsFields,
});

export const siteUserPatchSchema = z.strictObject({
  alias: text.min(1).optional(),
  email: z.email().max(254).nullable().optional(),
  expires_at: isoInstant.nullable().optional(),
  ...settingsFields,
});

export const guestCreateSchema = z.strictObject({
  alias: text.min(1),
  expires_at: isoInstant.optional(),
  first_name: text.optional(),
  last_name: text.optional(),
});

export const subscriptionStatePatchSchema = z.strictObject({ state: z.enum(subscriptionStates) });

export const pinRequestSchema = z.strictObject({
  expiry_date: isoInstant.optional().describe('shown in `…/keys`'),
  pin: z
    .string()
    .regex(/^\d{6}$/, 'a PIN is 6 digits')
    .optional()
    .describe('a PIN of your choice: only with the subscription’s custom_pin feature'),
});

export const pinResponseSchema = z.string().describe('the new 6-digit PIN, as a bare JSON string');

export const keySchema = z.object({
  type: z.enum(['pin', 'tag', 'digital_key']),
  key_identifier: z
    .string()
    .describe('pin: the user’s site-user id; tag: the tag’s id; digital_key: the phone’s'),
  expiry_date: z.string().nullable(),
  offline_access: z.boolean(),
});
