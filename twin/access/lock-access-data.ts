/**
 * A lock's own copy of the access data: the credentials it knows (blocked ones too, so it can say why it refuses),
 * the users' schedules and office-mode permissions on this lock, and its settings. Built by the cloud, carried
 * down by sync, immutable once built. The big tables are shared between every lock granting the same groups (a
 * campus of 1,024 locks holds 64 tables, not 1,024), and each copy carries its version, so the twin can tell how
 * stale a lock is.
 */
import type { Schedule } from './schedule.ts';

export type CredentialKind = 'tag' | 'digital_key' | 'pin';

export interface CredentialGrant {
  readonly userId: string;
  readonly kind: CredentialKind;
  readonly blocked: boolean;
  readonly validFromUtcMs: number | undefined;
  readonly validUntilUtcMs: number | undefined;
}

/** A user the lock knows but must refuse whatever the credential: suspended (no seat) or blocked by an admin. */
export type UserStanding = 'active' | 'suspended' | 'blocked';

export interface UserGrant {
  /** Union of the schedules of every access group giving this user this lock. */
  readonly schedules: readonly Schedule[];
  readonly manualOfficeMode: boolean;
  readonly easyOfficeMode: boolean;
  readonly standing: UserStanding;
  /** Whether the keypad takes this user's PIN (a known PIN without it is refused by name, not as unknown). */
  readonly usePin: boolean;
  /** Opens a door in privacy mode (the inside knob turned): everyone else is refused while it is on. */
  readonly overridePrivacy: boolean;
}

export interface GrantTables {
  readonly credentials: ReadonlyMap<string, CredentialGrant>;
  readonly users: ReadonlyMap<string, UserGrant>;
  /** The offline list (credential ids, bounded): what still opens while the lock cannot reach its IQ. */
  readonly offline: ReadonlySet<string>;
}

export interface LockAccessData {
  readonly version: number;
  readonly timeZone: string;
  readonly grants: GrantTables;
  readonly openTimeMs: number;
  readonly eomSchedules: readonly Schedule[];
}

/** Credential ids: the tag's own id, `key:<phone>` for a phone's digital key, `pin:<digits>` for a PIN. */
export const credentialIds = {
  tag: (tagId: string): string => tagId,
  digitalKey: (phoneId: string): string => `key:${phoneId}`,
  pin: (digits: string): string => `pin:${digits}`,
};
