import { afterEach, describe, expect, it } from 'vitest';
import { createTestLive } from '../api/rest/testing.ts';
import type { LiveTwin } from '../api/live-twin.ts';
import type { TwinEvent } from '../twin/index.ts';

let live: LiveTwin | undefined;
afterEach(() => live?.stop());

/** The door events of one door while `act` runs. */
function doorEvents(twin: LiveTwin, doorId: string, act: () => void): TwinEvent[] {
  const events: TwinEvent[] = [];
  const stop = twin.subscribe(({ event }) => {
    if ('device' in event && event.device === doorId && event.kind.startsWith('door.')) events.push(event);
  });
  act();
  stop();
  return events;
}

describe('the door in the trace', () => {
  it('says an opening was forced, and why a push left it shut', () => {
    live = createTestLive();
    const twin = live;
    const forced = doorEvents(twin, 'door-storage', () => {
      twin.apply({ type: 'force-door', door: 'door-storage' });
      twin.advance(1_000);
    });
    expect(forced).toContainEqual(expect.objectContaining({ kind: 'door.opened', forced: true }));
    twin.apply({ type: 'close-door', door: 'door-storage' });
    twin.advance(1_000);
    const pushed = doorEvents(twin, 'door-storage', () => {
      twin.apply({ type: 'open-door', door: 'door-storage' });
      twin.advance(1_000);
    });
    expect(pushed).toContainEqual(expect.objectContaining({ kind: 'door.stays-shut', reason: 'locked' }));
  });
});
