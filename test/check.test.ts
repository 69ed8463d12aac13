import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caseOfFailure,
  checkRun,
  failureFileSchema,
  replayFailure,
  runCase,
  shardRuns,
  type Case,
} from '../scenarios/index.ts';
import { defectNames } from '../twin/index.ts';

const cli = join(process.cwd(), 'bin/lockstep.js');
const regressionsDir = join(process.cwd(), 'scenarios/regressions');

function lockstep(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('regression files', () => {
  const files = readdirSync(regressionsDir)
    .filter((file) => file.endsWith('.json'))
    .sort();

  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  const read = (file: string) =>
    failureFileSchema.parse(JSON.parse(readFileSync(join(regressionsDir, file), 'utf8')));
  const violations = files.filter((file) => read(file).verdict === 'violation');
  const falseAlarms = files.filter((file) => read(file).verdict === 'clean');

  it.each(falseAlarms)('%s (a false alarm once) replays to the same fingerprint, clean', (file) => {
    const failure = read(file);
    const replay = replayFailure(failure);
    expect(replay.traceHash).toBe(failure.expectedHash);
    expect(replay.failed).toBe(false);
    expect(replay.reproduced).toBe(true);
    expect(replay.story.some((line) => line.startsWith('VIOLATED'))).toBe(false);
  });

  it.each(violations)(
    '%s replays to the same fingerprint and violation, and passes without its defect',
    (file) => {
      const failure = read(file);
      const replay = replayFailure(failure);
      expect(replay.reproduced).toBe(true);
      expect(replay.traceHash).toBe(failure.expectedHash);
      expect(replay.invariant).toBe(failure.invariant);
      expect(replay.story.at(-1)).toMatch(/^VIOLATED/);
      expect(
        runCase({ ...caseOfFailure(failure), defects: [] }, { keepLines: false }).violation,
      ).toBeUndefined();
    },
  );
});

describe('exploration', () => {
  it.each([1, 2, 7, 11, 42])(
    'finds no violation in a healthy twin over 50 runs of sweep seed %i',
    (sweepSeed) => {
      for (let runIndex = 0; runIndex < 50; runIndex++)
        expect(checkRun(runIndex, { sweepSeed, steps: 40, defects: [], shrink: false }).failed).toBe(false);
    },
  );

  it.each(defectNames)('finds the defect %s within 100 runs', (defect) => {
    let found = false;
    for (let runIndex = 0; runIndex < 100 && !found; runIndex++)
      found = checkRun(runIndex, { sweepSeed: 1, steps: 40, defects: [defect], shrink: false }).failed;
    expect(found).toBe(true);
  });

  it('splits a sweep into shards whose union is the whole sweep, without overlap', () => {
    const shards = [1, 2, 3].map((index) => shardRuns(10, { index, count: 3 }));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, index) => index));
    expect(new Set(shards.flat()).size).toBe(10);
  });
});

describe('lockstep check and replay', () => {
  it('lists the defects', () => {
    const result = lockstep('check', '--list-defects', '--json');
    const listed = JSON.parse(result.stdout) as { defects: { name: string; description: string }[] };
    expect(listed.defects.map((defect) => defect.name)).toEqual(defectNames);
    expect(listed.defects.length).toBeGreaterThanOrEqual(8);
  });

  it('finds a defect on worker threads, writes a failure file and replays it', () => {
    const out = mkdtempSync(join(tmpdir(), 'lockstep-check-'));
    const result = lockstep(
      'check',
      '--defect',
      'relock-never',
      '--jobs',
      '2',
      '--runs',
      '20',
      '--out',
      out,
      '--json',
    );
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      failed: boolean;
      artifact: string;
      shrunkSteps: number;
      replay: string;
      property: string;
      runs: number;
      seed: number;
    };
    expect(summary).toMatchObject({ failed: true, property: 'twin-invariants', runs: 20, seed: 1 });
    expect(summary.shrunkSteps).toBeGreaterThan(0);
    expect(summary.replay).toBe(`npx lockstep replay ${summary.artifact}`);
    const replay = lockstep('replay', summary.artifact, '--json');
    expect(replay.status).toBe(1);
    expect(JSON.parse(replay.stdout)).toMatchObject({
      reproduced: true,
      failed: true,
      firstDivergence: null,
      invariant: 'relocks',
    });
    const story = lockstep('replay', summary.artifact);
    expect(story.stdout).toMatch(/VIOLATED relocks/);
    expect(story.stdout).toMatch(/REPRODUCED/);
  });

  it('gives the same verdict with one job and with two', () => {
    const out = mkdtempSync(join(tmpdir(), 'lockstep-check-'));
    const one = JSON.parse(lockstep('check', '--runs', '20', '--json', '--out', out).stdout) as unknown;
    const two = JSON.parse(
      lockstep('check', '--runs', '20', '--jobs', '2', '--json', '--out', out).stdout,
    ) as unknown;
    expect(two).toEqual(one);
  });

  it('runs the determinism self-check', () => {
    const result = lockstep('check', '--determinism', '--runs', '5', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      property: 'determinism',
      failed: false,
      runs: 5,
      firstDivergence: null,
    });
  });

  it('refuses bad flags with exit code 2', () => {
    for (const args of [
      ['--shard', '3/2'],
      ['--defect', 'no-such-bug'],
      ['--runs', 'many'],
      ['--jobs', '0'],
    ]) {
      const result = lockstep('check', ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/lockstep: /);
    }
    expect(lockstep('replay', join(regressionsDir, 'missing.json')).status).toBe(2);
  });
});

describe('the determinism self-check', () => {
  it('passes for identical runs and names the first divergence when a nondeterministic event is planted', async () => {
    const { caseOfRun, compareRuns } = await import('../scenarios/index.ts');
    const testCase = caseOfRun(3, { sweepSeed: 1, steps: 20, defects: [] });
    expect(compareRuns(testCase).identical).toBe(true);
    // Planted only in the second run, with a value from the wall clock: what a stray Date.now() would do.
    const planted = compareRuns(testCase, {
      onTwin: (twin, attempt) => {
        if (attempt === 1)
          twin.clock.schedule(
            90_000,
            () =>
              void twin.trace.record({
                kind: 'lock.clock',
                device: 'planted',
                offsetMs: Math.round(performance.now()),
              }),
          );
      },
    });
    expect(planted.identical).toBe(false);
    expect(planted.firstDivergence?.right).toMatch(/"device":"planted"/);
    expect(planted.firstDivergence?.left).not.toMatch(/planted/);
    expect(JSON.parse(planted.firstDivergence?.right ?? '{}').t).toBe(90_000);
  });

  it('shards cover exactly the run seeds of the unsharded sweep', async () => {
    const { runSeed } = await import('../scenarios/index.ts');
    const whole = shardRuns(50, { index: 1, count: 1 }).map((runIndex) => runSeed(1, runIndex));
    const halves = [1, 2].flatMap((index) =>
      shardRuns(50, { index, count: 2 }).map((runIndex) => runSeed(1, runIndex)),
    );
    expect([...halves].sort((a, b) => a - b)).toEqual([...whole].sort((a, b) => a - b));
    expect(new Set(whole).size).toBe(50);
  });
});

/** One IQ, a lock by it and a lock 400 m away that hears no parent: a change to its data can never land. */
const farLockCase: Case = {
  site: {
    name: 'far-lock',
    startsAtUtc: '2026-03-02T09:00:00Z',
    iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
    doors: [{ id: 'door-1' }, { id: 'door-far' }],
    locks: [
      {
        id: 'lock-1',
        kind: 'bluenet-escutcheon',
        iq: 'iq-1',
        door: 'door-1',
        position: { x: 3, y: 0 },
        access: [],
      },
      {
        id: 'lock-far',
        kind: 'bluenet-escutcheon',
        iq: 'iq-1',
        door: 'door-far',
        position: { x: 400, y: 0 },
        access: [],
      },
    ],
    users: [{ id: 'user-1', role: 'owner', email: 'owner@example.com' }],
    tags: [{ id: 'tag-1', user: 'user-1' }],
    accessGroups: [
      {
        id: 'group-always',
        users: ['user-1'],
        locks: ['lock-1', 'lock-far'],
        schedules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
      },
    ],
  },
  seed: 1,
  defects: [],
  steps: [
    { gapMs: 1_000, input: { type: 'present-tag', tag: 'tag-1', lock: 'lock-1', holdMs: 0 } },
    { gapMs: 1_000, input: { type: 'admin', actor: 'user-1', action: 'block-tag', args: ['tag-1'] } },
    { gapMs: 1_000, input: { type: 'present-tag', tag: 'tag-1', lock: 'lock-1', holdMs: 0 } },
  ],
};

describe('check modes', () => {
  it('judges convergence in liveness (and both), not in safety', () => {
    expect(runCase(farLockCase, { keepLines: false, mode: 'safety' }).violation).toBeUndefined();
    const liveness = runCase(farLockCase, { keepLines: false, mode: 'liveness' });
    const both = runCase(farLockCase, { keepLines: false, mode: 'both' });
    expect(liveness.violation?.invariant).toBe('liveness');
    expect(both.violation).toEqual(liveness.violation);
    // Without a safety violation, both runs exactly what liveness runs: a liveness failure file replays in both.
    expect(both.traceHash).toBe(liveness.traceHash);
  });

  it('judges the safety invariants in safety (and both), not in liveness', () => {
    // The tag opens lock-1, which never relocks; a minute later a step lets the monitor see it still unlocked.
    // No change is made, so there is nothing to converge: liveness has nothing to say.
    const relockNever: Case = {
      ...farLockCase,
      defects: ['relock-never'],
      steps: [
        farLockCase.steps[0] as Case['steps'][number],
        { gapMs: 60_000, input: { type: 'close-door', door: 'door-1' } },
      ],
    };
    expect(runCase(relockNever, { keepLines: false, mode: 'safety' }).violation?.invariant).toBe('relocks');
    expect(runCase(relockNever, { keepLines: false, mode: 'both' }).violation?.invariant).toBe('relocks');
    expect(runCase(relockNever, { keepLines: false, mode: 'liveness' }).violation).toBeUndefined();
  });

  it('finds a safety defect in safety mode and names the mode in the failure file', () => {
    const out = mkdtempSync(join(tmpdir(), 'lockstep-check-'));
    const result = lockstep(
      'check',
      '--mode',
      'safety',
      '--defect',
      'relock-never',
      '--runs',
      '20',
      '--out',
      out,
      '--json',
    );
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      property: string;
      mode: string;
      artifact: string;
      invariant: string;
    };
    expect(summary).toMatchObject({ property: 'twin-safety', mode: 'safety', invariant: 'relocks' });
    const replay = lockstep('replay', summary.artifact, '--json');
    expect(JSON.parse(replay.stdout)).toMatchObject({ reproduced: true, invariant: 'relocks' });
  });

  it('passes a healthy sweep in each mode and refuses an unknown one', () => {
    for (const mode of ['safety', 'liveness']) {
      const result = lockstep('check', '--mode', mode, '--runs', '10', '--json');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ mode, failed: false, property: `twin-${mode}` });
    }
    const bad = lockstep('check', '--mode', 'chaos');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--mode must be one of safety, liveness, both/);
  });
});

interface CoverageJson {
  runs: number;
  met: boolean;
  unmet: string[];
  required: boolean;
  machines: Record<
    string,
    { transitions: { reached: number; total: number; percent: number; missing: string[] } }
  >;
  situations: { name: string; runs: number }[];
}

describe('lockstep check --coverage', () => {
  it('fails a sweep of 5 runs under --require-coverage and says what is missing', () => {
    const json = lockstep('check', '--runs', '5', '--require-coverage', '--json');
    expect(json.status).toBe(1);
    const summary = JSON.parse(json.stdout) as { failed: boolean; artifact: null; coverage: CoverageJson };
    expect(summary.failed).toBe(true);
    expect(summary.artifact).toBeNull();
    expect(summary.coverage).toMatchObject({ runs: 5, met: false, required: true });
    expect(summary.coverage.unmet.length).toBeGreaterThan(0);
    expect(Object.keys(summary.coverage.machines)).toEqual(['iq', 'repeater', 'lock', 'door', 'phone']);
    const text = lockstep('check', '--runs', '5', '--require-coverage', '--transition-coverage-min', '50');
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/COVERAGE NOT MET:/);
    expect(text.stdout).toMatch(/situation never reached: /);
  });

  it('counts the same on one job and on two, and the shards add up to the sweep', () => {
    const coverageOf = (...args: string[]): CoverageJson =>
      (
        JSON.parse(lockstep('check', '--runs', '12', '--coverage', '--json', ...args).stdout) as {
          coverage: CoverageJson;
        }
      ).coverage;
    const one = coverageOf();
    expect(one.required).toBe(false);
    expect(coverageOf('--jobs', '2')).toEqual(one);
    const halves = [coverageOf('--shard', '1/2'), coverageOf('--shard', '2/2')];
    expect(halves[0]!.runs + halves[1]!.runs).toBe(12);
    for (const situation of one.situations)
      expect(
        halves.map((half) => half.situations.find((s) => s.name === situation.name)?.runs ?? 0),
      ).toSatisfy((runs: number[]) => runs[0]! + runs[1]! === situation.runs);
  });

  it('refuses a bad threshold', () => {
    for (const args of [
      ['--require-coverage', '--transition-coverage-min', '101'],
      ['--require-coverage', '--transition-coverage-min', 'most'],
      ['--transition-coverage-min', '90'],
      ['--coverage', '--determinism'],
    ]) {
      const result = lockstep('check', '--runs', '1', ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/lockstep: /);
    }
  });
});
