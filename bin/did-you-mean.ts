/**
 * "Did you mean …?" for a name the CLI does not know (a scenario, a site, a defect): the known names closest to
 * it by edit distance (Damerau–Levenshtein, optimal string alignment: a swapped pair of letters is one edit).
 * Commander suggests commands and options itself (`showSuggestionAfterError`).
 */

/** Longest name compared; a longer one is not a typo of anything the CLI knows. */
const nameLengthMax = 200;

/** Edits between `a` and `b` (insert, delete, substitute, swap two neighbours). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table = new Uint32Array(rows * columns);
  const at = (i: number, j: number): number => table[i * columns + j] as number;
  for (let i = 0; i < rows; i++) table[i * columns] = i;
  for (let j = 0; j < columns; j++) table[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      table[i * columns + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known names within a few edits of `name` (about a third of its length, at least one), or that it starts
 * (`office-m` for `office-morning`): at most three, fewest edits first, then in the order given.
 */
export function closestNames(name: string, known: readonly string[]): string[] {
  if (name.length === 0 || name.length > nameLengthMax) return [];
  const typed = name.toLowerCase();
  const editsMax = Math.max(1, Math.floor(typed.length / 3));
  const scored = known
    .filter((candidate) => candidate !== name)
    .map((candidate, order) => {
      const lower = candidate.toLowerCase();
      const edits = editDistance(typed, lower);
      const close = edits <= editsMax || (typed.length >= 3 && lower.startsWith(typed));
      return { candidate, order, edits, close };
    })
    .filter((entry) => entry.close);
  scored.sort((x, y) => x.edits - y.edits || x.order - y.order);
  return scored.map((entry) => entry.candidate).slice(0, 3);
}

/** `did you mean "office"? ` for the suggestions, or '' when there are none (to start a parenthesis with). */
export function didYouMeanHint(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return `did you mean ${suggestions.map((name) => `"${name}"`).join(' or ')}? `;
}
