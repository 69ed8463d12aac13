/**
 * The floor plan a site spec may carry: rooms (named polygons, for people and the page to read) and walls
 * (segments or polylines of a material that costs the radio signal crossing them). Rooms carry no radio meaning;
 * walls do: the radio subtracts the loss of every wall the straight line between two devices crosses
 * (twin/radio/walls.ts).
 *
 * The default losses are typical single-wall figures at 2.4 GHz, within the ranges of published measurements and
 * WLAN planning tables (for example R. Wilson, "Propagation Losses Through Common Building Materials 2.4 GHz vs
 * 5 GHz", Magis Networks, 2002, and the attenuation tables of WLAN site-survey guides). Real walls vary with
 * thickness, moisture and reinforcement, so a wall may set its own `lossDb`.
 */
import { z } from 'zod';
import { coordinateMSchema, textCharsMax } from './physical-bounds.ts';

/** The loss in dB of one wall of each material, crossed once, at 2.4 GHz. */
export const wallLossDbDefault = {
  /** Plasterboard on studs, an office partition. */
  drywall: 3,
  /** A wooden partition or a solid wooden door. */
  wood: 4,
  /** Clear window or glass partition (coated or wired glass is worse: set `lossDb`). */
  glass: 2,
  /** A brick or block wall, one brick thick. */
  brick: 8,
  /** A poured concrete wall or floor slab, ~15–20 cm. */
  concrete: 12,
  /** A metal door, a lift shaft, a fire shutter. */
  metal: 20,
} as const satisfies Record<string, number>;

export type WallMaterial = keyof typeof wallLossDbDefault;
export const wallMaterials = Object.keys(wallLossDbDefault) as [WallMaterial, ...WallMaterial[]];

/** Limits on a floor plan, so that no spec can make the radio's wall test slow or the spec huge. */
export const floorPlanBounds = {
  rooms: 4_096,
  /** Corners of one room's polygon. */
  roomPointsMax: 64,
  walls: 4_096,
  /** Points of one wall's polyline (a straight wall has 2). */
  wallPointsMax: 64,
  /**
   * Straight pieces over all walls of a site. Each fixed link tests every piece once, when the site is built
   * (the campus site has ~8,000 candidate links), and a phone tap tests them for each lock in its range.
   */
  wallSegmentsMax: 8_192,
  /** A wall's own loss, in dB: no single wall stops more than this. */
  lossDbMax: 60,
} as const;

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'an id is 1–64 letters, digits, or _ . : -');

/** A point of the floor plan, metres from the site's origin (the bounds of a device's position). */
export const floorPointSchema = z.strictObject({ x: coordinateMSchema, y: coordinateMSchema });
export type FloorPoint = z.infer<typeof floorPointSchema>;

export const roomSpecSchema = z.strictObject({
  id,
  name: z.string().max(textCharsMax.name).optional(),
  /** Corners in order (either way round); the last joins the first. */
  polygon: z
    .array(floorPointSchema)
    .min(3, 'a room needs at least 3 corners')
    .max(floorPlanBounds.roomPointsMax),
});

/**
 * A wall: either one straight piece (`from`, `to`) or a polyline (`points`), of one material. Its loss counts
 * once for a line that crosses it, however many of its pieces that line crosses.
 */
export const wallSpecSchema = z
  .strictObject({
    id,
    material: z.enum(wallMaterials),
    /** This wall's loss instead of its material's default. */
    lossDb: z.number().min(0).max(floorPlanBounds.lossDbMax).optional(),
    from: floorPointSchema.optional(),
    to: floorPointSchema.optional(),
    points: z
      .array(floorPointSchema)
      .min(2, 'a wall needs at least 2 points')
      .max(floorPlanBounds.wallPointsMax)
      .optional(),
  })
  .superRefine((wall, context) => {
    const straight = wall.from !== undefined || wall.to !== undefined;
    if (straight && wall.points !== undefined) {
      context.addIssue({ code: 'custom', message: 'a wall has either from/to or points, not both' });
    } else if (straight && wall.from === undefined) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'a straight wall needs both from and to' });
    } else if (straight && wall.to === undefined) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'a straight wall needs both from and to' });
    } else if (!straight && wall.points === undefined) {
      context.addIssue({ code: 'custom', message: 'a wall needs from/to or points' });
    }
  });

export type RoomSpec = z.infer<typeof roomSpecSchema>;
export type WallSpec = z.infer<typeof wallSpecSchema>;

/** The points of a wall, in order: [from, to] for a straight one. */
export function wallPoints(wall: WallSpec): readonly FloorPoint[] {
  if (wall.points !== undefined) return wall.points;
  if (wall.from === undefined || wall.to === undefined) throw new Error(`wall ${wall.id} has no points`);
  return [wall.from, wall.to];
}

/** The loss of one wall: its own `lossDb`, or its material's default. */
export function wallLossDb(wall: WallSpec): number {
  return wall.lossDb ?? wallLossDbDefault[wall.material];
}

/** Ids are unique within rooms and within walls (they name nothing else, so the site's other ids may repeat). */
function uniqueIds(kind: string) {
  return (items: readonly { readonly id: string }[], context: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id))
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `${kind} id "${item.id}" is used twice`,
        });
      seen.add(item.id);
    });
  };
}

export const roomsSchema = z.array(roomSpecSchema).max(floorPlanBounds.rooms).superRefine(uniqueIds('room'));

export const wallsSchema = z
  .array(wallSpecSchema)
  .max(floorPlanBounds.walls)
  .superRefine(uniqueIds('wall'))
  .superRefine((walls, context) => {
    let segments = 0;
    for (const wall of walls) segments += (wall.points?.length ?? 2) - 1;
    if (segments > floorPlanBounds.wallSegmentsMax)
      context.addIssue({
        code: 'custom',
        message: `the walls have ${segments} straight pieces; a site has at most ${floorPlanBounds.wallSegmentsMax}`,
      });
  });
