/**
 * JSON documents from outside (files, request bodies, live frames) are checked for nesting depth and for numbers
 * no double can hold before anything recursive touches them: a schema walk, a canonical-JSON line, a structured
 * clone or an export would overflow the stack on an array nested 20,000 deep, and `JSON.parse` turns `1e400` (or
 * a 1 with 400 zeros) into Infinity, which no trace line can hold.
 *
 * Both checks are loops over an explicit stack, never recursion, and report the path of the bad field in the
 * spec-error shape (`inputs[3].args[0]`). `parseJsonText` scans the text before parsing it, so an over-deep
 * document is refused without building it in memory; `jsonValueProblem` checks a value parsed elsewhere.
 */
import { jsonDepthMax } from './physical-bounds.ts';
import { formatPath, specRootPath, type SpecError } from './spec-error.ts';

export interface JsonCheckOptions {
  /** Arrays and objects nested deeper than this are refused (default `jsonDepthMax`). */
  readonly depthMax?: number;
  /** The path reported for a problem with the document as a whole (default `(spec)`). */
  readonly rootPath?: string;
}

/** A problem found by `jsonValueProblem`: a spec error, with the path's keys for callers that nest it. */
export interface JsonValueProblem extends SpecError {
  readonly keys: readonly PropertyKey[];
}

export type ParseJsonResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: SpecError };

/** Parses JSON text that came from outside: nesting and numbers checked on the text first, then `JSON.parse`. */
export function parseJsonText(text: string, options: JsonCheckOptions = {}): ParseJsonResult {
  const problem = jsonTextProblem(text, options);
  if (problem !== undefined) return { ok: false, error: problem };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { path: options.rootPath ?? specRootPath, message: `is not valid JSON: ${message}` },
    };
  }
}

function depthMessage(depthMax: number): string {
  return `is nested deeper than ${depthMax} levels of arrays and objects`;
}

function numberMessage(text: string): string {
  const shown = text.length <= 24 ? text : `${text.slice(0, 24)}… (${text.length} characters)`;
  return `is a number too large to hold (${shown})`;
}

/** Where the scan stands inside one array or object. */
interface TextFrame {
  readonly array: boolean;
  /** The array index or the object key of the value being read. */
  key: PropertyKey;
  /** In an object: the next string is a key (not a value). */
  expectKey: boolean;
}

const numberStart = /[-0-9]/;
const numberChars = /[-+0-9.eE]/;

/**
 * The first over-deep container or unholdable number of a JSON text, by a single scan that follows strings,
 * keys and indexes but does not build anything. Text that is not JSON at all is left to `JSON.parse`.
 */
export function jsonTextProblem(text: string, options: JsonCheckOptions = {}): SpecError | undefined {
  const depthMax = options.depthMax ?? jsonDepthMax;
  const at = (frames: readonly TextFrame[]): string =>
    pathText(
      frames.map((frame) => frame.key),
      options.rootPath,
    );
  const frames: TextFrame[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '"') {
      const end = stringEnd(text, index);
      const top = frames.at(-1);
      if (top !== undefined && !top.array && top.expectKey) {
        top.key = keyOf(text.slice(index, end));
        top.expectKey = false;
      }
      index = end;
      continue;
    }
    if (char === '[' || char === '{') {
      if (frames.length >= depthMax) return { path: at(frames), message: depthMessage(depthMax) };
      frames.push({ array: char === '[', key: char === '[' ? 0 : '', expectKey: char === '{' });
    } else if (char === ']' || char === '}') {
      frames.pop();
    } else if (char === ',') {
      const top = frames.at(-1);
      if (top?.array === true) top.key = (top.key as number) + 1;
      else if (top !== undefined) top.expectKey = true;
    } else if (numberStart.test(char)) {
      let end = index + 1;
      while (end < text.length && numberChars.test(text[end] as string)) end++;
      const literal = text.slice(index, end);
      if (!Number.isFinite(Number(literal)) && /^-?\d/.test(literal))
        return { path: at(frames), message: numberMessage(literal) };
      index = end;
      continue;
    }
    index++;
  }
  return undefined;
}

/** The index just past the string that starts at `start` (a quote), escapes followed. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index++;
  }
  return index;
}

function keyOf(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

/** A frame of the value walk: the value and how it was reached (parent links, so no path is copied per node). */
interface ValueFrame {
  readonly value: unknown;
  readonly depth: number;
  readonly key: PropertyKey | undefined;
  readonly parent: ValueFrame | undefined;
}

/**
 * The first over-deep container or non-finite number of an already parsed value (a request body, a value built
 * in code), in document order. Walks with an explicit stack, so any depth is safe to check.
 */
export function jsonValueProblem(
  value: unknown,
  options: JsonCheckOptions = {},
): JsonValueProblem | undefined {
  const depthMax = options.depthMax ?? jsonDepthMax;
  const stack: ValueFrame[] = [{ value, depth: 0, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop() as ValueFrame;
    const current = frame.value;
    if (typeof current === 'number' && !Number.isFinite(current))
      return valueProblem(frame, options.rootPath, `is not a finite number (${current})`);
    if (typeof current !== 'object' || current === null) continue;
    if (frame.depth >= depthMax) return valueProblem(frame, options.rootPath, depthMessage(depthMax));
    const entries: [PropertyKey, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    // Pushed last to first, so the first child is checked first: the problem reported is the first in the text.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as [PropertyKey, unknown];
      stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

function valueProblem(frame: ValueFrame, rootPath: string | undefined, message: string): JsonValueProblem {
  const keys: PropertyKey[] = [];
  for (let at: ValueFrame | undefined = frame; at?.key !== undefined; at = at.parent) keys.push(at.key);
  keys.reverse();
  return { path: pathText(keys, rootPath), keys, message };
}

function pathText(keys: readonly PropertyKey[], rootPath: string | undefined): string {
  return keys.length === 0 ? (rootPath ?? specRootPath) : formatPath(keys);
}
