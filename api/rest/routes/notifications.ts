/**
 * Notification rules ("if who opened which door in what time frame via which method, tell these recipients on
 * these channels"), the outbox standing in for the email / push / SMS gateways, and the alert board.
 *
 * The cloud core has no rights check for rules, so this route applies the core's own rules: reading as any site
 * user, changing from admin up with the notifications feature (2203, 2212).
 */
import {
  CloudError,
  idSchema,
  notificationRulesMax,
  requireFeature,
  requireLevel,
  adminLevel,
  type NotificationRule,
} from '../../../twin/index.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import {
  alertSchema,
  notificationRuleCreateSchema,
  notificationRuleSchema,
  outboxMessageSchema,
} from '../schemas.ts';
import { alertView, notificationRuleView, outboxMessageView } from '../views.ts';
import { sitePath } from './paths.ts';
import { schedulesFromApi } from './schedules.ts';

const rulesPath = `${sitePath}/notifications`;

/** The actor may change notification rules: a site user from admin up, with the feature. */
function requireRuleManager({ core, actorId, live }: RouteContext<unknown>): void {
  const site = core.getSite(actorId);
  const user = live.twin.cloud.state.users.get(actorId);
  if (user === undefined) throw notFound(actorId);
  requireLevel(site, user, adminLevel, 'manage notification rules');
  requireFeature(live.twin.cloud.state, 'notifications');
}

function existingIds(
  ids: readonly string[],
  known: ReadonlyMap<string, unknown>,
  parameterName: string,
): string[] {
  ids.forEach((id, index) => {
    if (!known.has(id)) throw invalidParameter(`${parameterName}[${index}]`, `no ${id} in this site`);
  });
  return [...new Set(ids)];
}

export const notificationRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: rulesPath,
    operationId: 'listNotificationRules',
    summary: 'The site’s notification rules',
    tag: 'notifications',
    response: { kind: 'list', schema: notificationRuleSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) => {
      core.getSite(actorId);
      return live.twin.cloud.notifier.rules().map(notificationRuleView);
    },
  }),
  defineRoute({
    method: 'post',
    path: rulesPath,
    operationId: 'createNotificationRule',
    summary: 'Adds a notification rule (admins and owners, with the notifications feature)',
    description:
      'user_ids, lock_ids, time_schedules and methods default to anyone, any, always and any. A rule without a channel or a recipient could never deliver: 4101.',
    tag: 'notifications',
    body: notificationRuleCreateSchema,
    response: { kind: 'item', status: 201, schema: notificationRuleSchema },
    errors: [2203, 2210, 2212, 4101],
    handle: (context) => {
      requireRuleManager(context as RouteContext<unknown>);
      const { body, live } = context;
      const { notifier, state } = live.twin.cloud;
      if (!idSchema.safeParse(body.id).success)
        throw invalidParameter('id', 'an id is 1–64 letters, digits, or _ . : -');
      if (notifier.rules().some((rule) => rule.id === body.id))
        throw invalidParameter('id', `rule ${body.id} already exists`);
      if (notifier.rules().length >= notificationRulesMax)
        throw invalidParameter('id', `a site has at most ${notificationRulesMax} notification rules`);
      if (body.name.trim() === '') throw invalidParameter('name', 'must not be empty');
      if (body.channels.length === 0) throw new CloudError(4101, 'the rule has no channel');
      if (body.recipients.length === 0) throw new CloudError(4101, 'the rule has no recipient');
      const userIds = body.user_ids ?? 'anyone';
      const lockIds = body.lock_ids ?? 'any';
      const schedules = body.time_schedules ?? 'always';
      const rule: NotificationRule = {
        id: body.id,
        name: body.name,
        userIds: userIds === 'anyone' ? 'anyone' : existingIds(userIds, state.users, 'user_ids'),
        lockIds: lockIds === 'any' ? 'any' : existingIds(lockIds, state.locks, 'lock_ids'),
        schedules: schedules === 'always' ? 'always' : schedulesFromApi(schedules, 'time_schedules'),
        methods: body.methods === undefined || body.methods === 'any' ? 'any' : [...new Set(body.methods)],
        channels: [...new Set(body.channels)],
        recipients: [...new Set(body.recipients)],
      };
      notifier.setRule(rule);
      return notificationRuleView(rule);
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${rulesPath}/{rule_id}`,
    operationId: 'deleteNotificationRule',
    summary: 'Deletes a notification rule',
    tag: 'notifications',
    response: { kind: 'empty' },
    errors: [2203, 2210],
    handle: (context) => {
      const { core, actorId, live, params } = context;
      const site = core.getSite(actorId);
      const user = live.twin.cloud.state.users.get(actorId);
      if (user === undefined) throw notFound(actorId);
      // Removing never needs the feature, so a lapsed subscription can still be cleaned up.
      requireLevel(site, user, adminLevel, 'manage notification rules');
      if (!live.twin.cloud.notifier.removeRule(params.rule_id as string))
        throw notFound(`notification rule ${params.rule_id}`);
    },
  }),
  defineRoute({
    method: 'get',
    path: `${rulesPath}/outbox`,
    operationId: 'listNotificationOutbox',
    summary: 'Messages the rules have sent (email, push, SMS), oldest first',
    tag: 'notifications',
    response: { kind: 'list', schema: outboxMessageSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) => {
      core.getSite(actorId);
      return live.twin.cloud.notifier.outbox().map(outboxMessageView);
    },
  }),
  defineRoute({
    method: 'get',
    path: `${sitePath}/alerts`,
    operationId: 'listAlerts',
    summary:
      'Alerts raised (NOT CLOSED, intrusion, low battery), oldest first; active ones have active = true',
    tag: 'notifications',
    response: { kind: 'list', schema: alertSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) => {
      core.getSite(actorId);
      return live.twin.cloud.alerts.history().map(alertView);
    },
  }),
];
