import { describe, expect, it } from 'vitest';
import { locksPerIqMax, repeatersPerIqMax } from '../defaults.ts';
import { WallMap } from '../radio/walls.ts';
import { campusFloorPlanBuildingsMax } from './campus-floor-plan.ts';
import { generateCampusSpec } from './campus.ts';
import type { Position, SiteSpec } from './spec.ts';
import { formatSpecErrors } from './spec-error.ts';
import { parseSiteSpec } from './validate.ts';

function parsedCampus(options?: Parameters<typeof generateCampusSpec>[0]): SiteSpec {
  const result = parseSiteSpec(generateCampusSpec(options));
  if (!result.ok) throw new Error(formatSpecErrors(result.errors));
  return result.spec;
}

const distanceM = (a: Position, b: Position): number => Math.hypot(a.x - b.x, a.y - b.y);

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('generateCampusSpec', () => {
  const campus = parsedCampus();

  it('has 64 IQs, 1,024 locks and 5,000 users by default, and parses', () => {
    expect(campus.iqs).toHaveLength(64);
    expect(campus.locks).toHaveLength(1_024);
    expect(campus.users).toHaveLength(5_000);
    expect(campus.tags).toHaveLength(5_000);
    expect(campus.phones).toHaveLength(Math.ceil(5_000 / 3));
  });

  it('gives every building a hall, four wings and walls that no IQ–repeater link crosses', () => {
    expect(campus.rooms).toHaveLength(64 * 5);
    expect(campus.walls).toHaveLength(64 * 5);
    const walls = new WallMap(campus.walls ?? []);
    const iqById = new Map(campus.iqs.map((iq) => [iq.id, iq]));
    for (const repeater of campus.repeaters)
      expect(walls.lossDbBetween(iqById.get(repeater.iq)!.position, repeater.position)).toBe(0);
    // A lock's link to its own cluster's centre crosses at most one partition (3 dB of drywall).
    for (const lock of campus.locks) {
      const hubs = [iqById.get(lock.iq)!, ...campus.repeaters.filter((r) => r.iq === lock.iq)];
      const nearest = Math.min(...hubs.map((hub) => distanceM(hub.position, lock.position)));
      const hub = hubs.find((candidate) => distanceM(candidate.position, lock.position) === nearest)!;
      expect(walls.lossDbBetween(hub.position, lock.position)).toBeLessThanOrEqual(3);
    }
  });

  it('leaves the floor plan out of a campus larger than its bounds allow', () => {
    const large = generateCampusSpec({ iqs: campusFloorPlanBuildingsMax + 1, locksPerIq: 1, users: 1 });
    expect('walls' in large).toBe(false);
    expect(parseSiteSpec(large).ok).toBe(true);
    expect(generateCampusSpec({ iqs: 2, users: 1 }).walls).toHaveLength(10);
  });

  it('keeps every IQ within its limits of locks and repeaters', () => {
    const locksPerIq = countBy(campus.locks, (lock) => lock.iq);
    const repeatersPerIq = countBy(campus.repeaters, (repeater) => repeater.iq);
    for (const iq of campus.iqs) {
      expect(locksPerIq.get(iq.id)).toBeLessThanOrEqual(locksPerIqMax);
      expect(repeatersPerIq.get(iq.id) ?? 0).toBeLessThanOrEqual(repeatersPerIqMax);
    }
  });

  it('puts every lock within 7 m of its IQ or one of its repeaters, and buildings 60 m apart', () => {
    const iqById = new Map(campus.iqs.map((iq) => [iq.id, iq]));
    for (const lock of campus.locks) {
      const parents = [iqById.get(lock.iq), ...campus.repeaters.filter((r) => r.iq === lock.iq)];
      const nearestM = Math.min(
        ...parents.map((parent) => (parent ? distanceM(parent.position, lock.position) : Infinity)),
      );
      expect(nearestM).toBeLessThanOrEqual(7);
    }
    for (const repeater of campus.repeaters) {
      const iq = iqById.get(repeater.iq);
      expect(iq && distanceM(iq.position, repeater.position)).toBeLessThanOrEqual(7);
    }
    const [first, second] = campus.iqs;
    expect(first && second && distanceM(first.position, second.position)).toBe(60);
  });

  it('gives each lock the users of its building, and the locks of a building one shared list', () => {
    const input = generateCampusSpec();
    const [lock0, lock1] = input.locks ?? [];
    expect(lock0?.access).toBe(lock1?.access);
    expect(Array.isArray(lock0?.access) && lock0.access.length).toBe(Math.ceil(5_000 / 64));
    expect(lock0?.access).toContain('user-0064');
    const user = campus.users[70];
    const lockOfBuilding6 = campus.locks.find((lock) => lock.iq === 'iq-06');
    expect(user?.id).toBe('user-0070');
    expect(lockOfBuilding6?.access).toContain('user-0070');
  });

  it('mixes lock kinds, mostly BLUEnet, and has a few PIN users with unique PINs', () => {
    const kinds = countBy(campus.locks, (lock) => lock.kind);
    expect([...kinds.keys()].sort()).toEqual([
      'bluenet-cylinder',
      'bluenet-escutcheon',
      'escutcheon',
      'pin',
      'wall-reader',
    ]);
    const bluenet = (kinds.get('bluenet-escutcheon') ?? 0) + (kinds.get('bluenet-cylinder') ?? 0);
    expect(bluenet).toBeGreaterThan(campus.locks.length / 2);
    const pins = campus.users.flatMap((user) => (user.pin === undefined ? [] : [user.pin]));
    expect(pins.length).toBeGreaterThan(0);
    expect(pins.length).toBeLessThan(campus.users.length / 10);
    expect(campus.users.every((user) => user.name === undefined)).toBe(true);
  });

  it('is deterministic, and the seed only moves locks a little', () => {
    expect(generateCampusSpec()).toEqual(generateCampusSpec());
    const other = generateCampusSpec({ seed: 2 });
    expect(other).not.toEqual(generateCampusSpec());
    expect({ ...other, locks: [] }).toEqual({ ...generateCampusSpec(), locks: [] });
  });

  it('takes smaller sizes and refuses sizes outside its limits', () => {
    const small = parsedCampus({ iqs: 3, locksPerIq: 2, users: 10 });
    expect(small.iqs).toHaveLength(3);
    expect(small.locks).toHaveLength(6);
    expect(small.repeaters).toHaveLength(3);
    expect(() => generateCampusSpec({ locksPerIq: locksPerIqMax + 1 })).toThrow(RangeError);
    expect(() => generateCampusSpec({ iqs: 0 })).toThrow(RangeError);
    expect(() => generateCampusSpec({ users: 1.5 })).toThrow(RangeError);
  });
});
