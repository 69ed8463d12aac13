import { describe, expect, it } from 'vitest';
import { runMsMax } from '../twin/index.ts';
import { formatDurationMs, parseDurationMs, readDurationMs } from './duration.ts';

describe('parseDurationMs', () => {
  it('reads units and combinations', () => {
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('38s')).toBe(38_000);
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('1d')).toBe(86_400_000);
    expect(parseDurationMs('1.5s')).toBe(1_500);
    expect(parseDurationMs('2500')).toBe(2_500);
    expect(parseDurationMs(42)).toBe(42);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'soon', '5 parsecs', '-3s', '3x', 'h'])
      expect(parseDurationMs(bad)).toBeUndefined();
    expect(parseDurationMs(-1)).toBeUndefined();
  });

  it('takes the longest run, 100 days, and refuses anything longer with a message', () => {
    expect(parseDurationMs('100d')).toBe(runMsMax);
    expect(parseDurationMs(runMsMax)).toBe(runMsMax);
    for (const long of ['365d', '100d1ms', '2401h', `1${'0'.repeat(400)}`, 1e308, runMsMax + 1]) {
      expect(parseDurationMs(long)).toBeUndefined();
      expect(readDurationMs(long)).toEqual({
        ok: false,
        message: expect.stringMatching(/ is longer than the longest run, 100d$/) as unknown as string,
      });
    }
    expect(readDurationMs('1e308')).toEqual({
      ok: false,
      message: '"1e308" is not a duration (like "90s", "2m", "1h")',
    });
    expect(readDurationMs(`${'1s'.repeat(40)}`)).toMatchObject({ ok: false, message: /is not a duration/ });
  });

  it('formats back to the short form', () => {
    expect(formatDurationMs(3_723_000)).toBe('1h2m3s');
    expect(formatDurationMs(0)).toBe('0s');
  });
});
