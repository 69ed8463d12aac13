/** Tags (RFID fobs): who holds each, blocking a lost one and unblocking it. A block reaches the locks through the IQ. */
import { recordOf } from '../connect-resolve.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import { tagSchema, tagView } from '../shapes/tags-and-pods.ts';
import { sitePath } from './paths.ts';

const tagsPath = `${sitePath}/tags`;
const tagPath = `${tagsPath}/{tag_id}`;

const tagOf = (context: RouteContext<unknown>): string =>
  recordOf(context, 'tag', context.params.tag_id as string);

export const tagRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: tagsPath,
    operationId: 'listTags',
    summary: 'The site’s tags',
    tag: 'tags',
    response: { kind: 'list', schema: tagSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => core.listTags(actorId).map((tag) => tagView(ids, tag)),
  }),
  defineRoute({
    method: 'get',
    path: tagPath,
    operationId: 'getTag',
    summary: 'One tag',
    tag: 'tags',
    response: { kind: 'item', schema: tagSchema },
    errors: [2210],
    handle: (context) => tagView(context.ids, context.core.getTag(context.actorId, tagOf(context))),
  }),
  defineRoute({
    method: 'post',
    path: `${tagPath}/block`,
    operationId: 'blockTag',
    summary: 'Blocks a tag (lost): locks refuse it once the change has reached them',
    tag: 'tags',
    response: { kind: 'item', schema: tagSchema },
    errors: [2203, 2210],
    handle: (context) => tagView(context.ids, context.core.blockTag(context.actorId, tagOf(context))),
  }),
  defineRoute({
    method: 'post',
    path: `${tagPath}/unblock`,
    operationId: 'unblockTag',
    summary: 'Unblocks a tag',
    tag: 'tags',
    response: { kind: 'item', schema: tagSchema },
    errors: [2203, 2210],
    handle: (context) => tagView(context.ids, context.core.unblockTag(context.actorId, tagOf(context))),
  }),
];
