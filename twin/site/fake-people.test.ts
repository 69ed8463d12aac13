import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../kernel/rng.ts';
import { fillFakePeople } from './fake-people.ts';
import type { SiteSpec, SiteSpecInput } from './spec.ts';
import { parseSiteSpec } from './validate.ts';

function parsed(input: SiteSpecInput): SiteSpec {
  const result = parseSiteSpec(input);
  if (!result.ok) throw new Error('test spec must parse');
  return result.spec;
}

const site = parsed({
  name: 'people',
  iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
  users: [
    { id: 'user-1', name: 'Anna de Vries', email: 'anna@example.com' },
    { id: 'user-2' },
    { id: 'user-3', name: 'Bram Jansen' },
    { id: 'user-4', email: 'four@example.com' },
    { id: 'user-5', pin: '123456' },
  ],
});

const fill = (seed: number, spec: SiteSpec = site): SiteSpec =>
  fillFakePeople(spec, createSeededRandom(seed).stream('names'));

describe('fillFakePeople', () => {
  it('gives every user a name and an email', () => {
    for (const user of fill(1).users) {
      expect(user.name).toMatch(/\S+ \S+/);
      expect(user.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    }
  });

  it('keeps given names and emails, and derives a missing email from a given name', () => {
    const [anna, , bram, four] = fill(1).users;
    expect(anna).toEqual(site.users[0]);
    expect(bram?.name).toBe('Bram Jansen');
    expect(bram?.email).toMatch(/^Bram.*Jansen/);
    expect(four?.email).toBe('four@example.com');
  });

  it('keeps the other fields of a user and does not change the input', () => {
    const before = structuredClone(site);
    expect(fill(1).users[4]?.pin).toBe('123456');
    expect(site).toEqual(before);
  });

  it('gives the same names for the same stream state, and other names for another seed', () => {
    expect(fill(7).users).toEqual(fill(7).users);
    expect(fill(7).users.map((user) => user.name)).not.toEqual(fill(8).users.map((user) => user.name));
  });

  it('takes exactly one draw from the stream, whatever the spec holds', () => {
    const stream = createSeededRandom(3).stream('names');
    fillFakePeople(site, stream);
    const reference = createSeededRandom(3).stream('names');
    reference.nextUint32();
    expect(stream.nextUint32()).toBe(reference.nextUint32());
  });

  it('hands out unique emails, even when faker repeats itself', () => {
    const many = parsed({
      name: 'many',
      iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
      users: Array.from({ length: 2_000 }, (_, i) => ({ id: `u-${i}`, name: 'Sam Smith' })),
    });
    const emails = fill(1, many).users.map((user) => user.email?.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
  });
});
