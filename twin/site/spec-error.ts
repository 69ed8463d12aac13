/**
 * One problem found in a site spec, addressed by the path of the bad field (`locks[3].openTimeMs`), so a person
 * can find it in the file. Every check (schema, cross-references, file loading) reports in this one shape, and
 * `formatSpecErrors` renders it in one place.
 */

export interface SpecError {
  /** Where the problem is: `locks[3].openTimeMs`, `phones[0].user`, or `(spec)` / `(file)` for the whole. */
  readonly path: string;
  readonly message: string;
}

/** The path of a problem with the spec as a whole (not an object, for instance). */
export const specRootPath = '(spec)';
/** The path of a problem with the file that holds the spec (unreadable, not JSON). */
export const specFilePath = '(file)';

/** A key that can be written after a dot; anything else is written as `["a key"]`. */
const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['locks', 3, 'openTimeMs']` → `locks[3].openTimeMs`; the empty path → `(spec)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += formatPathKey(key, text === '');
  return text === '' ? specRootPath : text;
}

function formatPathKey(key: PropertyKey, first: boolean): string {
  if (typeof key === 'number') return `[${key}]`;
  const name = typeof key === 'symbol' ? (key.description ?? '') : key;
  if (plainKey.test(name)) return first ? name : `.${name}`;
  return `[${JSON.stringify(name)}]`;
}

/** One line per error, in the order given: `site spec: locks[3].openTimeMs: must be at most 240000`. */
export function formatSpecErrors(errors: readonly SpecError[]): string {
  return errors.map((error) => `site spec: ${error.path}: ${error.message}`).join('\n');
}
