/**
 * What the stage animates, from what the page already receives: a person walking up to a door when a tag, phone
 * or PIN is used on it (the `input` event), the tap's ripple at the reader, the lock's answer (`lock.audit`: let
 * in, or refused with a red cross and a shake), the person going through once the door opens (`door.opened`) to
 * the room beyond, and the audit record travelling as a packet along the mesh (lock → repeaters → IQ) as the
 * radio hops carry it.
 *
 * Animation runs on the page's wall clock (`wallMs`, performance.now) and only for drawing: it never feeds back
 * into anything the twin decides. Every list is bounded; the oldest animation gives way to a new one.
 */
import type { DeviceSnapshot, FloorPlanState, ServerMessage } from './protocol.ts';
import { doorPlace, lerp, offset, roomAnchor, roomAt, type DoorPlace, type Point } from './stage-geometry.ts';

export const activityLimits = { people: 64, ripples: 64, packets: 128 } as const;

/** Wall-clock timings of the animation, in ms (a visit is quick to watch at any speed). */
const timing = {
  walkUpMsMin: 500,
  walkUpMsMax: 1_400,
  /** Apparent walking speed on screen, metres per wall second (brisk, so 5× stays readable). */
  walkMPerS: 6,
  rippleMs: 900,
  /** Waiting at the door for the lock's answer; past it the person leaves. */
  answerWaitMs: 5_000,
  /** Let in, waiting for the door to open (a person pushes it within seconds). */
  doorWaitMs: 2_500,
  throughMs: 1_400,
  refusedMs: 1_300,
  walkBackMs: 800,
  fadeMs: 450,
  hopMs: 400,
} as const;

/** How far from the wall a person stands to tap, starts without a room to come from, and ends without one. */
const standM = 0.8;
const startM = 2.5;
const beyondM = 3;
/** A room's anchor farther than this from the door is not used (a long hall): the person starts closer. */
const anchorReachM = 8;

export interface PersonSprite {
  readonly id: string;
  readonly lockId: string;
  readonly x: number;
  readonly y: number;
  readonly phase: Visit['phase'];
  /** 0–1, fading out at the end. */
  readonly opacity: number;
  /** A sideways shake in metres while refused. */
  readonly shakeM: number;
}

export interface RippleSprite {
  readonly lockId: string;
  readonly x: number;
  readonly y: number;
  /** 0 at the tap, 1 when the ripple is gone. */
  readonly progress: number;
}

export interface PacketSprite {
  readonly x: number;
  readonly y: number;
}

export interface StageFrame {
  readonly people: readonly PersonSprite[];
  readonly ripples: readonly RippleSprite[];
  readonly packets: readonly PacketSprite[];
}

/** The places of one door: where a visitor starts, stands to tap, the door itself, and where they go. */
interface DoorStage {
  /** The door in its wall (stage-geometry.ts). */
  readonly wall: DoorPlace;
  readonly start: Point;
  readonly stand: Point;
  readonly door: Point;
  readonly beyond: Point;
}

interface Visit {
  readonly id: string;
  readonly lockId: string;
  readonly place: DoorStage;
  phase: 'walking-up' | 'waiting' | 'let-in' | 'going-through' | 'refused' | 'walking-back' | 'gone';
  /** Wall time the current phase began. */
  phaseAtMs: number;
  readonly walkUpMs: number;
}

interface Packet {
  readonly path: readonly Point[];
  readonly startMs: number;
}

/** Credential inputs: a person stands at the reader. */
const credentialInputs = new Set(['present-tag', 'tap-phone', 'enter-pin']);

export class StageActivity {
  private places = new Map<string, DoorStage>();
  private lockOfDoor = new Map<string, string>();
  private layoutDevices: DeviceSnapshot | undefined;
  private devices: DeviceSnapshot | undefined;
  private parents: Map<string, { readonly point: Point; readonly parent: string | undefined }> | undefined;
  private visits: Visit[] = [];
  private ripples: { lockId: string; at: Point; startMs: number }[] = [];
  private packets: Packet[] = [];

  /** The devices and plan on screen (their places are worked out once per layout). */
  setScene(devices: DeviceSnapshot, plan: FloorPlanState | undefined, layoutChanged: boolean): void {
    this.devices = devices;
    this.parents = undefined;
    if (!layoutChanged && this.layoutDevices !== undefined) return;
    this.layoutDevices = devices;
    const rooms = plan?.rooms ?? [];
    const walls = plan?.walls ?? [];
    this.places = new Map(
      devices.locks.map((lock) => [lock.id, doorStage({ x: lock.x, y: lock.y }, walls, rooms)] as const),
    );
    this.lockOfDoor = new Map(devices.locks.map((lock) => [lock.doorId, lock.id] as const));
    this.visits = [];
    this.ripples = [];
    this.packets = [];
  }

  /** Where the door of `lockId` sits in its wall (for drawing the door), once the scene is set. */
  placeOf(lockId: string): DoorPlace | undefined {
    return this.places.get(lockId)?.wall;
  }

  /** Takes what a message tells; true when something new is to be animated. */
  observe(message: ServerMessage, wallMs: number): boolean {
    if (message.type !== 'event') return false;
    const fields = message.fields;
    switch (message.kind) {
      case 'input':
        return typeof fields.type === 'string' && credentialInputs.has(fields.type)
          ? this.arrive(fields, wallMs)
          : false;
      case 'lock.audit':
        return message.device === null ? false : this.answer(message.device, fields, wallMs);
      case 'door.opened': {
        const lockId = message.device === null ? undefined : this.lockOfDoor.get(message.device);
        const visit = lockId === undefined ? undefined : this.visitAt(lockId, ['let-in']);
        if (visit === undefined) return false;
        this.enter(visit, 'going-through', wallMs);
        return true;
      }
      default:
        return false;
    }
  }

  /** Whether anything is still moving at `wallMs`. */
  active(wallMs: number): boolean {
    this.prune(wallMs);
    return this.visits.length > 0 || this.ripples.length > 0 || this.packets.length > 0;
  }

  /** What to draw at `wallMs`. */
  frame(wallMs: number): StageFrame {
    this.prune(wallMs);
    return {
      people: this.visits.map((visit) => personAt(visit, wallMs)),
      ripples: this.ripples
        .filter((ripple) => wallMs >= ripple.startMs)
        .map((ripple) => ({
          lockId: ripple.lockId,
          x: ripple.at.x,
          y: ripple.at.y,
          progress: Math.min(1, (wallMs - ripple.startMs) / timing.rippleMs),
        })),
      packets: this.packets.map((packet) => packetAt(packet, wallMs)),
    };
  }

  private arrive(fields: Record<string, unknown>, wallMs: number): boolean {
    const lockId = typeof fields.lock === 'string' ? fields.lock : undefined;
    const place = lockId === undefined ? undefined : this.places.get(lockId);
    if (lockId === undefined || place === undefined) return false;
    const credential =
      typeof fields.tag === 'string'
        ? fields.tag
        : typeof fields.phone === 'string'
          ? fields.phone
          : undefined;
    // A PIN is not shown, not even in an id: the person at a keypad is named after the lock.
    const id = credential ?? `pin-at-${lockId}`;
    // One person cannot be at two doors: a credential used again replaces its earlier visit.
    this.visits = this.visits.filter((visit) => visit.id !== id).slice(-(activityLimits.people - 1));
    const distanceM = Math.hypot(place.start.x - place.stand.x, place.start.y - place.stand.y);
    const walkUpMs = clamp((distanceM / timing.walkMPerS) * 1000, timing.walkUpMsMin, timing.walkUpMsMax);
    this.visits.push({ id, lockId, place, phase: 'walking-up', phaseAtMs: wallMs, walkUpMs });
    this.ripples = [...this.ripples, { lockId, at: place.door, startMs: wallMs + walkUpMs }].slice(
      -activityLimits.ripples,
    );
    return true;
  }

  private answer(lockId: string, fields: Record<string, unknown>, wallMs: number): boolean {
    this.sendPacket(lockId, wallMs);
    const category = typeof fields.category === 'string' ? fields.category : '';
    const visit = this.visitAt(lockId, ['walking-up', 'waiting']);
    if (visit === undefined) return true;
    if (/rejected|denied|refused/.test(category)) this.enter(visit, 'refused', wallMs);
    else if (/opened|office_mode/.test(category)) this.enter(visit, 'let-in', wallMs);
    return true;
  }

  /** The audit record's way up: lock → its parent → … → the IQ, one hop after the other. */
  private sendPacket(lockId: string, wallMs: number): void {
    const parents = this.parentMap();
    const path: Point[] = [];
    const seen = new Set<string>();
    for (let id: string | undefined = lockId; id !== undefined && !seen.has(id);) {
      seen.add(id);
      const node = parents.get(id);
      if (node === undefined) break;
      path.push(node.point);
      id = node.parent;
    }
    if (path.length < 2) return;
    this.packets = [...this.packets, { path, startMs: wallMs }].slice(-activityLimits.packets);
  }

  private parentMap(): Map<string, { readonly point: Point; readonly parent: string | undefined }> {
    if (this.parents !== undefined) return this.parents;
    const devices = this.devices;
    const parents = new Map<string, { readonly point: Point; readonly parent: string | undefined }>();
    if (devices !== undefined) {
      for (const iq of devices.iqs) parents.set(iq.id, { point: iq, parent: undefined });
      for (const repeater of devices.repeaters)
        parents.set(repeater.id, { point: repeater, parent: repeater.parent });
      for (const lock of devices.locks) parents.set(lock.id, { point: lock, parent: lock.parent });
    }
    this.parents = parents;
    return parents;
  }

  /** The earliest visit at `lockId` in one of `phases` (a door serves its visitors in turn). */
  private visitAt(lockId: string, phases: readonly Visit['phase'][]): Visit | undefined {
    return this.visits.find((visit) => visit.lockId === lockId && phases.includes(visit.phase));
  }

  private enter(visit: Visit, phase: Visit['phase'], wallMs: number): void {
    // A visit told its answer while still walking up finishes the walk first.
    const walkedUpAtMs = visit.phase === 'walking-up' ? visit.phaseAtMs + visit.walkUpMs : wallMs;
    visit.phase = phase;
    // A phase told before its predecessor began on screen (still walking up) starts when that one does.
    visit.phaseAtMs = Math.max(wallMs, walkedUpAtMs, visit.phaseAtMs);
  }

  /** Moves visits on by time and drops what has finished. */
  private prune(wallMs: number): void {
    for (const visit of this.visits) advance(visit, wallMs);
    this.visits = this.visits.filter((visit) => visit.phase !== 'gone');
    this.ripples = this.ripples.filter((ripple) => wallMs < ripple.startMs + timing.rippleMs);
    this.packets = this.packets.filter(
      (packet) => wallMs < packet.startMs + (packet.path.length - 1) * timing.hopMs,
    );
  }
}

/** Phase changes that time alone makes. */
function advance(visit: Visit, wallMs: number): void {
  for (;;) {
    const since = wallMs - visit.phaseAtMs;
    const next = ((): { phase: Visit['phase']; afterMs: number } | undefined => {
      switch (visit.phase) {
        case 'walking-up':
          return { phase: 'waiting', afterMs: visit.walkUpMs };
        case 'waiting':
          return { phase: 'walking-back', afterMs: timing.answerWaitMs };
        case 'let-in':
          return { phase: 'going-through', afterMs: timing.doorWaitMs };
        case 'going-through':
          return { phase: 'gone', afterMs: timing.throughMs + timing.fadeMs };
        case 'refused':
          return { phase: 'walking-back', afterMs: timing.refusedMs };
        case 'walking-back':
          return { phase: 'gone', afterMs: timing.walkBackMs + timing.fadeMs };
        case 'gone':
          return undefined;
      }
    })();
    if (next === undefined || since < next.afterMs) return;
    visit.phase = next.phase;
    visit.phaseAtMs += next.afterMs;
  }
}

function personAt(visit: Visit, wallMs: number): PersonSprite {
  const since = Math.max(0, wallMs - visit.phaseAtMs);
  const { start, stand, door, beyond } = visit.place;
  if (wallMs < visit.phaseAtMs) {
    // Answered before the walk up ended (see `enter`): still walking up.
    const point = lerp(start, stand, ease(1 - (visit.phaseAtMs - wallMs) / visit.walkUpMs));
    return { id: visit.id, lockId: visit.lockId, ...point, phase: 'walking-up', opacity: 1, shakeM: 0 };
  }
  let point = stand;
  let opacity = 1;
  let shakeM = 0;
  switch (visit.phase) {
    case 'walking-up':
      point = lerp(start, stand, ease(since / visit.walkUpMs));
      break;
    case 'going-through': {
      const t = Math.min(1, since / timing.throughMs);
      point = t < 0.3 ? lerp(stand, door, t / 0.3) : lerp(door, beyond, (t - 0.3) / 0.7);
      opacity = fadeAfter(since, timing.throughMs);
      break;
    }
    case 'refused':
      shakeM = since < 600 ? 0.18 * Math.sin(since / 35) * (1 - since / 600) : 0;
      break;
    case 'walking-back':
      point = lerp(stand, start, ease(since / timing.walkBackMs));
      opacity = fadeAfter(since, timing.walkBackMs);
      break;
    default:
      break;
  }
  return { id: visit.id, lockId: visit.lockId, x: point.x, y: point.y, phase: visit.phase, opacity, shakeM };
}

function packetAt(packet: Packet, wallMs: number): PacketSprite {
  const hops = packet.path.length - 1;
  const progress = clamp((wallMs - packet.startMs) / timing.hopMs, 0, hops - 1e-9);
  const hop = Math.floor(progress);
  return lerp(packet.path[hop] as Point, packet.path[hop + 1] as Point, progress - hop);
}

function doorStage(lock: Point, walls: FloorPlanState['walls'], rooms: FloorPlanState['rooms']): DoorStage {
  const place = doorPlace(lock, walls, rooms);
  const near = (side: number, fallbackM: number): Point => {
    const probe = offset(lock, place.approach, side * 0.8);
    const room = roomAt(rooms, probe);
    const anchor = room === undefined ? undefined : roomAnchor(room);
    return anchor !== undefined && Math.hypot(anchor.x - lock.x, anchor.y - lock.y) <= anchorReachM
      ? anchor
      : offset(lock, place.approach, side * fallbackM);
  };
  return {
    wall: place,
    start: near(1, startM),
    stand: offset(lock, place.approach, standM),
    door: lock,
    beyond: near(-1, beyondM),
  };
}

function fadeAfter(sinceMs: number, movingMs: number): number {
  return sinceMs <= movingMs ? 1 : Math.max(0, 1 - (sinceMs - movingMs) / timing.fadeMs);
}

function ease(t: number): number {
  const clamped = clamp(t, 0, 1);
  return clamped * clamped * (3 - 2 * clamped);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
