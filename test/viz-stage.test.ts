/**
 * The stage's pure parts (viz/client/stage-geometry.ts, stage-activity.ts) in Node: doors placed in their walls
 * with the approach on the phone's side, rooms found, links through a zone, and a visit animated from the events a
 * page receives (walk up, ripple, let in, through; refused with a shake), with the packet along the mesh.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceSnapshot, FloorPlanState, ServerMessage } from '../viz/client/protocol.ts';
import { activityLimits, StageActivity } from '../viz/client/stage-activity.ts';
import { doorPlace, pointInPolygon, roomAt, segmentMeetsCircle } from '../viz/client/stage-geometry.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

const plan: FloorPlanState = {
  rooms: [
    { id: 'hall', name: 'Hall', polygon: square(-6, -4, 6, 0) },
    { id: 'office', name: 'Office', polygon: square(-6, 0, 6, 5) },
  ],
  walls: [
    {
      id: 'front',
      material: 'glass',
      lossDb: 2,
      points: [
        { x: -6, y: 0 },
        { x: 6, y: 0 },
      ],
    },
    {
      id: 'west',
      material: 'brick',
      lossDb: 8,
      points: [
        { x: -6, y: -4 },
        { x: -6, y: 5 },
      ],
    },
  ],
};

const lock = (id: string, x: number, y: number, parent: string | undefined) => ({
  id,
  bolt: 'locked' as const,
  door: 'closed' as const,
  privacy: false,
  battery: 'fresh',
  online: true,
  accessVersion: 1,
  auditBuffered: 0,
  ...(parent === undefined ? {} : { parent }),
  name: id,
  kind: 'bluenet-escutcheon',
  doorId: `door-${id}`,
  x,
  y,
  iq: 'iq-1',
});

const devices: DeviceSnapshot = {
  locks: [lock('lock-a', 2, 0, 'rep-1'), lock('lock-w', -6, 2, 'iq-1')],
  iqs: [{ id: 'iq-1', x: -3, y: -2, connected: true, powered: true, sync: 'synced' }],
  repeaters: [{ id: 'rep-1', x: 0, y: -2, iq: 'iq-1', powered: true, parent: 'iq-1' }],
  links: [],
  alerts: [],
};

let seq = 1;
function event(kind: string, device: string | null, fields: Record<string, unknown>): ServerMessage {
  return { type: 'event', seq: seq++, virtualMs: 0, kind, device, fields, traceSeq: seq };
}

describe('stage geometry', () => {
  it('finds rooms and puts a door in its wall, approached from the phone side', () => {
    expect(pointInPolygon({ x: 0, y: 1 }, plan.rooms[1]!.polygon)).toBe(true);
    expect(roomAt(plan.rooms, { x: 0, y: -1 })?.id).toBe('hall');
    expect(roomAt(plan.rooms, { x: 9, y: 9 })).toBeUndefined();
    const front = doorPlace({ x: 2, y: 0 }, plan.walls, plan.rooms);
    expect(front.inWall).toBe(true);
    expect(Math.abs(front.along.x)).toBeCloseTo(1);
    expect(front.approach.y).toBeCloseTo(-1);
    // On a north–south wall the phone is held along it: the approach is the side outdoors (west).
    const west = doorPlace({ x: -6, y: 2 }, plan.walls, plan.rooms);
    expect(west.approach.x).toBeCloseTo(-1);
    expect(doorPlace({ x: 20, y: 20 }, plan.walls, plan.rooms).inWall).toBe(false);
  });

  it('tells a link through an interference zone from one beside it', () => {
    expect(segmentMeetsCircle({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 1 }, 2)).toBe(true);
    expect(segmentMeetsCircle({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 3 }, 2)).toBe(false);
  });
});

describe('stage activity', () => {
  it('animates a visit: walk up, ripple, let in, through the door, gone; the packet goes lock → repeater → IQ', () => {
    const stage = new StageActivity();
    stage.setScene(devices, plan, true);
    expect(
      stage.observe(event('input', null, { type: 'present-tag', tag: 'tag-1', lock: 'lock-a' }), 0),
    ).toBe(true);
    const first = stage.frame(0).people[0]!;
    const later = stage.frame(300).people[0]!;
    expect(first.id).toBe('tag-1');
    expect(first.phase).toBe('walking-up');
    // It starts in the hall (the approach side) and moves towards the door.
    expect(first.y).toBeLessThan(0);
    expect(later.y).toBeGreaterThan(first.y);
    // The ripple at the reader once the walk up ends.
    expect(stage.frame(1_000).ripples.map((ripple) => ripple.lockId)).toEqual(['lock-a']);
    stage.observe(event('lock.audit', 'lock-a', { category: 'lock_opened' }), 2_000);
    expect(stage.frame(2_000).people[0]!.phase).toBe('let-in');
    expect(stage.frame(2_000).packets).toHaveLength(1);
    stage.observe(event('door.opened', 'door-lock-a', {}), 2_200);
    const through = stage.frame(3_400).people[0]!;
    expect(through.phase).toBe('going-through');
    // Beyond the door: in the office.
    expect(through.y).toBeGreaterThan(0);
    expect(stage.active(10_000)).toBe(false);
    expect(stage.frame(10_000).people).toEqual([]);
  });

  it('shows a refusal with a shake, never a PIN, and keeps its lists bounded', () => {
    const stage = new StageActivity();
    stage.setScene(devices, plan, true);
    stage.observe(event('input', null, { type: 'enter-pin', pin: '123456', lock: 'lock-w' }), 0);
    stage.observe(event('lock.audit', 'lock-w', { category: 'lock_rejected' }), 2_000);
    const refused = stage.frame(2_100).people[0]!;
    expect(refused.id).toBe('pin-at-lock-w');
    expect(refused.phase).toBe('refused');
    expect(refused.shakeM).not.toBe(0);
    for (let index = 0; index < activityLimits.people + 10; index++)
      stage.observe(
        event('input', null, { type: 'present-tag', tag: `tag-${index}`, lock: 'lock-a' }),
        3_000,
      );
    expect(stage.frame(3_000).people).toHaveLength(activityLimits.people);
    expect(stage.observe(event('input', null, { type: 'present-tag', tag: 't', lock: 'nowhere' }), 0)).toBe(
      false,
    );
  });
});
