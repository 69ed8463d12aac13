/**
 * Admin actions as inputs: what a person does in the app or through the API (block a tag, open remotely, change
 * a group's schedule…), applied at a virtual time like any other input, so scenarios and generated runs can
 * contain them and replay reproduces them. Each action's outcome (success or the error table's code) is recorded
 * in the trace and kept for expectations.
 */
import { z } from 'zod';
import { CloudError } from './cloud/error-table.ts';
import type { Twin } from './twin.ts';

/** Actions by name, each calling the twin (for those that travel through the IQ) or the cloud core. */
const actions = {
  'remote-open': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.remoteOpen(actor, text(args, 0)),
  'office-mode': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.setOfficeMode(actor, text(args, 0), args[1] === true),
  'set-pin': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.changePin(actor, text(args, 0), args[1] === null ? undefined : text(args, 1)),
  'block-tag': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.blockTag(actor, text(args, 0)),
  'unblock-tag': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.unblockTag(actor, text(args, 0)),
  'replace-tag': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.replaceTag(actor, text(args, 0), text(args, 1)),
  'revoke-key': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.revokeDigitalKey(actor, text(args, 0)),
  'add-group-users': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.addGroupUsers(actor, text(args, 0), texts(args, 1)),
  'remove-group-users': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.removeGroupUsers(actor, text(args, 0), texts(args, 1)),
  'set-group-schedules': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.setGroupSchedules(actor, text(args, 0), args[1] as never),
  'set-eom-schedules': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.setEomSchedules(actor, text(args, 0), args[1] as never),
  'set-permissions': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.setPermissions(actor, text(args, 0), args[1] as never),
  'set-alerts': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.setAlerts(actor, text(args, 0), args[1] as never),
  'set-open-time': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.setOpenTime(actor, text(args, 0), args[1] as number),
  'create-pod': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.createPod(actor, args[0] as never),
  'add-pod-guests': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.addPodGuests(actor, text(args, 0), texts(args, 1)),
  'set-guest-limit': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.setGuestLimit(actor, text(args, 0), args[1] as number),
  'issue-key': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.issueDigitalKey(actor, text(args, 0), instant(twin, args[1]), instant(twin, args[2])),
  'create-access-group': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.createAccessGroup(actor, args[0] as never),
  'assign-lock-to-iq': (twin: Twin, actor: string, args: readonly unknown[]) =>
    twin.cloud.core.assignLockToIq(actor, text(args, 0), text(args, 1)),
  /** Any changing operation of the cloud core by name (what the REST API records, so a session replays). */
  core: (twin: Twin, actor: string, args: readonly unknown[]) => {
    const method = text(args, 0);
    if (!isCoreChange(twin, method))
      throw new CloudError(1101, `"${method}" is not a cloud operation that changes anything`, 'args[0]');
    const operation = (
      twin.cloud.core as unknown as Record<string, (...operationArgs: unknown[]) => unknown>
    )[method] as (...operationArgs: unknown[]) => unknown;
    return operation.call(twin.cloud.core, actor, ...args.slice(1));
  },
  'add-notification-rule': (twin: Twin, _actor: string, args: readonly unknown[]) =>
    twin.cloud.notifier.setRule(args[0] as never),
} as const;

export type AdminActionName = keyof typeof actions;
export const adminActionNames = Object.keys(actions).sort() as AdminActionName[];

export const adminInputSchema = z.strictObject({
  type: z.literal('admin'),
  actor: z.string().min(1),
  action: z.enum(adminActionNames as [AdminActionName, ...AdminActionName[]]),
  args: z.array(z.unknown()).max(16).default([]),
  /** A name for expectations to refer to this action's outcome. */
  label: z.string().optional(),
});

export type AdminInput = z.infer<typeof adminInputSchema>;

/** The outcome of one admin action: `code` is null on success. Remote commands settle later. */
export interface AdminOutcome {
  readonly label: string | undefined;
  readonly action: AdminActionName;
  readonly atMs: number;
  code: number | null;
  settled: boolean;
  /** What the operation returned or threw (kept in memory for the caller, never traced). */
  result?: unknown;
  error?: unknown;
}

/** Outcomes kept per run; the oldest are dropped past this. */
export const adminOutcomesMax = 10_000;

function text(args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string')
    throw new CloudError(1101, `argument ${index + 1} must be a string`, `args[${index}]`);
  return value;
}

/** An ISO instant argument as UTC ms (absent: undefined). */
function instant(_twin: Twin, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const utcMs = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(utcMs)) throw new CloudError(1101, 'an instant is an ISO date-time string', 'instant');
  return utcMs;
}

/** Operations that only read (or only decide) are not inputs. */
const readOnlyPrefixes = ['get', 'list', 'authorize'];

export function isCoreChange(twin: Twin, method: string): boolean {
  const candidate = (twin.cloud.core as unknown as Record<string, unknown>)[method];
  return (
    typeof candidate === 'function' &&
    method !== 'constructor' &&
    !method.startsWith('_') &&
    !readOnlyPrefixes.some((prefix) => method.startsWith(prefix))
  );
}

function texts(args: readonly unknown[], index: number): string[] {
  const value = args[index];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new CloudError(1101, `argument ${index + 1} must be a list of ids`, `args[${index}]`);
  return value as string[];
}

/** Runs an admin action now; never throws: a refusal is an outcome. */
export function applyAdminAction(twin: Twin, input: AdminInput): AdminOutcome {
  const outcome: AdminOutcome = {
    label: input.label,
    action: input.action,
    atMs: twin.clock.now(),
    code: null,
    settled: true,
  };
  try {
    const result = actions[input.action](twin, input.actor, input.args);
    outcome.result = result;
    if (isPendingCommand(result)) {
      outcome.settled = false;
      twin.onCommandSettled(result.id, (code) => {
        outcome.code = code;
        outcome.settled = true;
        twin.trace.record('admin.result', input.actor, {
          action: input.action,
          label: input.label ?? null,
          code,
        });
      });
    }
  } catch (error) {
    outcome.error = error;
    outcome.code = error instanceof CloudError ? error.code : 1101;
  }
  if (outcome.settled)
    twin.trace.record('admin.result', input.actor, {
      action: input.action,
      label: input.label ?? null,
      code: outcome.code,
    });
  return outcome;
}

function isPendingCommand(value: unknown): value is { id: number; status: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    'id' in value &&
    (value as { status: unknown }).status === 'pending'
  );
}
