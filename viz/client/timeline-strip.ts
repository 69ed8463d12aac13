/**
 * The timeline strip under the slider: markers (entries, refusals, alerts, people, faults, admin actions,
 * harness repairs, violations) as small coloured buttons at their times, the cursor at the time shown, zoom
 * (wheel over the strip, or the buttons) from the whole timeline down to seconds, previous / next event, and a
 * legend. A click on a marker (or Enter on it) jumps there; a click on the strip elsewhere jumps to that time.
 */
import { html, setText } from './dom.ts';
import type { TimelineMarker } from './protocol.ts';
import { spanText, steppedMarker, TimelineWindow, virtualMsText } from './timeline-window.ts';

/** Markers drawn at most in one window (past this, one per strip pixel column, the weightiest). */
const drawnMarkersMax = 400;

/** Each kind's colour and legend word, weightiest first (a crowded column keeps the weightiest). */
export const markerKinds: readonly { kind: TimelineMarker['kind']; colour: string; word: string }[] = [
  { kind: 'violation', colour: '#c62828', word: 'violation' },
  { kind: 'admin', colour: '#5b3fa8', word: 'admin' },
  { kind: 'fault', colour: '#e65100', word: 'fault' },
  { kind: 'alert', colour: '#d81b60', word: 'alert' },
  { kind: 'rejection', colour: '#8d6e63', word: 'refused' },
  { kind: 'harness', colour: '#78909c', word: 'harness' },
  { kind: 'person', colour: '#1e88e5', word: 'person' },
  { kind: 'entry', colour: '#2e7d32', word: 'entry' },
];
const weight = new Map(markerKinds.map((entry, index) => [entry.kind, markerKinds.length - index]));
const colourOf = new Map(markerKinds.map((entry) => [entry.kind, entry.colour]));

export interface TimelineStripOptions {
  readonly host: HTMLElement;
  /** Shows the state at `ms` (through the page's slider). */
  readonly seek: (ms: number) => void;
}

export class TimelineStrip {
  readonly window = new TimelineWindow();
  private markers: readonly TimelineMarker[] = [];
  private selected: TimelineMarker | undefined;
  private cursorMs = 0;
  private readonly strip: HTMLElement;
  private readonly cursor: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly from: HTMLElement;
  private readonly to: HTMLElement;
  private readonly span: HTMLElement;
  private readonly hover: HTMLElement;
  private drawnKey = '';

  constructor(private readonly options: TimelineStripOptions) {
    this.layer = html('div', { class: 'tl-markers' });
    this.cursor = html('div', { class: 'tl-cursor', 'aria-hidden': 'true' });
    this.strip = html(
      'div',
      { class: 'tl-strip', 'data-testid': 'timeline-strip', role: 'group', 'aria-label': 'Timeline markers' },
      this.layer,
      this.cursor,
    );
    this.from = html('span', { class: 'tl-from' });
    this.to = html('span', { class: 'tl-to' });
    this.span = html('span', { class: 'tl-span', 'data-testid': 'timeline-span' });
    this.hover = html('span', { class: 'tl-hover', 'data-testid': 'timeline-hover', role: 'status' });
    const button = (label: string, text: string, testId: string, act: () => void): HTMLButtonElement => {
      const element = html(
        'button',
        { type: 'button', 'aria-label': label, 'data-testid': testId, title: label },
        text,
      );
      element.addEventListener('click', act);
      return element;
    };
    const controls = html(
      'div',
      { class: 'tl-controls', role: 'group', 'aria-label': 'Timeline zoom and events' },
      button('Previous event', '◀ event', 'previous-event', () => this.step('previous')),
      button('Next event', 'event ▶', 'next-event', () => this.step('next')),
      button('Zoom out', '−', 'zoom-out', () => this.zoom(-1, this.cursorMs)),
      button('Zoom in', '+', 'zoom-in', () => this.zoom(1, this.cursorMs)),
      button('Show the whole timeline', 'whole', 'zoom-whole', () => {
        this.window.showWhole();
        this.draw();
      }),
      this.span,
      this.hover,
    );
    const legend = html(
      'div',
      { class: 'tl-legend', 'aria-hidden': 'true' },
      ...markerKinds.map(({ colour, word }) => {
        const swatch = html('i');
        swatch.style.background = colour;
        return html('span', {}, swatch, word);
      }),
    );
    options.host.append(controls, html('div', { class: 'tl-axis' }, this.from, this.strip, this.to), legend);
    this.strip.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.strip.addEventListener('click', (event) => {
      if (event.target !== this.strip && event.target !== this.layer) return;
      const box = this.strip.getBoundingClientRect();
      this.options.seek(this.window.msAt((event.clientX - box.left) / Math.max(1, box.width)));
    });
  }

  /** The markers to show (in time order). */
  setMarkers(markers: readonly TimelineMarker[]): void {
    this.markers = markers;
    if (this.selected !== undefined && !markers.includes(this.selected))
      this.selected = markers.find(
        (marker) => marker.atMs === this.selected?.atMs && marker.kind === this.selected.kind,
      );
    this.draw();
  }

  /** The timeline's end and the time shown (the slider's). */
  setPosition(endMs: number, cursorMs: number): void {
    this.window.setEnd(endMs);
    if (cursorMs !== this.cursorMs) this.window.keepInView(cursorMs);
    this.cursorMs = cursorMs;
    this.draw();
  }

  /** Selects a marker and shows its time. */
  select(marker: TimelineMarker): void {
    this.selected = marker;
    this.window.keepInView(marker.atMs);
    this.options.seek(marker.atMs);
    this.draw();
  }

  selectedMarker(): TimelineMarker | undefined {
    return this.selected;
  }

  private step(direction: 'previous' | 'next'): void {
    const marker = steppedMarker(this.markers, this.cursorMs, direction);
    if (marker !== undefined) this.select(marker);
  }

  private zoom(steps: number, centreMs: number): void {
    this.window.zoom(steps, centreMs);
    this.draw();
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const box = this.strip.getBoundingClientRect();
    const centreMs = this.window.msAt((event.clientX - box.left) / Math.max(1, box.width));
    this.zoom(event.deltaY < 0 ? 1 : -1, centreMs);
  }

  private draw(): void {
    const { startMs, spanMs } = this.window.state;
    setText(this.from, virtualMsText(startMs));
    setText(this.to, virtualMsText(startMs + spanMs));
    setText(this.span, spanText(spanMs));
    const cursorAt = this.window.fractionOf(this.cursorMs);
    this.cursor.hidden = cursorAt < 0 || cursorAt > 1;
    this.cursor.style.left = `${(cursorAt * 100).toFixed(3)}%`;
    const visible = this.visibleMarkers();
    const key = `${startMs}|${spanMs}|${this.markers.length}|${visible.length}|${this.selected?.atMs}|${this.selected?.kind}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    this.layer.replaceChildren(...visible.map((marker) => this.markerButton(marker)));
  }

  /** The markers in the window, thinned to one per pixel column (the weightiest) when crowded. */
  private visibleMarkers(): TimelineMarker[] {
    const inView = this.markers.filter((marker) => {
      const at = this.window.fractionOf(marker.atMs);
      return at >= 0 && at <= 1;
    });
    if (inView.length <= drawnMarkersMax) return inView;
    const columns = new Map<number, TimelineMarker>();
    for (const marker of inView) {
      const column = Math.round(this.window.fractionOf(marker.atMs) * drawnMarkersMax);
      const kept = columns.get(column);
      if (kept === undefined || (weight.get(marker.kind) ?? 0) > (weight.get(kept.kind) ?? 0))
        columns.set(column, marker);
    }
    const picked = [...columns.values()];
    if (this.selected !== undefined && inView.includes(this.selected) && !picked.includes(this.selected))
      picked.push(this.selected);
    return picked.sort((a, b) => a.atMs - b.atMs);
  }

  private markerButton(marker: TimelineMarker): HTMLButtonElement {
    const selected = marker === this.selected;
    const text = `${virtualMsText(marker.atMs)} ${marker.label}`;
    const element = html('button', {
      type: 'button',
      class: `tl-marker${selected ? ' selected' : ''}`,
      'data-kind': marker.kind,
      'data-testid': `marker-${marker.kind}`,
      'data-at-ms': marker.atMs,
      'aria-pressed': selected ? 'true' : 'false',
      'aria-label': text,
      title: text,
    });
    element.style.left = `${(this.window.fractionOf(marker.atMs) * 100).toFixed(3)}%`;
    element.style.background = colourOf.get(marker.kind) ?? '#666';
    element.addEventListener('click', () => this.select(marker));
    element.addEventListener('mouseenter', () => setText(this.hover, text));
    element.addEventListener('focus', () => setText(this.hover, text));
    return element;
  }
}
