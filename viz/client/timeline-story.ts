/**
 * The failure panel beside the floor plan, for a loaded failure file: its summary, the violation, every step in
 * order (admin actions, faults, people, the harness's repairs labelled as the harness's, the violation last; the
 * step at or before the time shown is marked), what the lock's data said (the violation's message and the lock's
 * entries within a minute of it, from a replay a little past it), and the narrated run when the file has one. A
 * click on a step jumps there.
 */
import { html, setText } from './dom.ts';
import type { EntryRow, TimelineFailure } from './protocol.ts';
import { virtualMsText } from './timeline-window.ts';

/** Entries of the lock shown around the violation, and how far from it (by the lock's clock). */
const lockEntriesShown = 8;
const entriesAroundMs = 60_000;

export class TimelineStory {
  private readonly section: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly steps: HTMLOListElement;
  private readonly lockEntries: HTMLUListElement;
  private readonly lockTitle: HTMLElement;
  private readonly message: HTMLElement;
  private readonly narrated: HTMLDetailsElement;
  private failure: TimelineFailure | undefined;
  private stepItems: HTMLLIElement[] = [];

  constructor(
    host: HTMLElement,
    private readonly seek: (ms: number) => void,
  ) {
    this.summary = html('p', { class: 'fs-summary', 'data-testid': 'failure-summary' });
    this.message = html('p', { class: 'fs-violation', 'data-testid': 'failure-violation' });
    this.steps = html('ol', { class: 'fs-steps', 'data-testid': 'failure-steps' });
    this.lockTitle = html('h3', {}, "What the lock's data said");
    this.lockEntries = html('ul', { class: 'fs-entries', 'data-testid': 'failure-lock-entries' });
    this.narrated = html('details', { class: 'fs-narrated' });
    this.section = html(
      'section',
      {
        id: 'failure-story',
        'data-testid': 'failure-story',
        'aria-labelledby': 'failure-story-title',
        hidden: true,
      },
      html('h2', { id: 'failure-story-title' }, 'Failure'),
      this.summary,
      html('h3', {}, 'Steps'),
      this.steps,
      this.lockTitle,
      this.message,
      this.lockEntries,
      this.narrated,
    );
    host.prepend(this.section);
  }

  /** Shows a loaded failure file's story (undefined: hides the panel). */
  show(failure: TimelineFailure | undefined): void {
    this.failure = failure;
    this.section.hidden = failure === undefined;
    if (failure === undefined) return;
    setText(this.summary, failure.summary);
    setText(this.message, `${virtualMsText(failure.atMs)} VIOLATED ${failure.invariant}: ${failure.message}`);
    setText(this.lockTitle, `What ${failure.lockId ?? 'the lock'}'s data said`);
    this.stepItems = failure.steps.map((step) => {
      const item = html(
        'li',
        {
          'data-kind': step.kind,
          'data-at-ms': step.atMs,
          tabindex: 0,
          title: 'Show the state at this step',
        },
        html('time', {}, virtualMsText(step.atMs)),
        html('span', { class: 'fs-kind' }, step.kind),
        html('span', {}, step.text),
      );
      item.addEventListener('click', () => this.seek(step.atMs));
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.seek(step.atMs);
      });
      return item;
    });
    this.steps.replaceChildren(...this.stepItems);
    this.narrated.hidden = failure.story.length === 0;
    this.narrated.replaceChildren(
      html('summary', {}, `The run told (${failure.story.length} lines)`),
      html('pre', {}, failure.story.join('\n')),
    );
    this.lockEntries.replaceChildren(html('li', { class: 'empty' }, 'replaying…'));
  }

  /** The time shown: marks the step at or before it. */
  at(ms: number): void {
    let current: HTMLLIElement | undefined;
    for (const item of this.stepItems) if (Number(item.dataset.atMs) <= ms) current = item;
    for (const item of this.stepItems) item.classList.toggle('current', item === current);
  }

  /** The lock's entries around the violation (from a replay a little past it; the cloud hears of them late). */
  lockEntriesAround(entries: readonly EntryRow[]): void {
    const failure = this.failure;
    if (failure === undefined) return;
    const ofLock = entries
      .filter((entry) => failure.lockId === undefined || entry.lockId === failure.lockId)
      .filter((entry) => Math.abs(entry.atMs - failure.atMs) <= entriesAroundMs)
      .slice(-lockEntriesShown);
    this.lockEntries.replaceChildren(
      ...(ofLock.length === 0
        ? [
            html(
              'li',
              { class: 'empty' },
              `no entries of ${failure.lockId ?? 'the lock'} around the violation`,
            ),
          ]
        : ofLock.map((entry) =>
            html(
              'li',
              { 'data-category': entry.category },
              html('time', {}, virtualMsText(entry.atMs)),
              ` ${entry.category}${entry.userId === undefined ? '' : ` · ${entry.userId}`} · ${entry.detail}`,
            ),
          )),
    );
  }
}
