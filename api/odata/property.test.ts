/**
 * Properties of the `$filter` parser: junk of every kind is refused with the typed error and nothing else, and a
 * filter printed from a random expression tree parses back to a filter that selects exactly the same items.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ODataError } from './errors.ts';
import { matchesFilter, parseFilter, type FilterNode } from './filter.ts';
import { parseOrderBy } from './orderby.ts';

/** Parses, and says how it went; anything thrown but the typed error fails the property. */
function parseOutcome(parse: () => unknown): 'parsed' | 'refused' {
  try {
    parse();
    return 'parsed';
  } catch (error) {
    if (error instanceof ODataError) return 'refused';
    throw error;
  }
}

const filterPieces = [
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'and',
  'or',
  'not',
  '(',
  ')',
  ',',
  "'",
  "''",
  'true',
  'false',
  'null',
  'contains',
  'startswith',
  'endswith',
  'a',
  'b/c',
  '/',
  '1',
  '-2.5e3',
  '2026-03-02T08:00:00Z',
  '2026-02-30',
  "'x'",
  ' ',
  '\t',
  '$',
  '😀',
  '\u0000',
  'é',
  '-',
  '.',
  '9999999999999999999999',
  '1e400',
];

const tokenSoup = fc
  .array(fc.constantFrom(...filterPieces), { maxLength: 30 })
  .map((pieces) => pieces.join(' '));
const gluedSoup = fc
  .array(fc.constantFrom(...filterPieces), { maxLength: 30 })
  .map((pieces) => pieces.join(''));

describe('$filter parser properties', () => {
  it('refuses any junk string with the typed error only', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          tokenSoup,
          gluedSoup,
        ),
        (text) => {
          parseOutcome(() => parseFilter(text));
          parseOutcome(() => parseOrderBy(text));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('evaluates whatever it parses without throwing', () => {
    const item = { a: 1, b: { c: 'x' }, list: ['x'] };
    fc.assert(
      fc.property(tokenSoup, (text) => {
        let node: FilterNode;
        try {
          node = parseFilter(text);
        } catch (error) {
          if (error instanceof ODataError) return;
          throw error;
        }
        expect(typeof matchesFilter(node, item)).toBe('boolean');
      }),
      { numRuns: 3_000 },
    );
  });

  it('parses printed expressions back to the same selection', () => {
    const items = [
      { n: 1, s: "it's", b: true, d: '2026-03-02T08:00:00.000Z', o: { n: 2 } },
      { n: 2, s: 'abc', b: false, d: '2026-03-02T09:00:00.000Z', o: { n: 1 } },
      { n: 3, s: '', b: true, d: null, o: null },
    ];
    fc.assert(
      fc.property(printableFilter, ({ text, select }) => {
        const node = parseFilter(text);
        expect(items.map((item) => matchesFilter(node, item))).toEqual(items.map(select));
      }),
      { numRuns: 1_000 },
    );
  });
});

interface Printed {
  readonly text: string;
  readonly select: (item: Record<string, unknown>) => boolean;
}

const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const dateMs = (value: unknown): number | undefined =>
  typeof value === 'string' ? Date.parse(value) : undefined;

/** A comparison or function call with its printed text and what it should select, computed independently. */
const leaf: fc.Arbitrary<Printed> = fc.oneof(
  fc
    .tuple(fc.constantFrom('eq', 'ne', 'gt', 'lt'), fc.integer({ min: 0, max: 4 }))
    .map(([operator, value]) => ({
      text: `n ${operator} ${value}`,
      select: (item: Record<string, unknown>) => {
        const n = item.n as number;
        return operator === 'eq'
          ? n === value
          : operator === 'ne'
            ? n !== value
            : operator === 'gt'
              ? n > value
              : n < value;
      },
    })),
  fc.constantFrom("it's", 'abc', '', 'b').map((value) => ({
    text: `s eq ${quote(value)}`,
    select: (item: Record<string, unknown>) => item.s === value,
  })),
  fc.constantFrom("'", 'b', 'zz').map((value) => ({
    text: `contains(s,${quote(value)})`,
    select: (item: Record<string, unknown>) => (item.s as string).includes(value),
  })),
  fc
    .constantFrom(true, false)
    .map((value) => ({ text: `b eq ${value}`, select: (item: Record<string, unknown>) => item.b === value })),
  fc.constant({ text: 'b', select: (item: Record<string, unknown>) => item.b === true }),
  fc.constant({
    text: 'o/n ge 2',
    select: (item: Record<string, unknown>) => (item.o as { n: number } | null)?.n === 2,
  }),
  fc.constant({ text: 'd eq null', select: (item: Record<string, unknown>) => item.d === null }),
  fc.constantFrom('2026-03-02T08:30:00Z', '2026-03-02T10:00:00+01:00').map((literal) => ({
    text: `d lt ${literal}`,
    select: (item: Record<string, unknown>) => {
      const at = dateMs(item.d);
      return at !== undefined && at < Date.parse(literal);
    },
  })),
);

const printableFilter: fc.Arbitrary<Printed> = fc.letrec<{ node: Printed }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('node'), tie('node')).map(([left, right]) => ({
      text: `(${left.text}) and (${right.text})`,
      select: (item: Record<string, unknown>) => left.select(item) && right.select(item),
    })),
    fc.tuple(tie('node'), tie('node')).map(([left, right]) => ({
      text: `${left.text} or ${right.text}`,
      select: (item: Record<string, unknown>) => left.select(item) || right.select(item),
    })),
    tie('node').map((inner) => ({
      text: `not (${inner.text})`,
      select: (item: Record<string, unknown>) => !inner.select(item),
    })),
  ),
})).node;
