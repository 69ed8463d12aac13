/**
 * Seeded background traffic: people arriving at doors, presenting a tag, tapping a phone or typing a PIN,
 * opening the door, walking through and closing it; now and then a stranger with an unknown tag, now and then a
 * door left open. Every action is an ordinary input (traced like a scenario's), drawn from the `people.traffic`
 * stream, and only the next arrival is ever queued, so the queue stays small however long the run.
 */
import type { TwinInput } from './inputs/input-schema.ts';
import type { RandomStream } from './kernel/rng.ts';
import type { LockSpec, SiteSpec } from './site/spec.ts';
import { hasKeypad } from './site/lock-kinds.ts';
import type { Twin } from './twin.ts';

export interface BackgroundTrafficOptions {
  /** Mean visits per lock per hour. */
  readonly visitsPerLockPerHour?: number;
  /** No visit starts at or after this time. */
  readonly untilMs: number;
}

export const visitsPerLockPerHourDefault = 4;
/** Share of visits by someone whose tag no lock knows. */
const strangerShare = 0.03;
/** Share of visits where the door is left open past the NOT CLOSED alert. */
const doorLeftOpenShare = 0.02;
/** Share of people with a phone who tap it rather than present their tag. */
const phoneShare = 0.5;

type Credential =
  | { readonly kind: 'tag'; readonly id: string }
  | { readonly kind: 'phone'; readonly id: string }
  | { readonly kind: 'pin'; readonly id: string };

/** The credentials people allowed at a lock carry, per lock, computed on first use. */
class CredentialIndex {
  private readonly byLock = new Map<string, readonly (readonly Credential[])[]>();
  private readonly carriedByUser = new Map<string, Credential[]>();
  /** Each user's place in the spec, so a lock's people keep the spec's order without a scan of every user. */
  private readonly userIndex = new Map<string, number>();
  /** The people of a lock open to all (the same for every such lock of a kind: PIN or not). */
  private readonly everyoneAt = new Map<boolean, readonly (readonly Credential[])[]>();

  constructor(private readonly spec: SiteSpec) {
    const carried = (userId: string): Credential[] => {
      let credentials = this.carriedByUser.get(userId);
      if (credentials === undefined) this.carriedByUser.set(userId, (credentials = []));
      return credentials;
    };
    for (const tag of spec.tags) carried(tag.user).push({ kind: 'tag', id: tag.id });
    for (const phone of spec.phones) carried(phone.user).push({ kind: 'phone', id: phone.id });
    spec.users.forEach((user, index) => this.userIndex.set(user.id, index));
  }

  /** For each person allowed at `lock`, in the spec's order of users: the credentials they could use there. */
  peopleAt(lock: LockSpec): readonly (readonly Credential[])[] {
    let people = this.byLock.get(lock.id);
    if (people === undefined) {
      people = lock.access === 'all' ? this.everyone(lock) : this.peopleOf(lock.access, lock);
      this.byLock.set(lock.id, people);
    }
    return people;
  }

  private everyone(lock: LockSpec): readonly (readonly Credential[])[] {
    const pinLock = hasKeypad(lock.kind);
    let people = this.everyoneAt.get(pinLock);
    if (people === undefined) {
      people = this.peopleIn(this.spec.users, lock);
      this.everyoneAt.set(pinLock, people);
    }
    return people;
  }

  private peopleOf(userIds: readonly string[], lock: LockSpec): readonly (readonly Credential[])[] {
    const indices = [...new Set(userIds)]
      .map((userId) => this.userIndex.get(userId))
      .filter((index) => index !== undefined)
      .sort((a, b) => a - b);
    return this.peopleIn(
      indices.map((index) => this.spec.users[index] as SiteSpec['users'][number]),
      lock,
    );
  }

  private peopleIn(users: SiteSpec['users'], lock: LockSpec): readonly (readonly Credential[])[] {
    return users
      .map((user) => this.credentialsOf(user.id, user.pin, lock))
      .filter((credentials) => credentials.length > 0);
  }

  private credentialsOf(userId: string, pin: string | undefined, lock: LockSpec): Credential[] {
    if (hasKeypad(lock.kind)) return pin === undefined ? [] : [{ kind: 'pin', id: pin }];
    return this.carriedByUser.get(userId) ?? [];
  }
}

function exponentialMs(stream: RandomStream, meanMs: number): number {
  return Math.max(1, Math.round(-Math.log(1 - stream.float()) * meanMs));
}

function credentialInput(credential: Credential, lockId: string): TwinInput {
  if (credential.kind === 'pin') return { type: 'enter-pin', pin: credential.id, lock: lockId };
  if (credential.kind === 'phone') return { type: 'tap-phone', phone: credential.id, lock: lockId };
  return { type: 'present-tag', tag: credential.id, lock: lockId };
}

function chooseCredential(stream: RandomStream, credentials: readonly Credential[]): Credential {
  const phones = credentials.filter((credential) => credential.kind === 'phone');
  if (phones.length > 0 && (phones.length === credentials.length || stream.chance(phoneShare)))
    return stream.pick(phones);
  return stream.pick(credentials.filter((credential) => credential.kind !== 'phone'));
}

/** Schedules one visit's inputs, starting now. */
function scheduleVisit(twin: Twin, stream: RandomStream, index: CredentialIndex): void {
  const lock = stream.pick(twin.spec.locks);
  const nowMs = twin.clock.now();
  const people = index.peopleAt(lock);
  const stranger = people.length === 0 || stream.chance(strangerShare);
  const credentialAt: TwinInput = stranger
    ? { type: 'present-tag', tag: `stranger-${stream.int(1, 999)}`, lock: lock.id }
    : credentialInput(chooseCredential(stream, stream.pick(people)), lock.id);
  twin.applyAt(nowMs, credentialAt);
  const openAtMs = nowMs + stream.int(1_500, 3_000);
  twin.applyAt(openAtMs, { type: 'open-door', door: lock.door });
  const heldOpenMs = stream.chance(doorLeftOpenShare)
    ? stream.int(40_000, 90_000)
    : stream.int(3_000, 10_000);
  twin.applyAt(openAtMs + heldOpenMs, { type: 'close-door', door: lock.door });
}

export function startBackgroundTraffic(twin: Twin, options: BackgroundTrafficOptions): void {
  if (twin.spec.locks.length === 0) return;
  const stream = twin.random.stream('people.traffic');
  const index = new CredentialIndex(twin.spec);
  const visitsPerHour =
    twin.spec.locks.length * (options.visitsPerLockPerHour ?? visitsPerLockPerHourDefault);
  const meanGapMs = 3_600_000 / visitsPerHour;
  const next = (): void => {
    scheduleVisit(twin, stream, index);
    const atMs = twin.clock.now() + exponentialMs(stream, meanGapMs);
    if (atMs < options.untilMs) twin.clock.scheduleAt(atMs, next);
  };
  const firstMs = twin.clock.now() + exponentialMs(stream, meanGapMs);
  if (firstMs < options.untilMs) twin.clock.scheduleAt(firstMs, next);
}
