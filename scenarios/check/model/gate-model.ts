/**
 * The reference model's own reading of lock kinds and wall-reader controllers (written from domain.md, not taken
 * from the twin, so a slip in the twin's kind table is judged rather than copied): which locks have a keypad, which
 * run on mains, and how long a lock stays open after an opening (a controller's relay time replaces the lock's).
 */
import type { LockKind, SiteSpec } from '../../../twin/index.ts';

const keypadKinds: ReadonlySet<string> = new Set(['pin', 'wall-reader-pin']);
const wallReaderKinds: ReadonlySet<string> = new Set(['wall-reader', 'wall-reader-pin']);

export function modelHasKeypad(kind: LockKind | undefined): boolean {
  return kind !== undefined && keypadKinds.has(kind);
}

/** Wall readers (with a keypad or not) are mains powered: no battery records. */
export function modelMainsPowered(kind: LockKind | undefined): boolean {
  return kind !== undefined && wallReaderKinds.has(kind);
}

type SpecLock = SiteSpec['locks'][number];

/** How long the lock stays open after an opening, at first: the controller's relay time, else the lock's own. */
export function openTimeMsOf(lock: SpecLock): number {
  return lock.controller?.relayOpenTimeMs ?? lock.openTimeMs;
}

/** The exit button releases the relay only on a wall reader whose controller has one wired. */
export function hasExitButton(lock: SpecLock | undefined): boolean {
  return lock?.controller?.exitButton === true;
}
