import { describe, expect, it } from 'vitest';
import { runClockRace } from './clock-race.ts';

describe('runClockRace', () => {
  // Correctness only: wall-clock thresholds would make the suite flaky, speed belongs to the benchmark.
  it('counts every heartbeat on both clocks and times both drives', () => {
    const result = runClockRace({ actors: 200, heartbeatMs: 1000, simulatedMs: 5000 });
    expect(result.actors).toBe(200);
    expect(result.simulatedMs).toBe(5000);
    expect(result.heartbeats).toBe(1000);
    expect(result.oursWallMs).toBeGreaterThan(0);
    expect(result.xstateWallMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.speedup)).toBe(true);
  });

  it('rejects a simulated span that is not a whole number of heartbeats', () => {
    expect(() => runClockRace({ actors: 1, heartbeatMs: 1000, simulatedMs: 2500 })).toThrow(RangeError);
  });
});
