import { describe, expect, it } from 'vitest';
import { floorPlanBounds, wallLossDb, wallLossDbDefault, wallMaterials } from './floor-plan.ts';
import { positionAbsMaxM } from './physical-bounds.ts';
import type { SiteSpecInput } from './spec.ts';
import type { SpecError } from './spec-error.ts';
import { parseSiteSpec } from './validate.ts';

function site(extra: Partial<SiteSpecInput>): SiteSpecInput {
  return {
    name: 'plan-site',
    iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
    ...extra,
  };
}

function errorsOf(input: unknown): readonly SpecError[] {
  const result = parseSiteSpec(input);
  if (result.ok) throw new Error('expected the spec to be refused');
  return result.errors;
}

const square = [
  { x: 0, y: 0 },
  { x: 4, y: 0 },
  { x: 4, y: 4 },
  { x: 0, y: 4 },
];

describe('site spec: rooms and walls', () => {
  it('leaves both out of a spec that does not have them', () => {
    const result = parseSiteSpec(site({}));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('rooms' in result.spec).toBe(false);
    expect('walls' in result.spec).toBe(false);
  });

  it('accepts rooms, straight walls and polylines, and keeps them as written', () => {
    const result = parseSiteSpec(
      site({
        rooms: [{ id: 'lobby', name: 'Lobby', polygon: square }],
        walls: [
          { id: 'w1', material: 'brick', from: { x: 0, y: 0 }, to: { x: 4, y: 0 } },
          { id: 'w2', material: 'glass', lossDb: 6, points: square },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.rooms?.[0]?.polygon).toEqual(square);
    expect(result.spec.walls?.map(wallLossDb)).toEqual([wallLossDbDefault.brick, 6]);
  });

  it('has a default loss for every material, each within the bound a wall may set', () => {
    for (const material of wallMaterials) {
      expect(wallLossDbDefault[material]).toBeGreaterThan(0);
      expect(wallLossDbDefault[material]).toBeLessThanOrEqual(floorPlanBounds.lossDbMax);
    }
  });

  it.each([
    [{ id: 'w', material: 'marble', from: { x: 0, y: 0 }, to: { x: 1, y: 0 } }, 'walls[0].material'],
    [{ id: 'w', material: 'brick', from: { x: 0, y: 0 } }, 'walls[0].to'],
    [{ id: 'w', material: 'brick', to: { x: 0, y: 0 } }, 'walls[0].from'],
    [{ id: 'w', material: 'brick' }, 'walls[0]'],
    [{ id: 'w', material: 'brick', from: { x: 0, y: 0 }, to: { x: 1, y: 0 }, points: square }, 'walls[0]'],
    [{ id: 'w', material: 'brick', points: [{ x: 0, y: 0 }] }, 'walls[0].points'],
    [{ id: 'w', material: 'brick', lossDb: -1, from: { x: 0, y: 0 }, to: { x: 1, y: 0 } }, 'walls[0].lossDb'],
    [
      {
        id: 'w',
        material: 'brick',
        lossDb: floorPlanBounds.lossDbMax + 1,
        from: { x: 0, y: 0 },
        to: { x: 1, y: 0 },
      },
      'walls[0].lossDb',
    ],
    [
      { id: 'w', material: 'brick', from: { x: 0, y: 0 }, to: { x: positionAbsMaxM + 1, y: 0 } },
      'walls[0].to.x',
    ],
    [
      { id: 'w', material: 'brick', from: { x: 0, y: 0 }, to: { x: 1, y: 0 }, colour: 'red' },
      'walls[0].colour',
    ],
  ])('refuses a bad wall (%j) at %s', (wall, path) => {
    expect(errorsOf(site({ walls: [wall as never] })).map((error) => error.path)).toContain(path);
  });

  it('refuses bad rooms: too few corners, a corner out of bounds, a name too long', () => {
    expect(errorsOf(site({ rooms: [{ id: 'r', polygon: square.slice(0, 2) }] }))[0]?.path).toBe(
      'rooms[0].polygon',
    );
    const far = [...square.slice(0, 3), { x: 0, y: -positionAbsMaxM - 1 }];
    expect(errorsOf(site({ rooms: [{ id: 'r', polygon: far }] }))[0]?.path).toBe('rooms[0].polygon[3].y');
    expect(errorsOf(site({ rooms: [{ id: 'r', name: 'x'.repeat(201), polygon: square }] }))[0]?.path).toBe(
      'rooms[0].name',
    );
  });

  it('refuses a room or wall id used twice', () => {
    const wall = { id: 'w', material: 'brick' as const, from: { x: 0, y: 0 }, to: { x: 1, y: 0 } };
    expect(errorsOf(site({ walls: [wall, wall] }))).toEqual([
      { path: 'walls[1].id', message: 'wall id "w" is used twice' },
    ]);
    const room = { id: 'r', polygon: square };
    expect(errorsOf(site({ rooms: [room, room] }))[0]?.path).toBe('rooms[1].id');
  });

  it('bounds the number of walls and of their straight pieces', () => {
    const long = Array.from({ length: floorPlanBounds.wallPointsMax }, (_, index) => ({
      x: index,
      y: index % 2,
    }));
    const count = Math.ceil(floorPlanBounds.wallSegmentsMax / (floorPlanBounds.wallPointsMax - 1)) + 1;
    const walls = Array.from({ length: count }, (_, index) => ({
      id: `w${index}`,
      material: 'drywall' as const,
      points: long,
    }));
    const errors = errorsOf(site({ walls }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('walls');
    expect(errors[0]?.message).toMatch(/at most 8192/);
    const many = Array.from({ length: floorPlanBounds.walls + 1 }, (_, index) => ({
      id: `w${index}`,
      material: 'drywall' as const,
      from: { x: 0, y: 0 },
      to: { x: 1, y: 0 },
    }));
    expect(errorsOf(site({ walls: many }))[0]?.path).toBe('walls');
  });
});
