/**
 * The cloud's state at commissioning, built from a validated site spec. Deterministic: maps are filled in spec
 * order, so every later iteration over them is too.
 *
 * Access: the spec's older per-lock `access` lists ("all" or user ids) become *implicit* access groups. Locks with
 * the same list (as a set) share one group, `implicit-1`, `implicit-2`, … numbered in the order the lists first
 * appear in `spec.locks`, each always open (every weekday, 00:00–24:00). So the campus's 16 locks per building make
 * one group per building, not 16. "all" means every user in the spec except pod guests, who may only ever be given
 * their pods' locks (error 2222); users added later through the cloud join no implicit group. An empty list makes
 * no group. The spec's explicit `accessGroups` follow, as written.
 */
import { offlineAccessMaxOf } from './offline-list.ts';
import type { SiteSpec, ScheduleSpec } from '../site/spec.ts';
import { implicitGroupIdPrefix } from '../site/spec.ts';
import type {
  AccessGroup,
  CloudIq,
  CloudLock,
  CloudPhone,
  CloudState,
  CloudTag,
  CloudUser,
  DigitalKey,
  Pod,
  Schedule,
} from './model.ts';

/** Every day, all day: the schedule of the groups made from `access` lists, which knew no time limits. */
export const alwaysSchedule: Schedule = Object.freeze({
  weekdays: Object.freeze([1, 2, 3, 4, 5, 6, 7] as const),
  start: '00:00',
  end: '24:00',
});

/** The activation code an IQ carries (printed on the device); the cloud checks it on activation (1501). */
export function activationCodeOf(iqId: string): string {
  return `ACT-${iqId}`;
}

/** A repeater as the cloud knows it: only which IQ it extends (for the IQ tree limits, 2204). */
export interface CloudRepeater {
  readonly id: string;
  readonly iqId: string;
}

export function cloudStateFromSpec(spec: SiteSpec): CloudState {
  return {
    site: {
      id: spec.name,
      name: spec.name,
      timeZone: spec.timeZone,
      released: spec.released,
      subscription: {
        active: spec.subscription.active,
        features: [...spec.subscription.features],
        seats: spec.subscription.seats,
      },
    },
    consistencyLagMs: 0,
    offlineAccessMax:
      spec.settings.offlineAccessMax ?? offlineAccessMaxOf(spec.locks.map((lock) => lock.kind)),
    users: byId(spec.users.map((user) => userFromSpec(user, Date.parse(spec.startsAtUtc)))),
    tags: byId(
      spec.tags.map((tag): CloudTag => ({
        id: tag.id,
        userId: tag.user,
        blocked: tag.blocked,
        ...(tag.offlineAccess === false ? { offlineAccess: false } : {}),
      })),
    ),
    phones: byId(
      spec.phones.map((phone): CloudPhone => ({
        id: phone.id,
        userId: phone.user,
        registered: phone.registered,
        verified: phone.verified,
      })),
    ),
    digitalKeys: digitalKeysFromSpec(spec),
    accessGroups: byId([...implicitGroups(spec), ...spec.accessGroups.map(explicitGroup)]),
    locks: byId(spec.locks.map(lockFromSpec)),
    iqs: byId(
      spec.iqs.map((iq): CloudIq => ({
        id: iq.id,
        activated: true,
        activationCode: activationCodeOf(iq.id),
        otpEnabled: iq.otpEnabled,
        userActivations: [],
      })),
    ),
    pods: byId(
      spec.pods.map((pod): Pod => ({
        id: pod.id,
        name: pod.name,
        memberIds: [...pod.members],
        guestIds: [...pod.guests],
        lockIds: [...pod.locks],
        guestLimit: pod.guestLimit,
      })),
    ),
  };
}

/** The spec's repeaters, for `CloudCore`'s IQ tree checks (the cloud state itself has no repeater table). */
export function cloudRepeatersFromSpec(spec: SiteSpec): CloudRepeater[] {
  return spec.repeaters.map((repeater) => ({ id: repeater.id, iqId: repeater.iq }));
}

function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function userFromSpec(user: SiteSpec['users'][number], createdAtUtcMs: number): CloudUser {
  return {
    id: user.id,
    // The cloud shows a name for everyone; a spec user without one (before fake people) shows the id.
    name: user.name ?? user.id,
    firstName: undefined,
    lastName: undefined,
    email: user.email,
    role: user.role,
    permissions: { ...user.permissions },
    pin: user.pin,
    pinExpiresAtUtcMs:
      user.pin === undefined || user.pinExpiresAt === undefined ? undefined : Date.parse(user.pinExpiresAt),
    usePin: true,
    blocked: false,
    subscriptionState: 'subscribed',
    expiresAtUtcMs: undefined,
    createdAtUtcMs,
  };
}

/** One key per registered, verified phone (the only phones a key works on) whose key was issued before the run. */
function digitalKeysFromSpec(spec: SiteSpec): Map<string, DigitalKey> {
  const keys = new Map<string, DigitalKey>();
  for (const phone of spec.phones) {
    if (!phone.registered || !phone.verified || !phone.keyIssued) continue;
    keys.set(phone.id, {
      phoneId: phone.id,
      userId: phone.user,
      validFromUtcMs: instantMs(phone.keyValidFrom),
      validUntilUtcMs: instantMs(phone.keyValidUntil),
      ...(phone.keyOfflineAccess === false ? { offlineAccess: false } : {}),
    });
  }
  return keys;
}

function instantMs(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : Date.parse(iso);
}

function lockFromSpec(lock: SiteSpec['locks'][number]): CloudLock {
  return {
    id: lock.id,
    name: lock.name ?? lock.id,
    iqId: lock.iq,
    doorId: lock.door,
    settings: {
      // A wall reader's controller drives its gate for the relay's time: that is the lock's open time.
      openTimeMs: lock.controller?.relayOpenTimeMs ?? lock.openTimeMs,
      eomSchedules: lock.eomSchedules.map(scheduleFromSpec),
      alerts: { ...lock.alerts },
    },
  };
}

/** A schedule without the `undefined` optional fields zod leaves in its output. */
export function scheduleFromSpec(schedule: ScheduleSpec): Schedule {
  return {
    weekdays: [...schedule.weekdays],
    start: schedule.start,
    end: schedule.end,
    ...(schedule.fromDate === undefined ? {} : { fromDate: schedule.fromDate }),
    ...(schedule.untilDate === undefined ? {} : { untilDate: schedule.untilDate }),
  };
}

function explicitGroup(group: SiteSpec['accessGroups'][number]): AccessGroup {
  return {
    id: group.id,
    name: group.name ?? group.id,
    userIds: [...group.users],
    lockIds: [...group.locks],
    schedules: group.schedules.map(scheduleFromSpec),
  };
}

const everyoneKey = '*';

function implicitGroups(spec: SiteSpec): AccessGroup[] {
  const podGuests = new Set(spec.pods.flatMap((pod) => pod.guests));
  const everyone = spec.users.map((user) => user.id).filter((id) => !podGuests.has(id));
  const groups = new Map<string, { userIds: readonly string[]; lockIds: string[] }>();
  for (const lock of spec.locks) {
    const userIds = lock.access === 'all' ? everyone : [...new Set(lock.access)].sort();
    if (lock.access !== 'all' && userIds.length === 0) continue;
    // A NUL cannot occur in an id, so the key is unambiguous.
    const key = lock.access === 'all' ? everyoneKey : userIds.join('\u0000');
    const group = groups.get(key) ?? { userIds, lockIds: [] };
    group.lockIds.push(lock.id);
    groups.set(key, group);
  }
  return [...groups].map(([key, group], index) => ({
    id: `${implicitGroupIdPrefix}${index + 1}`,
    name: key === everyoneKey ? 'Everyone (site spec)' : `Access list ${index + 1} (site spec)`,
    userIds: [...group.userIds],
    lockIds: group.lockIds,
    schedules: [alwaysSchedule],
  }));
}
