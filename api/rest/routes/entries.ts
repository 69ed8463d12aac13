/**
 * The entries log (v1.1, as the vendor's): audit events the locks uploaded, each once, with the lock's original
 * time in UTC and in the site's local time. Paged with a continuation token carried by `next_page_link`.
 */
import { defineRoute, type Route } from '../route-table.ts';
import type { LogSource } from '../list.ts';
import { entrySchema, type EntryItem } from '../schemas.ts';
import { entryView } from '../views.ts';
import { entriesSitePath } from './paths.ts';

export const entryRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: `${entriesSitePath}/entries`,
    operationId: 'listEntries',
    summary: 'The site’s entries, in the order the cloud received them; follow next_page_link for more',
    description:
      'Paged with continuation_token (carried by next_page_link): in log order it names where to go on, so entries that arrive between pages are neither repeated nor skipped. $skip counts on the first page only.',
    tag: 'entries',
    response: { kind: 'list', schema: entrySchema, paging: 'continuation' },
    errors: [2210],
    handle: ({ core, actorId, live }) => {
      core.getSite(actorId);
      const log = live.twin.entries;
      const epochUtcMs = live.twin.epochUtcMs;
      const entries = log.entries();
      const source: LogSource<EntryItem> = {
        length: entries.length,
        firstIndex: log.dropped,
        itemAt: (index) => entryView(entries[index] as (typeof entries)[number], epochUtcMs),
      };
      return source;
    },
  }),
];
