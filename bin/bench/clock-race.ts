/**
 * Clock race: the same heartbeat workload of many lock-like XState actors, driven once by our
 * `VirtualClock` (one binary heap, one pop per timer) and once by XState's `SimulatedClock` (which
 * re-sorts every pending timeout after each timer that schedules a new one). Only the driving of the
 * clock is timed; creating and starting the actors costs the same on both sides and would blur the ratio.
 */
import { SimulatedClock, createActor, setup, type AnyActorRef } from 'xstate';
import { VirtualClock, type Clock } from '../../twin/index.ts';

export interface ClockRaceOptions {
  actors?: number;
  heartbeatMs?: number;
  simulatedMs?: number;
}

export interface ClockRaceResult {
  actors: number;
  simulatedMs: number;
  heartbeats: number;
  oursWallMs: number;
  xstateWallMs: number;
  speedup: number;
}

export const clockRaceOptionsDefault = { actors: 3000, heartbeatMs: 1000, simulatedMs: 10_000 } as const;

/** Shared by every actor of one run, so a single number proves that all heartbeats fired. */
interface HeartbeatCounter {
  count: number;
}

interface RaceSettings {
  readonly actors: number;
  readonly heartbeatMs: number;
  readonly simulatedMs: number;
}

interface DriveResult {
  readonly heartbeats: number;
  readonly wallMs: number;
}

/** A lock reduced to its timer behaviour: one state that re-enters itself on every heartbeat. */
function createLockMachine(heartbeatMs: number) {
  return setup({
    types: {
      context: {} as { counter: HeartbeatCounter },
      input: {} as { counter: HeartbeatCounter },
    },
    delays: { heartbeat: heartbeatMs },
    actions: {
      // The counter lives outside the actor: mutating it is the point, the context only carries the reference.
      countHeartbeat: ({ context }) => {
        context.counter.count++;
      },
    },
  }).createMachine({
    id: 'lock',
    context: ({ input }) => ({ counter: input.counter }),
    initial: 'waiting',
    states: {
      waiting: {
        // reenter: true makes each heartbeat cancel and re-arm the timer, as a real lock's watchdog does.
        after: { heartbeat: { target: 'waiting', reenter: true, actions: 'countHeartbeat' } },
      },
    },
  });
}

type LockMachine = ReturnType<typeof createLockMachine>;

/** Fixed-width ids keep the actors (and so the timer insertion order) identical across runs. */
function lockId(index: number): string {
  return `lock-${String(index).padStart(6, '0')}`;
}

function startLocks(
  machine: LockMachine,
  clock: Clock,
  actors: number,
  counter: HeartbeatCounter,
): AnyActorRef[] {
  return Array.from({ length: actors }, (_, index) => {
    const id = lockId(index);
    return createActor(machine, { clock, input: { counter }, id, systemId: id }).start();
  });
}

/** Starts the actors on `clock`, times `drive` alone, and always stops the actors again. */
function timeRun(settings: RaceSettings, clock: Clock, drive: () => void): DriveResult {
  const counter: HeartbeatCounter = { count: 0 };
  const locks = startLocks(createLockMachine(settings.heartbeatMs), clock, settings.actors, counter);
  try {
    const startedAt = performance.now();
    drive();
    return { heartbeats: counter.count, wallMs: performance.now() - startedAt };
  } finally {
    for (const lock of locks) lock.stop();
  }
}

function raceOurs(settings: RaceSettings): DriveResult {
  const clock = new VirtualClock();
  return timeRun(settings, clock, () => clock.runUntil(settings.simulatedMs));
}

/** Steps at the heartbeat period, SimulatedClock's natural cadence: each step fires one heartbeat per actor. */
function raceXState(settings: RaceSettings): DriveResult {
  const clock = new SimulatedClock();
  const steps = settings.simulatedMs / settings.heartbeatMs;
  return timeRun(settings, clock, () => {
    for (let step = 0; step < steps; step++) clock.increment(settings.heartbeatMs);
  });
}

/** A ratio is only honest if both clocks did the same work, so a short count is an error, not a result. */
function checkHeartbeats(side: string, result: DriveResult, expected: number): void {
  if (result.heartbeats !== expected) {
    throw new Error(`clock race: ${side} counted ${result.heartbeats} heartbeats, expected ${expected}`);
  }
}

function resolveSettings(options: ClockRaceOptions): RaceSettings {
  const settings: RaceSettings = { ...clockRaceOptionsDefault, ...options };
  const { actors, heartbeatMs, simulatedMs } = settings;
  if (!Number.isInteger(actors) || actors < 1)
    throw new RangeError(`actors must be a positive integer, got ${actors}`);
  if (!(heartbeatMs > 0)) throw new RangeError(`heartbeatMs must be positive, got ${heartbeatMs}`);
  // Both sides must see the same number of whole heartbeat periods, or the counts cannot match.
  if (!Number.isInteger(simulatedMs / heartbeatMs) || simulatedMs <= 0) {
    throw new RangeError(
      `simulatedMs (${simulatedMs}) must be a positive multiple of heartbeatMs (${heartbeatMs})`,
    );
  }
  return settings;
}

/**
 * Runs ours first: it then pays XState's cold JIT for the actor internals, which can only understate the speedup.
 */
export function runClockRace(options: ClockRaceOptions = {}): ClockRaceResult {
  const settings = resolveSettings(options);
  const expected = settings.actors * (settings.simulatedMs / settings.heartbeatMs);
  const ours = raceOurs(settings);
  checkHeartbeats('VirtualClock', ours, expected);
  const xstate = raceXState(settings);
  checkHeartbeats('SimulatedClock', xstate, expected);
  return {
    actors: settings.actors,
    simulatedMs: settings.simulatedMs,
    heartbeats: expected,
    oursWallMs: ours.wallMs,
    xstateWallMs: xstate.wallMs,
    speedup: xstate.wallMs / ours.wallMs,
  };
}
