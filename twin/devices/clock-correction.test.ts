import { describe, expect, it } from 'vitest';
import { smallSite } from '../../test/fixtures/sites.ts';
import { heartbeatIntervalMsDefault } from '../defaults.ts';
import { createTwin, type Twin } from '../twin.ts';

function twinOf(defects: string[] = []): Twin {
  const spec = smallSite({ locks: [{ id: 'lock-a', x: 4 }] });
  return createTwin({ spec, seed: 5, defects, trace: { keepLinesMax: 100_000 } });
}

const corrections = (twin: Twin): { t: number; detail: string }[] =>
  twin.trace
    .lines()
    .map((line) => JSON.parse(line) as { t: number; kind: string; category?: string; detail: string })
    .filter((event) => event.kind === 'lock.audit' && event.category === 'clock_corrected');

describe('lock clocks: the IQ corrects them with its heartbeat', () => {
  it('takes the IQ time with the next heartbeat, by the whole offset, with one entry stamped right', () => {
    const twin = twinOf();
    twin.runUntil(1_000);
    twin.apply({ type: 'lock-clock', lock: 'lock-a', offsetMs: -7_200_000 });
    twin.runUntil(heartbeatIntervalMsDefault - 1);
    expect(corrections(twin)).toEqual([]);
    twin.runUntil(heartbeatIntervalMsDefault + 5_000);
    const [correction, ...more] = corrections(twin);
    expect(more).toEqual([]);
    expect(correction?.detail).toBe('clock corrected by 7200000 ms');
    expect(correction?.t).toBeGreaterThanOrEqual(heartbeatIntervalMsDefault);
    const entry = twin.entries.entries().find((item) => item.category === 'clock_corrected');
    // Stamped with the corrected clock: the true time of the correction.
    expect(entry?.atMs).toBe(correction?.t);
    twin.runUntil(5 * heartbeatIntervalMsDefault);
    expect(corrections(twin)).toHaveLength(1);
  });

  it('leaves a clock less than a second off alone', () => {
    const twin = twinOf();
    twin.apply({ type: 'lock-clock', lock: 'lock-a', offsetMs: 999 });
    twin.runUntil(3 * heartbeatIntervalMsDefault);
    expect(corrections(twin)).toEqual([]);
    twin.apply({ type: 'lock-clock', lock: 'lock-a', offsetMs: -1_000 });
    twin.runUntil(5 * heartbeatIntervalMsDefault);
    expect(corrections(twin).map((item) => item.detail)).toEqual(['clock corrected by 1000 ms']);
  });

  it('stays off while its IQ is off, and is corrected once the IQ polls again', () => {
    const twin = twinOf();
    twin.apply({ type: 'power', device: 'iq-1', on: false });
    twin.apply({ type: 'lock-clock', lock: 'lock-a', offsetMs: 3_600_000 });
    twin.runUntil(10 * heartbeatIntervalMsDefault);
    expect(corrections(twin)).toEqual([]);
    twin.apply({ type: 'power', device: 'iq-1', on: true });
    twin.runUntil(12 * heartbeatIntervalMsDefault);
    expect(corrections(twin)).toHaveLength(1);
  });

  it('with clock-never-corrected the lock keeps its drifted clock', () => {
    const twin = twinOf(['clock-never-corrected']);
    twin.apply({ type: 'lock-clock', lock: 'lock-a', offsetMs: 3_600_000 });
    twin.runUntil(5 * heartbeatIntervalMsDefault);
    expect(corrections(twin)).toEqual([]);
  });
});
