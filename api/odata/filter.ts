/**
 * `$filter`: a recursive-descent parser into a small expression tree, and its evaluation over plain objects.
 *
 * Grammar (lowest precedence first; keywords are lower case, as in OData):
 *
 *   filter     = or
 *   or         = and { "or" and }
 *   and        = unary { "and" unary }
 *   unary      = "not" unary | comparison
 *   comparison = operand [ ("eq" | "ne" | "gt" | "ge" | "lt" | "le") operand ]
 *   operand    = "(" or ")" | function "(" path "," string ")" | literal | path
 *   function   = "contains" | "startswith" | "endswith"
 *   literal    = 'text' ('' is a quote) | number | true | false | null | date-time (2026-03-02T08:00:00Z)
 *   path       = name { "/" name }
 *
 * A filter must be a condition: a bare literal (`$filter=3`) is refused. Evaluation never throws: a missing field is
 * null, and values of different types are simply not equal (and not ordered).
 */
import { parseDateTime, type DateTimeValue } from './date-time.ts';
import { ODataError } from './errors.ts';
import { tokenize, type Token } from './lexer.ts';

export const comparisonOperators = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];
export const filterFunctions = ['contains', 'startswith', 'endswith'] as const;
export type FilterFunction = (typeof filterFunctions)[number];

export type Literal = string | number | boolean | null | DateTimeValue;

export type FilterNode =
  | { readonly kind: 'or' | 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: FilterNode;
      readonly right: FilterNode;
    }
  | {
      readonly kind: 'call';
      readonly name: FilterFunction;
      readonly path: readonly string[];
      readonly argument: string;
    }
  | { readonly kind: 'field'; readonly path: readonly string[] }
  | { readonly kind: 'literal'; readonly value: Literal };

/** Deepest nesting of brackets and `not`s: keeps the recursion far from the stack limit. */
export const filterDepthMax = 64;

const keywords = new Set<string>(['and', 'or', 'not', 'true', 'false', 'null', ...comparisonOperators]);

export interface ParseFilterOptions {
  /** Field paths (`a/b`) a filter may name; any other is refused. All are allowed when left out. */
  readonly fields?: ReadonlySet<string>;
}

export function parseFilter(text: string, options: ParseFilterOptions = {}): FilterNode {
  if (text.trim() === '') throw new ODataError('$filter', 'is empty');
  return new FilterParser(tokenize(text), options).parse();
}

class FilterParser {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly options: ParseFilterOptions,
  ) {}

  parse(): FilterNode {
    const node = this.condition(this.or(), this.peek().position);
    const next = this.peek();
    if (next.kind !== 'end') this.fail(`unexpected ${describe(next)}`, next);
    return node;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isKeyword('or')) {
      const token = this.next();
      left = {
        kind: 'or',
        left: this.condition(left, token.position),
        right: this.condition(this.and(), token.position),
      };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isKeyword('and')) {
      const token = this.next();
      left = {
        kind: 'and',
        left: this.condition(left, token.position),
        right: this.condition(this.unary(), token.position),
      };
    }
    return left;
  }

  private unary(): FilterNode {
    if (!this.isKeyword('not')) return this.comparison();
    const token = this.next();
    return this.nested(token, () => ({ kind: 'not', operand: this.condition(this.unary(), token.position) }));
  }

  private comparison(): FilterNode {
    const left = this.operand();
    const token = this.peek();
    const operator = token.kind === 'name' && token.segments.length === 1 ? token.segments[0] : undefined;
    if (!comparisonOperators.includes(operator as ComparisonOperator)) return left;
    this.next();
    return { kind: 'compare', operator: operator as ComparisonOperator, left, right: this.operand() };
  }

  private operand(): FilterNode {
    const token = this.next();
    switch (token.kind) {
      case 'open': {
        const inner = this.nested(token, () => this.or());
        this.expect('close', 'a closing bracket');
        return inner;
      }
      case 'string':
      case 'number':
      case 'datetime':
        return { kind: 'literal', value: token.value };
      case 'name':
        return this.name(token);
      default:
        return this.fail(`expected a value, a field or a bracket, found ${describe(token)}`, token);
    }
  }

  private name(token: Token & { kind: 'name' }): FilterNode {
    const [first] = token.segments;
    if (token.segments.length === 1 && first !== undefined) {
      if (first === 'true' || first === 'false') return { kind: 'literal', value: first === 'true' };
      if (first === 'null') return { kind: 'literal', value: null };
      if (keywords.has(first)) return this.fail(`"${first}" cannot stand here`, token);
      if (filterFunctions.includes(first as FilterFunction) && this.peek().kind === 'open')
        return this.call(first as FilterFunction);
    }
    return { kind: 'field', path: this.path(token) };
  }

  private call(name: FilterFunction): FilterNode {
    this.next();
    const field = this.next();
    if (field.kind !== 'name')
      return this.fail(`${name}() takes a field first, found ${describe(field)}`, field);
    const path = this.path(field);
    this.expect('comma', 'a comma');
    const argument = this.next();
    if (argument.kind !== 'string')
      return this.fail(`${name}() takes a string literal second, found ${describe(argument)}`, argument);
    this.expect('close', 'a closing bracket');
    return { kind: 'call', name, path, argument: argument.value };
  }

  private path(token: Token & { kind: 'name' }): readonly string[] {
    const path = token.segments.join('/');
    if (token.segments.some((segment) => keywords.has(segment))) this.fail(`"${path}" is not a field`, token);
    const { fields } = this.options;
    if (fields !== undefined && !fields.has(path)) this.fail(`unknown field "${path}"`, token);
    return token.segments;
  }

  /** A node that must be a condition (operand of and / or / not, or the whole filter). */
  private condition(node: FilterNode, position: number): FilterNode {
    if (node.kind === 'literal' && typeof node.value !== 'boolean') {
      throw new ODataError('$filter', 'a condition is expected, not a value', position);
    }
    return node;
  }

  private nested<T>(token: Token, parse: () => T): T {
    if (++this.depth > filterDepthMax) this.fail(`nested deeper than ${filterDepthMax} levels`, token);
    const result = parse();
    this.depth--;
    return result;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.segments.length === 1 && token.segments[0] === word;
  }

  private expect(kind: Token['kind'], what: string): Token {
    const token = this.next();
    if (token.kind !== kind) this.fail(`expected ${what}, found ${describe(token)}`, token);
    return token;
  }

  private peek(): Token {
    return this.tokens[this.at] ?? (this.tokens.at(-1) as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.at++;
    return token;
  }

  private fail(detail: string, token: Token): never {
    throw new ODataError('$filter', detail, token.position);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'open':
      return '"("';
    case 'close':
      return '")"';
    case 'comma':
      return '","';
    case 'string':
      return 'a string';
    case 'number':
      return `the number ${token.value}`;
    case 'datetime':
      return `the date-time ${token.value.text}`;
    case 'name':
      return `"${token.segments.join('/')}"`;
  }
}

// --- Evaluation ---------------------------------------------------------------------------------------------------

/** Whether `item` passes the filter. Never throws. */
export function matchesFilter(node: FilterNode, item: unknown): boolean {
  return evaluate(node, item) === true;
}

function evaluate(node: FilterNode, item: unknown): unknown {
  switch (node.kind) {
    case 'or':
      return evaluate(node.left, item) === true || evaluate(node.right, item) === true;
    case 'and':
      return evaluate(node.left, item) === true && evaluate(node.right, item) === true;
    case 'not':
      return evaluate(node.operand, item) !== true;
    case 'compare':
      return compare(node.operator, evaluate(node.left, item), evaluate(node.right, item));
    case 'call':
      return call(node.name, fieldValue(item, node.path), node.argument);
    case 'field':
      return fieldValue(item, node.path);
    case 'literal':
      return node.value;
  }
}

/** The value at a path (`a/b`), or null when any step is missing; only own properties of plain objects count. */
export function fieldValue(item: unknown, path: readonly string[]): unknown {
  let value = item;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, segment))
      return null;
    value = (value as Record<string, unknown>)[segment];
  }
  return value ?? null;
}

function call(name: FilterFunction, value: unknown, argument: string): boolean {
  // contains() on a list of strings asks for membership (`contains(user_ids,'user-anna')`).
  if (name === 'contains' && Array.isArray(value)) return value.includes(argument);
  if (typeof value !== 'string') return false;
  if (name === 'contains') return value.includes(argument);
  return name === 'startswith' ? value.startsWith(argument) : value.endsWith(argument);
}

function compare(operator: ComparisonOperator, left: unknown, right: unknown): boolean {
  if (operator === 'eq') return isEqual(left, right);
  if (operator === 'ne') return !isEqual(left, right);
  const order = orderOf(left, right);
  if (order === undefined) return false;
  switch (operator) {
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

function isEqual(left: unknown, right: unknown): boolean {
  if (left === null || right === null) return left === right;
  return orderOf(left, right) === 0;
}

/**
 * How two values of one type order (negative, zero, positive), or undefined when they do not compare. A date-time
 * compares with another or with a string that is a date-time (a field such as `utc_date_time`), as instants.
 */
export function orderOf(left: unknown, right: unknown): number | undefined {
  if (isDateTime(left) || isDateTime(right)) {
    const a = asEpochMs(left);
    const b = asEpochMs(right);
    return a === undefined || b === undefined ? undefined : Math.sign(a - b);
  }
  if (typeof left === 'number' && typeof right === 'number') return Math.sign(left - right);
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  return undefined;
}

function isDateTime(value: unknown): value is DateTimeValue {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'datetime';
}

function asEpochMs(value: unknown): number | undefined {
  if (isDateTime(value)) return value.epochMs;
  return typeof value === 'string' ? parseDateTime(value)?.epochMs : undefined;
}
