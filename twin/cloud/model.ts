/**
 * The cloud's state: what the service's backend knows about one site. Operations (cloud-core) change it and say
 * which locks a change touches; the access compiler turns it into each lock's access data; sync carries that
 * data down to the locks. All instants are UTC milliseconds (`utcMs`), never virtual run time.
 */
import type { Schedule } from '../access/schedule.ts';
import type { Feature, Role } from '../access/roles.ts';

export type { Schedule, Weekday } from '../access/schedule.ts';
export { features, roles, type Feature, type Role } from '../access/roles.ts';

export interface Permissions {
  readonly remoteOpening: boolean;
  readonly manualOfficeMode: boolean;
  readonly easyOfficeMode: boolean;
  readonly overridePrivacy: boolean;
}

export const noPermissions: Permissions = {
  remoteOpening: false,
  manualOfficeMode: false,
  easyOfficeMode: false,
  overridePrivacy: false,
};

export interface CloudUser {
  readonly id: string;
  readonly name: string;
  readonly email: string | undefined;
  readonly role: Role;
  readonly permissions: Permissions;
  /** 6-digit PIN for keypad locks. */
  readonly pin: string | undefined;
}

export interface AccessGroup {
  readonly id: string;
  readonly name: string;
  readonly userIds: readonly string[];
  readonly lockIds: readonly string[];
  /** No schedule grants nothing. */
  readonly schedules: readonly Schedule[];
}

export interface CloudTag {
  readonly id: string;
  readonly userId: string | undefined;
  readonly blocked: boolean;
}

export interface CloudPhone {
  readonly id: string;
  readonly userId: string;
  readonly registered: boolean;
  readonly verified: boolean;
}

/** A BLE digital key on one registered, verified phone, valid within a window (UTC). */
export interface DigitalKey {
  readonly phoneId: string;
  readonly userId: string;
  readonly validFromUtcMs: number | undefined;
  readonly validUntilUtcMs: number | undefined;
}

export interface DoorAlerts {
  readonly notClosed: boolean;
  readonly intrusion: boolean;
  readonly lowBattery: boolean;
}

export interface LockSettings {
  readonly openTimeMs: number;
  /** Easy Office Mode is possible only inside these windows; empty: no EOM on this lock. */
  readonly eomSchedules: readonly Schedule[];
  readonly alerts: DoorAlerts;
}

export interface CloudLock {
  readonly id: string;
  readonly name: string;
  readonly iqId: string;
  readonly doorId: string;
  readonly settings: LockSettings;
}

export interface CloudIq {
  readonly id: string;
  readonly activated: boolean;
  readonly activationCode: string;
}

export interface Subscription {
  readonly active: boolean;
  readonly features: readonly Feature[];
  /** Users the site may have. */
  readonly seats: number;
}

export interface Pod {
  readonly id: string;
  readonly name: string;
  readonly memberIds: readonly string[];
  readonly guestIds: readonly string[];
  readonly lockIds: readonly string[];
  readonly guestLimit: number;
}

export interface SiteRecord {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** Commissioned by an installer; until released to its owner nobody else may use it (2210). */
  readonly released: boolean;
  readonly subscription: Subscription;
}

/** The whole state. Maps keep insertion order, so every iteration over them is deterministic. */
export interface CloudState {
  site: SiteRecord;
  readonly users: Map<string, CloudUser>;
  readonly tags: Map<string, CloudTag>;
  readonly phones: Map<string, CloudPhone>;
  readonly digitalKeys: Map<string, DigitalKey>;
  readonly accessGroups: Map<string, AccessGroup>;
  readonly locks: Map<string, CloudLock>;
  readonly iqs: Map<string, CloudIq>;
  readonly pods: Map<string, Pod>;
}
