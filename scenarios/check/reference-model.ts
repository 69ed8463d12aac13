/**
 * The reference model: a plain statement of what the service should do, sharing no code with the system under
 * test. It keeps its own model of the site (model/site-model.ts), applies the admin inputs to it with its own
 * rules, and so knows what the cloud should accept or refuse (and with which code), what each lock's data should
 * say after each change (model/lock-rules.ts), and whether an opening should be allowed. Schedules are judged with
 * luxon's calendar fields, not with the twin's schedule code. From the twin it reads only what any client sees:
 * the version number of each lock's data in the cloud and on the lock.
 */
import type { SiteSpec, TwinInput } from '../../twin/index.ts';
import { lockRulesOf, type LockRules } from './model/lock-rules.ts';
import { SiteModel, type ModelVerdict } from './model/site-model.ts';
import { PhoneKeyModel } from './model/phone-keys.ts';

import { inSchedules } from './model/schedule-window.ts';

export { inSchedules };

export type { LockRules } from './model/lock-rules.ts';
export type { ModelVerdict } from './model/site-model.ts';

/** Versions remembered per lock (generated runs make a few dozen changes at most). */
const versionsPerLockMax = 1_000;
/** The version every lock's data starts at (installed at commissioning). */
const initialVersion = 1;

export class ReferenceModel {
  private readonly site: SiteModel;
  private readonly phoneKeys: PhoneKeyModel;
  private readonly lockIds: readonly string[];
  private readonly versions = new Map<string, Map<number, LockRules>>();
  /** Each lock's rules at the model's revision they were built for (built again only when it moves). */
  private readonly rulesNow = new Map<string, { readonly revision: number; readonly rules: LockRules }>();
  /** The cloud version each lock was last seen at, and the model's rules that version stands for. */
  private readonly lastSeen = new Map<string, { readonly version: number; readonly fingerprint: string }>();

  constructor(spec: SiteSpec) {
    this.site = new SiteModel(spec);
    this.phoneKeys = new PhoneKeyModel(spec.phones, (phoneId) => this.site.keys.has(phoneId));
    this.lockIds = spec.locks.map((lock) => lock.id);
    for (const lockId of this.lockIds) {
      const rules = lockRulesOf(this.site, lockId);
      this.versions.set(lockId, new Map([[initialVersion, rules]]));
      this.lastSeen.set(lockId, { version: initialVersion, fingerprint: rules.fingerprint });
    }
  }

  /** True once the model met an input it does not model: from then on it judges nothing. */
  get lost(): boolean {
    return this.site.lost;
  }

  /** Takes in one input at run time `tMs`: an admin action is judged (and applied when it should be accepted), faults followed. */
  takeInput(input: TwinInput, tMs: number): ModelVerdict | undefined {
    // A PIN whose end has come left the cloud before this input (its removal runs ahead of inputs due then).
    this.site.expirePins(this.site.epochUtcMs + tMs);
    if (input.type === 'phone-internet') this.phoneKeys.setInternet(input.phone, input.on, tMs);
    if (input.type !== 'admin') {
      this.site.follow(input);
      return undefined;
    }
    const verdict = this.site.judge(input, tMs);
    this.phoneKeys.noteCloud(tMs);
    return verdict;
  }

  /** Whether a phone's app surely holds a digital key at run time `tMs` (undefined: not known now). */
  phoneHoldsKey(phoneId: string, tMs: number): boolean | undefined {
    if (this.lost) return undefined;
    return this.phoneKeys.holds(phoneId, tMs);
  }

  /**
   * Compares the model's rules with the cloud's version numbers (call after every step): a new cloud version of
   * a lock stands for the model's rules now; a change of the model's rules with no new version is reported (the
   * cloud failed to make the change reach that lock). Answers the locks so reported.
   */
  noteCloudVersions(cloudVersionOf: (lockId: string) => number, tMs?: number): string[] {
    if (this.lost) return [];
    if (tMs !== undefined) this.site.expirePins(this.site.epochUtcMs + tMs);
    const unversioned: string[] = [];
    for (const lockId of this.lockIds) {
      const rules = this.currentRules(lockId);
      const seen = this.lastSeen.get(lockId) as { version: number; fingerprint: string };
      const version = cloudVersionOf(lockId);
      if (version !== seen.version) {
        const versions = this.versions.get(lockId) as Map<number, LockRules>;
        if (versions.size < versionsPerLockMax) versions.set(version, rules);
        this.lastSeen.set(lockId, { version, fingerprint: rules.fingerprint });
      } else if (rules.fingerprint !== seen.fingerprint) {
        unversioned.push(lockId);
        this.lastSeen.set(lockId, { version, fingerprint: rules.fingerprint });
      }
    }
    return unversioned;
  }

  private currentRules(lockId: string): LockRules {
    const cached = this.rulesNow.get(lockId);
    if (cached?.revision === this.site.revision) return cached.rules;
    const rules = lockRulesOf(this.site, lockId);
    this.rulesNow.set(lockId, { revision: this.site.revision, rules });
    return rules;
  }

  rules(lockId: string, version: number): LockRules | undefined {
    if (this.lost) return undefined;
    return this.versions.get(lockId)?.get(version);
  }

  /** Why a credential must be refused under these rules (undefined: allowed). */
  refusal(rules: LockRules, credentialId: string, lockUtcMs: number, cutOff = false): string | undefined {
    const credential = rules.credentials.get(credentialId);
    if (credential === undefined) return 'no access group gives this credential this lock';
    if (credential.blocked) return 'blocked';
    if (credential.fromUtcMs !== undefined && lockUtcMs < credential.fromUtcMs) return 'key not yet valid';
    if (credential.untilUtcMs !== undefined && lockUtcMs >= credential.untilUtcMs) return 'key expired';
    const refusedAs = rules.refusedUsers.get(credential.user);
    if (refusedAs !== undefined) return `${credential.user} is ${refusedAs}`;
    if (cutOff && !rules.offline.has(credentialId))
      return 'not on the offline list of a lock cut off from its IQ';
    const schedules = rules.schedules.get(credential.user) ?? [];
    if (!inSchedules(schedules, lockUtcMs, rules.timeZone))
      return `${credential.user} is outside every schedule on this lock`;
    return undefined;
  }
}
