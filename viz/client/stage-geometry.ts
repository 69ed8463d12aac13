/**
 * Geometry of the stage (the floor plan the page draws): which room a point is in, where a door sits in its wall
 * and which side a person comes from, whether a radio link passes through an interference zone, and how each wall
 * material is drawn. Pure functions in metres (the site's y pointing up), no DOM, so they are tested in Node.
 */
import type { FloorPlanState } from './protocol.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type RoomShape = FloorPlanState['rooms'][number];
export type WallShape = FloorPlanState['walls'][number];
export type WallMaterial = WallShape['material'];

/** How each material is drawn: colour and thickness in metres (a brick wall is thicker than a partition). */
export const wallStyles: {
  readonly [M in WallMaterial]: { readonly colour: string; readonly widthM: number };
} = {
  drywall: { colour: '#b9c0cb', widthM: 0.12 },
  wood: { colour: '#a07a4f', widthM: 0.14 },
  glass: { colour: '#7fc4e8', widthM: 0.08 },
  brick: { colour: '#a4523a', widthM: 0.3 },
  concrete: { colour: '#6f7680', widthM: 0.28 },
  metal: { colour: '#3c4a5c', widthM: 0.2 },
};

/** A door's wall is the nearest wall piece at most this far from its lock. */
const doorSnapM = 0.8;
/** Where the phone is held: in front of the reader, towards the site's -y (twin/radio/ble-medium.ts). */
const phoneSide: Point = { x: 0, y: -1 };

/** Whether `point` is inside `polygon` (even-odd rule; a point on an edge may fall either way). */
export function pointInPolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as Point;
    const b = polygon[j] as Point;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

/** The first room (in the plan's order) that holds `point`. */
export function roomAt(rooms: readonly RoomShape[], point: Point): RoomShape | undefined {
  return rooms.find((room) => pointInPolygon(point, room.polygon));
}

/** Where a room's name goes and people head for: the mean of its corners when inside it, else undefined. */
export function roomAnchor(room: RoomShape): Point | undefined {
  const n = room.polygon.length;
  if (n === 0) return undefined;
  const centre = {
    x: room.polygon.reduce((sum, point) => sum + point.x, 0) / n,
    y: room.polygon.reduce((sum, point) => sum + point.y, 0) / n,
  };
  return pointInPolygon(centre, room.polygon) ? centre : undefined;
}

/** A door in its wall: where its lock is, the wall's direction, and the unit normal pointing where people come from. */
export interface DoorPlace {
  readonly at: Point;
  /** Unit vector along the wall (the door leaf lies along it when closed). */
  readonly along: Point;
  /** Unit vector out of the wall, towards the side the phone is held on (the approach). */
  readonly approach: Point;
  /** Whether a wall was found near the lock (else the door is drawn as a free-standing leaf). */
  readonly inWall: boolean;
}

function unit(v: Point): Point {
  const length = Math.hypot(v.x, v.y);
  return length === 0 ? { x: 1, y: 0 } : { x: v.x / length, y: v.y / length };
}

/** The point of segment ab nearest to p, and its distance. */
function nearestOnSegment(p: Point, a: Point, b: Point): { point: Point; distanceM: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  const point = { x: a.x + t * dx, y: a.y + t * dy };
  return { point, distanceM: Math.hypot(p.x - point.x, p.y - point.y) };
}

/**
 * The door of a lock at `lock`: in the nearest wall piece within `doorSnapM`, the approach being the wall's side
 * the phone is held on; where the phone is held along the wall (a reader on a north–south wall), the side that
 * is in no room (outdoors), else east. Without a wall near, an east–west door approached from the south.
 */
export function doorPlace(lock: Point, walls: readonly WallShape[], rooms: readonly RoomShape[]): DoorPlace {
  let best: { along: Point; distanceM: number } | undefined;
  for (const wall of walls)
    for (let index = 1; index < wall.points.length; index++) {
      const a = wall.points[index - 1] as Point;
      const b = wall.points[index] as Point;
      const near = nearestOnSegment(lock, a, b);
      if (near.distanceM <= doorSnapM && (best === undefined || near.distanceM < best.distanceM))
        best = { along: unit({ x: b.x - a.x, y: b.y - a.y }), distanceM: near.distanceM };
    }
  if (best === undefined) return { at: lock, along: { x: 1, y: 0 }, approach: phoneSide, inWall: false };
  const normal = { x: -best.along.y, y: best.along.x };
  const facing = normal.x * phoneSide.x + normal.y * phoneSide.y;
  let approach = facing < 0 ? { x: -normal.x, y: -normal.y } : normal;
  if (Math.abs(facing) < 1e-9) {
    const outdoors = (side: Point): boolean =>
      roomAt(rooms, { x: lock.x + side.x, y: lock.y + side.y }) === undefined;
    const east = normal.x >= 0 ? normal : { x: -normal.x, y: -normal.y };
    const west = { x: -east.x, y: -east.y };
    approach = outdoors(west) && !outdoors(east) ? west : east;
  }
  return { at: lock, along: best.along, approach, inWall: true };
}

/** Whether the segment ab passes within `radiusM` of `centre` (a link through an interference zone). */
export function segmentMeetsCircle(a: Point, b: Point, centre: Point, radiusM: number): boolean {
  return nearestOnSegment(centre, a, b).distanceM <= radiusM;
}

/** `a + (b − a)·t`. */
export function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The point `distanceM` from `from` in direction `direction` (a unit vector). */
export function offset(from: Point, direction: Point, distanceM: number): Point {
  return { x: from.x + direction.x * distanceM, y: from.y + direction.y * distanceM };
}
