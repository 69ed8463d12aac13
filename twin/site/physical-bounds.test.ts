import { describe, expect, it } from 'vitest';
import { twinInputSchema } from '../inputs/input-schema.ts';
import { adminArgsDepthMax, positionAbsMaxM, siteCountsMax, textCharsMax } from './physical-bounds.ts';
import { issueMessage, specErrorsFromIssues } from './schema-issues.ts';
import type { SiteSpecInput } from './spec.ts';
import { parseSiteSpec } from './validate.ts';

function site(overrides: Partial<SiteSpecInput> = {}): SiteSpecInput {
  return {
    name: 'bounds',
    iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
    doors: [{ id: 'door-1' }],
    locks: [{ id: 'lock-1', kind: 'pin', iq: 'iq-1', door: 'door-1', position: { x: 3, y: 0 } }],
    ...overrides,
  };
}

function errorsOf(input: unknown): string[] {
  const result = parseSiteSpec(input);
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

function inputErrors(input: unknown): string[] {
  const parsed = twinInputSchema.safeParse(input, { error: issueMessage, reportInput: true });
  return parsed.success
    ? []
    : specErrorsFromIssues(parsed.error.issues).map((error) => `${error.path}: ${error.message}`);
}

describe('the site spec within physical bounds', () => {
  it('refuses a lock at x = y = 1.7976931348623157e308 naming both fields (its distance would be Infinity)', () => {
    const far = site({
      locks: [
        {
          id: 'lock-1',
          kind: 'pin',
          iq: 'iq-1',
          door: 'door-1',
          position: { x: 1.7976931348623157e308, y: 1.7976931348623157e308 },
        },
      ],
    });
    expect(errorsOf(far)).toEqual([
      `locks[0].position.x: must be at most ${positionAbsMaxM}`,
      `locks[0].position.y: must be at most ${positionAbsMaxM}`,
    ]);
  });

  it('accepts positions on the 10 km edge and refuses one millimetre past it, and what JSON.parse makes of 1e400', () => {
    const edge = site({ iqs: [{ id: 'iq-1', position: { x: -positionAbsMaxM, y: positionAbsMaxM } }] });
    expect(errorsOf(edge)).toEqual([]);
    const past = site({ iqs: [{ id: 'iq-1', position: { x: positionAbsMaxM + 0.001, y: 0 } }] });
    expect(errorsOf(past)).toEqual([`iqs[0].position.x: must be at most ${positionAbsMaxM}`]);
    const infinite = site({ iqs: [{ id: 'iq-1', position: { x: 0, y: Number.NEGATIVE_INFINITY } }] });
    expect(errorsOf(infinite)[0]).toMatch(/^iqs\[0\]\.position\.y: /);
  });

  it('bounds the radio calibration, counts and texts', () => {
    expect(
      errorsOf(site({ settings: { radio: { txPowerAt1mDbm: 1e308, sensitivityDbm: -1e308 } } })),
    ).toEqual([
      'settings.radio.txPowerAt1mDbm: must be at most 20',
      'settings.radio.sensitivityDbm: must be at least -130',
    ]);
    const iqs = Array.from({ length: siteCountsMax.iqs + 1 }, (_, index) => ({
      id: `iq-${index}`,
      position: { x: index, y: 0 },
    }));
    expect(errorsOf(site({ iqs }))).toEqual([`iqs: must have at most ${siteCountsMax.iqs} items`]);
    expect(errorsOf(site({ description: 'x'.repeat(textCharsMax.description + 1) }))).toEqual([
      `description: must be at most ${textCharsMax.description} characters long`,
    ]);
  });
});

describe('inputs within physical bounds', () => {
  const interference = {
    type: 'interference',
    x: 0,
    y: 0,
    radiusM: 5,
    lossProbability: 0.5,
    durationMs: 1_000,
  };

  it('refuses interference centred past 10 km', () => {
    expect(inputErrors(interference)).toEqual([]);
    expect(inputErrors({ ...interference, x: 1e308 })).toEqual([`x: must be at most ${positionAbsMaxM}`]);
  });

  it('refuses admin arguments nested too deep or holding a non-finite number, naming the field', () => {
    const admin = { type: 'admin', actor: 'user-1', action: 'block-tag', args: ['tag-1'] };
    expect(inputErrors(admin)).toEqual([]);
    let deep: unknown = 'tag-1';
    for (let level = 0; level < 20_000; level++) deep = [deep];
    const [deepError] = inputErrors({ ...admin, args: [deep] });
    expect(deepError).toMatch(/^args\[0\](\[0\])+: is nested deeper than/);
    expect(deepError?.match(/\[0\]/g)).toHaveLength(adminArgsDepthMax + 1);
    expect(inputErrors({ ...admin, args: [{ limit: Number.POSITIVE_INFINITY }] })).toEqual([
      'args[0].limit: is not a finite number (Infinity)',
    ]);
  });

  it('bounds the length of device references', () => {
    expect(inputErrors({ type: 'open-door', door: 'd'.repeat(textCharsMax.reference + 1) })).toEqual([
      `door: must be at most ${textCharsMax.reference} characters long`,
    ]);
  });
});
