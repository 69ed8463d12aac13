import { describe, expect, it } from 'vitest';
import { checkDeviceReferences } from '../inputs/device-references.ts';
import { twinInputSchema } from '../inputs/input-schema.ts';
import { loadNamedSite } from '../site/library.ts';
import { parseSiteSpec } from '../site/validate.ts';
import type { SiteSpecInput } from '../site/spec.ts';

/** The office site with its garage gate changed as `gate` says. */
function officeWithGate(gate: Record<string, unknown>): SiteSpecInput {
  const office = loadNamedSite('office') as SiteSpecInput;
  return {
    ...office,
    locks: (office.locks ?? []).map((lock) => (lock.id === 'lock-garage' ? { ...lock, ...gate } : lock)),
  } as SiteSpecInput;
}

describe('a wall reader’s controller in the site spec', () => {
  it('takes a controller on a wall reader, with or without a keypad, its relay time bounded', () => {
    for (const kind of ['wall-reader', 'wall-reader-pin']) {
      const parsed = parseSiteSpec(officeWithGate({ kind, controller: { relayOpenTimeMs: 12_000 } }));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const garage = parsed.spec.locks.find((lock) => lock.id === 'lock-garage');
      expect(garage?.controller).toEqual({ relayOpenTimeMs: 12_000, exitButton: false });
    }
    for (const relayOpenTimeMs of [999, 240_001, 1.5])
      expect(parseSiteSpec(officeWithGate({ controller: { relayOpenTimeMs } })).ok).toBe(false);
  });

  it('refuses a controller on a lock that is not a wall reader, naming the field', () => {
    const parsed = parseSiteSpec(officeWithGate({ kind: 'pin', controller: { exitButton: true } }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.path)).toContain('locks[4].controller');
  });

  it('refuses an exit-button input at a lock whose controller has no exit button', () => {
    const input = twinInputSchema.parse({ type: 'exit-button', lock: 'lock-garage' });
    const withButton = parseSiteSpec(officeWithGate({ controller: { exitButton: true } }));
    const without = parseSiteSpec(officeWithGate({ controller: {} }));
    const plain = parseSiteSpec(officeWithGate({}));
    if (!withButton.ok || !without.ok || !plain.ok) throw new Error('the office site must parse');
    expect(checkDeviceReferences(input, withButton.spec)).toEqual([]);
    for (const site of [without.spec, plain.spec])
      expect(checkDeviceReferences(input, site)).toEqual([
        { path: 'lock', message: expect.stringContaining('has no exit button') },
      ]);
  });
});
