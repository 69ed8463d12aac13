/**
 * What each lock kind has, in one place, so that a new kind (the wall reader with a keypad) is a line here and
 * not a search through every `kind === …` in the twin and the harness.
 */

/** Wall readers: mounted beside a gate, a barrier, a lift or an electric door, wired to their controller. */
export const wallReaderKinds = ['wall-reader', 'wall-reader-pin'] as const;

/** Locks with a keypad: PIN entry works on them (the PIN lock and the wall reader with a keypad). */
export const keypadKinds = ['pin', 'wall-reader-pin'] as const;

/** A wall reader runs on its controller's mains supply: no battery, and its controller's relay drives the gate. */
export function isWallReader(kind: string): boolean {
  return (wallReaderKinds as readonly string[]).includes(kind);
}

export function hasKeypad(kind: string): boolean {
  return (keypadKinds as readonly string[]).includes(kind);
}
