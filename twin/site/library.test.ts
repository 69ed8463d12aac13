import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSite, loadNamedSite, loadSiteFile, siteNames } from './library.ts';
import type { Position, SiteSpec } from './spec.ts';
import { formatSpecErrors } from './spec-error.ts';
import { parseSiteSpec } from './validate.ts';

function namedSite(name: string): SiteSpec {
  const result = parseSiteSpec(loadNamedSite(name));
  if (!result.ok) throw new Error(formatSpecErrors(result.errors));
  return result.spec;
}

const distanceM = (a: Position, b: Position): number => Math.hypot(a.x - b.x, a.y - b.y);

describe('the site library', () => {
  it('lists its sites sorted, each with a one-line description', () => {
    expect(siteNames()).toEqual(['campus', 'office', 'two-doors']);
    for (const name of siteNames()) expect(describeSite(name)).toMatch(/^[^\n]{10,}$/);
    expect(describeSite('nowhere')).toBeUndefined();
    expect(loadNamedSite('nowhere')).toBeUndefined();
    expect(loadNamedSite('toString')).toBeUndefined();
  });

  it('hands out a fresh copy on every load', () => {
    const first = loadNamedSite('office');
    first?.iqs.pop();
    expect(loadNamedSite('office')?.iqs).toHaveLength(1);
  });

  it('has an office with every lock kind, radio distances as calibrated, and people to fill in', () => {
    const office = namedSite('office');
    expect(office.timeZone).toBe('Europe/Amsterdam');
    expect(office.locks.map((lock) => lock.kind).sort()).toEqual([
      'bluenet-cylinder',
      'bluenet-escutcheon',
      'bluenet-escutcheon',
      'escutcheon',
      'pin',
      'wall-reader',
    ]);
    const [iq] = office.iqs;
    const [repeater] = office.repeaters;
    if (!iq || !repeater) throw new Error('office has an IQ and a repeater');
    const near = office.locks.filter((lock) => distanceM(iq.position, lock.position) <= 7);
    expect(near).toHaveLength(5);
    for (const lock of near) expect(distanceM(iq.position, lock.position)).toBeGreaterThanOrEqual(3);
    const storage = office.locks.find((lock) => lock.id === 'lock-storage');
    expect(storage && distanceM(repeater.position, storage.position)).toBeLessThanOrEqual(8);
    expect(distanceM(iq.position, repeater.position)).toBeLessThanOrEqual(8);
    expect(office.users).toHaveLength(8);
    expect(office.users.some((user) => user.name === undefined)).toBe(true);
    expect(office.users.some((user) => user.pin !== undefined)).toBe(true);
    expect(office.phones.filter((phone) => !phone.internet)).toHaveLength(1);
    expect(office.locks.filter((lock) => lock.access !== 'all').length).toBeGreaterThan(0);
  });

  it('has two doors whose locks are 1 m apart', () => {
    const site = namedSite('two-doors');
    const [left, right] = site.locks;
    expect(left && right && distanceM(left.position, right.position)).toBe(1);
    expect(site.users).toHaveLength(2);
    expect(site.tags).toHaveLength(2);
    expect(site.phones).toHaveLength(2);
  });

  it('has a campus that parses', () => {
    expect(namedSite('campus').locks).toHaveLength(1_024);
  });
});

describe('loadSiteFile', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lockstep-site-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };

  it('loads and validates a spec file, byte-order mark or not', () => {
    const text = JSON.stringify(loadNamedSite('two-doors'));
    expect(loadSiteFile(write('site.json', text)).ok).toBe(true);
    expect(loadSiteFile(write('bom.json', `\uFEFF${text}`)).ok).toBe(true);
  });

  it('reports malformed JSON at (file), with the line and column when known', () => {
    const result = loadSiteFile(write('bad.json', '{\n  "name": "x",\n}\n'));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '(file)',
          message: expect.stringMatching(/bad\.json is not valid JSON: .*\(line 3, column 1\)$/),
        },
      ],
    });
  });

  it('reports a file it cannot read at (file), without throwing', () => {
    const result = loadSiteFile(join(directory, 'missing.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('(file)');
    expect(result.errors[0]?.message).toMatch(/^cannot read .*missing\.json: ENOENT/);
    expect(loadSiteFile(directory).ok).toBe(false);
  });

  it('reports a bad field of a valid JSON file by its path', () => {
    const site = loadNamedSite('office');
    const path = write('office.json', JSON.stringify({ ...site, timeZone: 'Nowhere/Special' }));
    expect(loadSiteFile(path)).toEqual({
      ok: false,
      errors: [{ path: 'timeZone', message: expect.any(String) }],
    });
  });
});
