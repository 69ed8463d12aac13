/**
 * The CLI's small parts: "did you mean", the progress bars (when they show, and on a real terminal), and the
 * names `bench --quick` gives its figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figureNames } from '../bin/bench/run-benchmarks.ts';
import { quickBench } from '../bin/commands.ts';
import { closestNames, didYouMeanHint, editDistance } from '../bin/did-you-mean.ts';
import { progressBar, progressShown } from '../bin/progress.ts';

describe('did you mean', () => {
  it('counts edits, a swapped pair as one', () => {
    expect(editDistance('office', 'office')).toBe(0);
    expect(editDistance('ofice', 'office')).toBe(1);
    expect(editDistance('offcie', 'office')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('names the closest known names first, and nothing far', () => {
    const known = ['office', 'office-morning', 'two-doors', 'not-closed', 'campus'];
    expect(closestNames('offic', known)).toEqual(['office', 'office-morning']);
    expect(closestNames('Campus', known)).toEqual(['campus']);
    expect(closestNames('two-door', known)).toEqual(['two-doors']);
    expect(closestNames('campsu', known)).toEqual(['campus']);
    expect(closestNames('zzzzzz', known)).toEqual([]);
    expect(closestNames('office', known)).toEqual(['office-morning']);
    expect(closestNames('x'.repeat(300), known)).toEqual([]);
    expect(didYouMeanHint(['a', 'b'])).toBe('did you mean "a" or "b"? ');
    expect(didYouMeanHint([])).toBe('');
  });
});

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, {
    isTTY: true,
    columns: 100,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream, text: () => chunks.join('') };
}

describe('progress bars', () => {
  it('show on a terminal only: not with --json, not on CI, not on a pipe', () => {
    const { stream } = fakeTerminal();
    expect(progressShown({ json: false, stream, env: {} })).toBe(true);
    expect(progressShown({ json: false, stream, env: { CI: 'false' } })).toBe(true);
    expect(progressShown({ json: true, stream, env: {} })).toBe(false);
    expect(progressShown({ json: false, stream, env: { CI: 'true' } })).toBe(false);
    expect(progressShown({ json: false, stream, env: { CI: '1' } })).toBe(false);
    const pipe = new Writable({
      write: (_chunk, _encoding, done) => done(),
    }) as unknown as NodeJS.WriteStream;
    expect(progressShown({ json: false, stream: pipe, env: {} })).toBe(false);
  });

  it('draws the count and what is running, and nothing when hidden', () => {
    const terminal = fakeTerminal();
    const bar = progressBar({ total: 3, unit: 'scenarios', json: false, stream: terminal.stream, env: {} });
    expect(bar.shown).toBe(true);
    bar.update(2, 'not-closed');
    bar.stop();
    bar.stop();
    expect(terminal.text()).toMatch(/2\/3 scenarios .*not-closed/);
    const quiet = fakeTerminal();
    const hidden = progressBar({ total: 3, unit: 'scenarios', json: true, stream: quiet.stream, env: {} });
    hidden.update(1, 'x');
    hidden.stop();
    expect(hidden.shown).toBe(false);
    expect(quiet.text()).toBe('');
  });

  // `script` gives the command a real terminal (util-linux; skipped where it is missing).
  it.skipIf(!existsSync('/usr/bin/script'))('run --all draws one on a terminal, and none on a pipe', () => {
    const env = { ...process.env, CI: '', COLUMNS: '120' };
    const onTerminal = spawnSync('/usr/bin/script', ['-qec', 'node bin/lockstep.js run --all', '/dev/null'], {
      encoding: 'utf8',
      env,
      timeout: 120_000,
    });
    expect(onTerminal.status).toBe(0);
    expect(onTerminal.stdout).toMatch(/\d+\/\d+ scenarios/);
    expect(onTerminal.stdout).toMatch(/scenarios passed/);
    const onPipe = spawnSync(process.execPath, ['bin/lockstep.js', 'run', '--all'], {
      encoding: 'utf8',
      env,
      timeout: 120_000,
    });
    expect(onPipe.status).toBe(0);
    expect(onPipe.stderr).toBe('');
    expect(onPipe.stdout).not.toMatch(/\d+\/\d+ scenarios/);
  });
});

describe('bench figure names', () => {
  const full = figureNames({ campusSimulatedMs: 86_400_000, checkRuns: 300, clockRaceActors: 3000 });

  it("are the targets' names for the full workload", () => {
    expect(Object.values(full)).toEqual([
      'campus-day-wall-s',
      'events-per-s',
      'speedup-vs-realtime',
      'trace-bytes-per-event',
      'check-runs-per-s',
      'check-runs-per-s-jobs2',
      'check-jobs2-speedup',
      'speedup-vs-xstate-simulated-clock',
    ]);
  });

  it("name every figure --quick shortens for its workload, none of them the full figure's", () => {
    const quick = figureNames(quickBench);
    expect(quick).toMatchObject({
      campusWallS: 'campus-hour-wall-s',
      eventsPerS: 'events-per-s-campus-hour',
      checkRunsPerS: 'check-runs-per-s-40-runs',
      clockRace: 'speedup-vs-xstate-simulated-clock-1000-actors',
    });
    for (const name of Object.values(quick)) {
      expect(Object.values(full)).not.toContain(name);
      expect(name).not.toMatch(/campus-day/);
    }
  });
});
