/**
 * Lock clocks: a lock keeps its own clock and decides schedules, key validity and EOM windows on it; a clock can
 * drift (the `lock-clock` fault sets how far it is off). The IQ keeps the site's time (set from the internet, and
 * held by its own clock while offline) and sends it with every heartbeat poll; the lock's radio compares it with its
 * own clock and, when the two differ by `clockCorrectionMinMs` or more, wakes the firmware, which sets its clock to
 * the IQ's time and records a `clock_corrected` event (stamped with the corrected clock, the correction in its
 * detail). So a drifted lock decides on its own clock until the next heartbeat reaches it: within a heartbeat
 * interval while it is in reach, and for as long as it is cut off from its IQ otherwise.
 *
 * The IQ's time reaches the lock with the last hop's delay taken off (the time is stamped at the hop that delivers
 * it), so the corrected clock is exact; differences below `clockCorrectionMinMs` are left alone, as the firmware
 * does not step its clock for less than a second.
 */
import { clockCorrectionMinMs } from '../defaults.ts';
import { recordAudit } from './lock-audit.ts';
import type { LockContext } from './lock-context.ts';

/** Whether the IQ's time, arriving now, would make the lock correct its clock (what its radio checks). */
export function clockNeedsCorrection(clockOffsetMs: number): boolean {
  return Math.abs(clockOffsetMs) >= clockCorrectionMinMs;
}

/**
 * The firmware takes the IQ's time. The defect `clock-never-corrected` is firmware that ignores it and keeps
 * deciding on its drifted clock.
 */
function takesIqTime(context: LockContext): boolean {
  return clockNeedsCorrection(context.clockOffsetMs) && !context.env.defects.has('clock-never-corrected');
}

/** The firmware takes the IQ's time (when it does): its clock right again, traced and recorded. */
export function iqTimeTaken(context: LockContext): { readonly clockOffsetMs: 0 } | Record<string, never> {
  if (!takesIqTime(context)) return {};
  const offsetMs = context.clockOffsetMs;
  context.env.trace.record({ kind: 'lock.clock', device: context.id, offsetMs: 0 });
  // Recorded once the clock is right, so the entry carries the IQ's time.
  recordAudit(
    { ...context, clockOffsetMs: 0 },
    { category: 'clock_corrected', detail: clockCorrectedDetail(offsetMs) },
  );
  return { clockOffsetMs: 0 };
}

/** The entry's detail: how far the clock was moved (negative: set back), in milliseconds. */
function clockCorrectedDetail(offsetMs: number): string {
  return `clock corrected by ${-offsetMs} ms`;
}
