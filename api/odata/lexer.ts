/**
 * The `$filter` lexer: turns the text into tokens (brackets, commas, string / number / date-time literals, and
 * names, which are field paths with `/` or the operators and keywords). Every malformed piece is an `ODataError`
 * naming its position.
 */
import { parseDateTime, type DateTimeValue } from './date-time.ts';
import { ODataError } from './errors.ts';

export type Token =
  | { readonly kind: 'open' | 'close' | 'comma' | 'end'; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly position: number }
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'datetime'; readonly value: DateTimeValue; readonly position: number }
  /** A name: one or more segments joined by `/` (`alerts/not_closed`), or a keyword (`and`, `eq`, `true`). */
  | { readonly kind: 'name'; readonly segments: readonly string[]; readonly position: number };

/** Longest `$filter` accepted: far above any hand-written filter, low enough to keep parsing cheap. */
export const filterLengthMax = 4_000;

const whitespace = /[ \t\r\n]/;
const dateTimeStart = /\d{4}-\d{2}-\d{2}/y;
const dateTimeToken = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?/y;
const numberToken = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const segmentToken = /[A-Za-z_][A-Za-z0-9_]*/y;

export function tokenize(text: string, option = '$filter'): Token[] {
  if (text.length > filterLengthMax)
    throw new ODataError(option, `longer than ${filterLengthMax} characters`);
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (whitespace.test(char)) {
      at++;
      continue;
    }
    const position = at;
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', position });
      at++;
    } else if (char === "'") {
      const { value, end } = readString(text, at, option);
      tokens.push({ kind: 'string', value, position });
      at = end;
    } else if (/[-\d]/.test(char)) {
      const token = readNumberOrDateTime(text, at, option);
      tokens.push(token);
      at = token.end;
    } else if (/[A-Za-z_]/.test(char)) {
      const { segments, end } = readName(text, at, option);
      tokens.push({ kind: 'name', segments, position });
      at = end;
    } else {
      throw new ODataError(option, `unexpected character ${JSON.stringify(char)}`, position);
    }
  }
  tokens.push({ kind: 'end', position: text.length });
  return tokens;
}

/** A quoted string; `''` inside stands for one quote. */
function readString(text: string, start: number, option: string): { value: string; end: number } {
  let value = '';
  let at = start + 1;
  for (;;) {
    const next = text.indexOf("'", at);
    if (next === -1) throw new ODataError(option, 'string literal without its closing quote', start);
    value += text.slice(at, next);
    if (text[next + 1] === "'") {
      value += "'";
      at = next + 2;
      continue;
    }
    return { value, end: next + 1 };
  }
}

function readNumberOrDateTime(text: string, start: number, option: string): Token & { end: number } {
  dateTimeStart.lastIndex = start;
  if (dateTimeStart.test(text)) {
    dateTimeToken.lastIndex = start;
    const match = dateTimeToken.exec(text);
    const literal = match?.[0] ?? '';
    const value = parseDateTime(literal);
    if (value === undefined)
      throw new ODataError(option, `${JSON.stringify(literal)} is not a valid date-time`, start);
    return { kind: 'datetime', value, position: start, end: start + literal.length };
  }
  numberToken.lastIndex = start;
  const match = numberToken.exec(text);
  if (match === null) throw new ODataError(option, 'a minus sign must start a number', start);
  const value = Number(match[0]);
  if (!Number.isFinite(value)) throw new ODataError(option, `number ${match[0]} is out of range`, start);
  const end = start + match[0].length;
  if (end < text.length && /[A-Za-z_\d.]/.test(text[end] as string)) {
    throw new ODataError(option, `malformed number ${JSON.stringify(text.slice(start, end + 1))}`, start);
  }
  return { kind: 'number', value, position: start, end };
}

function readName(text: string, start: number, option: string): { segments: string[]; end: number } {
  const segments: string[] = [];
  let at = start;
  for (;;) {
    segmentToken.lastIndex = at;
    const match = segmentToken.exec(text);
    if (match === null) throw new ODataError(option, 'a field path needs a name after "/"', at);
    segments.push(match[0]);
    at += match[0].length;
    if (text[at] !== '/') return { segments, end: at };
    at++;
  }
}
