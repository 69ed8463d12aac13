/**
 * The timeline you can debug with: the marker strip (timeline-strip.ts) under the page's slider and, for a
 * loaded failure file, the failure panel (timeline-story.ts). It moves the slider the page already has (and sends
 * its `input` event), so the page's own scrubbing (`state-at`) does the rest. Markers come from the server's
 * `markers` answer (the session's, refreshed every few seconds while shown; a loaded file's), a failure file's
 * own, and the entries of every `state-at` answer. Loading a failure file lands on its violation, selected.
 */
import type { LiveConnection } from './connection.ts';
import { html } from './dom.ts';
import {
  readMarkersResult,
  readStateAtResult,
  type EntryRow,
  type LoadTimelineResult,
  type TimelineMarker,
} from './protocol.ts';
import { TimelineStory } from './timeline-story.ts';
import { TimelineStrip } from './timeline-strip.ts';
import { mergedMarkers } from './timeline-window.ts';

/** Markers the page keeps at most (the server's and those read from replayed entries together). */
const markersKeptMax = 2_000;
/** How often the session's markers are asked again while the page is open (wall time). */
const sessionMarkersEveryMs = 5_000;
/** Around a failure's violation the strip first shows at most this much. */
const violationSpanMs = 60_000;
/** The lock's entries around the violation are read from a replay this far past it (uploads take seconds). */
const entriesLaterMs = 30_000;

const alertCategories = new Set(['not_closed', 'intrusion', 'battery_low', 'low_battery']);

/** An entry of a replay as a marker (as the server makes them). */
function entryMarkerOf(entry: EntryRow): TimelineMarker {
  const kind = alertCategories.has(entry.category)
    ? 'alert'
    : entry.category === 'lock_rejected'
      ? 'rejection'
      : 'entry';
  const who = entry.userId === undefined ? '' : ` for ${entry.userId}`;
  return {
    atMs: Math.max(0, Math.round(entry.atMs)),
    kind,
    label: `${entry.lockId}: ${entry.category}${who} (${entry.detail})`.slice(0, 200),
    lockId: entry.lockId,
  };
}

export interface TimelineDebuggerOptions {
  /** The page's timeline slider (the time shown); the strip goes under its row. */
  readonly slider: HTMLInputElement;
  readonly connection: LiveConnection;
  /** Where the failure panel goes (first in the side panels). */
  readonly storyHost: HTMLElement;
}

export class TimelineDebugger {
  private readonly strip: TimelineStrip;
  private readonly story: TimelineStory;
  private source: 'session' | 'loaded' = 'session';
  private serverMarkers: readonly TimelineMarker[] = [];
  private replayedMarkers = new Map<string, TimelineMarker>();

  constructor(private readonly options: TimelineDebuggerOptions) {
    // Markers sit at milliseconds (a violation 265 ms after a step): the slider takes any millisecond.
    options.slider.step = '1';
    const stripHost = html('div', { class: 'tl', 'data-testid': 'timeline-debug' });
    (options.slider.closest('.timeline') ?? options.slider).after(stripHost);
    this.strip = new TimelineStrip({ host: stripHost, seek: (ms) => this.seek(ms) });
    this.story = new TimelineStory(options.storyHost, (ms) => this.seek(ms));
    options.slider.addEventListener('input', () => this.follow());
    setInterval(() => this.follow(), 250);
    setInterval(() => {
      if (this.source === 'session' && document.visibilityState === 'visible') void this.fetchMarkers();
    }, sessionMarkersEveryMs);
    void this.fetchMarkers();
  }

  /** A file was loaded as the timeline: its markers, and for a failure file its story and its violation. */
  loaded(result: LoadTimelineResult): void {
    this.source = 'loaded';
    this.replayedMarkers.clear();
    const failure = result.failure;
    this.serverMarkers = failure?.markers ?? [];
    this.story.show(failure);
    this.refreshMarkers();
    this.strip.setPosition(result.durationMs, 0);
    if (failure === undefined) {
      this.strip.window.showWhole();
      void this.fetchMarkers();
      return;
    }
    // Land on the violation with the steps that led to it in view (a few times their span, seconds at least).
    const firstStepMs = failure.steps[0]?.atMs ?? 0;
    const spanMs = Math.min(violationSpanMs, 3 * (failure.atMs - firstStepMs));
    this.strip.window.focus(failure.atMs - spanMs / 6, Math.min(result.durationMs, spanMs));
    const violation = this.serverMarkers.find((marker) => marker.kind === 'violation');
    if (violation !== undefined) this.strip.select(violation);
    else this.seek(failure.atMs);
    void this.fetchLockEntries(Math.min(result.durationMs, failure.atMs + entriesLaterMs));
  }

  /** The state a little past the violation, for the entries the lock reported around it. */
  private async fetchLockEntries(ms: number): Promise<void> {
    const outcome = await this.options.connection.send({ action: 'state-at', ms, source: 'loaded' });
    if (!outcome.ok || this.source !== 'loaded') return;
    const state = readStateAtResult(outcome.result);
    if (state !== undefined) this.story.lockEntriesAround(state.entries);
  }

  /** Back to the live session's timeline. */
  live(): void {
    this.source = 'session';
    this.story.show(undefined);
    this.replayedMarkers.clear();
    this.serverMarkers = [];
    this.strip.window.showWhole();
    this.refreshMarkers();
    void this.fetchMarkers();
  }

  /** A `state-at` answer arrived: its entries become markers, and the failure panel shows the lock's. */
  replayed(virtualMs: number, entries: readonly EntryRow[]): void {
    for (const entry of entries) {
      const marker = entryMarkerOf(entry);
      this.replayedMarkers.set(`${entry.lockId}|${entry.auditSeq}`, marker);
    }
    while (this.replayedMarkers.size > markersKeptMax) {
      const oldest = this.replayedMarkers.keys().next().value;
      if (oldest === undefined) break;
      this.replayedMarkers.delete(oldest);
    }
    this.story.at(virtualMs);
    this.refreshMarkers();
  }

  private seek(ms: number): void {
    const slider = this.options.slider;
    slider.value = String(ms);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    this.follow();
  }

  /** Follows the slider: the timeline's end and the time shown. */
  private follow(): void {
    const slider = this.options.slider;
    const endMs = Number(slider.max);
    const atMs = Number(slider.value);
    if (!Number.isFinite(endMs) || !Number.isFinite(atMs)) return;
    this.strip.setPosition(endMs, atMs);
    this.story.at(atMs);
  }

  private refreshMarkers(): void {
    this.strip.setMarkers(
      mergedMarkers([this.serverMarkers, [...this.replayedMarkers.values()]], markersKeptMax),
    );
  }

  private async fetchMarkers(): Promise<void> {
    const source = this.source;
    const outcome = await this.options.connection.send({ action: 'markers', source });
    if (!outcome.ok || source !== this.source) return;
    const result = readMarkersResult(outcome.result);
    if (result === undefined) return;
    // A loaded failure file's markers came with it; its `markers` answer is the same list.
    this.serverMarkers = result.markers;
    this.refreshMarkers();
  }
}
