/** The timeline window: zoom bounds, following the end, keeping the cursor in view, stepping event by event. */
import { describe, expect, it } from 'vitest';
import type { TimelineMarker } from '../viz/client/protocol.ts';
import {
  mergedMarkers,
  spanMsMin,
  spanText,
  steppedMarker,
  TimelineWindow,
  virtualMsText,
} from '../viz/client/timeline-window.ts';

const marker = (atMs: number, kind: TimelineMarker['kind'] = 'entry'): TimelineMarker => ({
  atMs,
  kind,
  label: `${kind} at ${atMs}`,
});

describe('TimelineWindow', () => {
  it('zooms from the whole timeline down to a few seconds around a point, and out again', () => {
    const window = new TimelineWindow();
    window.setEnd(86_400_000);
    expect(window.state).toEqual({ startMs: 0, spanMs: 86_400_000 });
    window.zoom(1, 43_200_000);
    expect(window.state).toEqual({ startMs: 21_600_000, spanMs: 43_200_000 });
    window.zoom(40, 43_200_000);
    expect(window.state.spanMs).toBe(spanMsMin);
    expect(window.fractionOf(43_200_000)).toBeCloseTo(0.5, 6);
    window.zoom(-40, 0);
    expect(window.state).toEqual({ startMs: 0, spanMs: 86_400_000 });
  });

  it('follows the end while at it, keeps the cursor in view and stays inside the timeline', () => {
    const window = new TimelineWindow();
    window.setEnd(600_000);
    window.focus(590_000, 60_000);
    expect(window.state).toEqual({ startMs: 540_000, spanMs: 60_000 });
    window.setEnd(660_000);
    expect(window.state).toEqual({ startMs: 600_000, spanMs: 60_000 });
    window.keepInView(100_000);
    expect(window.state.startMs).toBe(94_000);
    expect(window.msAt(1)).toBe(154_000);
    expect(window.msAt(-5)).toBe(0);
    window.focus(0, 1_000_000);
    expect(window.state).toEqual({ startMs: 0, spanMs: 660_000 });
  });
});

describe('markers', () => {
  it('step to the next after and the previous before a time', () => {
    const markers = [
      marker(500, 'admin'),
      marker(1_000),
      marker(1_001, 'harness'),
      marker(1_265, 'violation'),
    ];
    expect(steppedMarker(markers, 1_265, 'previous')?.atMs).toBe(1_001);
    expect(steppedMarker(markers, 1_001, 'next')?.kind).toBe('violation');
    expect(steppedMarker(markers, 1_265, 'next')).toBeUndefined();
    expect(steppedMarker(markers, 500, 'previous')).toBeUndefined();
  });

  it('merge each once, in time order, keeping the newest past the bound', () => {
    const merged = mergedMarkers(
      [
        [marker(3), marker(1)],
        [marker(1), marker(2, 'alert')],
      ],
      2,
    );
    expect(merged.map((one) => one.atMs)).toEqual([2, 3]);
  });

  it('read as time', () => {
    expect(virtualMsText(1_265)).toBe('T+00:00:01.265');
    expect(virtualMsText(90_061_001)).toBe('T+1d 01:01:01.001');
    expect(spanText(61_000)).toBe('61 s per screen');
    expect(spanText(86_400_000)).toBe('24 h per screen');
  });
});
