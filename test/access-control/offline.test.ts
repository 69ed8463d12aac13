import { describe, expect, it } from 'vitest';
import { CloudError } from '../../twin/index.ts';
import { accessTwin, auditOf, hourMs, minuteMs } from '../fixtures/access-site.ts';

function lastDecision(twin: ReturnType<typeof accessTwin>, lockId: string): string {
  const last = auditOf(twin, lockId).at(-1);
  return last === undefined ? 'nothing' : `${last.category}: ${last.detail}`;
}

function present(twin: ReturnType<typeof accessTwin>, tag: string, lockId: string, atMs: number): string {
  twin.runUntil(atMs);
  twin.apply({ type: 'present-tag', tag, lock: lockId });
  twin.runUntil(atMs + 1_000);
  return lastDecision(twin, lockId);
}

function refusal(action: () => unknown): CloudError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  return undefined;
}

describe('a tag blocked while the IQ is offline', () => {
  it('still opens until the IQ is back and the block lands, then is refused; staleness is reported throughout', () => {
    const twin = accessTwin();
    twin.runUntil(minuteMs);
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    twin.runUntil(2 * minuteMs);
    twin.cloud.core.blockTag('owner', 'tag-1');
    const staleness: number[] = [];
    for (let minute = 3; minute <= 10; minute++) {
      expect(present(twin, 'tag-1', 'lock-a', minute * minuteMs)).toBe('lock_opened: opened by tag');
      staleness.push(twin.staleness('lock-a').staleForMs);
    }
    expect(staleness[0]).toBeGreaterThanOrEqual(minuteMs);
    expect(staleness.every((value, index) => index === 0 || value > (staleness[index - 1] as number))).toBe(
      true,
    );
    expect(twin.staleness('lock-a')).toMatchObject({ cloudVersion: 2, lockVersion: 1 });
    twin.runUntil(11 * minuteMs);
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: true });
    twin.runUntil(11 * minuteMs + 5_000);
    expect(twin.staleness('lock-a')).toEqual({ cloudVersion: 2, lockVersion: 2, staleForMs: 0 });
    expect(present(twin, 'tag-1', 'lock-a', 12 * minuteMs)).toBe('lock_rejected: tag blocked');
    expect(present(twin, 'tag-2', 'lock-a', 13 * minuteMs)).toBe('lock_opened: opened by tag');
  });

  it('reports the IQ as pending while data is on its way and failed while the lock is unreachable', () => {
    const twin = accessTwin({
      locks: [{ id: 'far', position: { x: 17, y: 0 } }],
      repeaters: [{ id: 'rep-1', iq: 'iq-1', position: { x: 9, y: 0 } }],
    });
    twin.apply({ type: 'power', device: 'rep-1', on: false });
    twin.runUntil(10 * minuteMs);
    twin.cloud.core.blockTag('owner', 'tag-1');
    twin.runUntil(10 * minuteMs + 2_000);
    expect(twin.iqView('iq-1').sync).toBe('failed');
    twin.apply({ type: 'power', device: 'rep-1', on: true });
    twin.runUntil(13 * minuteMs);
    expect(twin.iqView('iq-1').sync).toBe('synced');
    expect(twin.staleness('far').staleForMs).toBe(0);
  });
});

describe('remote opening', () => {
  it('succeeds through a 3-layer repeater chain', () => {
    const twin = accessTwin({
      locks: [{ id: 'far', position: { x: 36, y: 0 } }],
      repeaters: [1, 2, 3].map((layer) => ({
        id: `rep-${layer}`,
        iq: 'iq-1',
        position: { x: 9 * layer, y: 0 },
      })),
      settings: { radio: { shadowingSigmaDb: 0 } },
    });
    expect(twin.topology.pathFromIq('far')).toEqual(['iq-1', 'rep-1', 'rep-2', 'rep-3', 'far']);
    twin.runUntil(minuteMs);
    const command = twin.cloud.remoteOpen('owner', 'far');
    twin.runUntil(minuteMs + 5_000);
    expect(command.status).toBe('succeeded');
    expect(lastDecision(twin, 'far')).toBe('lock_opened: opened remotely');
  });

  it('answers 3105 with the IQ offline, at once', () => {
    const twin = accessTwin();
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    const error = refusal(() => twin.cloud.remoteOpen('owner', 'lock-a'));
    expect(error?.code).toBe(3105);
    expect(error?.httpStatus).toBe(400);
    expect(twin.lockView('lock-a').bolt).toBe('locked');
  });

  it('answers 3102 with the lock out of reach (declared offline, or not answering)', () => {
    const twin = accessTwin({
      locks: [{ id: 'far', position: { x: 17, y: 0 } }],
      repeaters: [{ id: 'rep-1', iq: 'iq-1', position: { x: 9, y: 0 } }],
    });
    twin.apply({ type: 'power', device: 'rep-1', on: false });
    const unanswered = twin.cloud.remoteOpen('owner', 'far');
    twin.runUntil(30_000);
    expect(unanswered.status).toBe('failed');
    expect(unanswered.error?.code).toBe(3102);
    twin.runUntil(hourMs / 6);
    expect(twin.lockView('far').online).toBe(false);
    const offline = twin.cloud.remoteOpen('owner', 'far');
    twin.runUntil(hourMs / 6 + 2_000);
    expect(offline.error?.code).toBe(3102);
    expect(offline.error?.httpStatus).toBe(408);
  });

  it('is refused to a user without the permission (2203)', () => {
    const twin = accessTwin();
    expect(refusal(() => twin.cloud.remoteOpen('user-1', 'lock-a'))?.code).toBe(2203);
  });
});

describe('PIN changes', () => {
  it('reach a keypad lock in reach, and fail with 3102 when it is cut off and 3105 when the IQ is offline', () => {
    const twin = accessTwin({
      locks: [{ id: 'keypad', kind: 'pin', position: { x: 17, y: 0 } }],
      repeaters: [{ id: 'rep-1', iq: 'iq-1', position: { x: 9, y: 0 } }],
    });
    twin.cloud.changePin('owner', 'user-1', '654321');
    twin.runUntil(minuteMs);
    twin.apply({ type: 'enter-pin', pin: '654321', lock: 'keypad' });
    expect(lastDecision(twin, 'keypad')).toBe('lock_opened: opened by pin_code');
    twin.apply({ type: 'power', device: 'rep-1', on: false });
    twin.runUntil(hourMs / 6);
    expect(refusal(() => twin.cloud.changePin('owner', 'user-1', '111222'))?.code).toBe(3102);
    twin.apply({ type: 'iq-internet', iq: 'iq-1', up: false });
    expect(refusal(() => twin.cloud.changePin('owner', 'user-1', '111222'))?.code).toBe(3105);
  });
});

describe('a phone without internet', () => {
  it('opens with its digital key; an expired key does not', () => {
    const twin = accessTwin({
      startsAtUtc: '2026-03-02T07:00:00Z',
      phones: [
        { id: 'phone-1', user: 'user-1' },
        { id: 'phone-2', user: 'user-2', keyValidUntil: '2026-03-02T07:30:00Z' },
      ],
      settings: { radio: { shadowingSigmaDb: 0 } },
    });
    twin.apply({ type: 'phone-internet', phone: 'phone-1', on: false });
    twin.apply({ type: 'phone-internet', phone: 'phone-2', on: false });
    twin.apply({ type: 'tap-phone', phone: 'phone-1', lock: 'lock-a' });
    twin.runUntil(5_000);
    expect(lastDecision(twin, 'lock-a')).toBe('lock_opened: opened by digital_key');
    twin.apply({ type: 'tap-phone', phone: 'phone-2', lock: 'lock-a' });
    twin.runUntil(10_000);
    expect(lastDecision(twin, 'lock-a')).toBe('lock_opened: opened by digital_key');
    twin.runUntil(hourMs);
    twin.apply({ type: 'tap-phone', phone: 'phone-2', lock: 'lock-a' });
    twin.runUntil(hourMs + 5_000);
    expect(lastDecision(twin, 'lock-a')).toBe('lock_rejected: key expired');
  });
});
