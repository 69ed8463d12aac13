/** Durations as people write them: `500ms`, `38s`, `2m`, `1h30m`, `1d`, or a plain number of milliseconds. */
const unitMs: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const partPattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/** Milliseconds, or undefined when `text` is not a duration. */
export function parseDurationMs(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text) : undefined;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '') return undefined;
  let totalMs = 0;
  partPattern.lastIndex = 0;
  while (partPattern.lastIndex < trimmed.length) {
    const match = partPattern.exec(trimmed);
    if (match === null) return undefined;
    totalMs += Number(match[1]) * (unitMs[match[2] as string] as number);
  }
  return Math.round(totalMs);
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
