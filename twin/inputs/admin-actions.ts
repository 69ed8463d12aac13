/**
 * Admin actions as inputs: what a person does in the app or through the API (block a tag, open remotely, change
 * a group's schedule…), applied at a virtual time like any other input, so scenarios and generated runs can
 * contain them and replay reproduces them. Each action's outcome (success or the error table's code) is recorded
 * in the trace and kept for expectations.
 */
import { CloudError } from '../cloud/error-table.ts';
import type { RemoteCommand } from '../remote-commands.ts';
import type { AdminActionName } from './admin-action-names.ts';
import type { AdminOutcome } from './admin-outcomes.ts';
import type { AdminInput } from './input-schema.ts';
import type { CloudActions, InputTarget } from './input-target.ts';

type Action = (cloud: CloudActions, actor: string, args: readonly unknown[]) => unknown;

/** Actions by name, each calling the cloud (remote commands travel on through the IQ). */
const actions: Record<AdminActionName, Action> = {
  // args: [lock id, one-time password?] (the password only where the lock's IQ has OTP on).
  'remote-open': (cloud, actor, args) => cloud.remoteOpen(actor, text(args, 0), optionalText(args, 1)),
  'office-mode': (cloud, actor, args) => cloud.setOfficeMode(actor, text(args, 0), args[1] === true),
  // args: [user id, the PIN's digits (null removes it), expiry instant?]: a PIN of the actor's choice.
  'set-pin': (cloud, actor, args) =>
    cloud.changePin(actor, text(args, 0), args[1] === null ? undefined : text(args, 1), instant(args[2])),
  // args: [user id, expiry instant?]: the cloud draws the PIN; the outcome's result is its digits.
  'issue-pin': (cloud, actor, args) => cloud.issuePin(actor, text(args, 0), instant(args[1])),
  'block-tag': (cloud, actor, args) => cloud.core.blockTag(actor, text(args, 0)),
  // args: ['tag' | 'digital_key', the tag's or phone's id, on].
  'set-offline-access': (cloud, actor, args) =>
    cloud.core.setOfflineAccess(actor, text(args, 0) as never, text(args, 1), args[2] as boolean),
  'unblock-tag': (cloud, actor, args) => cloud.core.unblockTag(actor, text(args, 0)),
  'replace-tag': (cloud, actor, args) => cloud.core.replaceTag(actor, text(args, 0), text(args, 1)),
  'revoke-key': (cloud, actor, args) => cloud.core.revokeDigitalKey(actor, text(args, 0)),
  'add-group-users': (cloud, actor, args) => cloud.core.addGroupUsers(actor, text(args, 0), texts(args, 1)),
  'remove-group-users': (cloud, actor, args) =>
    cloud.core.removeGroupUsers(actor, text(args, 0), texts(args, 1)),
  'set-group-schedules': (cloud, actor, args) =>
    cloud.core.setGroupSchedules(actor, text(args, 0), args[1] as never),
  'set-eom-schedules': (cloud, actor, args) =>
    cloud.core.setEomSchedules(actor, text(args, 0), args[1] as never),
  'set-permissions': (cloud, actor, args) =>
    cloud.core.setPermissions(actor, text(args, 0), args[1] as never),
  'set-alerts': (cloud, actor, args) => cloud.core.setAlerts(actor, text(args, 0), args[1] as never),
  'set-open-time': (cloud, actor, args) => cloud.core.setOpenTime(actor, text(args, 0), args[1] as number),
  'create-pod': (cloud, actor, args) => cloud.core.createPod(actor, args[0] as never),
  'add-pod-guests': (cloud, actor, args) => cloud.core.addPodGuests(actor, text(args, 0), texts(args, 1)),
  'set-guest-limit': (cloud, actor, args) =>
    cloud.core.setGuestLimit(actor, text(args, 0), args[1] as number),
  'issue-key': (cloud, actor, args) =>
    cloud.core.issueDigitalKey(actor, text(args, 0), instant(args[1]), instant(args[2])),
  'create-access-group': (cloud, actor, args) => cloud.core.createAccessGroup(actor, args[0] as never),
  'assign-lock-to-iq': (cloud, actor, args) => cloud.core.assignLockToIq(actor, text(args, 0), text(args, 1)),
  // args: [lock id, version]: the version is checked by the cloud (2207 when it is not major.minor.patch).
  'update-firmware': (cloud, actor, args) => cloud.updateFirmware(actor, text(args, 0), args[1]),
  /** Any changing operation of the cloud core by name (what the REST API records, so a session replays). */
  core: (cloud, actor, args) => {
    const method = text(args, 0);
    if (!isCoreChange(cloud.core, method))
      throw new CloudError(1101, `"${method}" is not a cloud operation that changes anything`, 'args[0]');
    const operation = (cloud.core as unknown as Record<string, (...operationArgs: unknown[]) => unknown>)[
      method
    ] as (...operationArgs: unknown[]) => unknown;
    return operation.call(cloud.core, actor, ...args.slice(1));
  },
  'add-notification-rule': (cloud, _actor, args) => cloud.notifier.setRule(args[0] as never),
  'remove-notification-rule': (cloud, _actor, args) => {
    if (!cloud.notifier.removeRule(text(args, 0)))
      throw new CloudError(3104, `notification rule ${text(args, 0)}`);
  },
};

function text(args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string')
    throw new CloudError(1101, `argument ${index + 1} must be a string`, `args[${index}]`);
  return value;
}

/** A string argument that may be left out (or null). */
function optionalText(args: readonly unknown[], index: number): string | undefined {
  return args[index] === undefined || args[index] === null ? undefined : text(args, index);
}

/** An ISO instant argument as UTC ms (absent: undefined). */
function instant(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const utcMs = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(utcMs)) throw new CloudError(1101, 'an instant is an ISO date-time string', 'instant');
  return utcMs;
}

/** Operations that only read (or only decide) are not inputs. */
const readOnlyPrefixes = ['get', 'list', 'authorize'];
/** The core's own helpers (private in TypeScript, yet reachable by name at run time) and the cloud's own sweeps. */
const coreHelpers: ReadonlySet<string> = new Set(['actorOf', 'read', 'removeExpiredPins']);

/** Whether `method` names an operation of the cloud core that changes something (and so is an input). */
export function isCoreChange(core: object, method: string): boolean {
  const candidate = (core as Record<string, unknown>)[method];
  return (
    typeof candidate === 'function' &&
    method !== 'constructor' &&
    !method.startsWith('_') &&
    !coreHelpers.has(method) &&
    !readOnlyPrefixes.some((prefix) => method.startsWith(prefix))
  );
}

function texts(args: readonly unknown[], index: number): string[] {
  const value = args[index];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new CloudError(1101, `argument ${index + 1} must be a list of ids`, `args[${index}]`);
  return value as string[];
}

/** The outcome of an admin input, as `Twin.apply` answers it. */
export type AdminInputOutcome =
  | { readonly kind: 'admin-accepted'; readonly action: AdminActionName; readonly result: unknown }
  | {
      readonly kind: 'admin-refused';
      readonly action: AdminActionName;
      readonly code: number;
      readonly error: unknown;
    }
  | {
      readonly kind: 'admin-pending';
      readonly action: AdminActionName;
      readonly command: RemoteCommand;
      /** Settles (code, settled) when the command's answer is back. */
      readonly outcome: AdminOutcome;
    };

/** Runs an admin action now and keeps its outcome; never throws: a refusal is an outcome. */
export function applyAdminAction(target: InputTarget, input: AdminInput): AdminInputOutcome {
  const outcome: AdminOutcome = {
    label: input.label,
    action: input.action,
    atMs: target.clock.now(),
    code: null,
    settled: true,
  };
  target.adminOutcomes.add(outcome);
  const traceResult = (code: number | null): void => {
    target.trace.record({
      kind: 'admin.result',
      device: input.actor,
      action: input.action,
      label: input.label ?? null,
      code,
    });
  };
  try {
    const result = actions[input.action](target.cloud, input.actor, input.args);
    outcome.result = result;
    if (isPendingCommand(result)) {
      outcome.settled = false;
      target.cloud.onCommandSettled(result.id, (code) => {
        outcome.code = code;
        outcome.settled = true;
        traceResult(code);
      });
      return { kind: 'admin-pending', action: input.action, command: result, outcome };
    }
    traceResult(null);
    return { kind: 'admin-accepted', action: input.action, result };
  } catch (error) {
    const code = error instanceof CloudError ? error.code : 1101;
    outcome.error = error;
    outcome.code = code;
    traceResult(code);
    return { kind: 'admin-refused', action: input.action, code, error };
  }
}

function isPendingCommand(value: unknown): value is RemoteCommand {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    'id' in value &&
    (value as { status: unknown }).status === 'pending'
  );
}
