/**
 * The checks a schema cannot make: that every id is unique across the whole site, and that every reference
 * (a lock's IQ and door, a tag's user, an access list…) names something that exists. The twin builds its devices
 * and the cloud's tables from these ids, so a dangling or doubled id must be reported here, with the path of the
 * offending field, not discovered later as a missing device.
 *
 * Radio topology limits (locks and repeaters per IQ, repeater layers) are the radio module's to check.
 *
 * Pods have rules of their own (the cloud's errors 2213–2222); a spec must not describe a site the cloud would
 * have refused to build, so `checkPods` applies the same rules to the spec.
 */
import { implicitGroupIdPrefix, type SiteSpec } from './spec.ts';
import type { SpecError } from './spec-error.ts';

interface Identified {
  readonly id: string;
}

/** The sections that hold ids, in the order their ids are checked (and their errors reported). */
function idSections(spec: SiteSpec): readonly (readonly [string, readonly Identified[]])[] {
  return [
    ['iqs', spec.iqs],
    ['repeaters', spec.repeaters],
    ['locks', spec.locks],
    ['doors', spec.doors],
    ['users', spec.users],
    ['tags', spec.tags],
    ['phones', spec.phones],
    ['accessGroups', spec.accessGroups],
    ['pods', spec.pods],
  ];
}

/**
 * Ids share one namespace across all sections: events, traces and the API name a device by id alone, so a lock
 * and a door called `front` would be ambiguous. The second use of an id is the one reported.
 */
export function checkUniqueIds(spec: SiteSpec): SpecError[] {
  const firstUse = new Map<string, string>();
  const errors: SpecError[] = [];
  for (const [section, items] of idSections(spec)) {
    items.forEach((item, index) => {
      const path = `${section}[${index}].id`;
      const first = firstUse.get(item.id);
      if (first === undefined) firstUse.set(item.id, path);
      else errors.push({ path, message: `duplicate id "${item.id}" (first used at ${first})` });
    });
  }
  return errors;
}

/** Every cross-reference names an existing thing of the right kind. */
export function checkReferences(spec: SiteSpec): SpecError[] {
  const iqIds = new Set(spec.iqs.map((iq) => iq.id));
  const userIds = new Set(spec.users.map((user) => user.id));
  const lockIds = new Set(spec.locks.map((lock) => lock.id));
  return [
    ...spec.repeaters.flatMap((repeater, i) => checkRef(`repeaters[${i}].iq`, repeater.iq, iqIds, 'IQ')),
    ...spec.locks.flatMap((lock, i) => checkRef(`locks[${i}].iq`, lock.iq, iqIds, 'IQ')),
    ...checkLockDoors(spec),
    ...checkAccessLists(spec, userIds),
    ...spec.tags.flatMap((tag, i) => checkRef(`tags[${i}].user`, tag.user, userIds, 'user')),
    ...spec.phones.flatMap((phone, i) => checkRef(`phones[${i}].user`, phone.user, userIds, 'user')),
    ...spec.accessGroups.flatMap((group, i) => [
      ...checkIdList(`accessGroups[${i}].users`, group.users, userIds, 'user'),
      ...checkIdList(`accessGroups[${i}].locks`, group.locks, lockIds, 'lock'),
    ]),
    ...spec.pods.flatMap((pod, i) => [
      ...checkIdList(`pods[${i}].members`, pod.members, userIds, 'user'),
      ...checkIdList(`pods[${i}].guests`, pod.guests, userIds, 'user'),
      ...checkIdList(`pods[${i}].locks`, pod.locks, lockIds, 'lock'),
    ]),
  ];
}

/** A list of ids names existing things, each once. */
function checkIdList(
  path: string,
  ids: readonly string[],
  known: ReadonlySet<string>,
  kind: string,
): SpecError[] {
  const errors: SpecError[] = [];
  const seen = new Set<string>();
  ids.forEach((id, j) => {
    errors.push(...checkRef(`${path}[${j}]`, id, known, kind));
    if (seen.has(id)) errors.push({ path: `${path}[${j}]`, message: `${kind} "${id}" is listed twice` });
    seen.add(id);
  });
  return errors;
}

function checkRef(path: string, id: string, known: ReadonlySet<string>, kind: string): SpecError[] {
  return known.has(id) ? [] : [{ path, message: `names ${kind} "${id}", which the site does not have` }];
}

/** Each lock sits on an existing door, and a door has at most one lock (a door's events name one lock). */
function checkLockDoors(spec: SiteSpec): SpecError[] {
  const doorIds = new Set(spec.doors.map((door) => door.id));
  const lockedBy = new Map<string, number>();
  const errors: SpecError[] = [];
  spec.locks.forEach((lock, i) => {
    const path = `locks[${i}].door`;
    errors.push(...checkRef(path, lock.door, doorIds, 'door'));
    const other = lockedBy.get(lock.door);
    if (other === undefined) lockedBy.set(lock.door, i);
    else errors.push({ path, message: `door "${lock.door}" already has a lock (locks[${other}])` });
  });
  return errors;
}

/** An access list names existing users, each once (a repeat is almost certainly a typo for another user). */
function checkAccessLists(spec: SiteSpec, userIds: ReadonlySet<string>): SpecError[] {
  const errors: SpecError[] = [];
  spec.locks.forEach((lock, i) => {
    if (lock.access === 'all') return;
    const seen = new Set<string>();
    lock.access.forEach((user, j) => {
      const path = `locks[${i}].access[${j}]`;
      errors.push(...checkRef(path, user, userIds, 'user'));
      if (seen.has(user)) errors.push({ path, message: `user "${user}" is listed twice` });
      seen.add(user);
    });
  });
  return errors;
}

/**
 * PINs are unique within a site: a keypad lock knows who opened it only by the PIN, so two users sharing one
 * would make the audit trail name the wrong person.
 */
export function checkUniquePins(spec: SiteSpec): SpecError[] {
  const firstUser = new Map<string, number>();
  const errors: SpecError[] = [];
  spec.users.forEach((user, i) => {
    if (user.pin === undefined) return;
    const other = firstUser.get(user.pin);
    if (other === undefined) firstUser.set(user.pin, i);
    else errors.push({ path: `users[${i}].pin`, message: `the same PIN as users[${other}]` });
  });
  return errors;
}

/** The cloud names the groups it makes from locks' `access` lists `implicit-<n>`; a spec's own groups may not. */
export function checkAccessGroupIds(spec: SiteSpec): SpecError[] {
  return spec.accessGroups.flatMap((group, i) =>
    group.id.startsWith(implicitGroupIdPrefix)
      ? [
          {
            path: `accessGroups[${i}].id`,
            message: `ids starting with "${implicitGroupIdPrefix}" are reserved for the groups made from locks' access lists`,
          },
        ]
      : [],
  );
}

/**
 * The cloud's pod rules, on the spec: names unique in the site (2213), a user at most once per pod (2216), a
 * member in at most one pod (2217), no more guests than the limit (2219/2221), and guests confined to their pods'
 * locks (2222): an access list or access group may give a pod guest only locks of the pods they are a guest of.
 * (2215, a member with an email, is the cloud's to check: fake people fill in emails after the spec is read.)
 */
export function checkPods(spec: SiteSpec): SpecError[] {
  const errors: SpecError[] = [];
  const nameUse = new Map<string, number>();
  const memberOf = new Map<string, number>();
  spec.pods.forEach((pod, i) => {
    const nameKey = podNameKey(pod.name);
    const other = nameUse.get(nameKey);
    if (other === undefined) {
      nameUse.set(nameKey, i);
    } else {
      errors.push({ path: `pods[${i}].name`, message: `pods[${other}] already has the name "${pod.name}"` });
    }
    pod.members.forEach((member, j) => {
      const otherPod = memberOf.get(member);
      if (otherPod !== undefined && otherPod !== i) {
        errors.push({
          path: `pods[${i}].members[${j}]`,
          message: `user "${member}" is already a member of pods[${otherPod}]`,
        });
      }
      memberOf.set(member, i);
    });
    const members = new Set(pod.members);
    pod.guests.forEach((guest, j) => {
      if (members.has(guest)) {
        errors.push({
          path: `pods[${i}].guests[${j}]`,
          message: `user "${guest}" is already a member of this pod`,
        });
      }
    });
    if (pod.guests.length > pod.guestLimit) {
      errors.push({
        path: `pods[${i}].guests`,
        message: `${pod.guests.length} guests, more than the pod's guestLimit of ${pod.guestLimit}`,
      });
    }
  });
  return [...errors, ...checkPodGuestLocks(spec)];
}

/** Pod names are unique in a site regardless of case and surrounding blanks ("Acme" and "acme " clash). */
export function podNameKey(name: string): string {
  return name.trim().toLowerCase();
}

function checkPodGuestLocks(spec: SiteSpec): SpecError[] {
  const allowedByGuest = new Map<string, Set<string>>();
  for (const pod of spec.pods) {
    for (const guest of pod.guests) {
      const allowed = allowedByGuest.get(guest) ?? new Set<string>();
      for (const lock of pod.locks) allowed.add(lock);
      allowedByGuest.set(guest, allowed);
    }
  }
  if (allowedByGuest.size === 0) return [];
  const outside = (user: string, locks: readonly string[]): string | undefined => {
    const allowed = allowedByGuest.get(user);
    return allowed === undefined ? undefined : locks.find((lock) => !allowed.has(lock));
  };
  const errors: SpecError[] = [];
  const message = (user: string, lock: string): string =>
    `user "${user}" is a pod guest and may be given only their pods' locks, not "${lock}"`;
  spec.locks.forEach((lock, i) => {
    // "all" means every user but pod guests (see cloudStateFromSpec), so only explicit lists can break the rule.
    if (lock.access === 'all') return;
    lock.access.forEach((user, j) => {
      const bad = outside(user, [lock.id]);
      if (bad !== undefined) errors.push({ path: `locks[${i}].access[${j}]`, message: message(user, bad) });
    });
  });
  spec.accessGroups.forEach((group, i) => {
    group.users.forEach((user, j) => {
      const bad = outside(user, group.locks);
      if (bad !== undefined)
        errors.push({ path: `accessGroups[${i}].users[${j}]`, message: message(user, bad) });
    });
  });
  return errors;
}

/** A site not yet released can be used only by installers (2210), so it must have one. */
export function checkRelease(spec: SiteSpec): SpecError[] {
  if (spec.released || spec.users.some((user) => user.role === 'installer')) return [];
  return [
    { path: 'released', message: 'a site that is not released needs a user with the role "installer"' },
  ];
}

/** A digital key's window ends after it starts. */
export function checkKeyWindows(spec: SiteSpec): SpecError[] {
  return spec.phones.flatMap((phone, i) => {
    if (phone.keyValidFrom === undefined || phone.keyValidUntil === undefined) return [];
    if (Date.parse(phone.keyValidUntil) > Date.parse(phone.keyValidFrom)) return [];
    return [
      { path: `phones[${i}].keyValidUntil`, message: `must be after keyValidFrom (${phone.keyValidFrom})` },
    ];
  });
}
