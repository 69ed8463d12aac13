/**
 * Site users. Roles are the cloud core's: a user edits only users at the same or a lower rank, a plain user
 * manages nobody but themselves (2203). PINs are set (never shown) with `PUT …/pin`; a PIN change must reach every
 * keypad lock that knows the user, so it is refused with 3105 / 3102 while one of them is out of reach.
 */
import type { Permissions, Role } from '../../../twin/index.ts';
import { defineRoute, type Route } from '../route-table.ts';
import { pinSchema, userCreateSchema, userPatchSchema, userSchema } from '../schemas.ts';
import { userView } from '../views.ts';
import { sitePath } from './paths.ts';

const usersPath = `${sitePath}/users`;
const userPath = `${usersPath}/{user_id}`;

type PermissionsInput = {
  readonly remote_opening?: boolean | undefined;
  readonly manual_office_mode?: boolean | undefined;
  readonly easy_office_mode?: boolean | undefined;
  readonly override_privacy?: boolean | undefined;
};

function permissionsFromApi(input: PermissionsInput): Partial<Permissions> {
  return {
    ...(input.remote_opening === undefined ? {} : { remoteOpening: input.remote_opening }),
    ...(input.manual_office_mode === undefined ? {} : { manualOfficeMode: input.manual_office_mode }),
    ...(input.easy_office_mode === undefined ? {} : { easyOfficeMode: input.easy_office_mode }),
    ...(input.override_privacy === undefined ? {} : { overridePrivacy: input.override_privacy }),
  };
}

/** `super_user` → `super-user` (the schema has already checked it is a role). */
function roleFromApi(role: string): Role {
  return role.replaceAll('_', '-') as Role;
}

export const userRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: usersPath,
    operationId: 'listUsers',
    summary: 'The site’s users',
    tag: 'users',
    response: { kind: 'list', schema: userSchema },
    errors: [2210],
    handle: ({ core, actorId }) => core.listUsers(actorId).map(userView),
  }),
  defineRoute({
    method: 'get',
    path: userPath,
    operationId: 'getUser',
    summary: 'One user',
    tag: 'users',
    response: { kind: 'item', schema: userSchema },
    errors: [2210],
    handle: ({ core, actorId, params }) => userView(core.getUser(actorId, params.user_id as string)),
  }),
  defineRoute({
    method: 'post',
    path: usersPath,
    operationId: 'createUser',
    summary:
      'Adds a user (from super user up; never above the actor’s own role; within the subscription’s seats)',
    tag: 'users',
    body: userCreateSchema,
    response: { kind: 'item', status: 201, schema: userSchema },
    errors: [2203, 2210, 2212],
    handle: ({ core, actorId, body }) =>
      userView(
        core.addUser(actorId, {
          id: body.id,
          name: body.name,
          ...(body.email === undefined ? {} : { email: body.email }),
          ...(body.role === undefined ? {} : { role: roleFromApi(body.role) }),
          ...(body.permissions === undefined ? {} : { permissions: permissionsFromApi(body.permissions) }),
          ...(body.pin === undefined ? {} : { pin: body.pin }),
        }),
      ),
  }),
  defineRoute({
    method: 'patch',
    path: userPath,
    operationId: 'updateUser',
    summary: 'Changes a user’s name, email (null removes it), role or permissions',
    description:
      'Fields left out keep their value. Changes apply in that order (name and email, role, permissions); a refusal stops there.',
    tag: 'users',
    body: userPatchSchema,
    response: { kind: 'item', schema: userSchema },
    errors: [2203, 2210, 2212, 2215, 2220],
    handle: ({ core, actorId, params, body }) => {
      const userId = params.user_id as string;
      if (body.name !== undefined || body.email !== undefined) {
        core.updateUser(actorId, userId, {
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.email === undefined ? {} : { email: body.email }),
        });
      }
      if (body.role !== undefined) core.setRole(actorId, userId, roleFromApi(body.role));
      if (body.permissions !== undefined)
        core.setPermissions(actorId, userId, permissionsFromApi(body.permissions));
      return userView(core.getUser(actorId, userId));
    },
  }),
  defineRoute({
    method: 'delete',
    path: userPath,
    operationId: 'deleteUser',
    summary:
      'Deletes a user: they leave their access groups, their tags stay (unassigned), their phones and keys go',
    tag: 'users',
    response: { kind: 'empty' },
    errors: [2203, 2210, 2220],
    handle: ({ core, actorId, params }) => core.deleteUser(actorId, params.user_id as string),
  }),
  defineRoute({
    method: 'put',
    path: `${userPath}/pin`,
    operationId: 'setUserPin',
    summary: 'Sets (6 digits, unique in the site) or removes (null) a user’s PIN',
    tag: 'users',
    body: pinSchema,
    response: { kind: 'item', schema: userSchema },
    errors: [2203, 2210, 2212, 3102, 3105],
    handle: ({ live, core, actorId, params, body }) => {
      const userId = params.user_id as string;
      // Through the cloud as an admin input, so a session's export replays it.
      const { outcome } = live.apply({
        type: 'admin',
        actor: actorId,
        action: 'set-pin',
        args: [userId, body.pin ?? null],
      });
      if (outcome.kind === 'admin-refused') throw outcome.error;
      return userView(core.getUser(actorId, userId));
    },
  }),
];
