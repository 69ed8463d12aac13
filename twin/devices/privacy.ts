/**
 * Privacy mode, the lock firmware's side: the escutcheons (BLUEnet, the older escutcheon and the PIN lock, an
 * escutcheon with a keypad) have an inside knob; turned, it throws the deadbolt and puts the lock in privacy mode.
 * While it is on the lock opens for nobody (tag, digital key, PIN or remote command) but the users its access data
 * marks with the override-privacy permission. The deadbolt locks the door whatever the bolt was doing: an opening
 * in progress ends and an office mode is left (the lock machine moves the bolt). Privacy ends when the knob is
 * turned back, when someone opens the door from inside (the inside handle retracts the deadbolt), or when a user
 * with the override opens it. Every change is an audit event (`privacy_mode`), so it reaches the entries log.
 *
 * Cylinders and wall readers have no inside knob: a knob input naming one is refused before it reaches the twin.
 */
import type { AccessMethod } from '../access/audit-event.ts';
import { privacyRefusal } from './firmware-decision.ts';
import type { LockKind } from '../site/spec.ts';
import { recordAudit } from './lock-audit.ts';
import type { LockContext } from './lock-context.ts';

/** The lock kinds with an inside privacy knob: the escutcheons. */
export const privacyKnobKinds: readonly LockKind[] = ['bluenet-escutcheon', 'escutcheon', 'pin'];

export function hasPrivacyKnob(kind: LockKind): boolean {
  return privacyKnobKinds.includes(kind);
}

/** Why privacy mode ended or began, as the audit detail says it (in brackets, after "privacy mode on|off"). */
export type PrivacyChange =
  'inside knob turned' | 'inside knob turned back' | 'opened with override' | 'opened from inside';

/** Whether privacy mode holds for this lock now (the defect `privacy-not-enforced` lets everyone through). */
function enforced(context: LockContext): boolean {
  return context.privacy && !context.env.defects.has('privacy-not-enforced');
}

/**
 * What the lock answers a remote opening or Manual Office Mode from the cloud while in privacy mode: the refusal's
 * wording, or undefined when it acts (privacy off, or the command's user holds the override on this lock).
 */
export function remoteRefusalOf(context: LockContext, userId: string): string | undefined {
  if (!enforced(context)) return undefined;
  return context.data.grants.users.get(userId)?.overridePrivacy === true ? undefined : privacyRefusal;
}

/** The audit record of a privacy change, with whoever caused it when known. */
export function recordPrivacy(
  context: LockContext,
  on: boolean,
  why: PrivacyChange,
  by?: { readonly userId: string | undefined; readonly method: AccessMethod },
): void {
  recordAudit(context, {
    category: 'privacy_mode',
    detail: `privacy mode ${on ? 'on' : 'off'} (${why})`,
    ...(by?.userId === undefined ? {} : { userId: by.userId }),
    ...(by === undefined ? {} : { method: by.method }),
  });
}

/** The knob turned to `on`: a change is recorded and returned as the new context field; no change, nothing. */
export function turnKnob(context: LockContext, on: boolean): Partial<LockContext> {
  if (!hasPrivacyKnob(context.kind) || context.privacy === on) return {};
  recordPrivacy(context, on, on ? 'inside knob turned' : 'inside knob turned back');
  return { privacy: on };
}

/** An opening that retracts the deadbolt ends privacy mode (nothing when it was off). */
export function endPrivacy(
  context: LockContext,
  why: 'opened with override' | 'opened from inside',
  by?: { readonly userId: string | undefined; readonly method: AccessMethod },
): Partial<LockContext> {
  if (!context.privacy) return {};
  recordPrivacy(context, false, why, by);
  return { privacy: false };
}
