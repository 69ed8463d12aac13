/** Pods: named groups of members with guests and the locks the pod may use (admins and owners; the pods feature). */
import { defineRoute, type Route } from '../route-table.ts';
import { podCreateSchema, podSchema, userIdsSchema, userSchema } from '../schemas.ts';
import { podView, userView } from '../views.ts';
import { sitePath } from './paths.ts';

const podsPath = `${sitePath}/pods`;
const podPath = `${podsPath}/{pod_id}`;
const podErrors = [2203, 2210, 2212, 2213, 2214, 2215, 2216, 2217, 2219, 2221, 2222] as const;

export const podRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: podsPath,
    operationId: 'listPods',
    summary: 'The site’s pods',
    tag: 'pods',
    response: { kind: 'list', schema: podSchema },
    errors: [2210],
    handle: ({ core, actorId }) => core.listPods(actorId).map(podView),
  }),
  defineRoute({
    method: 'get',
    path: podPath,
    operationId: 'getPod',
    summary: 'One pod',
    tag: 'pods',
    response: { kind: 'item', schema: podSchema },
    errors: [2210],
    handle: ({ core, actorId, params }) => podView(core.getPod(actorId, params.pod_id as string)),
  }),
  defineRoute({
    method: 'post',
    path: podsPath,
    operationId: 'createPod',
    summary: 'Creates a pod (name unique in the site, a member with an email, guests within the limit)',
    tag: 'pods',
    body: podCreateSchema,
    response: { kind: 'item', status: 201, schema: podSchema },
    errors: podErrors,
    handle: ({ core, actorId, body }) =>
      podView(
        core.createPod(actorId, {
          id: body.id,
          name: body.name,
          memberIds: body.member_ids,
          guestLimit: body.guest_limit,
          ...(body.guest_ids === undefined ? {} : { guestIds: body.guest_ids }),
          ...(body.lock_ids === undefined ? {} : { lockIds: body.lock_ids }),
        }),
      ),
  }),
  defineRoute({
    method: 'get',
    path: `${podPath}/guests`,
    operationId: 'listPodGuests',
    summary: 'A pod’s guests',
    tag: 'pods',
    response: { kind: 'list', schema: userSchema },
    errors: [2210],
    handle: ({ core, actorId, params }) =>
      core.getPod(actorId, params.pod_id as string).guestIds.map((id) => userView(core.getUser(actorId, id))),
  }),
  defineRoute({
    method: 'post',
    path: `${podPath}/guests`,
    operationId: 'addPodGuests',
    summary: 'Adds guests to a pod (within its guest limit; confined to its locks)',
    tag: 'pods',
    body: userIdsSchema,
    response: { kind: 'item', schema: podSchema },
    errors: podErrors,
    handle: ({ core, actorId, params, body }) =>
      podView(core.addPodGuests(actorId, params.pod_id as string, body.user_ids)),
  }),
  defineRoute({
    method: 'delete',
    path: `${podPath}/guests/{user_id}`,
    operationId: 'removePodGuest',
    summary: 'Removes a guest from a pod',
    tag: 'pods',
    response: { kind: 'item', schema: podSchema },
    errors: podErrors,
    handle: ({ core, actorId, params }) =>
      podView(core.removePodGuests(actorId, params.pod_id as string, [params.user_id as string])),
  }),
];
