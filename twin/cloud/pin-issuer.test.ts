import { describe, expect, it } from 'vitest';
import { createFixture, fixtureStartUtcMs } from './core-fixture.ts';
import { CloudError } from './error-table.ts';
import { drawPin, pinDrawsMax, type PinDraws } from './pin-issuer.ts';
import { PinExpiry } from './pin-expiry.ts';

/** A stream that answers the given numbers in turn, then the last one for ever. */
function scripted(...values: number[]): PinDraws & { drawn: number } {
  const stream = {
    drawn: 0,
    int: () => values[Math.min(stream.drawn++, values.length - 1)] as number,
  };
  return stream;
}

describe('drawPin', () => {
  it('pads to 6 digits and draws again past a PIN another user holds, but not past the user’s own', () => {
    const { state } = createFixture();
    const taken = state.users.get('user-1')?.pin as string;
    const draws = scripted(Number(taken), 42);
    expect(drawPin(state, 'admin', draws)).toBe('000042');
    expect(draws.drawn).toBe(2);
    expect(drawPin(state, 'user-1', scripted(Number(taken)))).toBe(taken);
  });

  it('gives up after pinDrawsMax draws of taken PINs with 2201, never looping for ever', () => {
    const { state } = createFixture();
    const draws = scripted(Number(state.users.get('user-1')?.pin));
    const refusal = (() => {
      try {
        drawPin(state, 'admin', draws);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(CloudError);
    expect((refusal as CloudError).code).toBe(2201);
    expect(draws.drawn).toBe(pinDrawsMax);
  });
});

describe('removeExpiredPins and PinExpiry', () => {
  it('takes a PIN off its user and the locks at its end, once, and plans the ends still ahead', () => {
    const fixture = createFixture();
    const { core, state, accessChanges } = fixture;
    const endUtcMs = fixtureStartUtcMs + 60_000;
    core.setPin('admin', 'user-1', '987654', { expiresAtUtcMs: endUtcMs });
    core.setPin('admin', 'super', '876543', { expiresAtUtcMs: endUtcMs + 60_000 });
    accessChanges.length = 0;
    const timers: { atMs: number; callback: () => void }[] = [];
    let nowMs = 0;
    const expiry = new PinExpiry({
      clock: { now: () => nowMs, scheduleAt: (atMs, callback) => timers.push({ atMs, callback }) },
      epochUtcMs: fixtureStartUtcMs,
      expire: (nowUtcMs) => core.removeExpiredPins(nowUtcMs),
    });
    expiry.plan(endUtcMs);
    expiry.plan(endUtcMs);
    expect(timers.map((timer) => timer.atMs)).toEqual([60_000]);
    nowMs = 60_000;
    timers.shift()?.callback();
    expect(state.users.get('user-1')).toMatchObject({ pin: undefined, pinExpiresAtUtcMs: undefined });
    expect(state.users.get('super')?.pin).toBe('876543');
    // The PIN is in the data of every lock of user-1's groups (a keypad or not).
    expect(accessChanges).toEqual([['lock-a', 'lock-b']]);
    // The other PIN's end, still ahead, was planned by the sweep.
    expect(timers.map((timer) => timer.atMs)).toEqual([120_000]);
  });

  it('refuses an expiry already past (1101) and a chosen PIN without custom-pin (2212); an issued one passes', () => {
    const { core } = createFixture((spec) => {
      spec.subscription = { features: ['pin-codes'] };
    });
    const refusedWith = (run: () => unknown): number | undefined => {
      try {
        run();
      } catch (error) {
        return error instanceof CloudError ? error.code : undefined;
      }
      return undefined;
    };
    expect(refusedWith(() => core.setPin('admin', 'user-1', '987654'))).toBe(2212);
    expect(
      refusedWith(() =>
        core.setPin('admin', 'user-1', '987654', { issued: true, expiresAtUtcMs: fixtureStartUtcMs }),
      ),
    ).toBe(1101);
    expect(core.setPin('admin', 'user-1', '987654', { issued: true }).pin).toBe('987654');
  });
});
