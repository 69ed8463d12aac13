/**
 * The entries log (v1.1 only, as the service's): audit events the locks uploaded, each once, with the lock's
 * original time in UTC and in the site's wall-clock time (shapes/entries.ts). Paged with a continuation token:
 * `continuation_token` in the body, sent back in the `CLP-Continuation-Token` header (list.ts).
 */
import { continuationHeader, type LogSource } from '../list.ts';
import { defineRoute, type Route } from '../route-table.ts';
import {
  entryIdPrefix,
  entrySortValue,
  entrySchema,
  entryView,
  type EntryItem,
  type EntryViewContext,
} from '../shapes/entries.ts';
import { entriesSitePath } from './paths.ts';

export const entryRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: `${entriesSitePath}/entries`,
    operationId: 'listEntries',
    summary: 'The site’s entries, in the order the cloud received them (or as $orderby says)',
    description: `Paged with a continuation token: each page's \`continuation_token\` (null on the last page) goes back in the \`${continuationHeader}\` request header (or the \`continuation_token\` query parameter, as in next_page_link). In log order the token names where to go on, so entries that arrive between pages are neither repeated nor skipped; with \`$orderby=utc_date_time desc\` (newest first) the next page starts right after the last entry shown. \`$skip\` is refused (400/1102), and so is an $orderby field entries do not have. On the service an empty page may still carry a token, so follow tokens until one is null; the twin's last page always has a null token.`,
    tag: 'entries',
    response: { kind: 'list', schema: entrySchema, paging: 'continuation' },
    errors: [2210],
    handle: ({ core, actorId, live, ids, request }) => {
      core.getSite(actorId);
      const log = live.twin.entries;
      const entries = log.entries();
      const context: EntryViewContext = {
        ids,
        state: core.state,
        idPrefix: entryIdPrefix(live.seed),
        epochUtcMs: live.twin.epochUtcMs,
        iqNames: new Map(live.spec.iqs.map((iq) => [iq.id, iq.name])),
      };
      const firstIndex = log.dropped;
      const source: LogSource<EntryItem> = {
        length: entries.length,
        firstIndex,
        itemAt: (index) => entryView(context, entries[index] as (typeof entries)[number], firstIndex + index),
        sortValueAt: (index, path) => entrySortValue(entries[index] as (typeof entries)[number], path),
        continuationToken: request.headers.get(continuationHeader) ?? undefined,
      };
      return source;
    },
  }),
];
