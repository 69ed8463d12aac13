/**
 * Sharded sweeps end to end, in this process (`runCli`): a sweep run as 3 shards through each scheduler's
 * convention (explicit --shard, Kubernetes, GitLab, AWS Batch) and merged gives what the unsharded sweep gives
 * (verdict, counts, de-duplicated failures: the merged document equals the whole sweep's); gaps and overlaps are
 * named; different sweeps are refused; JUnit parses back; GitHub annotations leave --json stdout one object.
 * Sweeps are small and not shrunk (--no-shrink), so the whole file stays within seconds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationLine } from '../bin/github-annotations.ts';
import { junitXmlOf } from '../bin/junit-report.ts';
import { shardFromEnv } from '../bin/shard-from-env.ts';
import { parseSweepResult, type SweepResult } from '../scenarios/index.ts';
import { runCliCaptured } from './hostile/cli-files.ts';

/** Every variable a shard or an annotation can come from: cleared around each command, then set as a test says. */
const schedulerVariables = [
  'JOB_COMPLETION_INDEX',
  'CI_NODE_INDEX',
  'CI_NODE_TOTAL',
  'AWS_BATCH_JOB_ARRAY_INDEX',
  'LOCKSTEP_SHARDS',
  'GITHUB_ACTIONS',
] as const;

async function lockstep(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  const saved = schedulerVariables.map((name) => [name, process.env[name]] as const);
  for (const name of schedulerVariables) delete process.env[name];
  Object.assign(process.env, env);
  try {
    return await runCliCaptured(args);
  } finally {
    for (const [name, value] of saved)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'lockstep-shards-'));
const out = join(dir, 'failures');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => join(dir, name);
const readResult = (name: string): SweepResult =>
  parseSweepResult(JSON.parse(readFileSync(file(name), 'utf8')), name);

interface Convention {
  readonly name: string;
  readonly source: string;
  /** Environment and extra flags of shard `at` (0-based) of 3. */
  readonly env: (at: number) => Record<string, string>;
  readonly args: readonly string[] | ((at: number) => string[]);
}

const conventions: Convention[] = [
  { name: 'explicit --shard', source: '--shard', env: () => ({}), args: (at) => ['--shard', `${at + 1}/3`] },
  {
    name: 'Kubernetes Indexed Job',
    source: 'JOB_COMPLETION_INDEX',
    env: (at) => ({ JOB_COMPLETION_INDEX: String(at) }),
    args: ['--shards', '3'],
  },
  {
    name: 'GitLab parallel',
    source: 'CI_NODE_INDEX',
    env: (at) => ({ CI_NODE_INDEX: String(at + 1), CI_NODE_TOTAL: '3' }),
    args: [],
  },
  {
    name: 'AWS Batch array job',
    source: 'AWS_BATCH_JOB_ARRAY_INDEX',
    env: (at) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(at), LOCKSTEP_SHARDS: '3' }),
    args: [],
  },
];

const sweeps = [
  {
    name: 'a sweep with a defect that fails',
    key: 'failing',
    args: ['--runs', '12', '--steps', '6', '--mode', 'safety', '--defect', 'relock-never', '--no-shrink'],
    exitCode: 1,
  },
  {
    name: 'a sweep that passes',
    key: 'passing',
    args: ['--runs', '9', '--steps', '3', '--mode', 'safety', '--coverage'],
    exitCode: 0,
  },
] as const;

const checkArgs = (sweep: (typeof sweeps)[number], result: string, ...more: string[]) => [
  'check',
  ...sweep.args,
  '--keep-going',
  '--out',
  out,
  '--result',
  file(result),
  '--json',
  ...more,
];

describe.each(sweeps)('$name', (sweep) => {
  let whole: SweepResult;
  beforeAll(async () => {
    const run = await lockstep(checkArgs(sweep, `${sweep.key}-whole.json`));
    expect(run.exitCode, run.stderr).toBe(sweep.exitCode);
    whole = readResult(`${sweep.key}-whole.json`);
    expect(whole.counts.runs).toBe(Number(sweep.args[1]));
    if (sweep.exitCode === 1) {
      // The comparison means something only when several runs, in different shards, fail.
      expect(whole.counts.failedRuns).toBeGreaterThanOrEqual(2);
      expect(new Set(whole.failures.map((failure) => failure.runIndex % 3)).size).toBeGreaterThanOrEqual(2);
    } else expect(whole.failures).toEqual([]);
  });

  it.each(conventions)(
    'run as 3 shards ($name) and merged, gives the unsharded verdict',
    async (convention) => {
      const names: string[] = [];
      for (let at = 0; at < 3; at++) {
        const name = `${sweep.key}-${convention.source}-${at}.json`;
        const extra = typeof convention.args === 'function' ? convention.args(at) : convention.args;
        const run = await lockstep(checkArgs(sweep, name, ...extra), convention.env(at));
        expect([0, 1], run.stderr).toContain(run.exitCode);
        const summary = JSON.parse(run.stdout) as { shard: { index: number; count: number; source: string } };
        expect(summary.shard).toMatchObject({ index: at + 1, count: 3, source: convention.source });
        expect(readResult(name).shard).toEqual({ index: at + 1, count: 3, source: convention.source });
        names.push(file(name));
      }
      const mergedFile = file(`${sweep.key}-${convention.source}-merged.json`);
      const merge = await lockstep([
        'merge',
        ...names,
        '--json',
        '--result',
        mergedFile,
        '--require-complete',
      ]);
      expect(merge.exitCode, merge.stderr).toBe(sweep.exitCode);
      const summary = JSON.parse(merge.stdout) as {
        counts: unknown;
        complete: boolean;
        gapRuns: number;
        overlapRuns: number;
      };
      expect(summary).toMatchObject({ counts: whole.counts, complete: true, gapRuns: 0, overlapRuns: 0 });
      const merged = parseSweepResult(JSON.parse(readFileSync(mergedFile, 'utf8')), mergedFile);
      expect(merged).toEqual(whole);
    },
  );
});

describe('merging shards', () => {
  const shard = (at: number) => file(`passing---shard-${at}.json`);

  it('names overlaps and gaps, and fails on gaps only with --require-complete', async () => {
    const twice = await lockstep(['merge', shard(0), shard(1), shard(1)]);
    expect(twice.exitCode).toBe(0);
    expect(twice.stdout).toMatch(/^GAPS: 3 run\(s\) covered by no result: 2, 5, 8/m);
    expect(twice.stdout).toMatch(/^OVERLAPS: 3 run\(s\) covered by more than one result: 1, 4, 7/m);
    expect(twice.stdout).toMatch(/passed, with gaps/);
    const json = JSON.parse(
      (await lockstep(['merge', shard(0), shard(1), shard(1), '--json'])).stdout,
    ) as Record<string, unknown>;
    expect(json).toMatchObject({
      complete: false,
      gapRuns: 3,
      gaps: [
        [2, 3],
        [5, 6],
        [8, 9],
      ],
      overlapRuns: 3,
      counts: { runs: 6, failedRuns: 0 },
    });
    const strict = await lockstep(['merge', shard(0), shard(1), '--require-complete']);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toMatch(/FAILED: 3 run\(s\) covered by no result \(--require-complete\)/);
  });

  it('adds up the coverage and gates on it like check', async () => {
    const names = [0, 1, 2].map(shard);
    expect(readResult('passing-whole.json').coverage?.runs).toBe(9);
    const gated = await lockstep([
      'merge',
      ...names,
      '--require-coverage',
      '--transition-coverage-min',
      '0',
      '--json',
    ]);
    const summary = JSON.parse(gated.stdout) as {
      coverage: { runs: number; required: boolean; met: boolean; unmet: string[] };
    };
    expect(summary.coverage).toMatchObject({ runs: 9, required: true });
    // Nine short runs never reach every named situation: the gate fails, naming them.
    expect(summary.coverage.met).toBe(false);
    expect(gated.exitCode).toBe(1);
    expect(summary.coverage.unmet.some((line) => line.startsWith('situation never reached'))).toBe(true);
    const none = await lockstep(['merge', file('failing-whole.json'), '--require-coverage']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/no result has coverage counts/);
  });

  it('refuses results of different sweeps, naming the two files', async () => {
    const failing = file('failing---shard-0.json');
    const run = await lockstep(['merge', shard(0), failing, '--json']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`${shard(0)} and ${failing} belong to different sweeps`);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'bad-input' } });
  });

  it('refuses files that are not result documents', async () => {
    const notJson = await lockstep(['merge', join(process.cwd(), 'package.json')]);
    expect(notJson.exitCode).toBe(2);
    expect(notJson.stderr).toMatch(/package\.json: not a lockstep-sweep-result/);
    expect((await lockstep(['merge', file('missing.json')])).exitCode).toBe(2);
    expect(
      (await lockstep(['merge', shard(0), '--result', join(dir, 'no-such-dir', 'm.json')])).exitCode,
    ).toBe(2);
  });

  it('gives a retried shard the same result', async () => {
    const again = await lockstep(
      checkArgs(sweeps[0], 'failing-again.json', '--shard', '2/3'),
      // The environment says another shard: the explicit --shard wins.
      { JOB_COMPLETION_INDEX: '0', LOCKSTEP_SHARDS: '3' },
    );
    expect(again.exitCode).toBe(1);
    expect(readFileSync(file('failing-again.json'), 'utf8')).toBe(
      readFileSync(file('failing---shard-1.json'), 'utf8'),
    );
  });
});

describe('--keep-going on worker threads', () => {
  it('collects the same failures as one thread', async () => {
    const run = await lockstep(checkArgs(sweeps[0], 'failing-jobs2.json', '--jobs', '2'));
    expect(run.exitCode, run.stderr).toBe(1);
    expect(readResult('failing-jobs2.json')).toEqual(readResult('failing-whole.json'));
  });
});

describe('JUnit and GitHub annotations', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testcase', 'property'].includes(name),
  });
  type Props = { property: { name: string; value: string }[] };
  interface Xml {
    testsuites: {
      testsuite: {
        properties: Props;
        testcase: {
          name: string;
          properties: Props;
          failure?: { message: string; type: string; '#text': string };
        }[];
      };
    };
  }
  const propertiesOf = (props: Props) =>
    Object.fromEntries(props.property.map(({ name, value }) => [name, value]));

  it('reports a shard as a test case with the sweep, the shard and each failure with its replay and story', async () => {
    const junit = file('shard-2.xml');
    const run = await lockstep(checkArgs(sweeps[0], 'junit-shard.json', '--shard', '2/3', '--junit', junit), {
      GITHUB_ACTIONS: 'true',
    });
    expect(run.exitCode).toBe(1);
    const summary = JSON.parse(run.stdout) as {
      failures: { invariant: string; replay: string; message: string }[];
    };
    expect(summary.failures.length).toBeGreaterThan(0);
    const xml = parser.parse(readFileSync(junit, 'utf8')) as Xml;
    const suite = xml.testsuites.testsuite;
    expect(propertiesOf(suite.properties)).toMatchObject({ seed: '1', runs: '12', defects: 'relock-never' });
    const [testCase] = suite.testcase;
    expect(testCase?.name).toBe('shard 2/3');
    const properties = propertiesOf(testCase?.properties ?? { property: [] });
    expect(properties).toMatchObject({ shard: '2/3', 'shard-source': '--shard', 'runs-done': '4' });
    summary.failures.forEach((failure, at) => expect(properties[`replay-${at + 1}`]).toBe(failure.replay));
    const first = summary.failures[0];
    expect(testCase?.failure?.type).toBe(first?.invariant);
    expect(testCase?.failure?.message).toContain(first?.message);
    expect(testCase?.failure?.['#text']).toMatch(/^VIOLATED relocks at /m);
    // The annotations are on stderr, one per failure; stdout stayed one JSON object (parsed above).
    const annotations = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('::error title=lockstep check'));
    expect(annotations).toHaveLength(summary.failures.length);
    expect(annotations[0]).toContain('%0Areplay: npx lockstep replay ');
  });

  it('reports a merge as a test case per result file and one for the merged sweep', async () => {
    const junit = file('merge.xml');
    const names = [0, 1].map((at) => file(`failing---shard-${at}.json`));
    const run = await lockstep(['merge', ...names, '--junit', junit, '--require-complete']);
    expect(run.exitCode).toBe(1);
    const cases = (parser.parse(readFileSync(junit, 'utf8')) as Xml).testsuites.testsuite.testcase;
    expect(cases.map((each) => each.name)).toEqual([
      `shard 1/3 (${names[0]})`,
      `shard 2/3 (${names[1]})`,
      'merged sweep',
    ]);
    expect(cases[2]?.failure?.message).toMatch(/covered by no result/);
    expect(propertiesOf(cases[2]?.properties ?? { property: [] })).toMatchObject({ 'gap-runs': '4' });
  });

  it('holds any text as XML', () => {
    const message = 'bad \u0001 byte, ]]> twice ]]> and a lone \ud800 surrogate';
    const xml = junitXmlOf({
      name: 'suite',
      sweep: { seed: 1, runs: 1, steps: 1, mode: 'both', defects: [] },
      cases: [
        {
          name: 'case',
          className: 'c',
          properties: [],
          failures: [
            {
              runIndex: 0,
              fcSeed: 1,
              invariant: 'relocks',
              message,
              fingerprint: 'ab',
              inputs: 1,
              story: [message],
            },
          ],
        },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const [testCase] = (parser.parse(xml) as Xml).testsuites.testsuite.testcase;
    expect(testCase?.failure?.['#text']).toContain(
      '\uFFFD byte, ]] > twice ]] > and a lone \uFFFD surrogate',
    );
  });

  it('escape what GitHub reads as a command', () => {
    expect(annotationLine('error', 'a: b, c', '100%\r\nnext')).toBe(
      '::error title=a%3A b%2C c::100%25%0D%0Anext',
    );
  });
});

describe('the shard from the environment', () => {
  const runs = 30;
  const of = (env: Record<string, string>, flags: { shard?: string; shards?: string } = {}) =>
    shardFromEnv({ ...flags, env, runs });

  it('reads each convention, and --shard wins', () => {
    expect(of({})).toBeUndefined();
    expect(of({ CI_NODE_TOTAL: '1' })).toBeUndefined();
    expect(of({ JOB_COMPLETION_INDEX: '0' }, { shards: '4' })).toMatchObject({ index: 1, count: 4 });
    expect(of({ JOB_COMPLETION_INDEX: '3', LOCKSTEP_SHARDS: '4' })).toMatchObject({ index: 4, count: 4 });
    expect(of({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' })).toMatchObject({
      index: 2,
      count: 5,
      source: 'CI_NODE_INDEX',
    });
    expect(of({ AWS_BATCH_JOB_ARRAY_INDEX: '9', LOCKSTEP_SHARDS: '10' })).toMatchObject({
      index: 10,
      count: 10,
    });
    expect(of({ JOB_COMPLETION_INDEX: '0', CI_NODE_INDEX: '3' }, { shard: '2/2' })).toMatchObject({
      index: 2,
      count: 2,
      source: '--shard',
    });
  });

  it.each([
    [{ JOB_COMPLETION_INDEX: '1' }, {}, /JOB_COMPLETION_INDEX is set but the shard count is not/],
    [
      { JOB_COMPLETION_INDEX: '3' },
      { shards: '3' },
      /JOB_COMPLETION_INDEX is 3, out of range for 3 shards \(0 to 2\)/,
    ],
    [
      { JOB_COMPLETION_INDEX: '-1' },
      { shards: '3' },
      /JOB_COMPLETION_INDEX must be a whole number in digits/,
    ],
    [{ JOB_COMPLETION_INDEX: ' 1' }, { shards: '3' }, /JOB_COMPLETION_INDEX must be a whole number/],
    [
      { JOB_COMPLETION_INDEX: '1', LOCKSTEP_SHARDS: '4' },
      { shards: '3' },
      /--shards \(3\) and LOCKSTEP_SHARDS \(4\) disagree/,
    ],
    [
      { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '3' },
      {},
      /CI_NODE_INDEX is 0, out of range for 3 shards \(1 to 3\)/,
    ],
    [{ CI_NODE_INDEX: '1' }, {}, /CI_NODE_INDEX is set but the shard count is not/],
    [{ CI_NODE_TOTAL: '4' }, {}, /CI_NODE_TOTAL is 4 but CI_NODE_INDEX is not set/],
    [
      { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '2', LOCKSTEP_SHARDS: '3' },
      {},
      /CI_NODE_TOTAL \(2\) and LOCKSTEP_SHARDS \(3\) disagree/,
    ],
    [
      { AWS_BATCH_JOB_ARRAY_INDEX: '0', JOB_COMPLETION_INDEX: '0' },
      { shards: '2' },
      /JOB_COMPLETION_INDEX and AWS_BATCH_JOB_ARRAY_INDEX are both set/,
    ],
    [
      { AWS_BATCH_JOB_ARRAY_INDEX: '0' },
      { shards: '31' },
      /--shards is 31, more shards than the sweep's 30 runs/,
    ],
    [{ LOCKSTEP_SHARDS: '3' }, {}, /LOCKSTEP_SHARDS is set but no shard index is/],
    [{}, { shards: '3' }, /--shards needs a shard index/],
    [{}, { shard: '0/3' }, /--shard must be i\/n/],
    [{}, { shard: '2/3', shards: '3' }, /--shard i\/n names both/],
  ])('refuses %j with flags %j', (env, flags, message) => {
    expect(() => of(env, flags)).toThrow(message);
  });

  it('refuses a bad variable on the command line with exit 2, before any run', async () => {
    const run = await lockstep(['check', '--runs', '3', '--json'], {
      JOB_COMPLETION_INDEX: 'x1',
      LOCKSTEP_SHARDS: '3',
    });
    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: { message: expect.stringMatching(/JOB_COMPLETION_INDEX/) },
    });
    expect(
      (await lockstep(['check', '--runs', '3', '--result', join(dir, 'nowhere', 'r.json')])).exitCode,
    ).toBe(2);
  });
});
