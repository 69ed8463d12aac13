/** IQs: whether each is activated, powered and connected to the cloud, how far its locks' data sync has got. */
import { defineRoute, type Route } from '../route-table.ts';
import { iqSchema } from '../schemas.ts';
import { iqView } from '../views.ts';
import { sitePath } from './paths.ts';

export const iqRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: `${sitePath}/iqs`,
    operationId: 'listIqs',
    summary:
      'The site’s IQs: activated, powered, connected, sync state (synced, pending, failed), their locks',
    tag: 'iqs',
    response: { kind: 'list', schema: iqSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) => core.listIqs(actorId).map((iq) => iqView(live, iq)),
  }),
  defineRoute({
    method: 'get',
    path: `${sitePath}/iqs/{iq_id}`,
    operationId: 'getIq',
    summary: 'One IQ',
    tag: 'iqs',
    response: { kind: 'item', schema: iqSchema },
    errors: [2210],
    handle: ({ core, actorId, live, params }) => iqView(live, core.getIq(actorId, params.iq_id as string)),
  }),
];
