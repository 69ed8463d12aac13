/**
 * The lock firmware's decision on a credential, made only from the lock's own data and its own (possibly
 * drifting) clock: nothing here asks the cloud. Pure, so the reference model and the tests can call it too.
 */
import { isWithinSchedules } from '../access/schedule.ts';
import type { BatteryLevel } from '../defaults.ts';
import type { Defects } from '../defects.ts';
import type { LockKind } from '../site/spec.ts';
import { hasKeypad } from '../site/lock-kinds.ts';
import type { AccessMethod } from '../access/audit-event.ts';
import type { LockAccessData } from '../access/lock-access-data.ts';

export interface CredentialAttempt {
  readonly credentialId: string;
  readonly method: AccessMethod;
}

export interface LockCircumstances {
  readonly kind: LockKind;
  readonly battery: BatteryLevel;
  /** The lock's own idea of the time (UTC ms), drift included. */
  readonly lockUtcMs: number;
  readonly data: LockAccessData;
  /** Bugs switched on for this run (none in a healthy twin). */
  readonly defects?: Defects;
  /** The lock is in privacy mode (its inside knob turned, privacy.ts): only override-privacy users open. */
  readonly privacy?: boolean;
  /** The lock has lost its IQ: only credentials on its offline list open (twin/cloud/offline-access.ts). */
  readonly cutOff?: boolean;
}

export type Decision =
  | {
      readonly granted: true;
      readonly userId: string;
      readonly mayToggleManualOfficeMode: boolean;
      readonly mayToggleEasyOfficeMode: boolean;
    }
  | { readonly granted: false; readonly userId: string | undefined; readonly reason: string };

const refuse = (reason: string, userId?: string): Decision => ({ granted: false, userId, reason });

/** The audit wording of a refusal for privacy mode (credentials and remote commands alike). */
export const privacyRefusal = 'privacy mode';

/** The audit wording of a credential refused by a lock cut off from its IQ (entry `event_detail: offline`). */
export const offlineRefusal = 'lock offline';

/** On the offline list (the defect `offline-list-ignored` takes every credential the lock holds as on it). */
function onOfflineList(credentialId: string, circumstances: LockCircumstances): boolean {
  if (circumstances.defects?.has('offline-list-ignored') === true) return true;
  return circumstances.data.grants.offline.has(credentialId);
}

/** The defect `pin-expiry-ignored`: the firmware reads a PIN's end and does nothing with it. */
function pinEndIgnored(grant: { readonly kind: string }, circumstances: LockCircumstances): boolean {
  return grant.kind === 'pin' && circumstances.defects?.has('pin-expiry-ignored') === true;
}

export function decide(attempt: CredentialAttempt, circumstances: LockCircumstances): Decision {
  const { data, lockUtcMs } = circumstances;
  if (circumstances.battery === 'very-low') return refuse('battery very low');
  if (attempt.method === 'pin_code' && !hasKeypad(circumstances.kind))
    return refuse('no keypad on this lock');
  const grant = data.grants.credentials.get(attempt.credentialId);
  if (grant === undefined) return refuse('credential not on this lock');
  if (grant.blocked && circumstances.defects?.has('blocked-tag-still-opens') !== true)
    return refuse(`${grant.kind === 'tag' ? 'tag' : 'credential'} blocked`, grant.userId);
  if (grant.validFromUtcMs !== undefined && lockUtcMs < grant.validFromUtcMs)
    return refuse('key not yet valid', grant.userId);
  const ended = grant.validUntilUtcMs !== undefined && lockUtcMs >= grant.validUntilUtcMs;
  if (ended && !pinEndIgnored(grant, circumstances)) return refuse('key expired', grant.userId);
  const user = data.grants.users.get(grant.userId);
  if (user?.standing === 'blocked') return refuse('user blocked', grant.userId);
  if (user?.standing === 'suspended') return refuse('user suspended', grant.userId);
  if (grant.kind === 'pin' && user?.usePin === false)
    return refuse('pin not enabled for this user', grant.userId);
  if (circumstances.cutOff === true && !onOfflineList(attempt.credentialId, circumstances))
    return refuse(offlineRefusal, grant.userId);
  if (user === undefined || user.schedules.length === 0)
    return refuse('no access group grants this lock', grant.userId);
  const timeZone = circumstances.defects?.has('schedule-in-utc') === true ? 'UTC' : data.timeZone;
  if (!isWithinSchedules(user.schedules, lockUtcMs, timeZone))
    return refuse('outside schedule', grant.userId);
  // Privacy comes after the access checks: someone with no access is refused for that, not for privacy. A user
  // with the override opens the door (which ends privacy) but toggles no office mode over it.
  if (circumstances.privacy === true && circumstances.defects?.has('privacy-not-enforced') !== true) {
    if (!user.overridePrivacy) return refuse(privacyRefusal, grant.userId);
    return {
      granted: true,
      userId: grant.userId,
      mayToggleManualOfficeMode: false,
      mayToggleEasyOfficeMode: false,
    };
  }
  const eomWindow =
    data.eomSchedules.length > 0 && isWithinSchedules(data.eomSchedules, lockUtcMs, data.timeZone);
  return {
    granted: true,
    userId: grant.userId,
    mayToggleManualOfficeMode: user.manualOfficeMode,
    mayToggleEasyOfficeMode: user.easyOfficeMode && eomWindow,
  };
}
