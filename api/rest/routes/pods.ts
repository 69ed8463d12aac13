/** Pods: named groups of members with guests and the locks the pod may use (admins and owners; the pods feature). */
import { isSettling } from '../../../twin/index.ts';
import { recordOf, userOf } from '../connect-resolve.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import { siteUserSchema, siteUserView } from '../shapes/users.ts';
import { podCreateSchema, podGuestSchema, podSchema, podView } from '../shapes/tags-and-pods.ts';
import { sitePath } from './paths.ts';

const podsPath = `${sitePath}/pods`;
const podPath = `${podsPath}/{pod_id}`;
const podErrors = [2202, 2203, 2210, 2212, 2213, 2214, 2215, 2216, 2217, 2219, 2221, 2222] as const;

const podOf = (context: RouteContext<unknown>): string =>
  recordOf(context, 'pod', context.params.pod_id as string);
const platformUsers = (context: RouteContext<unknown>, ids: readonly string[]): string[] =>
  ids.map((id) => userOf(context, 'user', id));

export const podRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: podsPath,
    operationId: 'listPods',
    summary: 'The site’s pods',
    tag: 'pods',
    response: { kind: 'list', schema: podSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => core.listPods(actorId).map((pod) => podView(ids, pod)),
  }),
  defineRoute({
    method: 'get',
    path: podPath,
    operationId: 'getPod',
    summary: 'One pod',
    tag: 'pods',
    response: { kind: 'item', schema: podSchema },
    errors: [2210],
    handle: (context) => podView(context.ids, context.core.getPod(context.actorId, podOf(context))),
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
    handle: (context) => {
      const { core, actorId, body, ids, live } = context;
      const memberIds = platformUsers(context, body.member_ids);
      const guestIds = platformUsers(context, body.guest_ids ?? []);
      const lockIds = (body.lock_ids ?? []).map((id) => recordOf(context, 'lock', id));
      const pod = core.createPod(actorId, {
        id: ids.newId(core.state.site.id, live.inputCount, 'pod'),
        name: body.customer_reference,
        memberIds,
        guestLimit: body.guest_limit,
        guestIds,
        lockIds,
      });
      return podView(ids, pod);
    },
  }),
  defineRoute({
    method: 'get',
    path: `${podPath}/guests`,
    operationId: 'listPodGuests',
    summary: 'A pod’s guests, as site users',
    tag: 'pods',
    response: { kind: 'list', schema: siteUserSchema },
    errors: [2210],
    handle: (context) => {
      const { core, actorId, ids, live } = context;
      return core.getPod(actorId, podOf(context)).guestIds.map((id) => {
        const user = core.getUser(actorId, id);
        return siteUserView(ids, user, !isSettling(core.state, user, live.nowUtcMs));
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: `${podPath}/guests`,
    operationId: 'addPodGuest',
    summary: 'Adds a guest to a pod, by platform user id (within its guest limit; confined to its locks)',
    tag: 'pods',
    body: podGuestSchema,
    response: { kind: 'item', schema: podSchema },
    errors: podErrors,
    handle: (context) =>
      podView(
        context.ids,
        context.core.addPodGuests(
          context.actorId,
          podOf(context),
          platformUsers(context, [context.body.user_id]),
        ),
      ),
  }),
  defineRoute({
    method: 'delete',
    path: `${podPath}/guests/{user_id}`,
    operationId: 'removePodGuest',
    summary: 'Removes a guest from a pod (by platform user id)',
    tag: 'pods',
    response: { kind: 'item', schema: podSchema },
    errors: podErrors,
    handle: (context) =>
      podView(
        context.ids,
        context.core.removePodGuests(
          context.actorId,
          podOf(context),
          platformUsers(context, [context.params.user_id as string]),
        ),
      ),
  }),
];
