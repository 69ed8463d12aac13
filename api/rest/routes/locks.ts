/**
 * Locks: their cloud settings and their state as the twin sees it, settings changes, and commands through the IQ
 * (`PATCH …/locking`: remote opening, Manual Office Mode on and off). A command is accepted with 202 and settles in
 * virtual time; `GET …/commands/{command_id}` tells how it ended (3102 when the lock did not answer).
 */
import { CloudError, openTimeMsMax, openTimeMsMin } from '../../../twin/index.ts';
import type { LiveTwin } from '../../live-twin.ts';
import { invalidParameter, isErrorCode, notFound } from '../errors.ts';
import { defineRoute, type Route } from '../route-table.ts';
import { commandSchema, lockingSchema, lockPatchSchema, lockSchema } from '../schemas.ts';
import { commandView, lockView } from '../views.ts';
import { sitePath } from './paths.ts';
import { schedulesFromApi } from './schedules.ts';

const locksPath = `${sitePath}/locks`;
const lockPath = `${locksPath}/{lock_id}`;

export const lockRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: locksPath,
    operationId: 'listLocks',
    summary:
      'The site’s locks, with their settings and their state (bolt, door, battery, reachability, data version)',
    tag: 'locks',
    response: { kind: 'list', schema: lockSchema },
    errors: [2210],
    handle: ({ core, actorId, live }) => core.listLocks(actorId).map((lock) => lockView(live, lock)),
  }),
  defineRoute({
    method: 'get',
    path: lockPath,
    operationId: 'getLock',
    summary: 'One lock',
    tag: 'locks',
    response: { kind: 'item', schema: lockSchema },
    errors: [2210],
    handle: ({ core, actorId, live, params }) =>
      lockView(live, core.getLock(actorId, params.lock_id as string)),
  }),
  defineRoute({
    method: 'patch',
    path: lockPath,
    operationId: 'updateLock',
    summary:
      'Changes a lock’s settings (admins and owners): open time, Easy Office Mode schedules, door alerts',
    description:
      'Fields left out keep their value. A lock’s name comes from the site spec and cannot be changed here (only its current name is accepted). Open time and EOM schedules travel to the lock with its access data.',
    tag: 'locks',
    body: lockPatchSchema,
    response: { kind: 'item', schema: lockSchema },
    errors: [2203, 2210, 2212],
    handle: ({ core, actorId, live, params, body }) => {
      const lockId = params.lock_id as string;
      const current = core.getLock(actorId, lockId);
      if (body.name !== undefined && body.name !== current.name) {
        throw invalidParameter(
          'name',
          'a lock’s name is set in the site spec and cannot be changed through the API',
        );
      }
      const openTimeMs = body.open_time_ms;
      if (
        openTimeMs !== undefined &&
        !(Number.isInteger(openTimeMs) && openTimeMs >= openTimeMsMin && openTimeMs <= openTimeMsMax)
      ) {
        throw invalidParameter(
          'open_time_ms',
          `a whole number of ms from ${openTimeMsMin} to ${openTimeMsMax}`,
        );
      }
      const eomSchedules =
        body.eom_schedules === undefined ? undefined : schedulesFromApi(body.eom_schedules, 'eom_schedules');
      // Everything is checked above; of the changes only EOM can still be refused (2203, 2212), so it goes first
      // and a refusal leaves the lock unchanged.
      if (eomSchedules !== undefined) core.setEomSchedules(actorId, lockId, eomSchedules);
      const alerts = body.alerts;
      if (alerts !== undefined) {
        core.setAlerts(actorId, lockId, {
          ...(alerts.not_closed === undefined ? {} : { notClosed: alerts.not_closed }),
          ...(alerts.intrusion === undefined ? {} : { intrusion: alerts.intrusion }),
          ...(alerts.low_battery === undefined ? {} : { lowBattery: alerts.low_battery }),
        });
      }
      if (openTimeMs !== undefined) core.setOpenTime(actorId, lockId, openTimeMs);
      return lockView(live, core.getLock(actorId, lockId));
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${lockPath}/locking`,
    operationId: 'setLockedState',
    summary:
      'Remote opening (unlocked) or Manual Office Mode on (office_mode) / off (locked), through the IQ',
    description:
      'Answers 202 with the command; it settles in virtual time (see getLockCommand). Refused at once with 3105 when the lock’s IQ is offline, 2203 without the permission, 2212 without the feature.',
    tag: 'locks',
    body: lockingSchema,
    response: { kind: 'item', status: 202, schema: commandSchema },
    errors: [2203, 2210, 2212, 3105],
    handle: ({ live, actorId, params, body }) =>
      commandView(
        lockCommand(live, actorId, params.lock_id as string, body.locked_state),
        live.twin.epochUtcMs,
      ),
  }),
  defineRoute({
    method: 'get',
    path: `${lockPath}/commands/{command_id}`,
    operationId: 'getLockCommand',
    summary: 'A command sent to the lock, and how it ended (error 3102: the lock did not answer)',
    tag: 'locks',
    response: { kind: 'item', schema: commandSchema },
    errors: [2210],
    handle: ({ live, core, actorId, params }) => {
      const lockId = params.lock_id as string;
      core.getLock(actorId, lockId);
      const id = /^\d{1,15}$/.test(params.command_id as string) ? Number(params.command_id) : Number.NaN;
      const command = live.twin.cloud.commands
        .all()
        .find((candidate) => candidate.id === id && candidate.lockId === lockId);
      if (command === undefined) throw notFound(`command ${params.command_id} of lock ${lockId}`);
      return commandView(command, live.twin.epochUtcMs);
    },
  }),
];

/** The live twin's lock command; a refusal it reports as an admin outcome (not thrown) is thrown here. */
function lockCommand(
  live: LiveTwin,
  actorId: string,
  lockId: string,
  state: 'unlocked' | 'office_mode' | 'locked',
) {
  const outcome = live.lockCommand(actorId, lockId, state);
  if (outcome.issued) return outcome.command;
  throw new CloudError(isErrorCode(outcome.code) ? outcome.code : 2201, `lock ${lockId}`);
}
