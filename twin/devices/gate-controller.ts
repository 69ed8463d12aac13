/**
 * A wall reader's controller, the firmware's side. The controller's relay drives the gate, barrier or lift: an
 * opening (a credential, a remote opening, or the exit button) energises it, and it releases after the relay's
 * open time, which the cloud holds as the lock's open time (cloud/state-from-spec.ts), so the bolt's relock is
 * the relay's release. The exit button, wired to the controller on the inside, releases the relay without a
 * credential (someone leaving); it is recorded as an opening from inside ("opened by exit button"), so the entry
 * reads as the Connect API's `inside_handle`. A gate held open afterwards raises NOT CLOSED as any door does.
 */
import { recordAudit } from './lock-audit.ts';
import type { LockContext } from './lock-context.ts';

/** The audit wording of an opening by the exit button. */
export const exitButtonDetail = 'opened by exit button';

/** The exit button acts only where the controller has one wired (the input is refused elsewhere too). */
export function exitButtonWired(context: LockContext): boolean {
  return context.controller?.exitButton === true;
}

/** The defect `gate-relay-never-releases`: the controller's relay stays energised once an opening drove it. */
export function relayStuck(context: LockContext): boolean {
  return context.controller !== undefined && context.env.defects.has('gate-relay-never-releases');
}

export function recordExitButton(context: LockContext): void {
  recordAudit(context, { category: 'lock_opened', detail: exitButtonDetail, method: 'inside_handle' });
}
