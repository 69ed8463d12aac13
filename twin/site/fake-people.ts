/**
 * Fake names and emails for the users a spec leaves anonymous, so that entries, notifications and the demo show
 * people rather than ids. The names come from a faker instance of our own, seeded from a stream of the run's seed
 * (design.md, determinism rule 2): never faker's global singleton, whose seed any other code may change.
 */
import { Faker, base, en } from '@faker-js/faker';
import type { RandomStream } from '../kernel/rng.ts';
import type { SiteSpec, UserSpec } from './spec.ts';

/**
 * A copy of `spec` in which every user without a name gets a fake full name, and every user without an email
 * gets one derived from their (given or fake) name. Users are filled in spec order; given names and emails are
 * kept as they are.
 *
 * Exactly one draw is taken from `stream` whatever the spec holds, so the stream's later draws do not depend on
 * how many users needed a name.
 */
export function fillFakePeople(spec: SiteSpec, stream: RandomStream): SiteSpec {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(stream.seed32());
  // Emails identify users in the cloud, so a fake one must not repeat an email already in the spec.
  const emailsTaken = new Set(
    spec.users.flatMap((user) => (user.email === undefined ? [] : [emailKey(user.email)])),
  );
  const users = spec.users.map((user) => fillUser(user, { faker, emailsTaken }));
  return { ...spec, users };
}

interface FillContext {
  readonly faker: Faker;
  /** Lower-cased emails already used; grows as emails are handed out. */
  readonly emailsTaken: Set<string>;
}

function fillUser(user: UserSpec, context: FillContext): UserSpec {
  if (user.name !== undefined && user.email !== undefined) return user;
  const person = user.name === undefined ? fakePerson(context.faker) : splitName(user.name);
  const name = user.name ?? `${person.firstName} ${person.lastName}`;
  const email = user.email ?? uniqueEmail(context.faker.internet.exampleEmail(person), context.emailsTaken);
  return { ...user, name, email };
}

interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

/** First and last name drawn separately (not `fullName`), so the email can be built from the same two parts. */
function fakePerson(faker: Faker): PersonName {
  return { firstName: faker.person.firstName(), lastName: faker.person.lastName() };
}

/** "Anna de Vries" → Anna / de Vries; a one-word name is used as the first name alone. */
function splitName(name: string): PersonName {
  const words = name.trim().split(/\s+/);
  const [firstName = name, ...rest] = words;
  return { firstName, lastName: rest.join(' ') };
}

/** Faker may repeat an address across thousands of users; a numbered suffix keeps each one unique. */
function uniqueEmail(email: string, taken: Set<string>): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  let candidate = email;
  for (let copy = 2; taken.has(emailKey(candidate)); copy++) candidate = `${local}.${copy}@${domain}`;
  taken.add(emailKey(candidate));
  return candidate;
}

function emailKey(email: string): string {
  return email.toLowerCase();
}
