/**
 * The bounded hostile WebSocket suite: 300 generated cases (floods send hundreds of frames each) against a real
 * loopback server, anonymous and authenticated (live-hostile.ts). Nothing crashes, `/healthz` answers throughout,
 * anonymous connections neither read nor act. The soak runs the same generators with a larger count.
 */
import { describe, expect, it } from 'vitest';
import { runLiveHostile } from './live-hostile.ts';

describe('hostile WebSocket frames', () => {
  it('300 generated cases: no crash, the server keeps serving, anonymous frames never act or read', async () => {
    const report = await runLiveHostile(300, { seed: 10 });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(300);
    expect(report.sent).toBeGreaterThan(300);
    expect(report.errors).toBeGreaterThan(100);
    expect(report.anonymousLeaks).toBe(0);
    expect(report.anonymousEvents).toBe(0);
    // Anonymous connections were closed for having no token.
    expect(report.closes['4401'] ?? 0).toBeGreaterThan(0);
    expect(report.healthzMsMax).toBeLessThan(2_000);
  }, 60_000);
});
