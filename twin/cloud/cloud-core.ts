/**
 * The cloud's access-control core: every operation a person (through the app or the REST API) can perform on the
 * site's users, credentials, access groups, locks, pods and IQs. Each takes the acting user's id first, checks
 * everything before changing anything, and refuses with a `CloudError` carrying the error table's code (never a
 * plain Error for a user's mistake). Records are replaced, never edited in place, so a record handed out earlier
 * keeps describing the moment it was read. After a change, `hooks.accessChanged` gets exactly the locks whose
 * access data changed.
 *
 * The rules live in one file per concept (rights, users, credentials, access groups, lock settings, pods, IQs,
 * site release); this class is the one door to them. Remote opening, office-mode commands and PIN delivery need
 * the radio and live with the twin; they check `requireFeature` and `reader`/`actor` from rights.ts themselves.
 */
import * as groups from './access-groups.ts';
import { type CloudHooks, type CoreContext, found } from './core-context.ts';
import * as credentials from './credentials.ts';
import * as iqActivation from './iq-activation.ts';
import * as iqs from './iqs.ts';
import * as lockSettings from './lock-settings.ts';
import * as offlineAccess from './offline-access.ts';
import { authorizeLockCommand, type LockCommand } from './lock-commands.ts';
import type {
  AccessGroup,
  CloudIq,
  CloudLock,
  CloudPhone,
  CloudState,
  CloudTag,
  CloudUser,
  DigitalKey,
  DoorAlerts,
  Permissions,
  Pod,
  Role,
  Schedule,
  SiteRecord,
  SubscriptionState,
} from './model.ts';
import * as pods from './pods.ts';
import { actor, adminLevel, reader, requireLevel, requireManage } from './rights.ts';
import { CloudError } from './error-table.ts';
import { releaseSite } from './site-release.ts';
import type { CloudRepeater } from './state-from-spec.ts';
import * as userSettings from './user-settings.ts';
import * as users from './users.ts';

export type { CloudHooks } from './core-context.ts';
export type { NewAccessGroup } from './access-groups.ts';
export type { TagReplacement } from './credentials.ts';
export type { NewPod } from './pods.ts';
export type { NewUser, PinOptions, UserChanges } from './users.ts';
export type { UserSettings } from './user-settings.ts';

export interface CloudCoreOptions {
  /** The site's repeaters (see `cloudRepeatersFromSpec`), for the IQ tree limits; none when left out. */
  readonly repeaters?: Iterable<CloudRepeater>;
}

export class CloudCore {
  private readonly context: CoreContext;

  constructor(
    readonly state: CloudState,
    hooks: CloudHooks,
    options: CloudCoreOptions = {},
  ) {
    const repeaters = new Map([...(options.repeaters ?? [])].map((repeater) => [repeater.id, repeater]));
    this.context = { state, hooks, repeaters };
  }

  // --- Site ---------------------------------------------------------------------------------------------------

  releaseSite(installerId: string, ownerId: string): SiteRecord {
    return releaseSite(this.context, installerId, ownerId);
  }

  getSite(actorId: string): SiteRecord {
    this.read(actorId);
    return this.state.site;
  }

  // --- Users --------------------------------------------------------------------------------------------------

  addUser(actorId: string, user: users.NewUser): CloudUser {
    return users.addUser(this.context, actorId, user);
  }

  updateUser(actorId: string, userId: string, changes: users.UserChanges): CloudUser {
    return users.updateUser(this.context, actorId, userId, changes);
  }

  deleteUser(actorId: string, userId: string): void {
    users.deleteUser(this.context, actorId, userId);
  }

  setRole(actorId: string, userId: string, role: Role): CloudUser {
    return users.setRole(this.context, actorId, userId, role);
  }

  setPermissions(actorId: string, userId: string, changes: Partial<Permissions>): CloudUser {
    return users.setPermissions(this.context, actorId, userId, changes);
  }

  /** Names, PIN switch, block and shown expiry (user-settings.ts). */
  setUserSettings(actorId: string, userId: string, settings: userSettings.UserSettings): CloudUser {
    return userSettings.setUserSettings(this.context, actorId, userId, settings);
  }

  /** Subscribe (needs a free seat) or suspend a user. */
  setSubscriptionState(actorId: string, userId: string, state: SubscriptionState): CloudUser {
    return userSettings.setSubscriptionState(this.context, actorId, userId, state);
  }

  /** `pin` undefined removes the PIN; digits of the caller's choice need `custom-pin` unless `options.issued`. */
  setPin(actorId: string, userId: string, pin: string | undefined, options?: users.PinOptions): CloudUser {
    return users.setPin(this.context, actorId, userId, pin, options);
  }

  /** Gives or takes away a tag's or digital key's offline access (admins; offline-access.ts). */
  setOfflineAccess(
    actorId: string,
    kind: offlineAccess.OfflineCredentialKind,
    credentialId: string,
    on: boolean,
  ): CloudTag | DigitalKey {
    return offlineAccess.setOfflineAccess(this.context, actorId, kind, credentialId, on);
  }

  /** The cloud's sweep at a PIN's expiry (not a person's act: `isCoreChange` leaves it out). */
  removeExpiredPins(nowUtcMs: number): number[] {
    return users.removeExpiredPins(this.context, nowUtcMs);
  }

  getUser(actorId: string, userId: string): CloudUser {
    this.read(actorId);
    return found(this.state.users, userId);
  }

  listUsers(actorId: string): CloudUser[] {
    this.read(actorId);
    return [...this.state.users.values()];
  }

  // --- Tags ---------------------------------------------------------------------------------------------------

  assignTag(actorId: string, tagId: string, userId: string): CloudTag {
    return credentials.assignTag(this.context, actorId, tagId, userId);
  }

  unassignTag(actorId: string, tagId: string): CloudTag {
    return credentials.unassignTag(this.context, actorId, tagId);
  }

  blockTag(actorId: string, tagId: string): CloudTag {
    return credentials.blockTag(this.context, actorId, tagId);
  }

  unblockTag(actorId: string, tagId: string): CloudTag {
    return credentials.unblockTag(this.context, actorId, tagId);
  }

  replaceTag(actorId: string, oldTagId: string, newTagId: string): credentials.TagReplacement {
    return credentials.replaceTag(this.context, actorId, oldTagId, newTagId);
  }

  getTag(actorId: string, tagId: string): CloudTag {
    this.read(actorId);
    return found(this.state.tags, tagId);
  }

  listTags(actorId: string): CloudTag[] {
    this.read(actorId);
    return [...this.state.tags.values()];
  }

  // --- Phones and digital keys ----------------------------------------------------------------------------------

  registerPhone(actorId: string, phoneId: string, userId: string): CloudPhone {
    return credentials.registerPhone(this.context, actorId, phoneId, userId);
  }

  verifyPhone(actorId: string, phoneId: string): CloudPhone {
    return credentials.verifyPhone(this.context, actorId, phoneId);
  }

  removePhone(actorId: string, phoneId: string): void {
    credentials.removePhone(this.context, actorId, phoneId);
  }

  issueDigitalKey(
    actorId: string,
    phoneId: string,
    validFromUtcMs?: number,
    validUntilUtcMs?: number,
  ): DigitalKey {
    return credentials.issueDigitalKey(this.context, actorId, phoneId, validFromUtcMs, validUntilUtcMs);
  }

  revokeDigitalKey(actorId: string, phoneId: string): void {
    credentials.revokeDigitalKey(this.context, actorId, phoneId);
  }

  listPhones(actorId: string): CloudPhone[] {
    this.read(actorId);
    return [...this.state.phones.values()];
  }

  listDigitalKeys(actorId: string): DigitalKey[] {
    this.read(actorId);
    return [...this.state.digitalKeys.values()];
  }

  // --- Access groups ------------------------------------------------------------------------------------------

  createAccessGroup(actorId: string, group: groups.NewAccessGroup): AccessGroup {
    return groups.createAccessGroup(this.context, actorId, group);
  }

  renameAccessGroup(actorId: string, groupId: string, name: string): AccessGroup {
    return groups.renameAccessGroup(this.context, actorId, groupId, name);
  }

  deleteAccessGroup(actorId: string, groupId: string): void {
    groups.deleteAccessGroup(this.context, actorId, groupId);
  }

  addGroupUsers(actorId: string, groupId: string, userIds: readonly string[]): AccessGroup {
    return groups.addGroupUsers(this.context, actorId, groupId, userIds);
  }

  removeGroupUsers(actorId: string, groupId: string, userIds: readonly string[]): AccessGroup {
    return groups.removeGroupUsers(this.context, actorId, groupId, userIds);
  }

  addGroupLocks(actorId: string, groupId: string, lockIds: readonly string[]): AccessGroup {
    return groups.addGroupLocks(this.context, actorId, groupId, lockIds);
  }

  removeGroupLocks(actorId: string, groupId: string, lockIds: readonly string[]): AccessGroup {
    return groups.removeGroupLocks(this.context, actorId, groupId, lockIds);
  }

  setGroupSchedules(actorId: string, groupId: string, schedules: readonly Schedule[]): AccessGroup {
    return groups.setGroupSchedules(this.context, actorId, groupId, schedules);
  }

  getAccessGroup(actorId: string, groupId: string): AccessGroup {
    this.read(actorId);
    return found(this.state.accessGroups, groupId);
  }

  listAccessGroups(actorId: string): AccessGroup[] {
    this.read(actorId);
    return [...this.state.accessGroups.values()];
  }

  // --- Locks --------------------------------------------------------------------------------------------------

  setOpenTime(actorId: string, lockId: string, openTimeMs: number): CloudLock {
    return lockSettings.setOpenTime(this.context, actorId, lockId, openTimeMs);
  }

  setEomSchedules(actorId: string, lockId: string, schedules: readonly Schedule[]): CloudLock {
    return lockSettings.setEomSchedules(this.context, actorId, lockId, schedules);
  }

  setAlerts(actorId: string, lockId: string, alerts: Partial<DoorAlerts>): CloudLock {
    return lockSettings.setAlerts(this.context, actorId, lockId, alerts);
  }

  getLock(actorId: string, lockId: string): CloudLock {
    this.read(actorId);
    return found(this.state.locks, lockId);
  }

  listLocks(actorId: string): CloudLock[] {
    this.read(actorId);
    return [...this.state.locks.values()];
  }

  // --- Pods ---------------------------------------------------------------------------------------------------

  createPod(actorId: string, pod: pods.NewPod): Pod {
    return pods.createPod(this.context, actorId, pod);
  }

  renamePod(actorId: string, podId: string, name: string): Pod {
    return pods.renamePod(this.context, actorId, podId, name);
  }

  deletePod(actorId: string, podId: string): void {
    pods.deletePod(this.context, actorId, podId);
  }

  addPodMembers(actorId: string, podId: string, userIds: readonly string[]): Pod {
    return pods.addPodMembers(this.context, actorId, podId, userIds);
  }

  removePodMembers(actorId: string, podId: string, userIds: readonly string[]): Pod {
    return pods.removePodMembers(this.context, actorId, podId, userIds);
  }

  addPodGuests(actorId: string, podId: string, userIds: readonly string[]): Pod {
    return pods.addPodGuests(this.context, actorId, podId, userIds);
  }

  removePodGuests(actorId: string, podId: string, userIds: readonly string[]): Pod {
    return pods.removePodGuests(this.context, actorId, podId, userIds);
  }

  setPodLocks(actorId: string, podId: string, lockIds: readonly string[]): Pod {
    return pods.setPodLocks(this.context, actorId, podId, lockIds);
  }

  setGuestLimit(actorId: string, podId: string, guestLimit: number): Pod {
    return pods.setGuestLimit(this.context, actorId, podId, guestLimit);
  }

  assignPodMemberTag(actorId: string, podId: string, memberId: string, tagId: string): CloudTag {
    return pods.assignPodMemberTag(this.context, actorId, podId, memberId, tagId);
  }

  getPod(actorId: string, podId: string): Pod {
    this.read(actorId);
    return found(this.state.pods, podId);
  }

  listPods(actorId: string): Pod[] {
    this.read(actorId);
    return [...this.state.pods.values()];
  }

  // --- IQs ----------------------------------------------------------------------------------------------------

  addIq(actorId: string, iqId: string): CloudIq {
    return iqs.addIq(this.context, actorId, iqId);
  }

  activateIq(actorId: string, iqId: string, code: string): CloudIq {
    return iqs.activateIq(this.context, actorId, iqId, code);
  }

  replaceIq(actorId: string, oldIqId: string, newIqId: string): CloudIq {
    return iqs.replaceIq(this.context, actorId, oldIqId, newIqId);
  }

  deleteIq(actorId: string, iqId: string): void {
    iqs.deleteIq(this.context, actorId, iqId);
  }

  assignLockToIq(actorId: string, lockId: string, iqId: string): CloudLock {
    return iqs.assignLockToIq(this.context, actorId, lockId, iqId);
  }

  assignRepeaterToIq(actorId: string, repeaterId: string, iqId: string): CloudRepeater {
    return iqs.assignRepeaterToIq(this.context, actorId, repeaterId, iqId);
  }

  getIq(actorId: string, iqId: string): CloudIq {
    this.read(actorId);
    return found(this.state.iqs, iqId);
  }

  listIqs(actorId: string): CloudIq[] {
    this.read(actorId);
    return [...this.state.iqs.values()];
  }

  listRepeaters(actorId: string): CloudRepeater[] {
    this.read(actorId);
    return [...this.context.repeaters.values()];
  }

  // --- IQ activation and one-time passwords (iq-activation.ts) -------------------------------------------------

  /** Remote openings through the IQ need a one-time password, or not (admins and owners). */
  setIqOtp(actorId: string, iqId: string, enabled: boolean): CloudIq {
    return iqs.setIqOtp(this.context, actorId, iqId, enabled);
  }

  /** The acting user's first secret on the IQ (`secret` chosen by the caller: `iqSecretOf`). */
  handOutIqSecret(actorId: string, iqId: string, secret: string): string {
    return iqActivation.handOutIqSecret(this.context, actorId, iqId, secret);
  }

  /** Mails the acting user their IQ PIN (`pin` chosen by the caller: `iqPinOf`) into the outbox. */
  mailIqPin(actorId: string, iqId: string, pin: string): void {
    iqActivation.mailIqPin(this.context, actorId, iqId, pin);
  }

  /** Changes the acting user's IQ PIN with a valid OTP (`new = old − delta`); the first change activates. */
  changeIqPin(actorId: string, iqId: string, otp: string | null | undefined, delta: string): void {
    iqActivation.changeIqPin(this.context, actorId, iqId, { otp: otp ?? undefined, delta });
  }

  /** The OTP check of a remote opening (counts failures, so it is a change): throws the refusal. */
  requireLockingOtp(actorId: string, lockId: string, otp: string | null | undefined): void {
    iqActivation.requireLockingOtp(this.context, actorId, lockId, otp ?? undefined);
  }

  /** The IQs a user (the acting user unless told) has begun or finished activating. */
  listActivatedIqs(actorId: string, userId?: string): ReturnType<typeof iqActivation.activatedIqsOf> {
    const user = reader(this.context, actorId);
    const of = userId === undefined ? user : found(this.state.users, userId);
    return iqActivation.activatedIqsOf(this.state.iqs.values(), of.id);
  }

  /** Sends a user the invitation to the app; only a user with an email can be invited (4201). */
  inviteUser(actorId: string, userId: string): CloudUser {
    const by = this.actorOf(actorId);
    const user = found(this.state.users, userId);
    requireManage(this.state.site, by, user);
    if (user.email === undefined || !user.email.includes('@'))
      throw new CloudError(4201, `${userId} has no email address`);
    this.context.hooks.mail?.({
      ruleId: 'invitation',
      channel: 'email',
      recipient: user.email,
      subject: `You are invited to ${this.state.site.name}`,
      body: `${by.name} invites ${user.name} to the site ${this.state.site.name}. Install the app and sign in with ${user.email} to get your keys.`,
      atUtcMs: this.context.hooks.nowUtcMs(),
    });
    return user;
  }

  /** Whether the cloud may send `command` to a lock for `actorId` (throws the refusal). */
  authorizeLockCommand(
    actorId: string,
    lockId: string,
    command: LockCommand,
    ignoreAccessGroups = false,
  ): void {
    authorizeLockCommand(this.context, actorId, lockId, command, ignoreAccessGroups);
  }

  /** Whether `actorId` may update a lock's firmware (firmware-updates.ts): admins and owners only. */
  authorizeFirmwareUpdate(actorId: string, lockId: string): void {
    const user = actor(this.context, actorId);
    found(this.context.state.locks, lockId);
    requireLevel(this.context.state.site, user, adminLevel, 'update a lock’s firmware');
  }

  private actorOf(actorId: string): CloudUser {
    return actor(this.context, actorId);
  }

  /** Reads need a known actor on a released site (or an installer before release). */
  private read(actorId: string): void {
    reader(this.context, actorId);
  }
}
