import { describe, expect, it } from 'vitest';
import { loadNamedScenario, runScenario, scenarioNames } from '../scenarios/index.ts';
import { twinEventEncoding, type TracedTwinEvent } from './events.ts';
import { canonicalJson, type JsonValue } from './kernel/canonical-json.ts';
import { genericLineEncoder } from './kernel/trace.ts';

/** Every line of a run next to the canonical JSON of the object it stands for, `{ ...fields, seq, t, kind, device }`. */
function linesOfRun(name: string): { written: string[]; canonical: string[]; kinds: Set<string> } {
  const loaded = loadNamedScenario(name);
  if (loaded === undefined || !loaded.ok) throw new Error(`scenario ${name} does not load`);
  const written: string[] = [];
  const canonical: string[] = [];
  const kinds = new Set<string>();
  const onEvent = ({ seq, tMs, event }: TracedTwinEvent): void => {
    kinds.add(event.kind);
    const fields = twinEventEncoding.fields(event);
    const device = twinEventEncoding.device(event);
    canonical.push(canonicalJson({ ...fields, seq, t: tMs, kind: event.kind, device } as JsonValue));
  };
  runScenario(loaded.value, { trace: { onEvent, onLine: (line) => written.push(line) } });
  return { written, canonical, kinds };
}

describe('twin event lines', () => {
  it('are the canonical JSON of every event in every library scenario, from the typed encoder', () => {
    const kinds = new Set<string>();
    for (const name of scenarioNames()) {
      const run = linesOfRun(name);
      expect(run.written.length).toBeGreaterThan(0);
      expect(run.written).toEqual(run.canonical);
      for (const kind of run.kinds) kinds.add(kind);
    }
    // The library reaches the kinds a campus day is made of, and the rarer ones that carry optional fields.
    for (const kind of ['radio.hop', 'radio.dropped', 'lock.audit', 'ble.tap', 'door.opened', 'input'])
      expect(kinds).toContain(kind);
  });

  it('match the generic encoder for events the library may not reach', () => {
    const typed = twinEventEncoding.lineEncoder?.();
    const generic = genericLineEncoder(twinEventEncoding);
    expect(typed).toBeDefined();
    const samples = [
      { kind: 'door.opened', device: 'door-1', forced: true },
      { kind: 'door.opened', device: 'door-1', insideHandle: false },
      { kind: 'ble.tap', device: 'phone-1', aimed: 'lock-1', taken: null, rssi: null, heard: [] },
      {
        kind: 'lock.audit',
        device: 'lock-"1"',
        auditSeq: 3,
        category: 'c',
        detail: 'é\n',
        user: null,
        credential: null,
        method: null,
      },
      { kind: 'cloud.command-result', device: 'lock-1', id: 4, ok: false, code: 409 },
      { kind: 'twin.start', site: 'office', seed: -7 },
      { kind: 'input', input: { type: 'power', device: 'iq-1', on: false } },
    ] as const;
    for (const event of samples) expect(typed?.(12, 3_400, event)).toBe(generic(12, 3_400, event));
  });

  it('refuses a non-finite number as the generic encoder does', () => {
    const typed = twinEventEncoding.lineEncoder?.();
    const event = { kind: 'lock.clock', device: 'lock-1', offsetMs: Number.NaN } as const;
    expect(() => typed?.(0, 0, event)).toThrow(RangeError);
  });
});
