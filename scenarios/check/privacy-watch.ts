/**
 * Privacy mode as the reference model follows it (twin/devices/privacy.ts is the firmware's side), for the lock
 * watch: which locks have their inside knob turned, from the inputs and the openings that end it, and what each
 * privacy record and each remote answer of a lock in privacy must be:
 * - the knob turned on at an escutcheon puts it in privacy (a record at once); the deadbolt locks the door, ending
 *   an opening or an office mode (the lock's office-mode record says why: 'privacy knob turned');
 * - the knob turned back, a door opened by its inside handle, or an opening granted to a user with the override
 *   (by credential or from the cloud) ends it, each with its record;
 * - in privacy a credential is refused as 'privacy mode' unless its user holds the override (the decision itself
 *   is model/expected-decision.ts, told the privacy state here); a remote opening or Manual Office Mode is
 *   refused by the lock, recorded as a remote refusal, unless the command's user holds the override.
 * Nothing else may change privacy or write a privacy record.
 */
import type { SiteSpec, TwinEvent, TwinEventOf } from '../../twin/index.ts';
import { hasPrivacyKnob } from '../../twin/index.ts';
import type { LockRules } from './model/lock-rules.ts';

export type PrivacyWatchInvariant = 'credential-answer' | 'door-watched';

/** What the privacy watch needs of the lock watch. */
export interface PrivacyWatchHost {
  rules(lockId: string): LockRules | undefined;
  /** Something that must happen at this instant (the lock watch fails it when it does not). */
  expect(
    atMs: number,
    invariant: PrivacyWatchInvariant,
    what: string,
    matches: (event: TwinEvent) => boolean,
  ): void;
  fail(invariant: PrivacyWatchInvariant, message: string): void;
  /** Whether a remote command for this user was issued to the lock lately. */
  commandBy(lockId: string, user: string | null): boolean;
}

/** The lock's mode as the lock watch follows it. */
export type WatchedMode = 'locked' | 'unlocked' | 'manual' | 'easy';

const privacyRecord =
  (lockId: string, detail: string) =>
  (event: TwinEvent): boolean =>
    event.kind === 'lock.audit' &&
    event.device === lockId &&
    event.category === 'privacy_mode' &&
    event.detail === detail;

export class PrivacyWatch {
  private readonly knobLocks: ReadonlySet<string>;
  private readonly on = new Set<string>();

  constructor(
    spec: SiteSpec,
    private readonly host: PrivacyWatchHost,
  ) {
    this.knobLocks = new Set(spec.locks.filter((lock) => hasPrivacyKnob(lock.kind)).map((lock) => lock.id));
  }

  /** Whether the lock is in privacy mode, as the model follows it. */
  privacyOn(lockId: string): boolean {
    return this.on.has(lockId);
  }

  /** The inside knob turned at `lockId` while the lock is in `mode`. */
  knobTurned(lockId: string, on: boolean, mode: WatchedMode, tMs: number): void {
    if (!this.knobLocks.has(lockId) || this.on.has(lockId) === on) return;
    if (!on) {
      this.on.delete(lockId);
      const detail = 'privacy mode off (inside knob turned back)';
      this.host.expect(
        tMs,
        'credential-answer',
        `${lockId} recording '${detail}'`,
        privacyRecord(lockId, detail),
      );
      return;
    }
    this.on.add(lockId);
    const detail = 'privacy mode on (inside knob turned)';
    this.host.expect(
      tMs,
      'credential-answer',
      `${lockId} recording '${detail}'`,
      privacyRecord(lockId, detail),
    );
    if (mode === 'unlocked')
      this.host.expect(
        tMs,
        'credential-answer',
        `${lockId} locking for its privacy knob`,
        (event) => event.kind === 'lock.locked' && event.device === lockId,
      );
    if (mode === 'manual' || mode === 'easy')
      this.host.expect(
        tMs,
        'credential-answer',
        `${lockId} leaving ${mode} office mode for its privacy knob`,
        (event) =>
          event.kind === 'lock.audit' &&
          event.device === lockId &&
          event.category === `${mode}_office_mode` &&
          event.detail === 'office mode off, locked (privacy knob turned)',
      );
  }

  /** A credential opened the lock (granted by the model): in privacy that is the override, which ends it. */
  openedByCredential(lockId: string, user: string | undefined, tMs: number): void {
    if (!this.on.delete(lockId)) return;
    const detail = 'privacy mode off (opened with override)';
    this.host.expect(
      tMs,
      'credential-answer',
      `${lockId} recording '${detail}' for ${user ?? 'nobody'}`,
      (event) =>
        privacyRecord(lockId, detail)(event) && event.kind === 'lock.audit' && event.user === (user ?? null),
    );
  }

  /** The door opened by its inside handle: the handle retracts the deadbolt. */
  openedFromInside(lockId: string, tMs: number): void {
    if (!this.on.delete(lockId)) return;
    const detail = 'privacy mode off (opened from inside)';
    this.host.expect(tMs, 'door-watched', `${lockId} recording '${detail}'`, privacyRecord(lockId, detail));
  }

  /**
   * A remote answer of the lock (an opening or a refusal recorded with method remote), or a privacy record nobody
   * expected: judged here. `expected`: the record matched an expectation set above.
   */
  audit(audit: TwinEventOf<'lock.audit'>, expected: boolean): void {
    const lockId = audit.device;
    const inPrivacy = this.on.has(lockId);
    const override = this.override(lockId, audit.user);
    if (audit.category === 'lock_rejected' && audit.method === 'remote') {
      if (audit.detail !== 'privacy mode')
        return this.host.fail('credential-answer', `${lockId} refused a remote command as '${audit.detail}'`);
      if (!inPrivacy || override)
        this.host.fail(
          'credential-answer',
          `${lockId} refused a remote command of ${audit.user ?? 'nobody'} for privacy mode ${inPrivacy ? 'although they hold the override' : 'while not in privacy mode'}`,
        );
      return;
    }
    if (audit.category === 'lock_opened' && audit.method === 'remote') {
      if (inPrivacy && !override)
        this.host.fail(
          'credential-answer',
          `${lockId} opened remotely for ${audit.user ?? 'nobody'} in privacy mode without the override`,
        );
      return;
    }
    if (audit.category !== 'privacy_mode' || expected) return;
    // A remote command of a user with the override ends privacy (before Manual Office Mode, after an opening).
    const remoteOverride =
      audit.detail === 'privacy mode off (opened with override)' &&
      audit.method === 'remote' &&
      this.host.commandBy(lockId, audit.user);
    if (remoteOverride && inPrivacy && override) {
      this.on.delete(lockId);
      return;
    }
    this.host.fail(
      'credential-answer',
      `${lockId} recorded '${audit.detail}' for ${audit.user ?? 'nobody'} though nothing called for it${remoteOverride && inPrivacy ? ' (no override)' : ''}`,
    );
  }

  private override(lockId: string, user: string | null): boolean {
    return user !== null && this.host.rules(lockId)?.permissions.get(user)?.override === true;
  }
}
