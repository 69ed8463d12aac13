/**
 * Locks: the site's locks as the Connect API shows them, and commands through the IQ (`PATCH …/locking`: remote
 * opening, Manual Office Mode on and off), on `/v1.2` and, as the vendor's own web app calls it, on `/v1.1`.
 *
 * A command answers 200 with the command at once and settles in virtual time; `GET …/commands/{command_id}` (a
 * twin extension) tells how it ended (3102 when the lock did not answer). Remote opening through an IQ with
 * `otp_enabled` needs `otp` (iq-activation.ts in the cloud): checked inside the recorded input, so an exported
 * session replays the same failures and blocks; a refused code never reaches the lock or the entries.
 */
import { CloudError, type RemoteCommand, type TwinInput } from '../../../twin/index.ts';
import type { LiveTwin } from '../../live-twin.ts';
import { recordOf } from '../connect-resolve.ts';
import { isErrorCode, notFound } from '../errors.ts';
import { defineRoute, type Route, type RouteContext } from '../route-table.ts';
import {
  commandSchema,
  commandView,
  lockingSchema,
  lockSchema,
  lockView,
  type LockingBody,
} from '../shapes/locks.ts';
import { sitePath } from './paths.ts';

const locksPath = `${sitePath}/locks`;
const lockPath = `${locksPath}/{lock_id}`;
/** The vendor's web app sends remote openings to `/v1.1`; both versions answer. */
const lockPathV11 = '/v1.1/sites/{site_id}/locks/{lock_id}';

const lockingDescription =
  'Answers 200 with the command; it settles in virtual time (see getLockCommand). On an IQ with otp_enabled, ' +
  '`unlocked` needs `otp`: a user not activated on the IQ gets 404/2202 "Otp is invalid", a missing or wrong ' +
  'code 400/3102 otp_invalid, and the third failure in a row 403/3102 otp_blocked, which ends by itself after ' +
  '5 virtual minutes. Refused at once with 3105 when the lock’s IQ is offline, 2203 without the permission, ' +
  '2212 without the feature.';

function lockingRoute(path: string, operationId: string): Route {
  return defineRoute({
    method: 'patch',
    path: `${path}/locking`,
    operationId,
    summary:
      'Remote opening (unlocked) or Manual Office Mode on (office_mode) / off (locked), through the IQ',
    description: lockingDescription,
    tag: 'locks',
    body: lockingSchema,
    response: { kind: 'item', schema: commandSchema },
    errors: [2202, 2203, 2210, 2212, 3102, 3105],
    handle: (context) => {
      const lockId = recordOf(context, 'lock', context.params.lock_id as string);
      const command = lockCommand(context.live, context.actorId, lockId, context.body);
      return commandView(command, context.ids, context.live.twin.epochUtcMs);
    },
  });
}

export const lockRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: locksPath,
    operationId: 'listLocks',
    summary: 'The site’s locks: type, bolt, reachability, battery, alarms and their IQ',
    tag: 'locks',
    response: { kind: 'list', schema: lockSchema },
    errors: [2210],
    handle: ({ core, actorId, live, ids }) =>
      core.listLocks(actorId).map((lock) => lockView(live, ids, lock)),
  }),
  defineRoute({
    method: 'get',
    path: lockPath,
    operationId: 'getLock',
    summary: 'One lock',
    tag: 'locks',
    response: { kind: 'item', schema: lockSchema },
    errors: [2210],
    handle: (context) =>
      lockView(
        context.live,
        context.ids,
        context.core.getLock(context.actorId, recordOf(context, 'lock', context.params.lock_id as string)),
      ),
  }),
  lockingRoute(lockPath, 'setLockedState'),
  lockingRoute(lockPathV11, 'setLockedStateV11'),
  defineRoute({
    method: 'get',
    path: `${lockPath}/commands/{command_id}`,
    operationId: 'getLockCommand',
    summary: 'A command sent to the lock, and how it ended (error 3102: the lock did not answer)',
    description: 'A twin extension: the service has no such resource.',
    tag: 'locks',
    response: { kind: 'item', schema: commandSchema },
    errors: [2210],
    handle: (context) => commandOf(context),
  }),
];

function commandOf(context: RouteContext<unknown>): unknown {
  const { live, core, actorId, params, ids } = context;
  const lockId = recordOf(context, 'lock', params.lock_id as string);
  core.getLock(actorId, lockId);
  const id = /^\d{1,15}$/.test(params.command_id as string) ? Number(params.command_id) : Number.NaN;
  const command = live.twin.cloud.commands
    .all()
    .find((candidate) => candidate.id === id && candidate.lockId === lockId);
  if (command === undefined) throw notFound(`command ${params.command_id} of lock ${params.lock_id}`);
  return commandView(command, ids, live.twin.epochUtcMs);
}

/**
 * The command as a recorded input. A refusal by right (2203, 2212) is answered before anything is recorded; the
 * OTP check and the IQ's reachability are decided by the input itself, and their refusal is thrown as the
 * cloud made it (with its status: 400 `otp_invalid`, 403 `otp_blocked`).
 */
function lockCommand(live: LiveTwin, actorId: string, lockId: string, body: LockingBody): RemoteCommand {
  const unlocking = body.locked_state === 'unlocked';
  live.twin.cloud.core.authorizeLockCommand(actorId, lockId, unlocking ? 'open' : 'office-mode');
  const input: TwinInput = unlocking
    ? {
        type: 'admin',
        actor: actorId,
        action: 'remote-open',
        args: body.otp === undefined ? [lockId] : [lockId, body.otp],
      }
    : {
        type: 'admin',
        actor: actorId,
        action: 'office-mode',
        args: [lockId, body.locked_state === 'office_mode'],
      };
  const { outcome } = live.apply(input);
  if (outcome.kind === 'admin-pending') return outcome.command;
  if (outcome.kind === 'admin-refused') {
    if (outcome.error instanceof CloudError) throw outcome.error;
    throw new CloudError(isErrorCode(outcome.code) ? outcome.code : 2201, `lock ${lockId}`);
  }
  throw new RangeError(`${input.type} input answered no command`);
}
