/**
 * The floor plan a snapshot carries (`plan`, see protocol.ts): the site spec's rooms and walls as the page draws
 * them, each wall as its points with its loss resolved. Built once per live twin (the plan never changes).
 */
import { wallLossDb, wallPoints, type SiteSpec } from '../../twin/index.ts';
import type { FloorPlanState } from './protocol.ts';

/** The plan of `spec`, or undefined for a site without rooms or walls (the snapshot then leaves `plan` out). */
export function floorPlanState(spec: SiteSpec): FloorPlanState | undefined {
  const rooms = spec.rooms ?? [];
  const walls = spec.walls ?? [];
  if (rooms.length === 0 && walls.length === 0) return undefined;
  return {
    rooms: rooms.map((room) => ({
      id: room.id,
      ...(room.name === undefined ? {} : { name: room.name }),
      polygon: room.polygon.map(({ x, y }) => ({ x, y })),
    })),
    walls: walls.map((wall) => ({
      id: wall.id,
      material: wall.material,
      lossDb: wallLossDb(wall),
      points: wallPoints(wall).map(({ x, y }) => ({ x, y })),
    })),
  };
}
