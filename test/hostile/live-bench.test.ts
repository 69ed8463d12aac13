/** The `ws-p99-ms-200-clients` bench, run small: its subscribers all subscribe and events reach them, timed. */
import { describe, expect, it } from 'vitest';
import { measureLiveWsP99Ms } from '../../bin/bench/live-ws-bench.ts';

describe('the live WebSocket bench', () => {
  it('measures the p99 delay of events to 10 authenticated subscribers over 2 s', async () => {
    const p99Ms = await measureLiveWsP99Ms({ subscribers: 10, measureWallMs: 2_000 });
    expect(Number.isFinite(p99Ms)).toBe(true);
    expect(p99Ms).toBeGreaterThanOrEqual(0);
    expect(p99Ms).toBeLessThan(2_000);
  }, 30_000);
});
