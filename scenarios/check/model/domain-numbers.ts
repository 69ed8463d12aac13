/**
 * The domain's numbers as the reference model knows them (../shared/domain.md, the seed), written here again on
 * purpose: an invariant that read the twin's own constants would share a wrong one.
 */

/** NOT CLOSED is raised when a door stays open this long (the seed's 38 s). */
export const notClosedAfterMs = 38_000;
/** A tag held longer than this toggles Manual Office Mode on a BLUEnet lock. */
export const officeModeHoldMs = 5_000;
/** An IQ declares a lock offline after this many heartbeats in a row go unanswered. */
export const missedHeartbeatsOffline = 5;
/** An IQ serves at most this many locks, and has at most this many repeaters. */
export const locksPerIqMax = 16;
export const repeatersPerIqMax = 6;
/** A lock's audit buffer holds this many events unless the site's settings say otherwise. */
export const auditBufferMaxDefault = 1_000;
/** One run of a lock's motor (domain.md: ~0.3 s) unless the site's settings say otherwise. */
export const motorMs = 300;
/** A lock takes its IQ's time when its own clock is off by this much or more (less is left alone). */
export const clockCorrectionMinMs = 1_000;
