import { describe, expect, it } from 'vitest';
import { smallSite } from '../../test/fixtures/sites.ts';
import { isNewerVersion, versionParts } from '../cloud/firmware-updates.ts';
import { createTwin, type Twin } from '../twin.ts';

function twinOf(defects: string[] = []): Twin {
  const spec = smallSite({
    locks: [
      { id: 'lock-a', x: 4 },
      { id: 'far', x: 17 },
    ],
    repeaters: [{ id: 'rep-1', x: 9 }],
  });
  // The fixture's one user is a plain user: an owner asks for the updates.
  const { pin: _pin, ...plain } = spec.users[0] as (typeof spec.users)[number];
  const withOwner = {
    ...spec,
    users: [...spec.users, { ...plain, id: 'owner', name: 'Olga Owner', role: 'owner' as const }],
  };
  return createTwin({ spec: withOwner, seed: 11, defects, trace: { keepLinesMax: 200_000 } });
}

const update = (twin: Twin, actor: string, lock: string, version: unknown) =>
  twin.apply({ type: 'admin', actor, action: 'update-firmware', args: [lock, version] });

const codeOf = (outcome: ReturnType<typeof update>): number | null | undefined =>
  outcome.kind === 'admin-refused' ? outcome.code : outcome.kind === 'admin-accepted' ? null : undefined;

const audits = (twin: Twin, lock: string, category: string): string[] =>
  twin.trace
    .lines()
    .filter((line) => line.includes('"kind":"lock.audit"') && line.includes(`"device":"${lock}"`))
    .filter((line) => line.includes(`"category":"${category}"`));

describe('firmware versions', () => {
  it('reads major.minor.patch only, and orders versions part by part', () => {
    expect(versionParts('1.10.3')).toEqual([1, 10, 3]);
    for (const bad of ['1.1', 'v1.1.0', '1.1.0.0', '12345.0.0', '', 7, null])
      expect(versionParts(bad)).toBeUndefined();
    expect(isNewerVersion([1, 10, 0], [1, 9, 9])).toBe(true);
    expect(isNewerVersion([1, 0, 0], [1, 0, 0])).toBe(false);
    expect(isNewerVersion([0, 9, 9], [1, 0, 0])).toBe(false);
  });
});

describe('a firmware update over the mesh', () => {
  it('takes minutes, keeps the old firmware deciding meanwhile, and restarts the lock on the new version', () => {
    const twin = twinOf();
    expect(codeOf(update(twin, 'owner', 'lock-a', '1.1.0'))).toBeNull();
    expect(codeOf(update(twin, 'owner', 'lock-a', '1.2.0'))).toBe(2207);
    twin.runUntil(60_000);
    const during = twin.lockView('lock-a');
    expect(during.firmware).toBe('1.0.0');
    expect(during.firmwareUpdate?.target).toBe('1.1.0');
    expect(during.firmwareUpdate?.blocksReceived).toBeGreaterThan(0);
    expect(during.firmwareUpdate?.blocksReceived).toBeLessThan(30);
    twin.apply({ type: 'present-tag', tag: 'tag-1', lock: 'lock-a' });
    twin.runUntil(61_000);
    expect(twin.lockView('lock-a').bolt).toBe('unlocked');
    twin.runUntil(10 * 60_000);
    expect(twin.lockView('lock-a')).toMatchObject({ firmware: '1.1.0', firmwareUpdate: undefined });
    expect(audits(twin, 'lock-a', 'firmware_updated')).toHaveLength(1);
    // The cloud learnt the new version: the same one again is not an update.
    expect(codeOf(update(twin, 'owner', 'lock-a', '1.1.0'))).toBe(2207);
    expect(codeOf(update(twin, 'owner', 'lock-a', '1.1.1'))).toBeNull();
  });

  it('refuses invalid requests with 2207 and a plain user with 2203', () => {
    const twin = twinOf();
    expect(codeOf(update(twin, 'owner', 'lock-a', '1.1'))).toBe(2207);
    expect(codeOf(update(twin, 'owner', 'lock-a', '1.0.0'))).toBe(2207);
    expect(codeOf(update(twin, 'user-1', 'lock-a', '1.1.0'))).toBe(2203);
    expect(codeOf(update(twin, 'owner', 'nowhere', '1.1.0'))).toBe(3104);
  });

  it('gives up after five minutes without a block, keeping the old version, and can be asked again', () => {
    const twin = twinOf();
    expect(codeOf(update(twin, 'owner', 'far', '1.1.0'))).toBeNull();
    twin.runUntil(30_000);
    twin.apply({ type: 'power', device: 'rep-1', on: false });
    twin.runUntil(5 * 60_000);
    expect(twin.lockView('far').firmwareUpdate?.target).toBe('1.1.0');
    twin.runUntil(7 * 60_000);
    expect(twin.lockView('far')).toMatchObject({ firmware: '1.0.0', firmwareUpdate: undefined });
    expect(audits(twin, 'far', 'firmware_update_failed')).toHaveLength(1);
    twin.apply({ type: 'power', device: 'rep-1', on: true });
    twin.runUntil(8 * 60_000);
    expect(codeOf(update(twin, 'owner', 'far', '1.1.0'))).toBeNull();
  });

  it('with firmware-update-bricks-on-failure, the given-up image becomes the version', () => {
    const twin = twinOf(['firmware-update-bricks-on-failure']);
    update(twin, 'owner', 'far', '1.1.0');
    twin.runUntil(30_000);
    twin.apply({ type: 'power', device: 'rep-1', on: false });
    twin.runUntil(7 * 60_000);
    expect(twin.lockView('far').firmware).toBe('1.1.0');
    expect(audits(twin, 'far', 'firmware_updated')).toHaveLength(0);
  });
});
