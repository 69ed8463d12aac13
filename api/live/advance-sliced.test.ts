import { describe, expect, it } from 'vitest';
import { createTestLive } from '../rest/testing.ts';

describe('advances of several clients at once', () => {
  it('an advance whose target another advance already passed ends where it is, and the session goes on', async () => {
    const live = createTestLive({ background: true });
    const dayMs = 86_400_000;
    // Both run in wall-time slices, interleaved: the longer one passes the shorter one's target between two of
    // the shorter one's slices. The first runs its first slice before the second starts.
    const shorter = live.advanceSliced(dayMs, 60_000);
    const longerStartMs = live.twin.clock.now();
    const longer = live.advanceSliced(2 * dayMs, 60_000);
    expect(await Promise.all([shorter, longer])).toEqual([true, true]);
    expect(live.ended).toBeUndefined();
    expect(live.twin.clock.now()).toBe(longerStartMs + 2 * dayMs);
    live.stop();
  });
});
