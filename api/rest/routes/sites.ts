/**
 * The site (one per token: the twin's site) and its subscription. The site list and the site answer on `/v1.1`
 * and `/v1.2` alike (clients of the service find their site with `GET /v1.1/sites?$filter=site_uid eq '…'`); the
 * subscription on `/v1.2`.
 */
import { defineRoute, type Route } from '../route-table.ts';
import {
  featureValues,
  siteSchema,
  siteView,
  subscriptionSchema,
  subscriptionView,
} from '../shapes/sites.ts';

const versions = [
  { prefix: '/v1.2', suffix: '' },
  { prefix: '/v1.1', suffix: 'V1_1' },
] as const;

const listText =
  "A list of one: the site of the token. Filter on any field, as clients resolve a `site_uid` or name to the UUID that paths take: `$filter=site_uid eq 'DE4520168385'` or `$filter=customer_reference eq 'Office'`.";

function siteRoutesOf({ prefix, suffix }: (typeof versions)[number]): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: `${prefix}/sites`,
      operationId: `listSites${suffix}`,
      summary: 'The sites the token may use (its own site)',
      description: listText,
      tag: 'sites',
      response: { kind: 'list', schema: siteSchema },
      errors: [2210],
      handle: ({ core, actorId, ids, live }) => {
        core.getSite(actorId);
        return [siteView(core.state, ids, live.seed)];
      },
    }),
    defineRoute({
      method: 'get',
      path: `${prefix}/sites/{site_id}`,
      operationId: `getSite${suffix}`,
      summary: 'One site, by its UUID',
      description:
        'The path takes the site’s `id` (a UUID); its `site_uid` or name there is 400/1100, another UUID 404/3104.',
      tag: 'sites',
      response: { kind: 'item', schema: siteSchema },
      errors: [1100, 2210],
      handle: ({ core, actorId, ids, live }) => {
        core.getSite(actorId);
        return siteView(core.state, ids, live.seed);
      },
    }),
  ];
}

export const siteRoutes: readonly Route[] = [
  ...versions.flatMap(siteRoutesOf),
  defineRoute({
    method: 'get',
    path: '/v1.2/sites/{site_id}/subscription',
    operationId: 'getSubscription',
    summary: 'The site’s subscription: its seats (`user_amount`), type and features',
    description: `Guests take a seat like any user; at a full site a new guest is still created, suspended. \`type\` is \`standard\` while the subscription is active, \`inactive\` when not (the twin models one plan). Features in snake_case: ${featureValues.map((feature) => `\`${feature}\``).join(', ')}.`,
    tag: 'sites',
    response: { kind: 'item', schema: subscriptionSchema },
    errors: [1100, 2210],
    handle: ({ core, actorId }) => {
      core.getSite(actorId);
      return subscriptionView(core.state);
    },
  }),
];
