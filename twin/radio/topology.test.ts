import { describe, expect, it } from 'vitest';
import { smallSite } from '../../test/fixtures/sites.ts';
import { createTwin } from '../twin.ts';
import { TopologyLimitError } from './topology.ts';

function limitOf(build: () => unknown): string | undefined {
  try {
    build();
  } catch (error) {
    if (error instanceof TopologyLimitError) return error.limit;
    throw error;
  }
  return undefined;
}

const locksInRing = (count: number, iq = 'iq-1', centreX = 0) =>
  Array.from({ length: count }, (_, index) => ({
    id: `${iq}-lock-${index}`,
    iq,
    x: centreX + 4 * Math.cos((2 * Math.PI * index) / count),
    y: 4 * Math.sin((2 * Math.PI * index) / count),
  }));

describe('radio topology limits', () => {
  it('accepts 16 locks on one IQ and refuses 17, naming the limit', () => {
    expect(
      limitOf(() => createTwin({ spec: smallSite({ locks: locksInRing(16) }), seed: 1 })),
    ).toBeUndefined();
    const error = limitOf(() => createTwin({ spec: smallSite({ locks: locksInRing(17) }), seed: 1 }));
    expect(error).toBe('locksPerIqMax');
  });

  it('accepts 6 repeaters on one IQ and refuses 7', () => {
    const repeaters = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        id: `rep-${index}`,
        x: 3 * Math.cos(index),
        y: 3 * Math.sin(index),
      }));
    expect(
      limitOf(() =>
        createTwin({ spec: smallSite({ locks: locksInRing(2), repeaters: repeaters(6) }), seed: 1 }),
      ),
    ).toBeUndefined();
    expect(
      limitOf(() =>
        createTwin({ spec: smallSite({ locks: locksInRing(2), repeaters: repeaters(7) }), seed: 1 }),
      ),
    ).toBe('repeatersPerIqMax');
  });

  it('accepts a chain of 3 repeater layers and refuses a 4th layer', () => {
    // 9 m apart in a line: each repeater hears only its neighbours (no shadowing, so geometry decides).
    const settings = { radio: { shadowingSigmaDb: 0 } };
    const chain = (layers: number) =>
      Array.from({ length: layers }, (_, index) => ({ id: `rep-${index + 1}`, x: 9 * (index + 1) }));
    const three = createTwin({
      spec: smallSite({ locks: [{ id: 'far', x: 36 }], repeaters: chain(3), settings }),
      seed: 1,
    });
    expect(three.topology.pathFromIq('far')).toEqual(['iq-1', 'rep-1', 'rep-2', 'rep-3', 'far']);
    let caught: unknown;
    try {
      createTwin({
        spec: smallSite({ locks: [{ id: 'far', x: 45 }], repeaters: chain(4), settings }),
        seed: 1,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TopologyLimitError);
    expect((caught as TopologyLimitError).limit).toBe('repeaterLayersMax');
    expect(String(caught)).toMatch(/rep-4 would be on layer 4/);
  });

  it('attaches a lock to the best parent it hears', () => {
    const twin = createTwin({
      spec: smallSite({
        locks: [
          { id: 'near', x: 4 },
          { id: 'far', x: 17 },
        ],
        repeaters: [{ id: 'rep-1', x: 11 }],
      }),
      seed: 1,
    });
    expect(twin.topology.parentOf.get('near')).toBe('iq-1');
    expect(twin.topology.parentOf.get('far')).toBe('rep-1');
  });
});
