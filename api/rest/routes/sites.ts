/** The site (one per token: the twin's site) and its subscription. */
import { defineRoute, type Route } from '../route-table.ts';
import { siteSchema, subscriptionSchema } from '../schemas.ts';
import { siteView, subscriptionView } from '../views.ts';
import { sitePath, sitesPath } from './paths.ts';

export const siteRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: sitesPath,
    operationId: 'listSites',
    summary: 'The sites the token may use (its own site)',
    tag: 'sites',
    response: { kind: 'list', schema: siteSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) => [siteView(core.getSite(actorId), live.twin.cloud.state.users.size)],
  }),
  defineRoute({
    method: 'get',
    path: sitePath,
    operationId: 'getSite',
    summary: 'One site',
    tag: 'sites',
    response: { kind: 'item', schema: siteSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) => siteView(core.getSite(actorId), live.twin.cloud.state.users.size),
  }),
  defineRoute({
    method: 'get',
    path: `${sitePath}/subscription`,
    operationId: 'getSubscription',
    summary: 'The site’s subscription: whether it is active, its features and seats',
    tag: 'sites',
    response: { kind: 'item', schema: subscriptionSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) =>
      subscriptionView(core.getSite(actorId), live.twin.cloud.state.users.size),
  }),
];
