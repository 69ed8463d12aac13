/**
 * The lock's motor, a region of the lock machine beside its bolt and its door. The bolt region is the firmware's
 * decision (locked, unlocked, in an office mode); the motor follows it: it couples the outside handle to the latch
 * when the bolt opens and uncouples it when the bolt relocks, and each run takes the motor's time (domain.md:
 * ~0.3 s; site setting `motorMs`). The handle gives from the end of a coupling run to the end of the uncoupling
 * run after it, so an opening granted at t lets the door open from t + motor time, for the open time.
 *
 * A run is never cut short: when the bolt changes its mind while the motor turns (a new opening during the
 * uncoupling run, an office mode switched off at once), the run ends first and the motor then runs back. This
 * keeps the handle's state a plain function of run ends, which the reference model follows.
 */
import { and, not, or, stateIn } from 'xstate';
import type { LockContext } from './lock-context.ts';

/** The motor's states: the handle blocked (released), coupling, free (engaged), uncoupling. */
export type MotorState = 'released' | 'engaging' | 'engaged' | 'releasing';

/** Whether the outside handle moves the latch in this motor state (uncoupling has not yet let it go). */
export function handleGives(motor: MotorState): boolean {
  return motor === 'engaged' || motor === 'releasing';
}

/**
 * How long a run takes. The defect `door-opens-before-motor` is firmware that frees (and blocks) the handle the
 * moment the bolt decides, as if the motor took no time.
 */
export function motorRunMs(context: LockContext): number {
  return context.env.defects.has('door-opens-before-motor') ? 0 : context.motorMs;
}

/** The bolt is open (unlocked or in an office mode): the motor couples the handle. */
export const boltOpen = not(stateIn('#lock.bolt.locked'));
/** The bolt is locked: the motor uncouples the handle. */
export const boltShut = stateIn('#lock.bolt.locked');

/**
 * Whether a door that opened from outside opened without an opening: the bolt locked and the handle not giving
 * (an uncoupling run still lets the handle move the latch, so a door opened then is the last of an opening).
 */
export const openedWithoutOpening = and([
  stateIn('#lock.bolt.locked'),
  or([stateIn('#lock.motor.released'), stateIn('#lock.motor.engaging')]),
]);

/** The motor region of the lock machine (guards `boltOpen`/`boltShut`, delay `motorRun`, action `traceMotor`). */
export const motorRegion = {
  initial: 'released',
  states: {
    released: { always: { guard: 'boltOpen', target: 'engaging' } },
    engaging: {
      after: { motorRun: { target: 'engaged', actions: { type: 'traceMotor', params: { handle: 'free' } } } },
    },
    engaged: { always: { guard: 'boltShut', target: 'releasing' } },
    releasing: {
      after: {
        motorRun: { target: 'released', actions: { type: 'traceMotor', params: { handle: 'blocked' } } },
      },
    },
  },
} as const;
