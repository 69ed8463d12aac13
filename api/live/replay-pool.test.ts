/** The replay pool against planted workers: one that throws late, one that never answers, then a real one. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createTestLive } from '../rest/testing.ts';
import { ReplayPool } from './replay-pool.ts';

/** A worker thread from source text: answers each message as `answer` says. */
function planted(answer: string): () => Worker {
  return () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => { ${answer} });`,
      { eval: true },
    );
}

describe('ReplayPool', () => {
  it('answers twin-error when its worker dies of an error thrown from a timer, and starts a fresh one', async () => {
    let started = 0;
    const pool = new ReplayPool({
      startWorker: () => {
        started += 1;
        return planted(
          "setTimeout(() => { throw new RangeError('canonical JSON cannot hold -Infinity'); }, 0);",
        )();
      },
    });
    const task = { file: {}, ms: 0 };
    expect(await pool.replay(task)).toMatchObject({
      ok: false,
      code: 'twin-error',
      message: /cannot hold -Infinity/,
    });
    expect(await pool.replay(task)).toMatchObject({ ok: false, code: 'twin-error' });
    expect(started).toBe(2);
    pool.close();
  });

  it('stops a replay past its wall time (too-long), and refuses past its queue (busy)', async () => {
    const pool = new ReplayPool({ wallMsMax: 200, startWorker: planted('/* never answers */') });
    const answers = Array.from({ length: 10 }, () => pool.replay({ file: {}, ms: 0 }));
    const outcomes = await Promise.all(answers);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.code === 'busy')).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ ok: false, code: 'too-long' });
    pool.close();
  }, 10_000);

  it('replays a session on its worker thread', async () => {
    const live = createTestLive();
    live.advance(2_000);
    const pool = new ReplayPool();
    const outcome = await pool.replay({ file: live.exportScenario(), ms: 1_000 });
    expect(outcome).toMatchObject({ ok: true, result: { virtualMs: 1_000 } });
    pool.close();
    live.stop();
  }, 20_000);
});
