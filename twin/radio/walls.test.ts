import { describe, expect, it } from 'vitest';
import { smallSite, type SmallSiteOptions } from '../../test/fixtures/sites.ts';
import { heartbeatIntervalMsDefault, missedHeartbeatsOffline } from '../defaults.ts';
import { createSeededRandom } from '../kernel/rng.ts';
import { wallLossDbDefault, wallMaterials, type WallMaterial } from '../site/floor-plan.ts';
import type { Position, SiteSpec, SiteSpecInput } from '../site/spec.ts';
import { parseSiteSpec } from '../site/validate.ts';
import { createTwin } from '../twin.ts';
import { resolveTap } from './ble-medium.ts';
import { LinkTable } from './link.ts';
import { radioConfigDefault } from './radio-config.ts';
import { WallMap } from './walls.ts';

type WallInput = NonNullable<SiteSpecInput['walls']>[number];

/** Shadowing held at its median: geometry and walls alone decide. */
const medianShadowing = { radio: { shadowingSigmaDb: 0 } };

/** A small site with walls, through the same validation every spec goes through. */
function siteWithWalls(options: SmallSiteOptions, walls: readonly WallInput[]): SiteSpec {
  const parsed = parseSiteSpec({ ...smallSite(options), walls });
  if (!parsed.ok) throw new Error(`site with walls is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.spec;
}

/** A wall across the x axis at `x`, from y = -5 to y = 5 (the IQ is at the origin, locks along the x axis). */
function across(x: number, material: WallMaterial, id = `wall-${x}`): WallInput {
  return { id, material, from: { x, y: -5 }, to: { x, y: 5 } };
}

const oneLock: SmallSiteOptions = { locks: [{ id: 'lock', x: 6 }] };

function linkRssi(spec: SiteSpec, seed = 7): number {
  return createTwin({ spec, seed }).linkRssiDbm('iq-1', 'lock');
}

describe('walls on fixed links', () => {
  const bare = smallSite(oneLock);

  it.each(wallMaterials)(
    'a %s wall between a lock and its IQ lowers the mean RSSI by its loss',
    (material) => {
      const walled = linkRssi(siteWithWalls(oneLock, [across(3, material)]));
      expect(linkRssi(bare) - walled).toBeCloseTo(wallLossDbDefault[material], 9);
    },
  );

  it('two walls crossing the line lower it by the sum of their losses', () => {
    const walled = linkRssi(siteWithWalls(oneLock, [across(2, 'brick'), across(4, 'glass')]));
    expect(linkRssi(bare) - walled).toBeCloseTo(wallLossDbDefault.brick + wallLossDbDefault.glass, 9);
  });

  it('a wall that does not cross the line changes nothing', () => {
    const beside = siteWithWalls(oneLock, [
      // Parallel to the link, 1 m off it.
      { id: 'parallel', material: 'metal', from: { x: 0, y: 1 }, to: { x: 6, y: 1 } },
      // Across the axis, but beyond the lock.
      across(8, 'concrete', 'beyond'),
      // Towards the line, ending short of it.
      { id: 'short', material: 'concrete', from: { x: 3, y: 5 }, to: { x: 3, y: 0.5 } },
    ]);
    expect(linkRssi(beside)).toBe(linkRssi(bare));
  });

  it('a wall crossed by several of its pieces counts once; its own lossDb replaces the material default', () => {
    // A zigzag crossing the axis three times.
    const zigzag: WallInput = {
      id: 'zigzag',
      material: 'concrete',
      points: [
        { x: 1, y: -2 },
        { x: 2, y: 2 },
        { x: 3, y: -2 },
        { x: 4, y: 2 },
      ],
    };
    expect(linkRssi(bare) - linkRssi(siteWithWalls(oneLock, [zigzag]))).toBeCloseTo(
      wallLossDbDefault.concrete,
      9,
    );
    const thick = { ...across(3, 'concrete'), lossDb: 17.5 };
    expect(linkRssi(bare) - linkRssi(siteWithWalls(oneLock, [thick]))).toBeCloseTo(17.5, 9);
  });

  it('a device standing on a wall line is on neither side of it', () => {
    expect(linkRssi(siteWithWalls(oneLock, [across(6, 'metal')]))).toBe(linkRssi(bare));
  });

  it('keeps the link shadowing of the run: the same seed gives the same link with or without walls', () => {
    for (const seed of [1, 2, 3]) {
      const walled = linkRssi(siteWithWalls(oneLock, [across(3, 'drywall')]), seed);
      expect(linkRssi(bare, seed) - walled).toBeCloseTo(wallLossDbDefault.drywall, 9);
    }
  });
});

describe('walls on phone taps', () => {
  /** One lock 3 m from the phone: too weak to take the tap, so it listens through every advertisement. */
  function heardRssi(walls: WallMap): number | undefined {
    const config = {
      ...radioConfigDefault,
      shadowingSigmaDb: 0,
      fadingSigmaDb: 0,
      phone: { ...radioConfigDefault.phone, bodyLossDbMax: 0 },
    };
    const lockPosition: Position = { x: 3, y: 0 };
    const random = createSeededRandom(5);
    const links = new LinkTable(config, random, () => lockPosition, walls);
    const outcome = resolveTap({
      phoneId: 'phone-1',
      phonePosition: { x: 0, y: 0 },
      listeners: [{ id: 'lock', position: lockPosition }],
      config,
      stream: random.stream('tap'),
      links,
    });
    expect(outcome.winner).toBeUndefined();
    return outcome.heard.find((heard) => heard.lock === 'lock')?.rssiDbm;
  }

  it('a wall between the phone and a lock lowers what the lock hears by its loss', () => {
    const open = heardRssi(new WallMap([]));
    const walled = heardRssi(
      new WallMap([{ id: 'w', material: 'concrete', from: { x: 1.5, y: -1 }, to: { x: 1.5, y: 1 } }]),
    );
    expect(open).toBeDefined();
    expect(walled).toBeDefined();
    expect((open as number) - (walled as number)).toBeCloseTo(wallLossDbDefault.concrete, 6);
  });
});

describe('walls and reachability', () => {
  const windowMs = 3 * missedHeartbeatsOffline * heartbeatIntervalMsDefault;
  const seeds = [1, 2, 3];
  /** Two brick walls 1 m and 1.5 m from the IQ, between it and a lock 6 m away. */
  const twoBrickWalls = [across(1, 'brick', 'wall-a'), across(1.5, 'brick', 'wall-b')];
  const lock6m: SmallSiteOptions = { locks: [{ id: 'far', x: 6 }], settings: medianShadowing };
  /** A repeater on the lock's side of the walls. */
  const lock6mWithRepeater: SmallSiteOptions = { ...lock6m, repeaters: [{ id: 'rep-1', x: 2.5 }] };

  function run(spec: SiteSpec, seed: number): { offline: boolean; parent: string | undefined } {
    const twin = createTwin({ spec, seed, trace: { keepLinesMax: 100_000 } });
    const parent = twin.topology.parentOf.get('far');
    twin.runUntil(windowMs);
    const offline = twin.trace.lines().some((line) => line.includes('"kind":"iq.lock-offline"'));
    return { offline, parent };
  }

  it.each(seeds)('a lock 6 m from its IQ hears it directly without walls (seed %i)', (seed) => {
    expect(run(smallSite(lock6m), seed)).toEqual({ offline: false, parent: 'iq-1' });
  });

  it.each(seeds)('behind two brick walls, the same lock goes offline (seed %i)', (seed) => {
    expect(run(siteWithWalls(lock6m, twoBrickWalls), seed)).toEqual({ offline: true, parent: 'iq-1' });
  });

  it.each(seeds)('a repeater on its side of the walls brings it back (seed %i)', (seed) => {
    expect(run(siteWithWalls(lock6mWithRepeater, twoBrickWalls), seed)).toEqual({
      offline: false,
      parent: 'rep-1',
    });
  });

  it('the topology counts walls when it picks a parent', () => {
    // Without walls the lock hears the repeater (4.2 m) better than the IQ (6 m); a metal wall across the line
    // to the repeater (and not across the line to the IQ) makes the IQ the better parent.
    const lock: SmallSiteOptions = {
      locks: [{ id: 'far', x: 6 }],
      repeaters: [{ id: 'rep-1', x: 3, y: 3 }],
      settings: medianShadowing,
    };
    const plain = createTwin({ spec: smallSite(lock), seed: 1 });
    expect(plain.topology.parentOf.get('far')).toBe('rep-1');
    const blocked = siteWithWalls(lock, [
      { id: 'shaft', material: 'metal', from: { x: 4, y: 1.5 }, to: { x: 5, y: 1.5 } },
    ]);
    expect(createTwin({ spec: blocked, seed: 1 }).topology.parentOf.get('far')).toBe('iq-1');
  });
});
