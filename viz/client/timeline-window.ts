/**
 * The timeline's window: which span of virtual time the strip shows (from the whole session down to a few
 * seconds), zoomed around a point, panned to keep the cursor in view, following the end while it is live; and
 * the markers' order for stepping event by event. No DOM (tested in test/viz-timeline-window.test.ts).
 */
import type { TimelineMarker } from './protocol.ts';

/** The narrowest window: a few seconds per screen. */
export const spanMsMin = 5_000;
/** Each zoom step halves (or doubles) the window. */
const zoomFactor = 2;

export interface WindowState {
  readonly startMs: number;
  readonly spanMs: number;
}

export class TimelineWindow {
  private startMs = 0;
  private spanMs = 0;
  private endMs = 0;
  /** The window shows the whole timeline (and grows with it). */
  private whole = true;

  get state(): WindowState {
    return this.whole
      ? { startMs: 0, spanMs: Math.max(this.endMs, spanMsMin) }
      : { startMs: this.startMs, spanMs: this.spanMs };
  }

  /** The timeline's end moved (the session runs on, or a file was loaded); a window at the end follows it. */
  setEnd(endMs: number): void {
    const atEnd = !this.whole && this.startMs + this.spanMs >= this.endMs;
    this.endMs = Math.max(0, endMs);
    if (atEnd) this.startMs = Math.max(0, this.endMs - this.spanMs);
    this.clamp();
  }

  showWhole(): void {
    this.whole = true;
  }

  /** Zooms in (`steps` > 0) or out around `centreMs`, which stays where it is on the screen. */
  zoom(steps: number, centreMs: number): void {
    const { startMs, spanMs } = this.state;
    const fullMs = Math.max(this.endMs, spanMsMin);
    const newSpanMs = Math.min(fullMs, Math.max(spanMsMin, spanMs / zoomFactor ** steps));
    if (newSpanMs >= fullMs) {
      this.whole = true;
      return;
    }
    const fraction = spanMs === 0 ? 0.5 : (centreMs - startMs) / spanMs;
    this.whole = false;
    this.spanMs = newSpanMs;
    this.startMs = centreMs - fraction * newSpanMs;
    this.clamp();
  }

  /** Shows `spanMs` around `centreMs` (landing at a violation). */
  focus(centreMs: number, spanMs: number): void {
    const fullMs = Math.max(this.endMs, spanMsMin);
    if (spanMs >= fullMs) {
      this.whole = true;
      return;
    }
    this.whole = false;
    this.spanMs = Math.max(spanMsMin, spanMs);
    this.startMs = centreMs - this.spanMs / 2;
    this.clamp();
  }

  /** Pans so that `ms` is in view (the cursor moved past an edge). */
  keepInView(ms: number): void {
    if (this.whole) return;
    if (ms < this.startMs) this.startMs = ms - this.spanMs * 0.1;
    else if (ms > this.startMs + this.spanMs) this.startMs = ms - this.spanMs * 0.9;
    this.clamp();
  }

  /** Where `ms` falls on the strip, 0 to 1 (outside: not in view). */
  fractionOf(ms: number): number {
    const { startMs, spanMs } = this.state;
    return spanMs === 0 ? 0 : (ms - startMs) / spanMs;
  }

  /** The virtual time at `fraction` (0 to 1) of the strip. */
  msAt(fraction: number): number {
    const { startMs, spanMs } = this.state;
    return Math.round(Math.min(this.endMs, Math.max(0, startMs + fraction * spanMs)));
  }

  private clamp(): void {
    if (this.whole) return;
    this.spanMs = Math.min(this.spanMs, Math.max(this.endMs, spanMsMin));
    this.startMs = Math.min(Math.max(0, this.startMs), Math.max(0, this.endMs - this.spanMs));
  }
}

/** The marker to step to from `ms`: the next one after it, or the one before it (ties: the first in order). */
export function steppedMarker(
  markers: readonly TimelineMarker[],
  ms: number,
  direction: 'previous' | 'next',
): TimelineMarker | undefined {
  if (direction === 'next') return markers.find((marker) => marker.atMs > ms);
  return markers.findLast((marker) => marker.atMs < ms);
}

/** Markers from several sources in time order, each once (same time, kind and label), at most `max` (the newest). */
export function mergedMarkers(
  sources: readonly (readonly TimelineMarker[])[],
  max: number,
): TimelineMarker[] {
  const byKey = new Map<string, TimelineMarker>();
  for (const source of sources)
    for (const marker of source) byKey.set(`${marker.atMs}|${marker.kind}|${marker.label}`, marker);
  return [...byKey.values()]
    .sort((a, b) => a.atMs - b.atMs || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
    .slice(-max);
}

/** The window's span in words: `2 h per screen`, `30 s per screen`. */
export function spanText(spanMs: number): string {
  const seconds = spanMs / 1000;
  if (seconds < 120) return `${Math.round(seconds)} s per screen`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)} min per screen`;
  if (seconds < 172_800) return `${Math.round(seconds / 3_600)} h per screen`;
  return `${Math.round(seconds / 86_400)} days per screen`;
}

/** Virtual time to the millisecond: `T+00:00:01.265` (days when there are any). */
export function virtualMsText(virtualMs: number): string {
  const ms = Math.max(0, Math.round(virtualMs));
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const days = Math.floor(ms / 86_400_000);
  const clock = `${pad(Math.floor((ms % 86_400_000) / 3_600_000))}:${pad(Math.floor((ms % 3_600_000) / 60_000))}:${pad(Math.floor((ms % 60_000) / 1000))}.${pad(ms % 1000, 3)}`;
  return `T+${days > 0 ? `${days}d ` : ''}${clock}`;
}
