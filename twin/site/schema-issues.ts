/**
 * Turns zod's issues into `SpecError`s: bracket-style paths (`locks[3].openTimeMs`) and short messages a person
 * can act on (`must be at most 240000`), instead of zod's generic "Invalid input" texts.
 *
 * Two issue kinds are reshaped rather than reworded: an unknown-fields issue becomes one error per field (so each
 * has its own path), and a failed union (a lock's `access`: "all" or a list of user ids) reports the problems of
 * the branch the value was evidently meant for, when there is one.
 */
import type { z } from 'zod';
import { formatPath, type SpecError } from './spec-error.ts';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** Long strings are cut in messages so one bad value cannot flood the report. */
const previewCharsMax = 40;

/** zod's error map for parsing a spec: our wording for every issue that has no message of its own in the schema. */
export function issueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidTypeMessage(issue.expected, issue.input);
    case 'too_big':
      return boundMessage({
        origin: issue.origin,
        bound: issue.maximum,
        inclusive: issue.inclusive,
        above: true,
      });
    case 'too_small':
      return boundMessage({
        origin: issue.origin,
        bound: issue.minimum,
        inclusive: issue.inclusive,
        above: false,
      });
    case 'invalid_value':
      // A missing enum field arrives as an invalid value of `undefined` (JSON has no undefined otherwise).
      if (issue.input === undefined) return 'is required';
      return `must be ${alternatives(issue.values)}, got ${preview(issue.input)}`;
    case 'invalid_format':
      return issue.pattern === undefined ? `must be a valid ${issue.format}` : `must match ${issue.pattern}`;
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return issue.message ?? 'is not valid';
  }
}

/** Flattens zod's final issues into spec errors, in zod's order. */
export function specErrorsFromIssues(
  issues: readonly Issue[],
  prefix: readonly PropertyKey[] = [],
): SpecError[] {
  return issues.flatMap((issue) => specErrorsFromIssue(issue, [...prefix, ...issue.path]));
}

function specErrorsFromIssue(issue: Issue, path: readonly PropertyKey[]): SpecError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'unknown field' }));
  }
  if (issue.code === 'invalid_union') return unionErrors(issue, path);
  return [{ path: formatPath(path), message: issue.message }];
}

/**
 * A branch "matched the shape" when none of its issues rejects the value itself (wrong type or literal at the
 * union's own path). If exactly one branch did, its deeper issues are the real problem (`access[2]: expected a
 * string`); otherwise the value fits no branch and we say what was expected.
 */
function unionErrors(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: readonly PropertyKey[],
): SpecError[] {
  const shaped = issue.errors.filter((branch) => branch.length > 0 && !branch.some(rejectsValueItself));
  const only = shaped.length === 1 ? shaped[0] : undefined;
  if (only !== undefined) return specErrorsFromIssues(only, path);
  const expected = issue.errors.flatMap((branch) => branch.filter(rejectsValueItself).map(expectation));
  const message =
    expected.length > 0 ? `must be ${expected.join(' or ')}, got ${preview(issue.input)}` : issue.message;
  return [{ path: formatPath(path), message }];
}

function rejectsValueItself(issue: Issue): boolean {
  return issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
}

function expectation(issue: Issue): string {
  if (issue.code === 'invalid_value') return alternatives(issue.values);
  if (issue.code === 'invalid_type') return withArticle(issue.expected);
  return issue.message;
}

function invalidTypeMessage(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  if (expected === 'int' && typeof input === 'number') return `must be an integer, got ${preview(input)}`;
  return `must be ${withArticle(expected)}, got ${preview(input)}`;
}

interface Bound {
  readonly origin: string;
  readonly bound: number | bigint;
  readonly inclusive: boolean | undefined;
  /** True for a maximum, false for a minimum. */
  readonly above: boolean;
}

function boundMessage({ origin, bound, inclusive, above }: Bound): string {
  const limit = above
    ? inclusive === false
      ? 'less than'
      : 'at most'
    : inclusive === false
      ? 'more than'
      : 'at least';
  if (origin === 'array' || origin === 'set')
    return `must have ${limit} ${bound} ${bound === 1 ? 'item' : 'items'}`;
  if (origin === 'string') return `must be ${limit} ${bound} characters long`;
  return `must be ${limit} ${bound}`;
}

function alternatives(values: readonly unknown[]): string {
  const texts = values.map((value) => JSON.stringify(value) ?? String(value));
  return texts.length <= 1 ? (texts[0] ?? 'nothing') : `one of ${texts.join(', ')}`;
}

function withArticle(noun: string): string {
  if (noun === 'int') return 'an integer';
  if (noun === 'null' || noun === 'undefined') return noun;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** A short description of a bad value for a message: `5`, `"abc"`, `null`, `an array`, `an object`. */
function preview(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  if (value === undefined) return 'nothing';
  return String(value);
}

function truncate(text: string): string {
  return text.length <= previewCharsMax ? text : `${text.slice(0, previewCharsMax)}…`;
}
