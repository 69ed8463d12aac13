/**
 * The lock firmware's decision on a credential, made only from the lock's own data and its own (possibly
 * drifting) clock: nothing here asks the cloud. Pure, so the reference model and the tests can call it too.
 */
import { isWithinSchedules } from '../access/schedule.ts';
import type { BatteryLevel } from '../defaults.ts';
import type { Defects } from '../defects.ts';
import type { LockKind } from '../site/spec.ts';
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

export function decide(attempt: CredentialAttempt, circumstances: LockCircumstances): Decision {
  const { data, lockUtcMs } = circumstances;
  if (circumstances.battery === 'very-low') return refuse('battery very low');
  if (attempt.method === 'pin_code' && circumstances.kind !== 'pin') return refuse('no keypad on this lock');
  const grant = data.grants.credentials.get(attempt.credentialId);
  if (grant === undefined) return refuse('credential not on this lock');
  if (grant.blocked && circumstances.defects?.has('blocked-tag-still-opens') !== true)
    return refuse(`${grant.kind === 'tag' ? 'tag' : 'credential'} blocked`, grant.userId);
  if (grant.validFromUtcMs !== undefined && lockUtcMs < grant.validFromUtcMs)
    return refuse('key not yet valid', grant.userId);
  if (grant.validUntilUtcMs !== undefined && lockUtcMs >= grant.validUntilUtcMs)
    return refuse('key expired', grant.userId);
  const user = data.grants.users.get(grant.userId);
  if (user?.standing === 'blocked') return refuse('user blocked', grant.userId);
  if (user?.standing === 'suspended') return refuse('user suspended', grant.userId);
  if (grant.kind === 'pin' && user?.usePin === false)
    return refuse('pin not enabled for this user', grant.userId);
  if (user === undefined || user.schedules.length === 0)
    return refuse('no access group grants this lock', grant.userId);
  const timeZone = circumstances.defects?.has('schedule-in-utc') === true ? 'UTC' : data.timeZone;
  if (!isWithinSchedules(user.schedules, lockUtcMs, timeZone))
    return refuse('outside schedule', grant.userId);
  const eomWindow =
    data.eomSchedules.length > 0 && isWithinSchedules(data.eomSchedules, lockUtcMs, data.timeZone);
  return {
    granted: true,
    userId: grant.userId,
    mayToggleManualOfficeMode: user.manualOfficeMode,
    mayToggleEasyOfficeMode: user.easyOfficeMode && eomWindow,
  };
}
