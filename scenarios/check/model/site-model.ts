/**
 * The reference model's own small picture of a site: users with roles and permissions, tags, digital keys, PINs,
 * access groups with schedules, the locks' office-mode settings, and whether each IQ is powered and on the
 * internet. It starts from the site spec (the same input the twin gets) and applies admin inputs with its own
 * rules, written from the domain's description (roles rank owner > admin > super user > user; a user manages
 * their own credentials, a super user or above those of users who do not outrank them; remote opening needs the
 * permission or an admin's rank; office mode needs the MOM permission; a command needs its IQ connected). It
 * never reads the cloud's state: a bug in the cloud's operations shows as a disagreement.
 *
 * Only what generated runs do is modelled (user management: role changes, deletions, blocking users, seats, and
 * guests, whom the cloud's eventual-consistency fault leaves half-known for a while after their creation); any
 * other admin action makes the model give up judging (`lost`), so that it never reports what it cannot know.
 */
import type { AdminInput, LockKind, Role, SiteSpec, TwinInput } from '../../../twin/index.ts';
import { expirePins, judgeSetPin, type PinHost, type PinVerdict } from './pin-model.ts';
import { modelHasKeypad, openTimeMsOf } from './gate-model.ts';
import { judgeOfflineAccess, offlineBoundOf, type OfflineKey, type OfflineTag } from './offline-model.ts';
import { FirmwareModel } from './firmware-model.ts';

/** A weekly window in site time, as the model holds it (the spec's shape, optional dates possibly undefined). */
export interface Schedule {
  readonly weekdays: readonly number[];
  readonly start: string;
  readonly end: string;
  readonly fromDate?: string | undefined;
  readonly untilDate?: string | undefined;
}

/** What the model expects the cloud to answer to an admin action. */
export type ModelVerdict =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly code: number; readonly why: string }
  /** A remote command the cloud sends on through the IQ (its answer depends on the radio). */
  | { readonly kind: 'pending' }
  /** A PIN change: this answer, or 3102 for a keypad out of reach (pin-model.ts); applied only when accepted. */
  | Extract<PinVerdict, { kind: 'unless-out-of-reach' }>
  | { readonly kind: 'not-judged' };

export interface ModelUser {
  readonly role: Role;
  readonly remoteOpening: boolean;
  readonly manualOfficeMode: boolean;
  readonly easyOfficeMode: boolean;
  /** Opens a lock in privacy mode (its inside knob turned). */
  readonly overridePrivacy?: boolean;
  readonly pin: string | undefined;
  /** The PIN works until this instant (UTC ms, exclusive); it leaves the user then. */
  readonly pinUntilUtcMs?: number | undefined;
  /** Blocked by an admin: refused at every lock. */
  readonly blocked?: boolean;
  /** Holds no seat: refused at every lock. */
  readonly suspended?: boolean;
  /** When a user made during the run was created (run time, ms). */
  readonly createdAtMs?: number;
}

export interface ModelLock {
  readonly iq: string;
  readonly kind?: LockKind;
  readonly openTimeMs: number;
  readonly eomSchedules: readonly Schedule[];
}

export interface ModelGroup {
  readonly users: Set<string>;
  readonly locks: ReadonlySet<string>;
  readonly schedules: readonly Schedule[];
}

/** Rank of each role as a target: an installer ranks as an admin. As an actor, see `actingRank`. */
const rank: Readonly<Record<Role, number>> = {
  owner: 4,
  admin: 3,
  'super-user': 2,
  user: 1,
  guest: 1,
  installer: 3,
};
const superUserRank = rank['super-user'];
const adminRank = rank.admin;
const always: Schedule = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' };

const accepted: ModelVerdict = { kind: 'accepted' };
const refused = (code: number, why: string): ModelVerdict => ({ kind: 'refused', code, why });

export class SiteModel {
  readonly timeZone: string;
  /** The run's start instant (UTC ms): run time 0. */
  readonly epochUtcMs: number;
  readonly users = new Map<string, ModelUser>();
  readonly tags = new Map<string, OfflineTag>();
  readonly keys = new Map<string, OfflineKey & { fromUtcMs?: number; untilUtcMs?: number }>();
  /** How many credentials a lock's offline list holds (offline-model.ts). */
  readonly offlineBound: number;
  /** The cloud's phones (a key is issued only to a registered, verified one); a deleted user's phones go. */
  readonly phones = new Map<string, { user: string; ready: boolean }>();
  readonly groups = new Map<string, ModelGroup>();
  readonly locks = new Map<string, ModelLock>();
  private readonly iqPowered = new Map<string, boolean>();
  private readonly iqInternet = new Map<string, boolean>();
  private readonly features: ReadonlySet<string>;
  private readonly subscriptionActive: boolean;
  /** Until its release a site answers 2210 to everyone but its installer, who acts as an admin till then. */
  private readonly released: boolean;
  /** Pod members: their role stays and they are not deleted while in the pod (2220). */
  private readonly inPod: ReadonlySet<string>;
  private readonly seats: number;
  /** The eventual-consistency fault: how long a new guest stays half-known (0: off). */
  private lagMs = 0;
  /** Every id the site's entities use (one namespace, as in the spec): a new user needs a fresh one. */
  private readonly otherIds: ReadonlySet<string>;
  /** Set once an input the model does not know changed what it cannot follow. */
  lost = false;
  /** Firmware update requests (firmware-model.ts). */
  private readonly firmware = new FirmwareModel();
  /** Counts the accepted changes to credentials and groups: lock rules need building again only when it moves. */
  revision = 0;

  constructor(spec: SiteSpec) {
    this.timeZone = spec.timeZone;
    this.epochUtcMs = Date.parse(spec.startsAtUtc);
    this.offlineBound = offlineBoundOf(
      spec.locks.map((lock) => lock.kind),
      spec.settings.offlineAccessMax,
    );
    this.features = new Set(spec.subscription.features);
    this.subscriptionActive = spec.subscription.active;
    this.released = spec.released;
    this.inPod = new Set(spec.pods.flatMap((pod) => pod.members));
    this.seats = spec.subscription.seats;
    this.otherIds = new Set([
      ...spec.tags.map((tag) => tag.id),
      ...spec.phones.map((phone) => phone.id),
      ...spec.accessGroups.map((group) => group.id),
      ...spec.locks.map((lock) => lock.id),
      ...spec.iqs.map((iq) => iq.id),
      ...spec.pods.map((pod) => pod.id),
      ...spec.repeaters.map((repeater) => repeater.id),
      ...spec.doors.map((door) => door.id),
    ]);
    for (const user of spec.users)
      this.users.set(user.id, {
        ...user.permissions,
        role: user.role,
        pin: user.pin,
        pinUntilUtcMs:
          user.pin === undefined || user.pinExpiresAt === undefined
            ? undefined
            : Date.parse(user.pinExpiresAt),
      });
    for (const tag of spec.tags)
      this.tags.set(tag.id, {
        user: tag.user,
        blocked: tag.blocked,
        ...(tag.offlineAccess === false ? { offline: false } : {}),
      });
    for (const phone of spec.phones) {
      this.phones.set(phone.id, { user: phone.user, ready: phone.registered && phone.verified });
      if (!phone.registered || !phone.verified || !phone.keyIssued) continue;
      this.keys.set(phone.id, {
        user: phone.user,
        ...(phone.keyValidFrom === undefined ? {} : { fromUtcMs: Date.parse(phone.keyValidFrom) }),
        ...(phone.keyValidUntil === undefined ? {} : { untilUtcMs: Date.parse(phone.keyValidUntil) }),
        ...(phone.keyOfflineAccess === false ? { offline: false } : {}),
      });
    }
    for (const lock of spec.locks) {
      this.locks.set(lock.id, {
        iq: lock.iq,
        kind: lock.kind,
        openTimeMs: openTimeMsOf(lock),
        eomSchedules: lock.eomSchedules,
      });
      // A lock's own access list is a group of its own, always open ("all": everyone but pod guests).
      if (lock.access === 'all' || lock.access.length > 0) {
        const guests = new Set(spec.pods.flatMap((pod) => pod.guests));
        const users =
          lock.access === 'all'
            ? spec.users.map((user) => user.id).filter((id) => !guests.has(id))
            : lock.access;
        this.groups.set(`(lock ${lock.id})`, {
          users: new Set(users),
          locks: new Set([lock.id]),
          schedules: [always],
        });
      }
    }
    for (const group of spec.accessGroups)
      this.groups.set(group.id, {
        users: new Set(group.users),
        locks: new Set(group.locks),
        schedules: group.schedules,
      });
    for (const iq of spec.iqs) {
      this.iqPowered.set(iq.id, true);
      this.iqInternet.set(iq.id, true);
    }
  }

  /** Faults the model follows: whether each IQ can reach the cloud. */
  follow(input: TwinInput): void {
    if (input.type === 'cloud-lag') this.lagMs = input.lagMs;
    if (input.type === 'iq-internet') this.iqInternet.set(input.iq, input.up);
    if (input.type === 'power' && this.iqPowered.has(input.device))
      this.iqPowered.set(input.device, input.on);
  }

  /** What the cloud should answer, applying the change to the model when it should be accepted. */
  judge(input: AdminInput, tMs: number): ModelVerdict {
    // A notification rule changes no access: who may set one is the REST route's check (its own tests), so the
    // model neither judges the answer nor loses track of the site.
    if (input.action === 'add-notification-rule') return { kind: 'not-judged' };
    const actor = this.users.get(input.actor);
    if (actor === undefined) return refused(3104, `no user ${input.actor}`);
    if (!this.released && actor.role !== 'installer') return refused(2210, 'the site is not released yet');
    if (this.released && actor.role === 'installer')
      return refused(2203, 'an installer has no rights on a released site');
    const args = input.args;
    switch (input.action) {
      case 'block-tag':
      case 'unblock-tag':
        return this.setBlocked(input.actor, actor, args[0], input.action === 'block-tag');
      case 'add-group-users':
      case 'remove-group-users':
        return this.changeGroup(actor, args[0], args[1], input.action === 'add-group-users', tMs);
      case 'remote-open':
        return this.lockCommand(input.actor, actor, args[0], 'remote-opening');
      case 'office-mode':
        return this.lockCommand(input.actor, actor, args[0], 'office-modes');
      case 'set-eom-schedules':
        return this.setEomSchedules(actor, args[0], args[1]);
      case 'set-offline-access': {
        const verdict = judgeOfflineAccess(
          { tags: this.tags, keys: this.keys, changed: () => void this.revision++ },
          { rank: this.actingRank(actor), adminRank },
          args,
        );
        if (verdict.kind === 'not-judged') this.lost = true;
        return verdict;
      }
      case 'set-pin': {
        const verdict = judgeSetPin(this.pinHost(), input.actor, actor, args, tMs);
        if (verdict.kind === 'not-judged') this.lost = true;
        return verdict;
      }
      case 'issue-key':
        return this.issueKey(input.actor, actor, args);
      case 'revoke-key':
        return this.revokeKey(input.actor, actor, args[0]);
      case 'update-firmware': {
        const lock = typeof args[0] === 'string' ? this.locks.get(args[0]) : undefined;
        return this.firmware.judge({
          actorRank: this.actingRank(actor),
          adminRank,
          lockId: args[0],
          version: args[1],
          lock:
            lock === undefined
              ? undefined
              : {
                  ...(lock.kind === undefined ? {} : { kind: lock.kind }),
                  iqConnected: this.iqPowered.get(lock.iq) === true && this.iqInternet.get(lock.iq) === true,
                },
        });
      }
      case 'core':
        if (args[0] === 'setRole') return this.setRole(input.actor, actor, args[1], args[2]);
        if (args[0] === 'deleteUser') return this.deleteUser(input.actor, actor, args[1]);
        if (args[0] === 'addUser') return this.addGuest(actor, args[1], tMs);
        if (args[0] === 'setUserSettings') return this.setBlockedUser(input.actor, actor, args[1], args[2]);
        if (args[0] === 'setSubscriptionState') return this.setSeat(input.actor, actor, args[1], args[2]);
        this.lost = true;
        return { kind: 'not-judged' };
      default:
        this.lost = true;
        return { kind: 'not-judged' };
    }
  }

  /** PINs that ended by `nowUtcMs` leave their users, as the cloud takes them off the locks then. */
  expirePins(nowUtcMs: number): void {
    expirePins(this.pinHost(), nowUtcMs);
  }

  private pinHost(): PinHost<ModelUser> {
    return {
      users: this.users,
      epochUtcMs: this.epochUtcMs,
      featureOn: (feature) => this.subscriptionActive && this.features.has(feature),
      mayManage: (actorId, actor, targetId, target) => this.mayManage(actorId, actor, targetId, target),
      settling: (userId, tMs) => this.settling(userId, tMs),
      keypadLocksOf: (userId) => {
        const locks = new Set<string>();
        for (const group of this.groups.values())
          if (group.users.has(userId)) for (const lockId of group.locks) locks.add(lockId);
        return [...locks]
          .sort()
          .filter((lockId) => modelHasKeypad(this.locks.get(lockId)?.kind))
          .map((lockId) => {
            const iq = this.locks.get(lockId)?.iq ?? '';
            return {
              lock: lockId,
              iqConnected: this.iqPowered.get(iq) === true && this.iqInternet.get(iq) === true,
            };
          });
      },
      changed: () => {
        this.revision++;
      },
    };
  }

  /** The rank an actor acts with: an installer (who acts only before release) as an admin. */
  private actingRank(actor: ModelUser): number {
    return rank[actor.role];
  }

  /** Whether the actor may manage a user: themselves, or from super user up anyone not ranking above them. */
  private mayManage(actorId: string, actor: ModelUser, targetId: string, target: ModelUser): boolean {
    return (
      actorId === targetId ||
      (this.actingRank(actor) >= superUserRank && rank[target.role] <= this.actingRank(actor))
    );
  }

  /** Whether another owner than `userId` remains (the site keeps one). */
  private otherOwner(userId: string): boolean {
    for (const [id, user] of this.users) if (id !== userId && user.role === 'owner') return true;
    return false;
  }

  private setRole(actorId: string, actor: ModelUser, userId: unknown, role: unknown): ModelVerdict {
    if (typeof role !== 'string' || !(role in rank)) {
      this.lost = true;
      return { kind: 'not-judged' };
    }
    const newRole = role as Role;
    if (this.actingRank(actor) < superUserRank)
      return refused(2203, 'only a super user or above changes roles');
    const target = typeof userId === 'string' ? this.users.get(userId) : undefined;
    if (target === undefined) return refused(3104, `no user ${String(userId)}`);
    if (!this.mayManage(actorId, actor, userId as string, target))
      return refused(2203, `${actorId} may not manage ${String(userId)}`);
    if (newRole === 'installer' && actor.role !== 'installer')
      return refused(2203, 'only an installer makes installers');
    if (rank[newRole] > this.actingRank(actor))
      return refused(2203, `${actorId} cannot give the role ${newRole}`);
    if (this.inPod.has(userId as string)) return refused(2220, `${String(userId)} is in a pod`);
    if (newRole !== 'owner' && target.role === 'owner' && !this.otherOwner(userId as string))
      return refused(2203, 'the site must keep an owner');
    this.users.set(userId as string, { ...target, role: newRole });
    return accepted;
  }

  /** Deleting a user takes them out of every group, unassigns their tags and drops their phones' keys. */
  private deleteUser(actorId: string, actor: ModelUser, userId: unknown): ModelVerdict {
    const target = typeof userId === 'string' ? this.users.get(userId) : undefined;
    if (target === undefined) return refused(3104, `no user ${String(userId)}`);
    const id = userId as string;
    if (!this.mayManage(actorId, actor, id, target)) return refused(2203, `${actorId} may not manage ${id}`);
    if (this.inPod.has(id)) return refused(2220, `${id} is in a pod`);
    if (target.role === 'owner' && !this.otherOwner(id)) return refused(2203, 'the site must keep an owner');
    for (const group of this.groups.values()) group.users.delete(id);
    for (const tag of this.tags.values()) if (tag.user === id) tag.user = undefined;
    for (const [phoneId, key] of this.keys) if (key.user === id) this.keys.delete(phoneId);
    for (const [phoneId, phone] of this.phones) if (phone.user === id) this.phones.delete(phoneId);
    this.users.delete(id);
    this.revision++;
    return accepted;
  }

  private setBlocked(actorId: string, actor: ModelUser, tagId: unknown, blocked: boolean): ModelVerdict {
    const tag = typeof tagId === 'string' ? this.tags.get(tagId) : undefined;
    if (tag === undefined) return refused(3104, `no tag ${String(tagId)}`);
    const owner = tag.user === undefined ? undefined : this.users.get(tag.user);
    const mayManage =
      tag.user === actorId ||
      (this.actingRank(actor) >= superUserRank &&
        (owner === undefined || rank[owner.role] <= this.actingRank(actor)));
    if (!mayManage) return refused(2203, `${actorId} may not manage ${tag.user ?? 'unassigned'} tags`);
    if (tag.blocked !== blocked) this.revision++;
    tag.blocked = blocked;
    return accepted;
  }

  private changeGroup(
    actor: ModelUser,
    groupId: unknown,
    userIds: unknown,
    add: boolean,
    tMs: number,
  ): ModelVerdict {
    if (this.actingRank(actor) < superUserRank)
      return refused(2203, 'only a super user or above manages groups');
    const group = typeof groupId === 'string' ? this.groups.get(groupId) : undefined;
    if (group === undefined) return refused(3104, `no group ${String(groupId)}`);
    const ids = Array.isArray(userIds) ? userIds : [];
    if (ids.some((id) => typeof id !== 'string' || !this.users.has(id))) return refused(3104, 'no such user');
    if (add && ids.some((id) => this.settling(id as string, tMs)))
      return refused(2202, 'a guest created moments ago is not known everywhere yet');
    for (const id of ids as string[]) {
      if (add) group.users.add(id);
      else group.users.delete(id);
    }
    this.revision++;
    return accepted;
  }

  private lockCommand(
    actorId: string,
    actor: ModelUser,
    lockId: unknown,
    feature: 'remote-opening' | 'office-modes',
  ): ModelVerdict {
    const lock = typeof lockId === 'string' ? this.locks.get(lockId) : undefined;
    if (lock === undefined) return refused(3104, `no lock ${String(lockId)}`);
    if (!this.subscriptionActive || !this.features.has(feature))
      return refused(2212, `no ${feature} feature`);
    const permitted =
      feature === 'remote-opening'
        ? actor.remoteOpening || this.actingRank(actor) >= adminRank
        : actor.manualOfficeMode;
    if (!permitted) return refused(2203, `no permission for ${feature}`);
    // The permission counts only on the locks of the person's access groups (admins and owners: every lock).
    const inGroup = [...this.groups.values()].some(
      (group) => group.locks.has(lockId as string) && group.users.has(actorId),
    );
    if (!inGroup && this.actingRank(actor) < adminRank)
      return refused(2203, `not in an access group of ${lockId as string}`);
    const connected = this.iqPowered.get(lock.iq) === true && this.iqInternet.get(lock.iq) === true;
    if (!connected) return refused(3105, `IQ ${lock.iq} is not connected`);
    return { kind: 'pending' };
  }

  /**
   * A digital key for a phone: the digital-keys feature, someone who manages the phone's user, a registered and
   * verified phone. Only keys without a window are judged (generated runs issue those); issuing again replaces.
   */
  private issueKey(actorId: string, actor: ModelUser, args: readonly unknown[]): ModelVerdict {
    if (args.length > 1 && args.slice(1).some((arg) => arg !== undefined && arg !== null)) {
      this.lost = true;
      return { kind: 'not-judged' };
    }
    const phoneId = args[0];
    if (!this.subscriptionActive || !this.features.has('digital-keys'))
      return refused(2212, 'no digital-keys feature');
    if (typeof phoneId !== 'string') return refused(1101, 'a phone id is a string');
    const phone = this.phones.get(phoneId);
    if (phone === undefined) return refused(3104, `no phone ${phoneId}`);
    const owner = this.users.get(phone.user);
    if (owner === undefined) return refused(3104, `no user ${phone.user}`);
    if (!this.mayManage(actorId, actor, phone.user, owner))
      return refused(2203, `${actorId} may not manage ${phone.user}`);
    if (!phone.ready) return refused(2203, `${phoneId} is not registered and verified`);
    this.keys.set(phoneId, { user: phone.user });
    this.revision++;
    return accepted;
  }

  /** Revoking a phone's key: someone who manages its user; a phone without a key is not found. */
  private revokeKey(actorId: string, actor: ModelUser, phoneId: unknown): ModelVerdict {
    if (typeof phoneId !== 'string') return refused(1101, 'a phone id is a string');
    const key = this.keys.get(phoneId);
    if (key === undefined) return refused(3104, `no key on ${phoneId}`);
    const owner = this.users.get(key.user);
    if (owner === undefined) return refused(3104, `no user ${key.user}`);
    if (!this.mayManage(actorId, actor, key.user, owner))
      return refused(2203, `${actorId} may not manage ${key.user}`);
    this.keys.delete(phoneId);
    this.revision++;
    return accepted;
  }

  /** Admins and up set a lock's EOM windows; setting any needs the office-modes feature, clearing never does. */
  private setEomSchedules(actor: ModelUser, lockId: unknown, schedules: unknown): ModelVerdict {
    if (this.actingRank(actor) < adminRank)
      return refused(2203, 'only an admin or above changes lock settings');
    const lock = typeof lockId === 'string' ? this.locks.get(lockId) : undefined;
    if (lock === undefined || !Array.isArray(schedules)) {
      this.lost = true;
      return { kind: 'not-judged' };
    }
    if (schedules.length > 0 && (!this.subscriptionActive || !this.features.has('office-modes')))
      return refused(2212, 'no office-modes feature');
    this.locks.set(lockId as string, { ...lock, eomSchedules: schedules as Schedule[] });
    this.revision++;
    return accepted;
  }

  /** A guest made while the eventual-consistency fault is on is half-known for that long after its creation. */
  private settling(userId: string, tMs: number): boolean {
    const user = this.users.get(userId);
    return (
      this.lagMs > 0 &&
      user?.role === 'guest' &&
      user.createdAtMs !== undefined &&
      tMs - user.createdAtMs < this.lagMs
    );
  }

  private seatsTaken(): number {
    let taken = 0;
    for (const user of this.users.values()) if (user.suspended !== true) taken++;
    return taken;
  }

  /** A guest as the Connect API makes one: at a full site it is still made, holding no seat (suspended). */
  private addGuest(actor: ModelUser, fields: unknown, tMs: number): ModelVerdict {
    const guest = fields as
      { id?: unknown; name?: unknown; role?: unknown; whenSeatsFull?: unknown } | undefined;
    if (guest?.role !== 'guest' || guest.whenSeatsFull !== 'suspend' || typeof guest.id !== 'string') {
      this.lost = true;
      return { kind: 'not-judged' };
    }
    if (this.actingRank(actor) < superUserRank) return refused(2203, 'only a super user or above adds users');
    if (this.users.has(guest.id) || this.otherIds.has(guest.id))
      return refused(1101, `${guest.id} is in use`);
    if (typeof guest.name !== 'string' || guest.name.trim() === '')
      return refused(1101, 'a guest needs a name');
    const suspended = this.seatsTaken() >= this.seats;
    this.users.set(guest.id, {
      role: 'guest',
      remoteOpening: false,
      manualOfficeMode: false,
      easyOfficeMode: false,
      pin: undefined,
      suspended,
      createdAtMs: tMs,
    });
    return accepted;
  }

  /** Blocking a user (refused at every lock) is a super user's act or above, even on oneself. */
  private setBlockedUser(
    actorId: string,
    actor: ModelUser,
    userId: unknown,
    settings: unknown,
  ): ModelVerdict {
    const blocked = (settings as { blocked?: unknown } | undefined)?.blocked;
    if (typeof blocked !== 'boolean' || Object.keys(settings as object).length !== 1) {
      this.lost = true;
      return { kind: 'not-judged' };
    }
    const target = typeof userId === 'string' ? this.users.get(userId) : undefined;
    if (target === undefined) return refused(3104, `no user ${String(userId)}`);
    if (!this.mayManage(actorId, actor, userId as string, target))
      return refused(2203, `${actorId} may not manage ${String(userId)}`);
    if (this.actingRank(actor) < superUserRank)
      return refused(2203, 'only a super user or above blocks users');
    if (target.blocked !== blocked) this.revision++;
    this.users.set(userId as string, { ...target, blocked });
    return accepted;
  }

  /** Subscribing takes a free seat (2203 when none is left); suspending frees one at once. */
  private setSeat(actorId: string, actor: ModelUser, userId: unknown, state: unknown): ModelVerdict {
    if (state !== 'subscribed' && state !== 'suspended') {
      this.lost = true;
      return { kind: 'not-judged' };
    }
    if (this.actingRank(actor) < superUserRank)
      return refused(2203, 'only a super user or above changes seats');
    const target = typeof userId === 'string' ? this.users.get(userId) : undefined;
    if (target === undefined) return refused(3104, `no user ${String(userId)}`);
    if (!this.mayManage(actorId, actor, userId as string, target))
      return refused(2203, `${actorId} may not manage ${String(userId)}`);
    const suspended = state === 'suspended';
    if (!suspended && target.suspended === true && this.seatsTaken() >= this.seats)
      return refused(2203, 'every seat is taken');
    if ((target.suspended === true) !== suspended) this.revision++;
    this.users.set(userId as string, { ...target, suspended });
    return accepted;
  }
}
