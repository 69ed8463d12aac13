/** Tags (RFID fobs): who holds each, blocking a lost one and unblocking it. A block reaches the locks through the IQ. */
import { defineRoute, type Route } from '../route-table.ts';
import { tagSchema } from '../schemas.ts';
import { tagView } from '../views.ts';
import { sitePath } from './paths.ts';

const tagsPath = `${sitePath}/tags`;
const tagPath = `${tagsPath}/{tag_id}`;

export const tagRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: tagsPath,
    operationId: 'listTags',
    summary: 'The site’s tags',
    tag: 'tags',
    response: { kind: 'list', schema: tagSchema },
    errors: [2210],
    handle: ({ core, actorId }) => core.listTags(actorId).map(tagView),
  }),
  defineRoute({
    method: 'get',
    path: tagPath,
    operationId: 'getTag',
    summary: 'One tag',
    tag: 'tags',
    response: { kind: 'item', schema: tagSchema },
    errors: [2210],
    handle: ({ core, actorId, params }) => tagView(core.getTag(actorId, params.tag_id as string)),
  }),
  defineRoute({
    method: 'post',
    path: `${tagPath}/block`,
    operationId: 'blockTag',
    summary: 'Blocks a tag (lost): locks refuse it once the change has reached them',
    tag: 'tags',
    response: { kind: 'item', schema: tagSchema },
    errors: [2203, 2210],
    handle: ({ core, actorId, params }) => tagView(core.blockTag(actorId, params.tag_id as string)),
  }),
  defineRoute({
    method: 'post',
    path: `${tagPath}/unblock`,
    operationId: 'unblockTag',
    summary: 'Unblocks a tag',
    tag: 'tags',
    response: { kind: 'item', schema: tagSchema },
    errors: [2203, 2210],
    handle: ({ core, actorId, params }) => tagView(core.unblockTag(actorId, params.tag_id as string)),
  }),
];
