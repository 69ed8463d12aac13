/**
 * The REST hostile suite, bounded: 400 generated hostile requests (garbage and deep JSON, huge numbers, chunked
 * bodies past the limit, floods of wrong passwords, slow senders and readers) against a real loopback server.
 * No 5xx, every error in the table's shape, every complete request answered, and `/healthz` answers throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLive, testClient } from '../../api/rest/testing.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { runRestHostile } from './rest-hostile.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ live: createTestLive(), host: '127.0.0.1', port: 0, credentials: testClient });
});
afterAll(() => server.close());

describe('hostile REST requests', () => {
  it('400 of them: no 5xx, table errors only, and /healthz keeps answering', async () => {
    const latenciesMs: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const startedMs = performance.now();
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status).toBe(200);
        await health.arrayBuffer();
        latenciesMs.push(performance.now() - startedMs);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const report = await runRestHostile(400, { target: { url: server.url, ...testClient }, seed: 10 });
    sampling = false;
    await sampler;
    expect(report.failures).toEqual([]);
    expect(report.status5xx).toBe(0);
    expect(report.unanswered).toBe(0);
    expect(report.cases).toBe(400);
    // The cases reach handlers, not only the router: successes, refusals and limits all occur.
    expect(report.status2xx).toBeGreaterThan(10);
    expect(report.status4xx).toBeGreaterThan(100);
    expect(report.byStatus['413']).toBeGreaterThan(0);
    expect(report.byStatus['429']).toBeGreaterThan(0);
    expect(latenciesMs.length).toBeGreaterThan(3);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it('starts and closes a server of its own when given none', async () => {
    const report = await runRestHostile(30, { seed: 3 });
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThanOrEqual(30);
  }, 30_000);
});
