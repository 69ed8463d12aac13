import { describe, expect, it } from 'vitest';
import { ODataError } from './errors.ts';
import { parseOrderBy, sortItems } from './orderby.ts';

const items = [
  { id: 'a', lock: 'lock-2', at: 3, nested: { rank: 2 } },
  { id: 'b', lock: 'lock-1', at: 3, nested: { rank: 1 } },
  { id: 'c', lock: 'lock-2', at: 1, nested: { rank: 3 } },
  { id: 'd', lock: null, at: 2, nested: { rank: 0 } },
];

function order(text: string): string[] {
  return sortItems(items, parseOrderBy(text)).map((item) => item.id);
}

describe('$orderby', () => {
  it('sorts ascending by default, descending when asked, by several keys', () => {
    expect(order('at')).toEqual(['c', 'd', 'a', 'b']);
    expect(order('at asc')).toEqual(['c', 'd', 'a', 'b']);
    expect(order('at desc')).toEqual(['a', 'b', 'd', 'c']);
    expect(order('at desc, lock')).toEqual(['b', 'a', 'd', 'c']);
    expect(order('lock desc,at asc')).toEqual(['c', 'a', 'b', 'd']);
    expect(order('nested/rank desc')).toEqual(['c', 'a', 'b', 'd']);
  });

  it('puts nulls first ascending and last descending', () => {
    expect(order('lock')).toEqual(['d', 'b', 'a', 'c']);
    expect(order('lock desc')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts mixed types by type without throwing', () => {
    const mixed = [{ v: 'x' }, { v: 2 }, { v: true }, { v: [1] }, { v: 1 }];
    expect(sortItems(mixed, parseOrderBy('v')).map((item) => item.v)).toEqual([true, 1, 2, 'x', [1]]);
  });

  it('refuses malformed keys and fields it was not given', () => {
    const fields = new Set(['at', 'lock']);
    expect(() => parseOrderBy('at up')).toThrow(ODataError);
    expect(() => parseOrderBy('')).toThrow(ODataError);
    expect(() => parseOrderBy('at,')).toThrow(ODataError);
    expect(() => parseOrderBy('at desc asc')).toThrow(ODataError);
    expect(() => parseOrderBy('a/')).toThrow(ODataError);
    expect(() => parseOrderBy('a,b,c,d,e,f,g,h,i')).toThrow(/at most 8 keys/);
    expect(() => parseOrderBy('id', { fields })).toThrow('$orderby: cannot sort on "id" at position 0');
    expect(parseOrderBy('at desc, lock', { fields })).toEqual([
      { path: ['at'], descending: true },
      { path: ['lock'], descending: false },
    ]);
  });
});
