import { describe, expect, it } from 'vitest';
import { CloudError } from '../../twin/index.ts';
import { accessTwin, auditOf, hourMs, minuteMs, weekdays } from '../fixtures/access-site.ts';

type TestTwin = ReturnType<typeof accessTwin>;

function holdTag(twin: TestTwin, tag: string, lockId: string, holdMs: number, waitMs = 6_000): void {
  twin.apply({ type: 'present-tag', tag, lock: lockId, holdMs });
  twin.runUntil(twin.clock.now() + waitMs);
}

describe('Manual Office Mode on a BLUEnet lock', () => {
  it('starts when a permitted user holds a tag 5.1 s; 4.9 s only opens', () => {
    const twin = accessTwin();
    holdTag(twin, 'tag-2', 'lock-a', 4_900, 1_000);
    expect(twin.lockView('lock-a').bolt).toBe('unlocked');
    twin.runUntil(twin.clock.now() + 10_000);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
    holdTag(twin, 'tag-2', 'lock-a', 5_100);
    expect(twin.lockView('lock-a')).toMatchObject({ bolt: 'officeMode', officeMode: 'manual' });
  });

  it('stays on until a permitted user locks it; a user without the permission cannot toggle it', () => {
    const twin = accessTwin();
    holdTag(twin, 'tag-1', 'lock-a', 5_100);
    expect(twin.lockView('lock-a').bolt).not.toBe('officeMode');
    holdTag(twin, 'tag-2', 'lock-a', 5_100);
    twin.runUntil(twin.clock.now() + hourMs);
    expect(twin.lockView('lock-a').bolt).toBe('officeMode');
    holdTag(twin, 'tag-1', 'lock-a', 5_100);
    expect(twin.lockView('lock-a').bolt).toBe('officeMode');
    holdTag(twin, 'tag-2', 'lock-a', 5_100);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
    expect(
      auditOf(twin, 'lock-a')
        .filter((event) => event.category === 'manual_office_mode')
        .map((event) => event.detail),
    ).toEqual(['office mode on (tag held over 5 s)', 'office mode off, locked (tag held over 5 s)']);
  });

  it('is switched from the cloud only by a user with the MOM permission', () => {
    const twin = accessTwin();
    let refused: unknown;
    try {
      twin.cloud.setOfficeMode('user-1', 'lock-a', true);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CloudError);
    expect((refused as CloudError).code).toBe(2203);
    const on = twin.cloud.setOfficeMode('user-2', 'lock-a', true);
    twin.runUntil(5_000);
    expect(on.status).toBe('succeeded');
    expect(twin.lockView('lock-a').bolt).toBe('officeMode');
    twin.runUntil(hourMs);
    twin.cloud.setOfficeMode('owner', 'lock-a', false);
    twin.runUntil(hourMs + 5_000);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
  });
});

describe('Manual Office Mode on an older escutcheon', () => {
  it('starts only with the inside handle held while the tag is presented', () => {
    const twin = accessTwin({ locks: [{ id: 'old', kind: 'escutcheon' }] });
    holdTag(twin, 'tag-2', 'old', 5_100, 1_000);
    expect(twin.lockView('old').bolt).toBe('unlocked');
    twin.runUntil(minuteMs);
    twin.apply({ type: 'hold-handle', door: 'door-old', durationMs: 3_000 });
    holdTag(twin, 'tag-2', 'old', 0, 1_000);
    expect(twin.lockView('old')).toMatchObject({ bolt: 'officeMode', officeMode: 'manual' });
    twin.apply({ type: 'close-door', door: 'door-old' });
    twin.runUntil(2 * minuteMs);
    twin.apply({ type: 'hold-handle', door: 'door-old', durationMs: 3_000 });
    holdTag(twin, 'tag-1', 'old', 0, 1_000);
    expect(twin.lockView('old').bolt).toBe('officeMode');
  });
});

describe('Easy Office Mode', () => {
  /** Monday 2026-03-02, 07:00 local (06:00 UTC); EOM Mon–Fri 08:00–18:00 local. */
  const options = {
    startsAtUtc: '2026-03-02T06:00:00Z',
    locks: [{ id: 'lock-a', eomSchedules: [weekdays('08:00', '18:00')] }],
  };

  it('toggles only inside its schedule; outside it a permitted tag just opens', () => {
    const twin = accessTwin(options);
    holdTag(twin, 'tag-2', 'lock-a', 0, 1_000);
    expect(twin.lockView('lock-a').bolt).toBe('unlocked');
    twin.runUntil(1.5 * hourMs);
    holdTag(twin, 'tag-1', 'lock-a', 0, 1_000);
    expect(twin.lockView('lock-a').bolt).toBe('unlocked');
    twin.runUntil(2 * hourMs);
    holdTag(twin, 'tag-2', 'lock-a', 0, 1_000);
    expect(twin.lockView('lock-a')).toMatchObject({ bolt: 'officeMode', officeMode: 'easy' });
    twin.runUntil(3 * hourMs);
    holdTag(twin, 'tag-2', 'lock-a', 0, 1_000);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
  });

  it('locks itself when the schedule ends, with the IQ offline', () => {
    const twin = accessTwin(options);
    twin.runUntil(2 * hourMs);
    holdTag(twin, 'tag-2', 'lock-a', 0, 1_000);
    expect(twin.lockView('lock-a').bolt).toBe('officeMode');
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    twin.apply({ type: 'power', device: 'iq-1', on: false });
    twin.runUntil(11 * hourMs - 1);
    expect(twin.lockView('lock-a').bolt).toBe('officeMode');
    twin.runUntil(11 * hourMs);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
    const last = auditOf(twin, 'lock-a').at(-1);
    expect(last).toMatchObject({
      t: 11 * hourMs,
      category: 'easy_office_mode',
      detail: 'office mode off, locked (EOM schedule ended)',
    });
  });
});
