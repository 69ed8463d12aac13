import { describe, expect, it } from 'vitest';
import { decide } from '../devices/firmware-decision.ts';
import { AccessCompiler } from './access-compiler.ts';
import { createFixture } from './core-fixture.ts';
import { CloudError } from './error-table.ts';
import { offlineAccessMaxBluenet, offlineAccessMaxOf, offlineAccessMaxRf } from './offline-list.ts';

const offlineListOf = (state: ReturnType<typeof createFixture>['state'], lockId: string): string[] =>
  [...new AccessCompiler(state).compile(lockId, 1).grants.offline].sort();

function codeOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof CloudError ? error.code : -1;
  }
  return undefined;
}

describe('the offline list', () => {
  it('holds every credential with offline access (PINs always), up to the bound, in credential-id order', () => {
    expect(offlineListOf(createFixture().state, 'lock-b')).toEqual([
      'key:phone-1',
      'pin:111111',
      'tag-1',
      'tag-2',
      'tag-super',
    ]);
    const bounded = createFixture((spec) => {
      spec.settings = { offlineAccessMax: 2 };
    });
    expect(offlineListOf(bounded.state, 'lock-b')).toEqual(['key:phone-1', 'pin:111111']);
  });

  it('leaves out a blocked tag and the credentials an admin took it from; a new version reaches the locks', () => {
    const { core, state, accessChanges } = createFixture();
    core.blockTag('admin', 'tag-super');
    core.setOfflineAccess('admin', 'digital_key', 'phone-1', false);
    expect(offlineListOf(state, 'lock-b')).toEqual(['pin:111111', 'tag-1', 'tag-2']);
    expect(accessChanges.at(-1)).toContain('lock-b');
    const changes = accessChanges.length;
    core.setOfflineAccess('admin', 'digital_key', 'phone-1', false);
    expect(accessChanges.length).toBe(changes);
  });

  it('is 39 on a site with an older (RF) escutcheon, 360 otherwise', () => {
    expect(offlineAccessMaxOf(['bluenet-cylinder', 'pin'])).toBe(offlineAccessMaxBluenet);
    expect(offlineAccessMaxOf(['bluenet-cylinder', 'escutcheon'])).toBe(offlineAccessMaxRf);
    const rf = createFixture((spec) => {
      spec.doors?.push({ id: 'door-rf' });
      spec.locks?.push({
        id: 'lock-rf',
        kind: 'escutcheon',
        iq: 'iq-1',
        door: 'door-rf',
        position: { x: 1, y: 1 },
      });
    });
    expect(rf.state.offlineAccessMax).toBe(offlineAccessMaxRf);
  });
});

describe('setOfflineAccess', () => {
  it('is for admins (2203 below); an unassigned or blocked tag cannot hold it (2205); unknown ids are 3104', () => {
    const { core } = createFixture();
    expect(codeOf(() => core.setOfflineAccess('super', 'tag', 'tag-1', false))).toBe(2203);
    core.blockTag('admin', 'tag-1');
    expect(codeOf(() => core.setOfflineAccess('admin', 'tag', 'tag-1', true))).toBe(2205);
    core.unassignTag('admin', 'tag-2');
    expect(codeOf(() => core.setOfflineAccess('admin', 'tag', 'tag-2', true))).toBe(2205);
    expect(codeOf(() => core.setOfflineAccess('admin', 'digital_key', 'phone-9', true))).toBe(3104);
    expect(codeOf(() => core.setOfflineAccess('admin', 'pin' as never, 'tag-super', true))).toBe(1101);
  });
});

describe('a lock cut off from its IQ', () => {
  it('opens for its offline list only, refusing the rest as offline', () => {
    const { core, state } = createFixture();
    core.setOfflineAccess('admin', 'tag', 'tag-1', false);
    const data = new AccessCompiler(state).compile('lock-b', 2);
    const at = (credentialId: string, cutOff: boolean) =>
      decide(
        { credentialId, method: credentialId.startsWith('pin:') ? 'pin_code' : 'tag' },
        { kind: 'pin', battery: 'fresh', lockUtcMs: Date.parse('2026-03-02T09:00:00Z'), data, cutOff },
      );
    expect(at('tag-1', false).granted).toBe(true);
    expect(at('tag-1', true)).toEqual({ granted: false, userId: 'user-1', reason: 'lock offline' });
    expect(at('pin:111111', true).granted).toBe(true);
    expect(at('tag-super', true).granted).toBe(true);
  });
});
