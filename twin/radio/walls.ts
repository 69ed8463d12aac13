/**
 * Walls between devices: the loss of every wall that the straight line between two points crosses, each wall
 * counted once however many of its pieces the line crosses. Fixed links ask once when they are made (links are
 * fixed, so the answer is kept with the link); a phone tap asks for each lock in its range.
 *
 * Crossing means a proper crossing: a device standing exactly on a wall's line (a reader mounted in the wall
 * beside its door) is on neither side of it, so that wall costs it nothing; a line running along a wall does not
 * cross it either. The test uses only products and comparisons of the input coordinates, so it gives the same
 * answer on every machine.
 */
import { floorPlanBounds, wallLossDb, wallPoints, type WallSpec } from '../site/floor-plan.ts';
import type { Position } from '../site/spec.ts';

export class WallMap {
  /** Straight pieces, 4 numbers each: ax, ay, bx, by. */
  private readonly coordinates: Float64Array;
  /** The wall (index into `lossDbOf`) of each piece; pieces of one wall are consecutive. */
  private readonly wallOf: Uint32Array;
  private readonly lossDbOf: Float64Array;
  readonly segmentCount: number;

  constructor(walls: readonly WallSpec[]) {
    const pieces: number[] = [];
    const owners: number[] = [];
    walls.forEach((wall, wallIndex) => {
      const points = wallPoints(wall);
      for (let index = 1; index < points.length; index++) {
        const a = points[index - 1] as Position;
        const b = points[index] as Position;
        pieces.push(a.x, a.y, b.x, b.y);
        owners.push(wallIndex);
      }
    });
    if (owners.length > floorPlanBounds.wallSegmentsMax)
      throw new RangeError(
        `${owners.length} wall pieces; a site has at most ${floorPlanBounds.wallSegmentsMax}`,
      );
    this.coordinates = Float64Array.from(pieces);
    this.wallOf = Uint32Array.from(owners);
    this.lossDbOf = Float64Array.from(walls.map(wallLossDb));
    this.segmentCount = owners.length;
  }

  /** Sum of the losses of the walls crossed by the line from `a` to `b`, in dB (0 when none is). */
  lossDbBetween(a: Position, b: Position): number {
    let lossDb = 0;
    let lastWall = -1;
    const coordinates = this.coordinates;
    const minX = Math.min(a.x, b.x);
    const maxX = Math.max(a.x, b.x);
    const minY = Math.min(a.y, b.y);
    const maxY = Math.max(a.y, b.y);
    for (let piece = 0; piece < this.segmentCount; piece++) {
      const wall = this.wallOf[piece] as number;
      // Pieces of one wall are consecutive: once the wall is counted, skip the rest of its pieces.
      if (wall === lastWall) continue;
      const offset = 4 * piece;
      const cx = coordinates[offset] as number;
      const cy = coordinates[offset + 1] as number;
      const dx = coordinates[offset + 2] as number;
      const dy = coordinates[offset + 3] as number;
      // Bounding boxes first: most walls are nowhere near the line.
      if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX) continue;
      if (Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
      if (!crossesProperly(a, b, { x: cx, y: cy }, { x: dx, y: dy })) continue;
      lossDb += this.lossDbOf[wall] as number;
      lastWall = wall;
    }
    return lossDb;
  }
}

/** No walls: the map every site without a floor plan uses. */
export const noWalls = new WallMap([]);

/** The sign of the turn a → b → c: 1 left, -1 right, 0 on the line. */
function turn(a: Position, b: Position, c: Position): number {
  return Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

/** Whether segment ab and segment cd cross at a point inside both (touching or running along does not count). */
export function crossesProperly(a: Position, b: Position, c: Position, d: Position): boolean {
  const abc = turn(a, b, c);
  const abd = turn(a, b, d);
  const cda = turn(c, d, a);
  const cdb = turn(c, d, b);
  return abc * abd < 0 && cda * cdb < 0;
}
