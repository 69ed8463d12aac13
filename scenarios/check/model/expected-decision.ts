/**
 * What a lock must decide on a credential, by the reference model: the domain's order of checks (battery, keypad,
 * the lock's data, block, key window, a blocked or suspended user, access group, schedule, privacy mode) applied to the rules of the data version the lock
 * holds, at the lock's own clock. The reasons are the domain's audit wording of each refusal. Written apart from
 * the firmware on purpose: a wrong order or a wrong reason in the firmware shows as a disagreement.
 */
import type { LockKind } from '../../../twin/index.ts';
import { modelHasKeypad } from './gate-model.ts';
import type { LockRules } from './lock-rules.ts';
import { inSchedules } from './schedule-window.ts';

export type ModelBattery = 'fresh' | 'low' | 'very-low';

export interface CredentialShown {
  readonly credentialId: string;
  /** How it reached the lock: a tag, a phone's digital key, or a PIN typed on the keypad. */
  readonly method: 'tag' | 'digital_key' | 'pin_code';
}

export interface LockSituation {
  readonly kind: LockKind;
  readonly battery: ModelBattery;
  readonly lockUtcMs: number;
  readonly rules: LockRules;
  /** The lock's inside knob is turned (privacy mode), as the inputs turned it. */
  readonly privacy?: boolean;
  /** The lock has lost its IQ (as its view reads at the decision): only its offline list opens. */
  readonly cutOff?: boolean;
}

export type ExpectedDecision =
  | {
      readonly granted: true;
      readonly user: string;
      readonly mayToggleManual: boolean;
      /** The EOM permission and the lock inside its EOM schedule. */
      readonly mayToggleEasy: boolean;
    }
  | { readonly granted: false; readonly user: string | undefined; readonly reason: string };

const refuse = (reason: string, user?: string): ExpectedDecision => ({ granted: false, user, reason });

export function expectedDecision(shown: CredentialShown, situation: LockSituation): ExpectedDecision {
  const { rules, lockUtcMs } = situation;
  if (situation.battery === 'very-low') return refuse('battery very low');
  if (shown.method === 'pin_code' && !modelHasKeypad(situation.kind)) return refuse('no keypad on this lock');
  const credential = rules.credentials.get(shown.credentialId);
  if (credential === undefined) return refuse('credential not on this lock');
  const user = credential.user;
  if (credential.blocked)
    return refuse(shown.credentialId.includes(':') ? 'credential blocked' : 'tag blocked', user);
  if (credential.fromUtcMs !== undefined && lockUtcMs < credential.fromUtcMs)
    return refuse('key not yet valid', user);
  if (credential.untilUtcMs !== undefined && lockUtcMs >= credential.untilUtcMs)
    return refuse('key expired', user);
  const refusedAs = rules.refusedUsers.get(user);
  if (refusedAs !== undefined) return refuse(`user ${refusedAs}`, user);
  if (situation.cutOff === true && !rules.offline.has(shown.credentialId))
    return refuse('lock offline', user);
  const schedules = rules.schedules.get(user) ?? [];
  if (schedules.length === 0) return refuse('no access group grants this lock', user);
  if (!inSchedules(schedules, lockUtcMs, rules.timeZone)) return refuse('outside schedule', user);
  const permissions = rules.permissions.get(user);
  // Privacy mode: only the override opens, and then it only opens (no office mode over privacy).
  if (situation.privacy === true) {
    if (permissions?.override !== true) return refuse('privacy mode', user);
    return { granted: true, user, mayToggleManual: false, mayToggleEasy: false };
  }
  return {
    granted: true,
    user,
    mayToggleManual: permissions?.mom === true,
    mayToggleEasy:
      permissions?.eom === true &&
      rules.eomSchedules.length > 0 &&
      inSchedules(rules.eomSchedules, lockUtcMs, rules.timeZone),
  };
}
