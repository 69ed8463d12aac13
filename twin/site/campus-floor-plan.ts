/**
 * The floor plan of one campus building (campus.ts), centred on its IQ: brick outer walls, a cross-shaped hall
 * along the four repeaters' axes, and an office wing in each corner behind a drywall partition.
 *
 *          +-----+-----+-----+
 *          | NW  |  N  | NE  |     hall: the cross |x| ≤ 4 m or |y| ≤ 4 m (the IQ at its centre, the repeaters
 *          +-----+     +-----+           7 m down its arms, so every IQ–repeater link runs along the hall)
 *          |        IQ       |     wings: the four corners beyond 4 m on both axes, 9 m square
 *          +-----+     +-----+
 *          | SW  |  S  | SE  |     a repeater's side locks stand on the partition (±0.5 m), so their link crosses
 *          +-----+-----+-----+     it at most once (3 dB on a ≤ 5 m link, which has ~14 dB to spare)
 *
 * Rounded to centimetres like the devices, so the spec prints the same in every process.
 */
import { floorPlanBounds } from './floor-plan.ts';
import type { Position, SiteSpecInput } from './spec.ts';

type RoomInput = NonNullable<SiteSpecInput['rooms']>[number];
type WallInput = NonNullable<SiteSpecInput['walls']>[number];

/** Centre to the outer walls: past the farthest lock (repeater 7 m + lock 4 m + jitter 0.5 m) with a margin. */
const campusBuildingHalfM = 13;
/** Centre to the hall's walls: the hall is 8 m wide; a repeater's side locks (4 m off its axis) stand on them. */
const campusHallHalfM = 4;

/** The corners, as signs of x and y, with the wing's name. */
const wings = [
  { suffix: 'ne', name: 'north-east', sx: 1, sy: 1 },
  { suffix: 'nw', name: 'north-west', sx: -1, sy: 1 },
  { suffix: 'sw', name: 'south-west', sx: -1, sy: -1 },
  { suffix: 'se', name: 'south-east', sx: 1, sy: -1 },
] as const;

/** Rooms, walls and straight wall pieces one building adds. */
const roomsPerBuilding = 1 + wings.length;
const wallsPerBuilding = 1 + wings.length;
const wallPiecesPerBuilding = 4 + 2 * wings.length;

/**
 * Buildings that get a floor plan: as many as the floor plan's bounds allow (682). A larger campus (up to 1,024
 * buildings, for load runs) has no rooms or walls at all rather than a plan on some buildings only.
 */
export const campusFloorPlanBuildingsMax = Math.min(
  Math.floor(floorPlanBounds.rooms / roomsPerBuilding),
  Math.floor(floorPlanBounds.walls / wallsPerBuilding),
  Math.floor(floorPlanBounds.wallSegmentsMax / wallPiecesPerBuilding),
);

/** Rooms and walls of building `tag` around `centre`. */
export function buildingFloorPlan(tag: string, centre: Position): { rooms: RoomInput[]; walls: WallInput[] } {
  const at = (dx: number, dy: number): Position => ({
    x: Math.round((centre.x + dx) * 100) / 100 + 0,
    y: Math.round((centre.y + dy) * 100) / 100 + 0,
  });
  const outer = campusBuildingHalfM;
  const hall = campusHallHalfM;
  // The hall: a plus sign, corner by corner, anticlockwise from the east arm's lower corner.
  const hallCorners: [number, number][] = [
    [outer, -hall],
    [outer, hall],
    [hall, hall],
    [hall, outer],
    [-hall, outer],
    [-hall, hall],
    [-outer, hall],
    [-outer, -hall],
    [-hall, -hall],
    [-hall, -outer],
    [hall, -outer],
    [hall, -hall],
  ];
  const rooms: RoomInput[] = [
    { id: `hall-${tag}`, name: `Building ${tag}, hall`, polygon: hallCorners.map(([x, y]) => at(x, y)) },
    ...wings.map((wing) => ({
      id: `wing-${tag}-${wing.suffix}`,
      name: `Building ${tag}, ${wing.name} wing`,
      polygon: [
        at(wing.sx * hall, wing.sy * hall),
        at(wing.sx * outer, wing.sy * hall),
        at(wing.sx * outer, wing.sy * outer),
        at(wing.sx * hall, wing.sy * outer),
      ],
    })),
  ];
  const walls: WallInput[] = [
    {
      id: `outer-${tag}`,
      material: 'brick',
      points: [at(outer, outer), at(-outer, outer), at(-outer, -outer), at(outer, -outer), at(outer, outer)],
    },
    ...wings.map((wing): WallInput => ({
      id: `partition-${tag}-${wing.suffix}`,
      material: 'drywall',
      points: [
        at(wing.sx * outer, wing.sy * hall),
        at(wing.sx * hall, wing.sy * hall),
        at(wing.sx * hall, wing.sy * outer),
      ],
    })),
  ];
  return { rooms, walls };
}
