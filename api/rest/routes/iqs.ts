/**
 * IQs: the site's IQs as the Connect API shows them, switching their one-time password on or off, and the
 * caller's activation of an IQ (once per user and IQ; see twin/cloud/iq-activation.ts):
 *
 * 1. `GET …/iqs/{iq_id}/secret` → 200, the first secret as a bare JSON string (only before activation);
 * 2. `GET …/iqs/{iq_id}/pin?send_email=true` → 204, the IQ PIN mailed into the outbox (only before activation);
 * 3. `PUT …/iqs/{iq_id}/pin {otp, delta}` → 204, the PIN changed (`new = old − delta`) and the IQ activated.
 *
 * The secret and the PIN are hashes of site, user and IQ, chosen here and passed to the recorded cloud
 * operation, so an exported session replays to the same ones. Reading either is a change (it begins the
 * activation and sends mail), so both go through the recording core.
 */
import { iqPinOf, iqSecretOf } from '../../../twin/index.ts';
import { recordOf, userOf } from '../connect-resolve.ts';
import { invalidParameter } from '../errors.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import {
  activatedIqSchema,
  activatedIqView,
  iqPatchSchema,
  iqPinChangeSchema,
  iqSchema,
  iqSecretSchema,
  iqView,
  userActivatedIqSchema,
  userActivatedIqView,
} from '../shapes/iqs.ts';
import { sitePath } from './paths.ts';

const iqsPath = `${sitePath}/iqs`;
const iqPath = `${iqsPath}/{iq_id}`;

function iqIdOf(context: RouteContext<unknown>): string {
  return recordOf(context, 'iq', context.params.iq_id as string);
}

export const iqRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: iqsPath,
    operationId: 'listIqs',
    summary: 'The site’s IQs: online, one-time password on or off, data sync state, signal',
    tag: 'iqs',
    response: { kind: 'list', schema: iqSchema },
    errors: [2210],
    handle: ({ core, actorId, live, ids }) => core.listIqs(actorId).map((iq) => iqView(live, ids, iq)),
  }),
  defineRoute({
    method: 'get',
    path: iqPath,
    operationId: 'getIq',
    summary: 'One IQ',
    tag: 'iqs',
    response: { kind: 'item', schema: iqSchema },
    errors: [2210],
    handle: (context) =>
      iqView(context.live, context.ids, context.core.getIq(context.actorId, iqIdOf(context))),
  }),
  defineRoute({
    method: 'patch',
    path: iqPath,
    operationId: 'updateIq',
    summary:
      'Switches the one-time password for remote openings through this IQ on or off (admins and owners)',
    description:
      'A site spec’s IQs have it off unless they say `otpEnabled: true`, so simple demos open without one.',
    tag: 'iqs',
    body: iqPatchSchema,
    response: { kind: 'item', schema: iqSchema },
    errors: [2203, 2210],
    handle: (context) =>
      iqView(
        context.live,
        context.ids,
        context.core.setIqOtp(context.actorId, iqIdOf(context), context.body.otp_enabled),
      ),
  }),
  defineRoute({
    method: 'get',
    path: `${iqPath}/secret`,
    operationId: 'getIqFirstSecret',
    summary: 'The caller’s first secret on this IQ (a bare JSON string), only before activation',
    description:
      'The same secret on every call until the caller has activated the IQ; afterwards 403/2203. Begins the activation: the IQ appears in the caller’s activated IQs with `activated: false`.',
    tag: 'iqs',
    response: { kind: 'item', schema: iqSecretSchema },
    errors: [2203, 2210],
    handle: (context) => {
      const iqId = iqIdOf(context);
      const secret = iqSecretOf(context.params.site_id as string, context.actorId, iqId);
      return context.core.handOutIqSecret(context.actorId, iqId, secret);
    },
  }),
  defineRoute({
    method: 'get',
    path: `${iqPath}/pin`,
    operationId: 'sendIqPin',
    summary:
      'Mails the caller’s IQ PIN (4 digits) into the outbox (`send_email=true`), only before activation',
    description:
      'Answers 204. `send_email` must be `true`: the twin never answers the PIN in the body. The same PIN is mailed again on every call until activation; afterwards 403/2203. A caller without an email address gets 403/2203.',
    tag: 'iqs',
    response: { kind: 'empty' },
    errors: [1101, 2203, 2210],
    handle: (context) => {
      const iqId = iqIdOf(context);
      if (context.url.searchParams.get('send_email') !== 'true')
        throw invalidParameter('send_email', 'the twin only mails the IQ PIN: send_email=true');
      const pin = iqPinOf(context.params.site_id as string, context.actorId, iqId);
      context.core.mailIqPin(context.actorId, iqId, pin);
    },
  }),
  defineRoute({
    method: 'put',
    path: `${iqPath}/pin`,
    operationId: 'changeIqPin',
    summary: 'Changes the caller’s IQ PIN with a valid one-time password: the first change activates the IQ',
    description:
      '`otp` is made of the first secret and the current PIN; `delta` is 4 digits and the new PIN is the old one minus `delta`, digit by digit, mod 10 (`0000` keeps it). Answers 204. A wrong code is 400/3102 otp_invalid, the third in a row 403/3102 otp_blocked for 5 virtual minutes.',
    tag: 'iqs',
    body: iqPinChangeSchema,
    response: { kind: 'empty' },
    errors: [2203, 2210, 3102],
    handle: (context) => {
      context.core.changeIqPin(context.actorId, iqIdOf(context), context.body.otp, context.body.delta);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1.2/me/{site_id}/activated_iqs',
    operationId: 'listActivatedIqs',
    summary: 'The IQs the caller has begun or finished activating on the site',
    tag: 'iqs',
    response: { kind: 'list', schema: activatedIqSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) =>
      core.listActivatedIqs(actorId).map((activation) => activatedIqView(ids, activation)),
  }),
  defineRoute({
    method: 'get',
    path: `${sitePath}/users/{user_id}/activated_iqs`,
    operationId: 'listUserActivatedIqs',
    summary: 'The IQs a site user (by site-user id) has activated',
    description: 'Only IQs whose activation is done (the PIN changed); the platform id here is 404/2202.',
    tag: 'iqs',
    response: { kind: 'list', schema: userActivatedIqSchema },
    errors: [2202, 2210],
    handle: (context) => {
      const userId = userOf(context, 'site-user', context.params.user_id as string);
      return context.core
        .listActivatedIqs(context.actorId, userId)
        .filter((activation) => activation.activatedAtUtcMs !== undefined)
        .map((activation) =>
          userActivatedIqView(
            context.live,
            context.ids,
            context.core.getIq(context.actorId, activation.iqId),
          ),
        );
    },
  }),
];
