/**
 * The domain's numbers (../shared/domain.md), each a named default that a site spec may override.
 * Nothing else in the twin writes these values as literals.
 */

/** An IQ serves at most this many locks, directly or through repeaters. */
export const locksPerIqMax = 16;
/** An IQ has at most this many repeaters. */
export const repeatersPerIqMax = 6;
/** Repeaters chain at most this many layers deep (IQ > R > R > R). */
export const repeaterLayersMax = 3;

/** How often an IQ polls each of its locks. The vendor does not publish it; a minute keeps a day of a large
 * site cheap to simulate while an unreachable lock is still noticed within minutes. */
export const heartbeatIntervalMsDefault = 60_000;
/** An IQ marks a lock offline after this many heartbeats in a row go unanswered. */
export const missedHeartbeatsOffline = 5;

/** A lock relocks this long after an opening (settable per lock within the bounds below). */
export const openTimeMsDefault = 5_000;
export const openTimeMsMin = 1_000;
export const openTimeMsMax = 240_000;

/**
 * The lock's motor: how long one run takes to couple the outside handle to the latch (an opening) or to uncouple it
 * (the relock). The handle gives only once a coupling run has ended, and keeps giving until the uncoupling run that
 * follows the open time has ended (domain.md: motor ~0.3 s). Settable per site within the bounds below.
 */
export const motorMsDefault = 300;
export const motorMsMin = 50;
export const motorMsMax = 2_000;

/**
 * A lock corrects its clock to its IQ's time (sent with every heartbeat) when the two differ by this much or more
 * (devices/clock-correction.ts); smaller differences are left alone.
 */
export const clockCorrectionMinMs = 1_000;

/** NOT CLOSED is raised when a door stays open this long (the seed says 38 s; a support page says 30 s). */
export const notClosedAfterMsDefault = 38_000;

/** Holding a tag longer than this on a BLUEnet lock toggles Manual Office Mode. */
export const officeModeTagHoldMs = 5_000;

/** Audit events a lock keeps while it cannot reach the cloud; the oldest are dropped past this, and reported. */
export const auditBufferMaxDefault = 1_000;
/** Audit events a lock sends in one upload packet. */
export const auditUploadBatchMax = 50;

/** Timing of the hardware (domain.md, "timing"). */
export const tagReadMsMin = 100;
export const tagReadMsMax = 300;
export const bleTapHandshakeMsMin = 300;
export const bleTapHandshakeMsMax = 1_000;

/** Cloud to IQ latency over the internet. */
export const cloudLatencyMsMin = 40;
export const cloudLatencyMsMax = 250;

/** Battery levels: a lock measures on each opening attempt. */
export const batteryLevels = ['fresh', 'low', 'very-low'] as const;
export type BatteryLevel = (typeof batteryLevels)[number];

/** The default site time zone when a spec names none. */
export const timeZoneDefault = 'Europe/Amsterdam';
/** Virtual time 0 of every run, as a UTC instant (a Monday, so schedules have a defined weekday). */
export const epochUtcIsoDefault = '2026-03-02T07:00:00Z';
