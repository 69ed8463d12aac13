/** Every REST route but the OpenAPI document's own, in the order they are mounted and documented. */
import type { Route } from '../route-table.ts';
import { accessGroupRoutes } from './access-groups.ts';
import { entryRoutes } from './entries.ts';
import { iqRoutes } from './iqs.ts';
import { lockRoutes } from './locks.ts';
import { meRoutes } from './me.ts';
import { notificationRoutes } from './notifications.ts';
import { podRoutes } from './pods.ts';
import { timeScheduleRoutes } from './schedules.ts';
import { siteRoutes } from './sites.ts';
import { tagRoutes } from './tags.ts';
import { revocationRoute, tokenRoute } from './token.ts';
import { userRoutes } from './users.ts';

export const restRoutes: readonly Route[] = [
  tokenRoute,
  revocationRoute,
  ...siteRoutes,
  ...meRoutes,
  ...lockRoutes,
  ...iqRoutes,
  ...userRoutes,
  ...tagRoutes,
  ...accessGroupRoutes,
  ...timeScheduleRoutes,
  ...podRoutes,
  ...notificationRoutes,
  ...entryRoutes,
];
