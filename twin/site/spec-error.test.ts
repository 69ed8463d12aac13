import { describe, expect, it } from 'vitest';
import { formatPath, formatSpecErrors } from './spec-error.ts';

describe('formatPath', () => {
  it('writes indices in brackets and keys after dots', () => {
    expect(formatPath(['locks', 3, 'openTimeMs'])).toBe('locks[3].openTimeMs');
    expect(formatPath(['locks', 0, 'access', 2])).toBe('locks[0].access[2]');
    expect(formatPath(['timeZone'])).toBe('timeZone');
  });

  it('names the whole spec for an empty path and quotes keys that are not plain names', () => {
    expect(formatPath([])).toBe('(spec)');
    expect(formatPath(['locks', 0, 'open time'])).toBe('locks[0]["open time"]');
  });
});

describe('formatSpecErrors', () => {
  it('gives one line per error, in order', () => {
    const text = formatSpecErrors([
      { path: 'locks[3].openTimeMs', message: 'must be at most 240000' },
      { path: 'phones[0].user', message: 'names user "x", which the site does not have' },
    ]);
    expect(text.split('\n')).toEqual([
      'site spec: locks[3].openTimeMs: must be at most 240000',
      'site spec: phones[0].user: names user "x", which the site does not have',
    ]);
  });
});
