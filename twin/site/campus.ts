/**
 * A generated large site for load and scale runs: by default 64 buildings, each with one IQ, four repeaters and
 * 16 locks (1,024 locks), and 5,000 users.
 *
 * The layout is arithmetic so the same options always give the same spec, in any process:
 * - buildings sit on a square grid 60 m apart, far beyond radio range, so no link crosses buildings;
 * - the IQ is at the building's centre, with repeaters 7 m away to the east, north, west and south (one layer,
 *   within the 6-per-IQ limit);
 * - locks are dealt round-robin to five clusters (the IQ and each repeater) and placed 4 m from their cluster's
 *   centre, so every lock has a solid (≤ 7 m) link to its parent, and neighbouring locks stay over 2.5 m
 *   apart (about 4 m before the seed's nudge), so no two doors conflict the way `two-doors` does;
 * - the seed only nudges lock positions by up to ±0.5 m, which keeps all the above true;
 * - each building has a floor plan (`campus-floor-plan.ts`): brick outer walls 13 m from the IQ, a cross-shaped
 *   hall 8 m wide along the repeaters' axes, and four office wings in the corners behind drywall. Every IQ–repeater
 *   link runs down the hall and crosses no wall; a lock's link crosses at most one partition (3 dB on a ≤ 5 m link).
 */
import { locksPerIqMax } from '../defaults.ts';
import { createSeededRandom, type RandomStream } from '../kernel/rng.ts';
import { buildingFloorPlan, campusFloorPlanBuildingsMax } from './campus-floor-plan.ts';
import type { LockKind, Position, SiteSpecInput } from './spec.ts';

type IqInput = SiteSpecInput['iqs'][number];
type RepeaterInput = NonNullable<SiteSpecInput['repeaters']>[number];
type LockInput = NonNullable<SiteSpecInput['locks']>[number];
type DoorInput = NonNullable<SiteSpecInput['doors']>[number];
type UserInput = NonNullable<SiteSpecInput['users']>[number];
type TagInput = NonNullable<SiteSpecInput['tags']>[number];
type PhoneInput = NonNullable<SiteSpecInput['phones']>[number];
type RoomInput = NonNullable<SiteSpecInput['rooms']>[number];
type WallInput = NonNullable<SiteSpecInput['walls']>[number];

export interface CampusOptions {
  /** Buildings, one IQ each (1–1,024). */
  readonly iqs?: number;
  /** Locks per IQ (0–16, the IQ's limit). */
  readonly locksPerIq?: number;
  /** Users, dealt to buildings round-robin (0–100,000). */
  readonly users?: number;
  /** Varies lock positions slightly; the structure of the site does not depend on it. */
  readonly seed?: number;
}

export const campusDefaults = { iqs: 64, locksPerIq: locksPerIqMax, users: 5_000, seed: 1 } as const;
/** Bounds on the options, so a typo cannot ask for a site that exhausts memory. */
export const campusIqsMax = 1_024;
export const campusUsersMax = 100_000;

/** Far beyond radio range (a link is gone past ~25 m), so buildings are radio-independent. */
const buildingSpacingM = 60;
/** A solid link from IQ to repeater (≤ 7 m, see the radio calibration). */
const repeaterOffsetM = 7;
/** Lock to its cluster centre: solid with margin, and about 4 m between neighbouring locks. */
const lockRadiusM = 4;
/** The seed's nudge of each lock coordinate, kept small so every lock stays within 5 m of its parent. */
const lockJitterM = 0.5;
/** Every n-th user gets a phone, every m-th a PIN. */
const phoneEveryUsers = 3;
const pinEveryUsers = 25;
/** PINs: an affine map i → (a·i + b) mod 10^6 with a coprime to 10^6 is a bijection, so PINs never repeat. */
const pinMultiplier = 7_919;
const pinOffset = 104_729;
const pinSpace = 1_000_000;

/** Repeater directions: east, north, west, south (cluster 1–4; cluster 0 is the IQ itself). */
const repeaterDirections = [
  { suffix: 'e', dx: 1, dy: 0 },
  { suffix: 'n', dx: 0, dy: 1 },
  { suffix: 'w', dx: -1, dy: 0 },
  { suffix: 's', dx: 0, dy: -1 },
] as const;
const clusterCount = repeaterDirections.length + 1;

/** Mostly BLUEnet, with the older kinds mixed in; a building's lock j takes entry (j + building) mod 8. */
const lockKindCycle: readonly LockKind[] = [
  'bluenet-escutcheon',
  'bluenet-cylinder',
  'bluenet-escutcheon',
  'escutcheon',
  'bluenet-escutcheon',
  'pin',
  'bluenet-cylinder',
  'bluenet-escutcheon',
];
/** Every 4th building has a gate (wall reader) as its first lock. */
const gateEveryBuildings = 4;

export function generateCampusSpec(options: CampusOptions = {}): SiteSpecInput {
  const settings = resolveOptions(options);
  const jitter = createSeededRandom(settings.seed).stream('campus-layout');
  const users = generateUsers(settings);
  const accessByBuilding = buildingAccessLists(settings);
  const buildings = Array.from({ length: settings.iqs }, (_, b) =>
    generateBuilding({ settings, building: b, access: accessByBuilding[b] ?? [], jitter }),
  );
  return {
    name: 'campus',
    description: `A generated campus: ${settings.iqs} buildings, ${settings.iqs * settings.locksPerIq} locks, ${settings.users} users.`,
    timeZone: 'Europe/Amsterdam',
    iqs: buildings.map((building) => building.iq),
    repeaters: buildings.flatMap((building) => building.repeaters),
    doors: buildings.flatMap((building) => building.doors),
    locks: buildings.flatMap((building) => building.locks),
    // A campus past the floor plan's bounds has none (see campus-floor-plan.ts).
    ...(settings.iqs <= campusFloorPlanBuildingsMax
      ? {
          rooms: buildings.flatMap((building) => building.rooms),
          walls: buildings.flatMap((building) => building.walls),
        }
      : {}),
    ...users,
  };
}

type CampusSettings = Required<CampusOptions>;

function resolveOptions(options: CampusOptions): CampusSettings {
  const settings = { ...campusDefaults, ...options };
  assertIntInRange('iqs', settings.iqs, 1, campusIqsMax);
  assertIntInRange('locksPerIq', settings.locksPerIq, 0, locksPerIqMax);
  assertIntInRange('users', settings.users, 0, campusUsersMax);
  if (!Number.isSafeInteger(settings.seed)) throw new RangeError(`campus seed must be a safe integer`);
  return settings;
}

function assertIntInRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`campus ${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** Zero-padded so ids sort in creation order: `iq-07`, `user-0042`. */
function padded(index: number, count: number): string {
  return String(index).padStart(Math.max(2, String(count - 1).length), '0');
}

function buildingOf(user: number, settings: CampusSettings): number {
  return user % settings.iqs;
}

function userId(user: number, settings: CampusSettings): string {
  return `user-${padded(user, settings.users)}`;
}

/**
 * One array of user ids per building. All locks of a building share that array instance, so a campus in memory
 * holds 64 lists, not 1,024 copies (the parser copies them anyway, but the twin interns lists by content).
 */
function buildingAccessLists(settings: CampusSettings): string[][] {
  const lists = Array.from({ length: settings.iqs }, (): string[] => []);
  for (let user = 0; user < settings.users; user++) {
    lists[buildingOf(user, settings)]?.push(userId(user, settings));
  }
  return lists;
}

function generateUsers(settings: CampusSettings): {
  users: UserInput[];
  tags: TagInput[];
  phones: PhoneInput[];
} {
  const users: UserInput[] = [];
  const tags: TagInput[] = [];
  const phones: PhoneInput[] = [];
  for (let user = 0; user < settings.users; user++) {
    const id = userId(user, settings);
    const suffix = padded(user, settings.users);
    // No names: fillFakePeople gives them names from the run's seed. The first user owns the site, as every
    // released site has an owner (the API client acts as that owner, so the page can log in to a campus).
    const role = user === 0 ? { role: 'owner' as const } : {};
    users.push(user % pinEveryUsers === 0 ? { id, pin: pinFor(user), ...role } : { id, ...role });
    tags.push({ id: `tag-${suffix}`, user: id });
    if (user % phoneEveryUsers === 0) phones.push({ id: `phone-${suffix}`, user: id });
  }
  return { users, tags, phones };
}

function pinFor(user: number): string {
  return String((user * pinMultiplier + pinOffset) % pinSpace).padStart(6, '0');
}

interface BuildingContext {
  readonly settings: CampusSettings;
  readonly building: number;
  readonly access: string[];
  readonly jitter: RandomStream;
}

interface Building {
  readonly iq: IqInput;
  readonly repeaters: RepeaterInput[];
  readonly doors: DoorInput[];
  readonly locks: LockInput[];
  readonly rooms: RoomInput[];
  readonly walls: WallInput[];
}

function generateBuilding(context: BuildingContext): Building {
  const { settings, building } = context;
  const tag = padded(building, settings.iqs);
  const centre = buildingCentre(building, settings.iqs);
  const iq: IqInput = { id: `iq-${tag}`, name: `Building ${tag}`, position: centre };
  // Only the repeaters that carry locks: a repeater with nothing behind it is just traffic.
  const usedRepeaters = repeaterDirections.slice(
    0,
    Math.max(0, Math.min(settings.locksPerIq, clusterCount) - 1),
  );
  const repeaters = usedRepeaters.map((direction) => ({
    id: `rep-${tag}-${direction.suffix}`,
    iq: iq.id,
    position: offset(centre, direction.dx * repeaterOffsetM, direction.dy * repeaterOffsetM),
  }));
  const doors: DoorInput[] = [];
  const locks: LockInput[] = [];
  for (let j = 0; j < settings.locksPerIq; j++) {
    const door = {
      id: `door-${tag}-${padded(j, settings.locksPerIq)}`,
      name: `Building ${tag}, door ${j + 1}`,
    };
    doors.push(door);
    locks.push(generateLock({ context, iqId: iq.id, centre, doorId: door.id, index: j }));
  }
  return { iq, repeaters, doors, locks, ...buildingFloorPlan(tag, centre) };
}

interface LockPlace {
  readonly context: BuildingContext;
  readonly iqId: string;
  readonly centre: Position;
  readonly doorId: string;
  /** The lock's index within its building. */
  readonly index: number;
}

function generateLock({ context, iqId, centre, doorId, index }: LockPlace): LockInput {
  const { building, settings, access, jitter } = context;
  return {
    id: `lock-${padded(building, settings.iqs)}-${padded(index, settings.locksPerIq)}`,
    kind: lockKind(building, index),
    iq: iqId,
    door: doorId,
    position: jitterPosition(lockPosition(centre, index), jitter),
    access,
  };
}

function lockKind(building: number, index: number): LockKind {
  if (index === 0 && building % gateEveryBuildings === 0) return 'wall-reader';
  const kind = lockKindCycle[(index + building) % lockKindCycle.length];
  if (kind === undefined) throw new Error('unreachable: the lock kind cycle index is in range');
  return kind;
}

function buildingCentre(building: number, buildings: number): Position {
  const columns = Math.ceil(Math.sqrt(buildings));
  return { x: (building % columns) * buildingSpacingM, y: Math.floor(building / columns) * buildingSpacingM };
}

/**
 * Lock j goes to cluster j mod 5 (0 = the IQ, 1–4 = the repeaters), as its k-th lock (k = j div 5). Around the
 * IQ, locks sit on the diagonals, between the repeaters; around a repeater, straight out and to either side, never
 * back towards the IQ, where they would crowd the IQ's own locks.
 */
function lockPosition(centre: Position, index: number): Position {
  const cluster = index % clusterCount;
  const slot = Math.floor(index / clusterCount);
  const direction = repeaterDirections[cluster - 1];
  if (direction === undefined) {
    const angle = Math.PI / 4 + (slot * Math.PI) / 2;
    return offset(centre, lockRadiusM * Math.cos(angle), lockRadiusM * Math.sin(angle));
  }
  const repeater = offset(centre, direction.dx * repeaterOffsetM, direction.dy * repeaterOffsetM);
  // Slot 0 points outwards; slots 1 and 2 turn left and right (a quarter turn of the outward direction).
  const turns = [
    { dx: direction.dx, dy: direction.dy },
    { dx: -direction.dy, dy: direction.dx },
    { dx: direction.dy, dy: -direction.dx },
  ] as const;
  const turn = turns[slot];
  if (turn === undefined) throw new Error(`campus: a repeater cluster holds at most ${turns.length} locks`);
  return offset(repeater, turn.dx * lockRadiusM, turn.dy * lockRadiusM);
}

function jitterPosition(position: Position, jitter: RandomStream): Position {
  return offset(
    position,
    jitter.uniform(-lockJitterM, lockJitterM),
    jitter.uniform(-lockJitterM, lockJitterM),
  );
}

/** Rounded to centimetres: the twin needs no more, and the JSON stays readable. */
function offset(position: Position, dx: number, dy: number): Position {
  return { x: roundCm(position.x + dx), y: roundCm(position.y + dy) };
}

function roundCm(metres: number): number {
  // `+ 0` turns -0 into 0, so a coordinate never prints differently from an equal one.
  return Math.round(metres * 100) / 100 + 0;
}
