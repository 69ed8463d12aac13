/**
 * Access groups: users × locks × time schedules (site-local time), managed from super user up. As on the
 * service: the API draws the group's id (`POST {customer_reference}` → `{id, customer_reference}`); members are
 * added and removed one per call by their platform user id (the site-user id there is 404/2202); locks one per
 * call, on `/v1.1` as the service serves them (and on `/v1.2` too). A group without a time schedule grants
 * nothing (routes/schedules.ts adds them). Every change reaches the locks it touches through their IQs.
 */
import { recordOf, userNotFound, userOf } from '../connect-resolve.ts';
import { notFound } from '../errors.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import {
  accessGroupCreateSchema,
  accessGroupLockAddSchema,
  accessGroupLockSchema,
  accessGroupLockView,
  accessGroupMemberAddSchema,
  accessGroupMemberSchema,
  accessGroupMemberView,
  accessGroupPatchSchema,
  accessGroupSchema,
  accessGroupView,
} from '../shapes/access-groups.ts';
import { sitePath } from './paths.ts';

const tag = 'access groups';
const changeErrors = [2203, 2210, 2222] as const;

/** Where a site's resources are under a version: `/v1.2/sites/{site_id}` and `/v1.1/sites/{site_id}`. */
export function sitePathOf(version: 'v1.1' | 'v1.2'): string {
  return sitePath.replace('/v1.2/', `/${version}/`);
}

export function groupsPathOf(version: 'v1.1' | 'v1.2'): string {
  return `${sitePathOf(version)}/access_groups`;
}

export function groupPathOf(version: 'v1.1' | 'v1.2'): string {
  return `${groupsPathOf(version)}/{access_group_id}`;
}

/** The twin's id of the path's access group (404/3104 when there is none). */
export function pathGroupId(context: RouteContext<unknown>): string {
  return recordOf(context, 'access-group', context.params.access_group_id as string);
}

const groupsPath = groupsPathOf('v1.2');
const groupPath = groupPathOf('v1.2');

const groupRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: groupsPath,
    operationId: 'listAccessGroups',
    summary: 'The site’s access groups',
    description:
      'The site spec’s per-lock access lists appear as groups too (named “Everyone (site spec)” …).',
    tag,
    response: { kind: 'list', schema: accessGroupSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) =>
      core.listAccessGroups(actorId).map((group) => accessGroupView(ids, group)),
  }),
  defineRoute({
    method: 'get',
    path: groupPath,
    operationId: 'getAccessGroup',
    summary: 'One access group',
    tag,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: [2210],
    handle: (context) =>
      accessGroupView(context.ids, context.core.getAccessGroup(context.actorId, pathGroupId(context))),
  }),
  defineRoute({
    method: 'post',
    path: groupsPath,
    operationId: 'createAccessGroup',
    summary: 'Creates an access group (no members, locks or schedules yet)',
    description:
      'Answers 201 with the new group’s id (a UUID the twin draws). It grants nothing until it has a time schedule.',
    tag,
    body: accessGroupCreateSchema,
    response: { kind: 'item', status: 201, schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, ids, live, params, body }) => {
      // Drawn here, so the recorded input carries it and a replay makes the same group.
      const id = ids.newId(params.site_id as string, live.inputCount, 'access-group');
      return accessGroupView(ids, core.createAccessGroup(actorId, { id, name: body.customer_reference }));
    },
  }),
  defineRoute({
    method: 'patch',
    path: groupPath,
    operationId: 'renameAccessGroup',
    summary: 'Renames an access group (customer_reference)',
    tag,
    body: accessGroupPatchSchema,
    response: { kind: 'item', schema: accessGroupSchema },
    errors: changeErrors,
    handle: (context) =>
      accessGroupView(
        context.ids,
        context.core.renameAccessGroup(
          context.actorId,
          pathGroupId(context),
          context.body.customer_reference,
        ),
      ),
  }),
  defineRoute({
    method: 'delete',
    path: groupPath,
    operationId: 'deleteAccessGroup',
    summary: 'Deletes an access group (its members lose the access it gave)',
    tag,
    response: { kind: 'empty' },
    errors: changeErrors,
    handle: (context) => context.core.deleteAccessGroup(context.actorId, pathGroupId(context)),
  }),
];

const memberRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: `${groupPath}/users`,
    operationId: 'listAccessGroupUsers',
    summary: 'The group’s members, by platform user id',
    tag,
    response: { kind: 'list', schema: accessGroupMemberSchema },
    errors: [2210],
    handle: (context) => {
      const group = context.core.getAccessGroup(context.actorId, pathGroupId(context));
      const { users } = context.core.state;
      return group.userIds.flatMap((id) => {
        const user = users.get(id);
        return user === undefined ? [] : [accessGroupMemberView(context.ids, user)];
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: `${groupPath}/users`,
    operationId: 'addAccessGroupUser',
    summary: 'Adds one user to the group, by platform user id (`user.id`)',
    description:
      'The platform id is the site user’s `user.id`, not its `id`: the site-user id answers 404/2202 “User not found”. Adding a member again changes nothing.',
    tag,
    body: accessGroupMemberAddSchema,
    response: { kind: 'item', status: 201, schema: accessGroupMemberSchema },
    errors: [...changeErrors, 2202],
    handle: (context) => {
      const groupId = pathGroupId(context);
      const userId = userOf(context, 'user', context.body.user_id);
      context.core.addGroupUsers(context.actorId, groupId, [userId]);
      const user = context.core.state.users.get(userId);
      if (user === undefined) throw userNotFound(`no user with platform id ${context.body.user_id}`);
      return accessGroupMemberView(context.ids, user);
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${groupPath}/users/{user_id}`,
    operationId: 'removeAccessGroupUser',
    summary: 'Removes one member from the group, by platform user id',
    description: 'A user who is not a member (or the site-user id) answers 404/2202.',
    tag,
    response: { kind: 'empty' },
    errors: [...changeErrors, 2202],
    handle: (context) => {
      const groupId = pathGroupId(context);
      const publicUserId = context.params.user_id as string;
      const userId = userOf(context, 'user', publicUserId);
      const group = context.core.getAccessGroup(context.actorId, groupId);
      if (!group.userIds.includes(userId)) throw userNotFound(`${publicUserId} is not in the group`);
      context.core.removeGroupUsers(context.actorId, groupId, [userId]);
    },
  }),
];

/** The group's locks on one version of the path (the service's own is v1.1). */
function lockRoutesOf(version: 'v1.1' | 'v1.2'): readonly Route[] {
  const locksPath = `${groupPathOf(version)}/locks`;
  const suffix = version === 'v1.1' ? 'V11' : '';
  return [
    defineRoute({
      method: 'get',
      path: locksPath,
      operationId: `listAccessGroupLocks${suffix}`,
      summary: 'The group’s locks',
      tag,
      response: { kind: 'list', schema: accessGroupLockSchema },
      errors: [2210],
      handle: (context) => {
        const group = context.core.getAccessGroup(context.actorId, pathGroupId(context));
        const { locks } = context.core.state;
        return group.lockIds.flatMap((id) => {
          const lock = locks.get(id);
          return lock === undefined ? [] : [accessGroupLockView(context.ids, lock)];
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: locksPath,
      operationId: `addAccessGroupLock${suffix}`,
      summary: 'Adds one lock to the group',
      description: 'Adding a lock again changes nothing.',
      tag,
      body: accessGroupLockAddSchema,
      response: { kind: 'item', status: 201, schema: accessGroupLockSchema },
      errors: changeErrors,
      handle: (context) => {
        const groupId = pathGroupId(context);
        const lockId = recordOf(context, 'lock', context.body.lock_id);
        context.core.addGroupLocks(context.actorId, groupId, [lockId]);
        const lock = context.core.state.locks.get(lockId);
        if (lock === undefined) throw notFound(`lock ${context.body.lock_id}`);
        return accessGroupLockView(context.ids, lock);
      },
    }),
    defineRoute({
      method: 'delete',
      path: `${locksPath}/{lock_id}`,
      operationId: `removeAccessGroupLock${suffix}`,
      summary: 'Removes one lock from the group',
      description: 'A lock that is not in the group answers 404/3104.',
      tag,
      response: { kind: 'empty' },
      errors: changeErrors,
      handle: (context) => {
        const groupId = pathGroupId(context);
        const publicLockId = context.params.lock_id as string;
        const lockId = recordOf(context, 'lock', publicLockId);
        const group = context.core.getAccessGroup(context.actorId, groupId);
        if (!group.lockIds.includes(lockId)) throw notFound(`lock ${publicLockId} is not in the group`);
        context.core.removeGroupLocks(context.actorId, groupId, [lockId]);
      },
    }),
  ];
}

export const accessGroupRoutes: readonly Route[] = [
  ...groupRoutes,
  ...memberRoutes,
  ...lockRoutesOf('v1.1'),
  ...lockRoutesOf('v1.2'),
];
