import { describe, expect, it } from 'vitest';
import { smallSite } from '../../test/fixtures/sites.ts';
import { heartbeatIntervalMsDefault, missedHeartbeatsOffline } from '../defaults.ts';
import { createTwin } from '../twin.ts';
import type { SmallSiteOptions } from '../../test/fixtures/sites.ts';

/** Fifteen heartbeat rounds: room for a run of 5 misses even on a lucky link. */
const windowMs = 3 * missedHeartbeatsOffline * heartbeatIntervalMsDefault;
const seeds = [1, 2, 3, 4, 5];
const alone: SmallSiteOptions = { locks: [{ id: 'far', x: 25 }] };
const withRepeater: SmallSiteOptions = {
  locks: [{ id: 'far', x: 25 }],
  repeaters: [{ id: 'rep-1', x: 12.5 }],
};
/** Shadowing held at its median: geometry alone decides, for statements about distance. */
const medianShadowing = { radio: { shadowingSigmaDb: 0 } };

function wentOffline(options: SmallSiteOptions, seed: number): boolean {
  const twin = createTwin({ spec: smallSite(options), seed, trace: { keepLinesMax: 100_000 } });
  twin.runUntil(windowMs);
  const offline = twin.trace.lines().find((line) => line.includes('"kind":"iq.lock-offline"'));
  if (offline !== undefined) expect(offline).toMatch(new RegExp(`"missed":${missedHeartbeatsOffline}`));
  return offline !== undefined;
}

describe('radio reachability', () => {
  it.each(seeds)(
    'a lock 25 m from its IQ without a repeater goes offline after 5 missed heartbeats (seed %i)',
    (seed) => {
      expect(wentOffline({ ...alone, settings: medianShadowing }, seed)).toBe(true);
    },
  );

  it.each(seeds)('the same lock with a repeater midway stays online (seed %i)', (seed) => {
    const twin = createTwin({ spec: smallSite({ ...withRepeater, settings: medianShadowing }), seed });
    expect(twin.lockView('far').parent).toBe('rep-1');
    expect(wentOffline({ ...withRepeater, settings: medianShadowing }, seed)).toBe(false);
  });

  it('holds the calibration over random shadowing: at least 9 in 10 seeds each way', () => {
    const calibrationSeeds = Array.from({ length: 40 }, (_, index) => 100 + index);
    const offlineAlone = calibrationSeeds.filter((seed) => wentOffline(alone, seed)).length;
    const onlineWithRepeater = calibrationSeeds.filter((seed) => !wentOffline(withRepeater, seed)).length;
    expect(offlineAlone).toBeGreaterThanOrEqual(36);
    expect(onlineWithRepeater).toBeGreaterThanOrEqual(36);
  });

  it('a lock 4 m from its IQ loses no heartbeat', () => {
    const twin = createTwin({
      spec: smallSite({ locks: [{ id: 'near', x: 4 }] }),
      seed: 1,
      trace: { keepLinesMax: 100_000 },
    });
    twin.runUntil(60 * heartbeatIntervalMsDefault);
    const hops = twin.trace.lines().filter((line) => line.includes('"kind":"radio.hop"'));
    expect(hops.length).toBeGreaterThan(100);
    expect(hops.filter((line) => line.includes('"ok":false'))).toHaveLength(0);
  });

  it('a lock 10 m from its IQ is marginal: some attempts need retries, yet it stays online', () => {
    let retried = 0;
    let hops = 0;
    for (const seed of seeds) {
      const twin = createTwin({
        spec: smallSite({ locks: [{ id: 'mid', x: 10 }], settings: medianShadowing }),
        seed,
        trace: { keepLinesMax: 100_000 },
      });
      twin.runUntil(30 * heartbeatIntervalMsDefault);
      expect(twin.lockView('mid').online).toBe(true);
      const lines = twin.trace.lines().filter((line) => line.includes('"kind":"radio.hop"'));
      hops += lines.length;
      retried += lines.filter((line) => !line.includes('"tries":1}')).length;
    }
    expect(retried).toBeGreaterThan(0);
    expect(retried).toBeLessThan(hops / 2);
  });

  it('a repeater without power cuts its locks off, and they come back when it returns', () => {
    const twin = createTwin({
      spec: smallSite({ locks: [{ id: 'far', x: 17 }], repeaters: [{ id: 'rep-1', x: 9 }] }),
      seed: 1,
    });
    twin.apply({ type: 'power', device: 'rep-1', on: false });
    twin.runUntil(windowMs);
    expect(twin.lockView('far').online).toBe(false);
    twin.apply({ type: 'power', device: 'rep-1', on: true });
    twin.runUntil(windowMs + 3 * heartbeatIntervalMsDefault);
    expect(twin.lockView('far').online).toBe(true);
  });
});
