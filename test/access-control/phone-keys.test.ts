import { describe, expect, it } from 'vitest';
import type { Twin } from '../../twin/index.ts';
import { accessTwin, auditOf, minuteMs } from '../fixtures/access-site.ts';

/** The phone's key events as traced (syncs the app applied), oldest first. */
function keyEventsOf(twin: Twin, phoneId: string): { t: number; revision: number; held: boolean }[] {
  return twin.trace
    .lines()
    .filter((line) => line.includes('"kind":"phone.key"') && line.includes(`"device":"${phoneId}"`))
    .map((line) => JSON.parse(line) as { t: number; revision: number; held: boolean });
}

function tap(twin: Twin, phoneId: string, atMs: number): string {
  twin.runUntil(atMs);
  const before = auditOf(twin, 'lock-a').length;
  twin.apply({ type: 'tap-phone', phone: phoneId, lock: 'lock-a' });
  twin.runUntil(atMs + 5_000);
  const nothingPresented = twin.trace
    .lines()
    .map((line) => JSON.parse(line) as { kind: string; device?: string; t: number })
    .some((event) => event.kind === 'phone.no-key' && event.device === phoneId && event.t === atMs);
  if (nothingPresented) return 'no key on the phone';
  const last = auditOf(twin, 'lock-a').slice(before).at(-1);
  return last === undefined ? 'nothing' : `${last.category}: ${last.detail}`;
}

const settings = { radio: { shadowingSigmaDb: 0 } };

describe("the phone's side of a digital key", () => {
  it('a key issued while the phone is offline opens nothing until the phone is online again', () => {
    const twin = accessTwin({ phones: [{ id: 'phone-1', user: 'user-1', keyIssued: false }], settings });
    twin.apply({ type: 'phone-internet', phone: 'phone-1', on: false });
    twin.runUntil(10_000);
    twin.cloud.core.issueDigitalKey('owner', 'phone-1');
    // The lock has the key within seconds; the phone does not.
    expect(tap(twin, 'phone-1', minuteMs)).toBe('no key on the phone');
    twin.apply({ type: 'phone-internet', phone: 'phone-1', on: true });
    const [synced] = keyEventsOf(twin, 'phone-1');
    expect(synced).toBeUndefined();
    expect(tap(twin, 'phone-1', 2 * minuteMs)).toBe('lock_opened: opened by digital_key');
    const [applied] = keyEventsOf(twin, 'phone-1');
    // A request up and the answer down, each 200–1 500 ms.
    expect(applied?.held).toBe(true);
    expect((applied?.t ?? 0) - (minuteMs + 5_000)).toBeGreaterThanOrEqual(400);
    expect((applied?.t ?? 0) - (minuteMs + 5_000)).toBeLessThanOrEqual(3_000);
  });

  it('a revocation reaches an online phone within 1.5 s; an offline phone keeps the key and the lock decides', () => {
    const twin = accessTwin({
      phones: [
        { id: 'phone-1', user: 'user-1' },
        { id: 'phone-2', user: 'user-2' },
      ],
      settings,
    });
    twin.runUntil(10_000);
    twin.cloud.core.revokeDigitalKey('owner', 'phone-1');
    twin.runUntil(12_000);
    const [revoked] = keyEventsOf(twin, 'phone-1');
    expect(revoked).toMatchObject({ revision: 1, held: false });
    expect(revoked?.t).toBeLessThanOrEqual(11_500);
    expect(tap(twin, 'phone-1', 20_000)).toBe('no key on the phone');
    // Offline: the phone still presents its key, and the lock's updated list refuses it.
    twin.apply({ type: 'phone-internet', phone: 'phone-2', on: false });
    twin.cloud.core.revokeDigitalKey('owner', 'phone-2');
    expect(tap(twin, 'phone-2', minuteMs)).toBe('lock_rejected: credential not on this lock');
    twin.apply({ type: 'phone-internet', phone: 'phone-2', on: true });
    expect(tap(twin, 'phone-2', 2 * minuteMs)).toBe('no key on the phone');
  });

  it('keeps the newest of two syncs in flight, and a deleted user’s phone loses its key', () => {
    const twin = accessTwin({ phones: [{ id: 'phone-1', user: 'user-1' }], settings });
    twin.runUntil(10_000);
    twin.cloud.core.revokeDigitalKey('owner', 'phone-1');
    twin.cloud.core.issueDigitalKey('owner', 'phone-1');
    twin.cloud.core.revokeDigitalKey('owner', 'phone-1');
    twin.runUntil(20_000);
    const events = keyEventsOf(twin, 'phone-1');
    expect(events.at(-1)).toMatchObject({ revision: 3, held: false });
    expect(
      events.every((event, index) => index === 0 || event.revision > (events[index - 1]?.revision ?? 0)),
    ).toBe(true);
    twin.cloud.core.issueDigitalKey('owner', 'phone-1');
    expect(tap(twin, 'phone-1', 30_000)).toBe('lock_opened: opened by digital_key');
    twin.cloud.core.deleteUser('owner', 'user-1');
    expect(tap(twin, 'phone-1', 40_000)).toBe('no key on the phone');
  });
});
