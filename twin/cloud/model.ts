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

/** A suspended user holds no seat of the subscription, and every lock refuses them (`event_detail: suspended`). */
export type SubscriptionState = 'subscribed' | 'suspended';

export interface CloudUser {
  readonly id: string;
  /** What the site shows (the Connect API's `alias`). */
  readonly name: string;
  readonly firstName: string | undefined;
  readonly lastName: string | undefined;
  readonly email: string | undefined;
  readonly role: Role;
  readonly permissions: Permissions;
  /** 6-digit PIN for keypad locks. */
  readonly pin: string | undefined;
  /** The PIN works until this instant (UTC ms, exclusive); undefined: no end. */
  readonly pinExpiresAtUtcMs: number | undefined;
  /** Whether keypads accept this user's PIN; a known PIN of a user without it is refused (`event_detail: null`). */
  readonly usePin: boolean;
  /** A blocked user is refused at every lock, whatever the credential. */
  readonly blocked: boolean;
  readonly subscriptionState: SubscriptionState;
  /** Shown, never enforced (as on the service: expiry frees no seat and opens no door less). */
  readonly expiresAtUtcMs: number | undefined;
  /** When the cloud created the user (UTC ms); spec users: the site's start. */
  readonly createdAtUtcMs: number;
}

/**
 * One of an access group's schedules. `id` names it within its group (the API's `time_schedules/{id}`); one
 * without (from the site spec, or a scenario replacing a group's schedules) is named by the API after its place in
 * the group, a name the API writes down before it changes the list. The lock's compiled data ignores the id.
 */
export interface GroupSchedule extends Schedule {
  readonly id?: string;
}

export interface AccessGroup {
  readonly id: string;
  /** The API's `customer_reference`. */
  readonly name: string;
  readonly userIds: readonly string[];
  readonly lockIds: readonly string[];
  /** No schedule grants nothing. */
  readonly schedules: readonly GroupSchedule[];
}

export interface CloudTag {
  readonly id: string;
  readonly userId: string | undefined;
  readonly blocked: boolean;
  /** Offline access (offline-access.ts): false when an admin took it away; left out, on. */
  readonly offlineAccess?: boolean;
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
  /** Offline access (offline-access.ts): false when an admin took it away; left out, on. */
  readonly offlineAccess?: boolean;
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
  /** Remote opening through this IQ needs a one-time password (the Connect API's `otp_enabled`). */
  readonly otpEnabled: boolean;
  /**
   * Each user's activation of this IQ (iq-activation.ts): at most one per user, in the order begun. The secret
   * and the IQ PIN are what the user's OTPs are made of; failures count per purpose, and a block ends by itself.
   */
  readonly userActivations: readonly {
    readonly userId: string;
    /** Handed out once, before activation (`GET …/iqs/{iq}/secret`); undefined until then. */
    readonly secret: string | undefined;
    /** The user's IQ PIN (4 digits), mailed (`GET …/iqs/{iq}/pin`) and changed at activation; undefined until mailed. */
    readonly pin: string | undefined;
    /** When the user first changed the PIN with a valid OTP (`PUT …/iqs/{iq}/pin`): activated from then on. */
    readonly activatedAtUtcMs: number | undefined;
    readonly otpFailures: Readonly<
      Record<'locking' | 'iq-pin', { readonly inRow: number; readonly blockedUntilUtcMs: number | undefined }>
    >;
  }[];
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
  /**
   * The eventual-consistency fault (consistency-lag.ts): for this long after its creation a new guest is not yet
   * known everywhere in the cloud. 0: off, the default.
   */
  consistencyLagMs: number;
  /** How many credentials a lock's offline list holds (offline-access.ts); 360 when left out. */
  readonly offlineAccessMax?: number;
}
