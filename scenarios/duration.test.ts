import { describe, expect, it } from 'vitest';
import { formatDurationMs, parseDurationMs } from './duration.ts';

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

  it('formats back to the short form', () => {
    expect(formatDurationMs(3_723_000)).toBe('1h2m3s');
    expect(formatDurationMs(0)).toBe('0s');
  });
});
