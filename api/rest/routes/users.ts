/**
 * Site users, guests and roles, as the Connect API has them. The API creates every id: a new user's twin id is a
 * UUID drawn here (its platform id); its site-user id is hashed from it (connect-ids.ts). Roles are the cloud
 * core's: a user edits only users at the same or a lower rank, a plain user or guest nobody but themselves (2203).
 *
 * - A guest (`POST …/guests`) is a `site_guest` with `use_pin: false` and no email. At a site whose seats are all
 *   taken it is still created (201), `suspended`: every lock refuses it (`event_detail: suspended`), and nothing
 *   reports an error, as on the service. A plain user at a full site is refused (2203): the contract says nothing
 *   of users, and refusing is the cloud's rule.
 * - `PUT …/pin` has the cloud draw a 6-digit PIN (unique in the site, from its seeded stream) and answers it as a
 *   bare JSON string; calling again rotates it. A PIN of the client's choice needs the subscription's
 *   `custom_pin` feature (2212, the cloud's rule). A PIN with `expiry_date` leaves the locks then. The PIN must
 *   reach every keypad lock that knows the user, so it is refused with 3105 / 3102 while one of them is out of
 *   reach.
 * - `DELETE` answers 202: the user is gone and the seat free at once (the service says "within seconds").
 */
import type { z } from 'zod';
import { isSettling, roles, type CloudCore, type CloudUser, type Role } from '../../../twin/index.ts';
import type { ConnectIds } from '../connect-ids.ts';
import { recordOf, userOf } from '../connect-resolve.ts';
import { invalidParameter } from '../errors.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import {
  guestCreateSchema,
  keySchema,
  pinRequestSchema,
  pinResponseSchema,
  roleOfId,
  roleSchema,
  roleView,
  siteUserCreateSchema,
  siteUserPatchSchema,
  siteUserSchema,
  siteUserView,
  subscriptionStatePatchSchema,
} from '../shapes/users.ts';
import { sitePath } from './paths.ts';

const usersPath = `${sitePath}/users`;
const userPath = `${usersPath}/{user_id}`;

type Context<Body = undefined> = RouteContext<Body>;

function view(context: Context<unknown>, user: CloudUser): z.infer<typeof siteUserSchema> {
  const settled = !isSettling(context.core.state, user, context.live.nowUtcMs);
  return siteUserView(context.ids, user, settled);
}

function siteUserId(context: Context<unknown>): string {
  return userOf(context, 'site-user', context.params.user_id as string);
}

function roleFromIds(ids: ConnectIds, roleIds: readonly string[] | undefined): Role | undefined {
  const roleId = roleIds?.[0];
  if (roleId === undefined) return undefined;
  const role = roleOfId(ids, roleId);
  if (role === undefined) throw invalidParameter('role_ids', `no role ${roleId} (see GET …/roles)`);
  return role;
}

type SettingsBody = z.infer<typeof siteUserPatchSchema>;

/** The settings of a create or a patch, each through its cloud operation; a refusal stops there. */
function applySettings(
  core: CloudCore,
  actorId: string,
  userId: string,
  ids: ConnectIds,
  body: SettingsBody,
): void {
  if (body.alias !== undefined || body.email !== undefined)
    core.updateUser(actorId, userId, {
      ...(body.alias === undefined ? {} : { name: body.alias }),
      ...(body.email === undefined ? {} : { email: body.email }),
    });
  const role = roleFromIds(ids, body.role_ids);
  if (role !== undefined && role !== core.state.users.get(userId)?.role) core.setRole(actorId, userId, role);
  const permissions = {
    ...(body.remote_access === undefined ? {} : { remoteOpening: body.remote_access }),
    ...(body.toggle_manual_office_mode === undefined
      ? {}
      : { manualOfficeMode: body.toggle_manual_office_mode }),
    ...(body.toggle_easy_office_mode === undefined ? {} : { easyOfficeMode: body.toggle_easy_office_mode }),
    ...(body.override_privacy_mode === undefined ? {} : { overridePrivacy: body.override_privacy_mode }),
  };
  if (Object.keys(permissions).length > 0) core.setPermissions(actorId, userId, permissions);
  const settings = {
    ...(body.first_name === undefined ? {} : { firstName: body.first_name }),
    ...(body.last_name === undefined ? {} : { lastName: body.last_name }),
    ...(body.use_pin === undefined ? {} : { usePin: body.use_pin }),
    ...(body.blocked === undefined ? {} : { blocked: body.blocked }),
    ...(body.expires_at === undefined
      ? {}
      : { expiresAtUtcMs: body.expires_at === null ? null : Date.parse(body.expires_at) }),
  };
  if (Object.keys(settings).length > 0) core.setUserSettings(actorId, userId, settings);
}

export const userRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: `${sitePath}/roles`,
    operationId: 'listRoles',
    summary: 'The roles a site user may hold (one each): site_owner, site_admin, … site_guest',
    tag: 'users',
    response: { kind: 'list', schema: roleSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => {
      core.getSite(actorId);
      return roles.map((role) => roleView(ids, role));
    },
  }),
  defineRoute({
    method: 'get',
    path: usersPath,
    operationId: 'listUsers',
    summary: 'The site’s users (guests included)',
    tag: 'users',
    response: { kind: 'list', schema: siteUserSchema },
    errors: [2210],
    handle: (context) => context.core.listUsers(context.actorId).map((user) => view(context, user)),
  }),
  defineRoute({
    method: 'get',
    path: userPath,
    operationId: 'getUser',
    summary: 'One site user, by its site-user id',
    tag: 'users',
    response: { kind: 'item', schema: siteUserSchema },
    errors: [2202, 2210],
    handle: (context) => view(context, context.core.getUser(context.actorId, siteUserId(context))),
  }),
  defineRoute({
    method: 'post',
    path: usersPath,
    operationId: 'createUser',
    summary: 'Adds a site user; an email sends an invitation (into the twin’s outbox)',
    description:
      'From super user up, never above the actor’s own role, within the subscription’s seats (2203 when all are taken). The answer carries both ids. `tag_id` hands a tag of the site to the new user.',
    tag: 'users',
    body: siteUserCreateSchema,
    response: { kind: 'item', status: 201, schema: siteUserSchema },
    errors: [2203, 2210, 2212, 3104, 4201],
    handle: (context) => {
      const { core, actorId, body, ids, live } = context;
      const role = roleFromIds(ids, body.role_ids);
      const tagId = body.tag_id === undefined ? undefined : recordOf(context, 'tag', body.tag_id);
      const id = ids.newId(core.state.site.id, live.inputCount, 'user');
      core.addUser(actorId, {
        id,
        name: body.alias,
        ...(body.email === undefined ? {} : { email: body.email }),
        ...(role === undefined ? {} : { role }),
      });
      applySettings(core, actorId, id, ids, {
        ...body,
        alias: undefined,
        email: undefined,
        role_ids: undefined,
      });
      if (tagId !== undefined) core.assignTag(actorId, tagId, id);
      if (body.email !== undefined) core.inviteUser(actorId, id);
      return view(context, core.getUser(actorId, id));
    },
  }),
  defineRoute({
    method: 'post',
    path: `${sitePath}/guests`,
    operationId: 'createGuest',
    summary: 'Adds a guest: site_guest, use_pin false, no email; at a full site it is created suspended',
    description:
      'Answers 201 with the site user. A guest takes a seat of the subscription; when none is free the guest is still created, with `subscription_state: suspended`, and every lock refuses it (`event_detail: suspended`) until it is subscribed (`PATCH …/subscription`) with a free seat. `expires_at` is shown, and frees no seat.',
    tag: 'users',
    body: guestCreateSchema,
    response: { kind: 'item', status: 201, schema: siteUserSchema },
    errors: [2203, 2210],
    handle: (context) => {
      const { core, actorId, body, ids, live } = context;
      const id = ids.newId(core.state.site.id, live.inputCount, 'user');
      core.addUser(actorId, {
        id,
        name: body.alias,
        role: 'guest',
        usePin: false,
        whenSeatsFull: 'suspend',
        ...(body.first_name === undefined ? {} : { firstName: body.first_name }),
        ...(body.last_name === undefined ? {} : { lastName: body.last_name }),
        ...(body.expires_at === undefined ? {} : { expiresAtUtcMs: Date.parse(body.expires_at) }),
      });
      return view(context, core.getUser(actorId, id));
    },
  }),
  defineRoute({
    method: 'patch',
    path: userPath,
    operationId: 'updateUser',
    summary:
      'Changes a site user: alias, names, email (null removes it), role, use_pin, blocked, permissions',
    description:
      'Fields left out keep their value. Changes apply in that order (alias and email, role, permissions, the rest); a refusal stops there.',
    tag: 'users',
    body: siteUserPatchSchema,
    response: { kind: 'item', schema: siteUserSchema },
    errors: [2202, 2203, 2210, 2212, 2215, 2220],
    handle: (context) => {
      const userId = siteUserId(context);
      applySettings(context.core, context.actorId, userId, context.ids, context.body);
      return view(context, context.core.getUser(context.actorId, userId));
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${userPath}/subscription`,
    operationId: 'setUserSubscription',
    summary: 'Subscribes (needs a free seat: 2203) or suspends a site user',
    tag: 'users',
    body: subscriptionStatePatchSchema,
    response: { kind: 'item', schema: siteUserSchema },
    errors: [2202, 2203, 2210],
    handle: (context) => {
      const userId = siteUserId(context);
      return view(context, context.core.setSubscriptionState(context.actorId, userId, context.body.state));
    },
  }),
  defineRoute({
    method: 'delete',
    path: userPath,
    operationId: 'deleteUser',
    summary: 'Deletes a site user (202): the seat is free at once; their tags stay, unassigned',
    tag: 'users',
    response: { kind: 'empty', status: 202 },
    errors: [2202, 2203, 2210, 2220],
    handle: (context) => context.core.deleteUser(context.actorId, siteUserId(context)),
  }),
  defineRoute({
    method: 'put',
    path: `${userPath}/pin`,
    operationId: 'setUserPin',
    summary: 'Generates (or rotates) the user’s 6-digit PIN and answers it as a bare JSON string',
    description:
      '`{}` or `{expiry_date}`: the cloud draws a PIN no other user of the site has; `{pin}` sets one of your choice, only with the subscription’s custom_pin feature (2212). The PIN works until `expiry_date` (exclusive, ahead of now: else 1101) when given, and leaves the locks’ data then. It must reach every keypad lock that knows the user: 3105 while one’s IQ is offline, 3102 while one is out of reach.',
    tag: 'users',
    body: pinRequestSchema,
    response: { kind: 'item', schema: pinResponseSchema },
    errors: [1101, 2202, 2203, 2210, 2212, 3102, 3105],
    handle: (context) => {
      const { live, core, actorId, body } = context;
      const userId = siteUserId(context);
      core.getUser(actorId, userId);
      const expiry = body.expiry_date === undefined ? [] : [body.expiry_date];
      // Through the cloud as an admin input (it travels to the keypads), so a session's export replays it: the
      // cloud draws an issued PIN from its seeded stream, and checks a chosen one against custom_pin (2212).
      const { outcome } = live.apply(
        body.pin === undefined
          ? { type: 'admin', actor: actorId, action: 'issue-pin', args: [userId, ...expiry] }
          : { type: 'admin', actor: actorId, action: 'set-pin', args: [userId, body.pin, ...expiry] },
      );
      if (outcome.kind === 'admin-refused') throw outcome.error;
      if (body.pin !== undefined) return body.pin;
      if (outcome.kind !== 'admin-accepted' || typeof outcome.result !== 'string')
        throw new Error('the cloud issued no PIN');
      return outcome.result;
    },
  }),
  defineRoute({
    method: 'get',
    path: `${userPath}/keys`,
    operationId: 'listUserKeys',
    summary: 'The user’s keys: its PIN (never its digits), tags and digital keys',
    tag: 'users',
    response: { kind: 'list', schema: keySchema },
    errors: [2202, 2210],
    handle: (context) => {
      const { core, actorId, ids } = context;
      const user = core.getUser(actorId, siteUserId(context));
      return keysOf(context, user, ids);
    },
  }),
];

function keysOf(context: Context<unknown>, user: CloudUser, ids: ConnectIds): z.infer<typeof keySchema>[] {
  const { state } = context.core;
  const iso = (utcMs: number | undefined): string | null =>
    utcMs === undefined ? null : new Date(utcMs).toISOString();
  const keys: z.infer<typeof keySchema>[] = [];
  if (user.pin !== undefined)
    keys.push({
      type: 'pin',
      key_identifier: ids.publicId('site-user', user.id),
      expiry_date: iso(user.pinExpiresAtUtcMs),
      // A PIN's offline access is automatic (the vendor's help pages); tags and keys: as an admin set it.
      offline_access: true,
    });
  for (const tag of state.tags.values())
    if (tag.userId === user.id)
      keys.push({
        type: 'tag',
        key_identifier: ids.publicId('tag', tag.id),
        expiry_date: null,
        offline_access: tag.offlineAccess !== false,
      });
  for (const key of state.digitalKeys.values())
    if (key.userId === user.id)
      keys.push({
        type: 'digital_key',
        key_identifier: key.phoneId,
        expiry_date: iso(key.validUntilUtcMs),
        offline_access: key.offlineAccess !== false,
      });
  return keys;
}
