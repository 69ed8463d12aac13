/**
 * Durations as people write them: `500ms`, `38s`, `2m`, `1h30m`, `1d`, or a plain number of milliseconds. Every
 * duration from outside (a file's `until` and `at`, an expectation's time, a CLI flag) is at most `runMsMax`
 * (100 virtual days, twin/site/physical-bounds.ts): `1e308`, `365d` or a 1 with 400 zeros is refused with a
 * message instead of running until killed.
 */
import { durationCharsMax, runMsMax } from '../twin/index.ts';

const unitMs: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const partPattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

export type DurationResult =
  { readonly ok: true; readonly durationMs: number } | { readonly ok: false; readonly message: string };

const example = 'like "90s", "2m", "1h"';

/** Reads a duration; on failure says why (not a duration, or longer than the longest run). */
export function readDurationMs(value: string | number): DurationResult {
  const durationMs = unboundedDurationMs(value);
  if (durationMs === undefined)
    return { ok: false, message: `${shown(value)} is not a duration (${example})` };
  if (durationMs > runMsMax)
    return {
      ok: false,
      message: `${shown(value)} is longer than the longest run, ${formatDurationMs(runMsMax)}`,
    };
  return { ok: true, durationMs };
}

/** Milliseconds, or undefined when `value` is not a duration or is longer than `runMsMax`. */
export function parseDurationMs(value: string | number): number | undefined {
  const result = readDurationMs(value);
  return result.ok ? result.durationMs : undefined;
}

function unboundedDurationMs(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  const trimmed = value.trim();
  // Digits alone are milliseconds, however many (a 1 with 400 zeros is Infinity: longer than any run).
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '' || trimmed.length > durationCharsMax) return undefined;
  let totalMs = 0;
  partPattern.lastIndex = 0;
  while (partPattern.lastIndex < trimmed.length) {
    const match = partPattern.exec(trimmed);
    if (match === null) return undefined;
    totalMs += Number(match[1]) * (unitMs[match[2] as string] as number);
  }
  return Math.round(totalMs);
}

/** A value as a message shows it: a string quoted and cut short, a number as it is. */
function shown(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value.length <= 24 ? value : `${value.slice(0, 24)}…`);
}

/** `3723000` → `1h2m3s`: the short form used in messages. */
export function formatDurationMs(durationMs: number): string {
  if (durationMs === 0) return '0s';
  const parts: string[] = [];
  let restMs = durationMs;
  for (const [unit, sizeMs] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
    ['ms', 1],
  ] as const) {
    const count = Math.floor(restMs / sizeMs);
    if (count > 0) parts.push(`${count}${unit}`);
    restMs -= count * sizeMs;
  }
  return parts.join('');
}
