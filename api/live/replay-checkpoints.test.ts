/**
 * `state-at` checkpoints: an answer from a parked twin is the answer of a replay from the start, forwards and
 * backwards, once the idle refill has put a twin in every bucket, and after the timeline changes.
 */
import { describe, expect, it } from 'vitest';
import { liveTwinOfNamedSite } from '../live-twin.ts';
import { ReplayCheckpoints } from './replay-checkpoints.ts';
import { replayState } from './replay.ts';

const hourMs = 3_600_000;

describe('replay checkpoints', () => {
  it('answer as a replay from the start does, from twins parked through a six-hour office session', () => {
    const live = liveTwinOfNamedSite('office', { paused: true });
    live.advance(6 * hourMs);
    const file = live.exportScenario();
    const checkpoints = new ReplayCheckpoints();
    expect(checkpoints.refillStep()).toBe(false); // nothing to fill before a timeline is known

    const first = checkpoints.stateAt({ file, ms: 5 * hourMs + 17 });
    expect(first).toEqual(replayState({ file, ms: 5 * hourMs + 17 }));
    expect(checkpoints.stats().emptyBuckets).toBe(6);
    let steps = 0;
    while (checkpoints.refillStep() && steps < 100) steps++;
    expect(steps).toBeGreaterThan(6);
    expect(checkpoints.stats()).toMatchObject({ emptyBuckets: 0, intervalMs: hourMs });

    for (const ms of [6 * hourMs, 2 * hourMs + 500, 2 * hourMs + 400, 4 * hourMs - 1, 0]) {
      const answer = checkpoints.stateAt({ file, ms });
      expect(answer).toMatchObject({ ok: true, result: { virtualMs: ms } });
      expect(answer).toEqual(replayState({ file, ms }));
    }
    expect(checkpoints.stats().parked).toBeLessThanOrEqual(7 + 4);
  });

  it('drops its twins for a timeline with another input, and answers for that one', () => {
    const live = liveTwinOfNamedSite('office', { paused: true });
    live.advance(2 * hourMs);
    const file = live.exportScenario();
    const checkpoints = new ReplayCheckpoints();
    checkpoints.stateAt({ file, ms: hourMs });
    while (checkpoints.refillStep());
    const opened = {
      ...file,
      inputs: [{ at: hourMs - 2_000, type: 'force-door', door: 'door-front' }],
    };
    const answer = checkpoints.stateAt({ file: opened, ms: hourMs });
    expect(answer).toEqual(replayState({ file: opened, ms: hourMs }));
    expect(answer).not.toEqual(replayState({ file, ms: hourMs }));
    expect(checkpoints.stats().emptyBuckets).toBeGreaterThan(0);
  });
});
