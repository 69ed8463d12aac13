/// <reference lib="dom" />
/**
 * The entries list's rows, each built once: a row is kept while what it shows (the zone, the lock's and the
 * person's names) is unchanged, so a new entry costs one row, not a rebuild of the whole list. On the campus site
 * at 10× entries arrive several times a second and a full rebuild of 200 rows per entry was the page's main cost.
 */
import { html } from './dom.ts';
import { formatVirtual, siteTime, siteTimeWithZone } from './format.ts';
import type { EntryRow } from './protocol.ts';
import { categoryWord, detailWords, methodWord } from './words.ts';

/** What a row needs besides its entry: the names it shows and the zone it tells time in. */
export interface EntryNames {
  readonly zone: string;
  readonly lockName: (lockId: string) => string;
  readonly personName: (userId: string) => string;
}

interface BuiltRow {
  readonly key: string;
  readonly row: HTMLElement;
}

function entryKind(category: string): string {
  if (/rejected|denied|refused/.test(category)) return 'rejected';
  return /not_closed$|intrusion|battery_low|overflow|tamper/.test(category) ? 'alarm' : '';
}

function whoWords(entry: EntryRow, names: EntryNames): string {
  return [
    entry.userId === undefined ? undefined : names.personName(entry.userId),
    entry.method === undefined ? undefined : methodWord(entry.method),
  ]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' · ');
}

function buildRow(entry: EntryRow, lockName: string, who: string, zone: string): HTMLElement {
  const utcMs = Date.parse(entry.utcDateTime);
  return html(
    'li',
    {
      class: entryKind(entry.category),
      'data-testid': 'entry',
      'data-lock': entry.lockId,
      'data-category': entry.category,
      'data-method': entry.method,
      'data-user': entry.userId,
    },
    html(
      'span',
      { class: 'time', title: `${siteTimeWithZone(utcMs, zone)} by the lock's clock (${entry.utcDateTime})` },
      Number.isFinite(utcMs) ? siteTime(utcMs, zone) : formatVirtual(entry.atMs),
    ),
    html(
      'span',
      { class: 'what' },
      `${lockName} — ${categoryWord(entry.category)}${entry.detail === '' ? '' : `: ${detailWords(entry.detail)}`}`,
    ),
    who === '' ? undefined : html('span', { class: 'who' }, who),
  );
}

export class EntryRows {
  /** Rows by entry object; entries the model drops are collected with their rows. */
  private readonly built = new WeakMap<EntryRow, BuiltRow>();

  /** The rows for `entries`, in their order, reusing every row whose names and zone did not change. */
  rows(entries: readonly EntryRow[], names: EntryNames): HTMLElement[] {
    return entries.map((entry) => {
      const lockName = names.lockName(entry.lockId);
      const who = whoWords(entry, names);
      const key = `${names.zone}\n${lockName}\n${who}`;
      const known = this.built.get(entry);
      if (known !== undefined && known.key === key) return known.row;
      const row = buildRow(entry, lockName, who, names.zone);
      this.built.set(entry, { key, row });
      return row;
    });
  }
}

/** Puts `rows` in `list` unless it already holds exactly them (a no-op render touches no DOM). */
export function showRows(list: HTMLElement, rows: readonly HTMLElement[]): void {
  const current = list.children;
  if (current.length === rows.length && rows.every((row, at) => current[at] === row)) return;
  list.replaceChildren(...rows);
}
