/**
 * Notification rules ("if who opened which door in what time frame via which method, tell these recipients on
 * these channels"), the outbox standing in for the email / push / SMS gateways, and the alert board.
 *
 * The cloud core has no rights check for rules, so this route applies the core's own rules: reading as any site
 * user, changing from admin up with the notifications feature (2203, 2212).
 */
import {
  CloudError,
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

/** The twin's ids behind public user (platform) or lock ids; an unknown one is 1101 naming its place. */
function existingIds(
  context: RouteContext<unknown>,
  kind: 'user' | 'lock',
  publicIds: readonly string[],
  parameterName: string,
): string[] {
  const { ids, core } = context;
  const candidates = kind === 'user' ? core.state.users : core.state.locks;
  const found = publicIds.map((publicId, index) => {
    const id = ids.resolve(kind, publicId, candidates);
    if (id === undefined) throw invalidParameter(`${parameterName}[${index}]`, `no ${publicId} in this site`);
    return id;
  });
  return [...new Set(found)];
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
    handle: ({ core, actorId, live, ids }) => {
      core.getSite(actorId);
      return live.twin.cloud.notifier.rules().map((rule) => notificationRuleView(ids, rule));
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
      const { body, live, ids, actorId } = context;
      const { notifier, state } = live.twin.cloud;
      if (notifier.rules().length >= notificationRulesMax)
        throw invalidParameter('name', `a site has at most ${notificationRulesMax} notification rules`);
      if (body.name.trim() === '') throw invalidParameter('name', 'must not be empty');
      if (body.channels.length === 0) throw new CloudError(4101, 'the rule has no channel');
      if (body.recipients.length === 0) throw new CloudError(4101, 'the rule has no recipient');
      const userIds = body.user_ids ?? 'anyone';
      const lockIds = body.lock_ids ?? 'any';
      const schedules = body.time_schedules ?? 'always';
      const rule: NotificationRule = {
        id: ids.newId(state.site.id, live.inputCount, 'notification-rule'),
        name: body.name,
        userIds: userIds === 'anyone' ? 'anyone' : existingIds(context, 'user', userIds, 'user_ids'),
        lockIds: lockIds === 'any' ? 'any' : existingIds(context, 'lock', lockIds, 'lock_ids'),
        schedules: schedules === 'always' ? 'always' : schedulesFromApi(schedules, 'time_schedules'),
        methods: body.methods === undefined || body.methods === 'any' ? 'any' : [...new Set(body.methods)],
        ...(body.events === undefined || body.events === 'both' ? {} : { events: [...new Set(body.events)] }),
        channels: [...new Set(body.channels)],
        recipients: [...new Set(body.recipients)],
      };
      // Through the twin as an admin input, so a session's export replays it.
      const { outcome } = live.apply({
        type: 'admin',
        actor: actorId,
        action: 'add-notification-rule',
        args: [rule],
      });
      if (outcome.kind === 'admin-refused') throw outcome.error;
      return notificationRuleView(ids, rule);
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
      const ruleId = context.ids.resolve(
        'notification-rule',
        params.rule_id as string,
        new Set(live.twin.cloud.notifier.rules().map((rule) => rule.id)),
      );
      if (ruleId === undefined) throw notFound(`notification rule ${params.rule_id}`);
      const { outcome } = live.apply({
        type: 'admin',
        actor: actorId,
        action: 'remove-notification-rule',
        args: [ruleId],
      });
      if (outcome.kind === 'admin-refused') throw outcome.error;
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
    handle: ({ core, actorId, live, ids }) => {
      core.getSite(actorId);
      return live.twin.cloud.notifier.outbox().map((message) => outboxMessageView(ids, message));
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
    handle: ({ core, actorId, live, ids }) => {
      core.getSite(actorId);
      return live.twin.cloud.alerts.history().map((alert) => alertView(ids, alert));
    },
  }),
];
