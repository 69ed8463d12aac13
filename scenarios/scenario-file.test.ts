import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBytesMax } from '../twin/index.ts';
import { runScenario } from './run-scenario.ts';
import { parseScenario, readJsonFile } from './scenario-file.ts';

function errorsOf(json: unknown): string[] {
  const parsed = parseScenario(json);
  return parsed.ok ? [] : parsed.errors.map((error) => `${error.path}: ${error.message}`);
}

function fileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lockstep-file-')), 'file.json');
  writeFileSync(path, text);
  return path;
}

const tap = { type: 'tap-phone', phone: 'phone-1', lock: 'lock-left' };

describe('parseScenario: durations within the longest run', () => {
  it('refuses an until of 1e308, 365d or a 1 with 400 zeros, naming the field', () => {
    for (const until of [1e308, '365d', `1${'0'.repeat(400)}`])
      expect(errorsOf({ name: 'long', site: 'two-doors', until })).toEqual([
        expect.stringMatching(/^until: .* is longer than the longest run, 100d$/),
      ]);
    expect(errorsOf({ name: 'ok', site: 'two-doors', until: '100d' })).toEqual([]);
  });

  it("refuses an input's at past the longest run or not a duration, with the input's path", () => {
    expect(
      errorsOf({
        name: 'late',
        site: 'two-doors',
        inputs: [
          { at: '5s', ...tap },
          { at: '400d', ...tap },
        ],
      }),
    ).toEqual(['inputs[1].at: "400d" is longer than the longest run, 100d']);
    expect(errorsOf({ name: 'bad', site: 'two-doors', inputs: [{ at: 'soon', ...tap }] })).toEqual([
      'inputs[0].at: "soon" is not a duration (like "90s", "2m", "1h")',
    ]);
    expect(errorsOf({ name: 'none', site: 'two-doors', inputs: [{ ...tap }] })).toEqual([
      'inputs[0].at: is required: a time from the start, like "10s" or 10000',
    ]);
  });
});

describe('readJsonFile: bounded before it is read or parsed', () => {
  it('reads a plain file', () => {
    expect(readJsonFile(fileWith('{"name":"x"}'))).toEqual({ ok: true, value: { name: 'x' } });
  });

  it('refuses a file over the size limit without reading it', () => {
    const path = fileWith(' '.repeat(fileBytesMax + 1));
    expect(readJsonFile(path)).toEqual({
      ok: false,
      errors: [
        {
          path: '(file)',
          message: `${path} is ${fileBytesMax + 1} bytes; a file may hold at most ${fileBytesMax} bytes`,
        },
      ],
    });
  });

  it('refuses deep nesting and unholdable numbers with the path of the field, bad JSON and directories as the file', () => {
    expect(readJsonFile(fileWith(`{"site":{"iqs":${'['.repeat(100)}${']'.repeat(100)}}}`))).toMatchObject({
      ok: false,
      errors: [
        {
          path: expect.stringMatching(/^site\.iqs(\[0\])+$/) as unknown as string,
          message: /deeper than 64/,
        },
      ],
    });
    expect(readJsonFile(fileWith('{"until":1e999}'))).toMatchObject({
      ok: false,
      errors: [{ path: 'until' }],
    });
    const broken = fileWith('{"name":');
    expect(readJsonFile(broken)).toMatchObject({
      ok: false,
      errors: [
        {
          path: '(file)',
          message: expect.stringContaining(`${broken} is not valid JSON`) as unknown as string,
        },
      ],
    });
    expect(readJsonFile(tmpdir())).toMatchObject({
      ok: false,
      errors: [{ path: '(file)', message: /is not a file/ }],
    });
  });
});

describe('parseScenario: a wall reader is mains powered', () => {
  const library = JSON.parse(
    readFileSync(new URL('./library/wall-reader-mains.json', import.meta.url), 'utf8'),
  ) as { site: { locks: Record<string, unknown>[] } };

  it('refuses a battery input naming a wall reader, and takes one naming a battery lock', () => {
    const battery = (lock: string) => ({ at: '1m', type: 'battery', lock, level: 'low' });
    expect(errorsOf({ name: 'gate', site: library.site, inputs: [battery('lock-gate')] })).toEqual([
      'inputs[0].lock: lock "lock-gate" is a wall reader: mains powered, it has no battery',
    ]);
    expect(errorsOf({ name: 'store', site: library.site, inputs: [battery('lock-store')] })).toEqual([]);
  });

  it('refuses a site whose wall reader has a battery level other than fresh', () => {
    const locks = library.site.locks.map((lock) =>
      lock.id === 'lock-gate' ? { ...lock, battery: 'low' } : lock,
    );
    expect(errorsOf({ name: 'gate', site: { ...library.site, locks } })).toEqual([
      expect.stringMatching(/^site\.locks\[0\]\.battery: a wall reader is mains powered/),
    ]);
  });
});

describe('parseScenario: the background traffic rate', () => {
  it('takes a rate within its bounds and refuses one outside them, naming the field', () => {
    const background = { name: 'busy', site: 'two-doors', background: true };
    expect(errorsOf({ ...background, visitsPerLockPerHour: 24 })).toEqual([]);
    for (const rate of [0, 601, -1, 'many'])
      expect(errorsOf({ ...background, visitsPerLockPerHour: rate })).toEqual([
        expect.stringMatching(/^visitsPerLockPerHour: /),
      ]);
  });

  it('runs more visits at a higher rate, the same ones for the same seed', () => {
    const inputsAt = (visitsPerLockPerHour: number): number => {
      const parsed = parseScenario({
        name: 'busy',
        site: 'two-doors',
        seed: 3,
        until: '2h',
        background: true,
        visitsPerLockPerHour,
        expect: [],
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return runScenario(parsed.value).events;
    };
    const quiet = inputsAt(1);
    expect(inputsAt(40)).toBeGreaterThan(quiet * 5);
    expect(inputsAt(1)).toBe(quiet);
  });
});
