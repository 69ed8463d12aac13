import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import {
  Trace,
  canonicalLine,
  firstDivergence,
  fingerprintOf,
  flatEventEncoding,
  type FlatTraceEvent,
  type TraceFields,
} from './trace.ts';
import type { JsonValue } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: true }, e: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x"]},"b":1}',
    );
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
  });
});

describe('Trace', () => {
  const flatTrace = (nowMs: () => number, options = {}) =>
    new Trace<FlatTraceEvent & Record<string, unknown>>(nowMs, flatEventEncoding, options);
  const recordSample = (trace: ReturnType<typeof flatTrace>, tag: string): void => {
    trace.record({ kind: 'door', device: 'door-1', open: true });
    trace.record({ kind: 'packet', device: 'lock-1', to: 'iq-1', ok: tag === 'same' });
  };

  it('stamps each line with sequence and virtual time', () => {
    let nowMs = 0;
    const trace = flatTrace(() => nowMs, { keepLinesMax: 10 });
    trace.record({ kind: 'start' });
    nowMs = 1500;
    trace.record({ kind: 'door', device: 'door-1', open: true });
    expect(trace.lines()).toEqual([
      '{"kind":"start","seq":0,"t":0}',
      '{"device":"door-1","kind":"door","open":true,"seq":1,"t":1500}',
    ]);
  });

  it('gives identical fingerprints for identical events and different ones otherwise', () => {
    const a = flatTrace(() => 0);
    const b = flatTrace(() => 0);
    const c = flatTrace(() => 0);
    recordSample(a, 'same');
    recordSample(b, 'same');
    recordSample(c, 'other');
    expect(a.fingerprint()).toBe(b.fingerprint());
    expect(a.fingerprint()).not.toBe(c.fingerprint());
  });

  it('computes the same fingerprint in batches as over the whole JSON Lines text', () => {
    const lines: string[] = [];
    const trace = flatTrace(() => 3, { onLine: (line: string) => lines.push(line) });
    for (let i = 0; i < 5_000; i++) trace.record({ kind: 'tick', device: `lock-${i % 7}`, i });
    expect(trace.fingerprint()).toBe(fingerprintOf(lines));
    expect(trace.events).toBe(5_000);
  });

  it('names the first event where two traces part', () => {
    expect(firstDivergence(['a', 'b', 'c'], ['a', 'b', 'c'])).toBeUndefined();
    expect(firstDivergence(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual({ index: 1, left: 'b', right: 'x' });
    expect(firstDivergence(['a'], ['a', 'b'])).toEqual({ index: 1, left: undefined, right: 'b' });
  });
});

describe('canonicalLine', () => {
  it('writes the same text as canonicalJson of the spread event', () => {
    const samples: [string, string | undefined, Record<string, unknown> | undefined][] = [
      ['radio.hop', 'lock-1', { to: 'iq-1', msg: 'hb', ok: true, tries: 2, rssi: -81.5 }],
      [
        'ble.tap',
        'phone-1',
        { aimed: 'lock-a', taken: null, heard: ['lock-a:-50', 'lock-b:-60'], quote: 'say "hi"\n' },
      ],
      ['twin.start', undefined, undefined],
      ['odd', 'x', { seq: 99, zeta: 1, alpha: false, kind: 'shadowed' }],
    ];
    for (const [kind, device, fields] of samples) {
      const spread = { ...(fields as object), seq: 5, t: 1234, kind, device } as JsonValue;
      expect(canonicalLine(5, 1234, kind, device, fields as TraceFields)).toBe(canonicalJson(spread));
    }
  });
});
