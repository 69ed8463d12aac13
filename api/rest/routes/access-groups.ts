/**
 * Access groups: users × locks × time schedules (site-local time). Managed from super user up. A group without a
 * schedule grants nothing. Every change reaches the locks it touches through their IQs.
 */
import { defineRoute, type Route } from '../route-table.ts';
import {
  accessGroupCreateSchema,
  accessGroupPatchSchema,
  accessGroupSchema,
  lockIdsSchema,
  timeSchedulesSchema,
  userIdsSchema,
} from '../schemas.ts';
import { accessGroupView } from '../views.ts';
import { sitePath } from './paths.ts';
import { schedulesFromApi } from './schedules.ts';

const groupsPath = `${sitePath}/access_groups`;
const groupPath = `${groupsPath}/{access_group_id}`;
const changeErrors = [2203, 2210, 2222] as const;

export const accessGroupRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: groupsPath,
    operationId: 'listAccessGroups',
    summary: 'The site’s access groups (the spec’s per-lock access lists appear as implicit-N groups)',
    tag: 'access groups',
    response: { kind: 'list', schema: accessGroupSchema },
    errors: [2210],
    handle: ({ core, actorId }) => core.listAccessGroups(actorId).map(accessGroupView),
  }),
  defineRoute({
    method: 'get',
    path: groupPath,
    operationId: 'getAccessGroup',
    summary: 'One access group',
    tag: 'access groups',
    response: { kind: 'item', schema: accessGroupSchema },
    errors: [2210],
    handle: ({ core, actorId, params }) =>
      accessGroupView(core.getAccessGroup(actorId, params.access_group_id as string)),
  }),
  defineRoute({
    method: 'post',
    path: groupsPath,
    operationId: 'createAccessGroup',
    summary: 'Creates an access group',
    tag: 'access groups',
    body: accessGroupCreateSchema,
    response: { kind: 'item', status: 201, schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, body }) =>
      accessGroupView(
        core.createAccessGroup(actorId, {
          id: body.id,
          name: body.name,
          ...(body.user_ids === undefined ? {} : { userIds: body.user_ids }),
          ...(body.lock_ids === undefined ? {} : { lockIds: body.lock_ids }),
          ...(body.time_schedules === undefined
            ? {}
            : { schedules: schedulesFromApi(body.time_schedules, 'time_schedules') }),
        }),
      ),
  }),
  defineRoute({
    method: 'patch',
    path: groupPath,
    operationId: 'renameAccessGroup',
    summary: 'Renames an access group',
    tag: 'access groups',
    body: accessGroupPatchSchema,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params, body }) =>
      accessGroupView(core.renameAccessGroup(actorId, params.access_group_id as string, body.name)),
  }),
  defineRoute({
    method: 'delete',
    path: groupPath,
    operationId: 'deleteAccessGroup',
    summary: 'Deletes an access group (its users lose the access it gave)',
    tag: 'access groups',
    response: { kind: 'empty' },
    errors: changeErrors,
    handle: ({ core, actorId, params }) => core.deleteAccessGroup(actorId, params.access_group_id as string),
  }),
  defineRoute({
    method: 'post',
    path: `${groupPath}/users`,
    operationId: 'addAccessGroupUsers',
    summary: 'Adds users to an access group',
    tag: 'access groups',
    body: userIdsSchema,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params, body }) =>
      accessGroupView(core.addGroupUsers(actorId, params.access_group_id as string, body.user_ids)),
  }),
  defineRoute({
    method: 'delete',
    path: `${groupPath}/users`,
    operationId: 'removeAccessGroupUsers',
    summary: 'Removes users from an access group (body: user_ids)',
    tag: 'access groups',
    body: userIdsSchema,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params, body }) =>
      accessGroupView(core.removeGroupUsers(actorId, params.access_group_id as string, body.user_ids)),
  }),
  defineRoute({
    method: 'delete',
    path: `${groupPath}/users/{user_id}`,
    operationId: 'removeAccessGroupUser',
    summary: 'Removes one user from an access group',
    tag: 'access groups',
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params }) =>
      accessGroupView(
        core.removeGroupUsers(actorId, params.access_group_id as string, [params.user_id as string]),
      ),
  }),
  defineRoute({
    method: 'post',
    path: `${groupPath}/locks`,
    operationId: 'addAccessGroupLocks',
    summary: 'Adds locks to an access group',
    tag: 'access groups',
    body: lockIdsSchema,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params, body }) =>
      accessGroupView(core.addGroupLocks(actorId, params.access_group_id as string, body.lock_ids)),
  }),
  defineRoute({
    method: 'delete',
    path: `${groupPath}/locks`,
    operationId: 'removeAccessGroupLocks',
    summary: 'Removes locks from an access group (body: lock_ids)',
    tag: 'access groups',
    body: lockIdsSchema,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params, body }) =>
      accessGroupView(core.removeGroupLocks(actorId, params.access_group_id as string, body.lock_ids)),
  }),
  defineRoute({
    method: 'delete',
    path: `${groupPath}/locks/{lock_id}`,
    operationId: 'removeAccessGroupLock',
    summary: 'Removes one lock from an access group',
    tag: 'access groups',
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params }) =>
      accessGroupView(
        core.removeGroupLocks(actorId, params.access_group_id as string, [params.lock_id as string]),
      ),
  }),
  defineRoute({
    method: 'put',
    path: `${groupPath}/time_schedules`,
    operationId: 'setAccessGroupTimeSchedules',
    summary: 'Replaces an access group’s time schedules (an empty list: the group grants nothing)',
    tag: 'access groups',
    body: timeSchedulesSchema,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, params, body }) =>
      accessGroupView(
        core.setGroupSchedules(
          actorId,
          params.access_group_id as string,
          schedulesFromApi(body.time_schedules, 'time_schedules'),
        ),
      ),
  }),
];
