/**
 * The checks a schema cannot make: that every id is unique across the whole site, and that every reference
 * (a lock's IQ and door, a tag's user, an access list…) names something that exists. The twin builds its devices
 * and the cloud's tables from these ids, so a dangling or doubled id must be reported here, with the path of the
 * offending field, not discovered later as a missing device.
 *
 * Radio topology limits (locks and repeaters per IQ, repeater layers) are the radio module's to check.
 */
import type { SiteSpec } from './spec.ts';
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
  return [
    ...spec.repeaters.flatMap((repeater, i) => checkRef(`repeaters[${i}].iq`, repeater.iq, iqIds, 'IQ')),
    ...spec.locks.flatMap((lock, i) => checkRef(`locks[${i}].iq`, lock.iq, iqIds, 'IQ')),
    ...checkLockDoors(spec),
    ...checkAccessLists(spec, userIds),
    ...spec.tags.flatMap((tag, i) => checkRef(`tags[${i}].user`, tag.user, userIds, 'user')),
    ...spec.phones.flatMap((phone, i) => checkRef(`phones[${i}].user`, phone.user, userIds, 'user')),
  ];
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
