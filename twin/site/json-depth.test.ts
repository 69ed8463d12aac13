import { describe, expect, it } from 'vitest';
import { jsonTextProblem, jsonValueProblem, parseJsonText } from './json-depth.ts';
import { jsonDepthMax } from './physical-bounds.ts';

/** `depth` arrays nested in one another around a 0, as text. */
function nestedText(depth: number): string {
  return `${'['.repeat(depth)}0${']'.repeat(depth)}`;
}

describe('parseJsonText', () => {
  it('parses a document nested exactly to the limit, refuses one level more with the path', () => {
    expect(parseJsonText(nestedText(jsonDepthMax))).toMatchObject({ ok: true });
    const refused = parseJsonText(`{"inputs":[{"args":${nestedText(jsonDepthMax)}}]}`);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.path).toMatch(/^inputs\[0\]\.args(\[0\])+$/);
    expect(refused.error.message).toBe(`is nested deeper than ${jsonDepthMax} levels of arrays and objects`);
  });

  it('refuses 200,000 levels without overflowing the stack or building the document', () => {
    const refused = parseJsonText(`{"a":${nestedText(200_000)}}`);
    expect(refused).toMatchObject({ ok: false, error: { message: /deeper than 64/ } });
  });

  it('refuses numbers a double cannot hold (1e400, a 1 with 400 zeros), naming the field; 1e308 is a number', () => {
    expect(parseJsonText('{"until":1e400}')).toMatchObject({
      ok: false,
      error: { path: 'until', message: 'is a number too large to hold (1e400)' },
    });
    expect(parseJsonText(`{"x":[1,2,-1${'0'.repeat(400)}]}`)).toMatchObject({
      ok: false,
      error: { path: 'x[2]', message: /too large to hold \(-1000/ },
    });
    expect(parseJsonText('{"x":1e308}')).toEqual({ ok: true, value: { x: 1e308 } });
  });

  it('ignores brackets and digits inside strings and escaped quotes', () => {
    const text = `{"a\\"[":"${'['.repeat(100)} 1e999", "b":[1,{"c":"]]]"}]}`;
    expect(parseJsonText(text)).toMatchObject({ ok: true });
  });

  it('reports text that is not JSON at the root path given', () => {
    expect(parseJsonText('{"name":', { rootPath: '(file)' })).toMatchObject({
      ok: false,
      error: { path: '(file)', message: /^is not valid JSON: / },
    });
  });

  it('takes a smaller depth limit when asked', () => {
    expect(jsonTextProblem('[[[]]]', { depthMax: 2 })).toMatchObject({ path: '[0][0]' });
    expect(jsonValueProblem([[[]]], { depthMax: 2 })).toMatchObject({ path: '[0][0]' });
    expect(jsonTextProblem('[[]]', { depthMax: 2 })).toBeUndefined();
  });
});

describe('jsonValueProblem', () => {
  it('finds the first over-deep container of a parsed value, with its keys, at any depth', () => {
    let deep: unknown = 0;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const problem = jsonValueProblem({ ok: [1, 2], args: [{ x: deep }] });
    expect(problem?.keys.slice(0, 4)).toEqual(['args', 0, 'x', 0]);
    expect(problem?.keys).toHaveLength(jsonDepthMax);
    expect(problem?.message).toMatch(/deeper than 64/);
  });

  it('finds non-finite numbers (what JSON.parse makes of 1e400) and passes plain values', () => {
    expect(jsonValueProblem({ a: [1, { b: Number.POSITIVE_INFINITY }] })).toMatchObject({
      path: 'a[1].b',
      keys: ['a', 1, 'b'],
      message: 'is not a finite number (Infinity)',
    });
    expect(jsonValueProblem(Number.NaN)).toMatchObject({ path: '(spec)' });
    expect(jsonValueProblem({ a: [1, 'x', null, { b: true }] })).toBeUndefined();
  });
});
