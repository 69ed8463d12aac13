import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './hostile/cli-files.ts';

const cli = join(process.cwd(), 'bin/lockstep.js');

function lockstep(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lockstep run: determinism across processes', () => {
  it('prints the same traceHash for the same seed in two separate processes, another for another seed', () => {
    const runs = [7, 7, 8].map(
      (seed) =>
        JSON.parse(
          execFileSync(process.execPath, [cli, 'run', 'office', '--seed', String(seed), '--json'], {
            encoding: 'utf8',
          }),
        ) as Record<string, unknown>,
    );
    const [first, second, other] = runs;
    expect(Object.keys(first ?? {}).sort()).toEqual(
      ['events', 'failures', 'passed', 'scenario', 'seed', 'simulatedMs', 'traceHash'].sort(),
    );
    expect(first?.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.traceHash).toBe(first?.traceHash);
    expect(other?.traceHash).not.toBe(first?.traceHash);
    expect(first?.passed).toBe(true);
  });

  it('writes the trace as JSON Lines whose lines hash to the printed fingerprint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const file = join(dir, 'trace.jsonl');
    const result = lockstep('run', 'office-morning', '--trace', file, '--json');
    expect(result.status).toBe(0);
    const { fingerprintOf } = await import('../twin/index.ts');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const printed = JSON.parse(result.stdout) as { traceHash: string; events: number };
    expect(lines).toHaveLength(printed.events);
    expect(fingerprintOf(lines)).toBe(printed.traceHash);
  });
});

describe('lockstep: exit codes and messages', () => {
  it('lists scenarios and sites as JSON', () => {
    const result = lockstep('list', '--json');
    expect(result.status).toBe(0);
    const listed = JSON.parse(result.stdout) as { scenarios: { name: string }[]; sites: { name: string }[] };
    expect(listed.sites.map((site) => site.name)).toEqual(['campus', 'office', 'two-doors']);
    expect(listed.scenarios.length).toBeGreaterThan(0);
  });

  it('exits 2 naming the bad field of a site file, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const file = join(dir, 'bad-site.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
        doors: [{ id: 'd' }],
        locks: [{ id: 'l', kind: 'pin', iq: 'iq-1', door: 'd', position: { x: 1, y: 1 }, openTimeMs: 500 }],
      }),
    );
    const result = lockstep('run', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/locks\[0\]\.openTimeMs/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a scenario input naming a device the site lacks, with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const file = join(dir, 'bad-scenario.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        site: 'office',
        inputs: [{ at: '1s', type: 'present-tag', tag: 'tag-anna', lock: 'lock-nowhere' }],
      }),
    );
    const result = lockstep('run', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/inputs\[0\]\.lock: no lock "lock-nowhere"/);
  });

  it('exits 2 for an expectation naming a lock the site lacks, with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const file = join(dir, 'bad-expectation.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        site: 'office',
        expect: [{ type: 'lock-state', at: '1s', lock: 'lock-nope', bolt: 'locked' }],
      }),
    );
    const result = lockstep('run', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/expect\[0\]\.lock: no lock "lock-nope"/);
  });

  it('exits 2 for malformed JSON, an unknown target, a bad seed or a bad duration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": ');
    expect(lockstep('run', file).status).toBe(2);
    expect(lockstep('run', 'no-such-thing').stderr).toMatch(
      /no scenario, site or file named "no-such-thing"/,
    );
    expect(lockstep('run', 'office', '--seed', 'seven').status).toBe(2);
    expect(lockstep('run', 'office', '--until', 'forever').stderr).toMatch(/not a duration/);
  });

  it('exits 2 for a site over the radio limits, naming the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const file = join(dir, 'crowded.json');
    const locks = Array.from({ length: 17 }, (_, index) => ({
      id: `l${index}`,
      kind: 'bluenet-escutcheon',
      iq: 'iq-1',
      door: `d${index}`,
      position: { x: 3, y: index / 4 },
    }));
    writeFileSync(
      file,
      JSON.stringify({
        name: 'crowded',
        iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
        doors: locks.map((lock) => ({ id: lock.door })),
        locks,
      }),
    );
    const result = lockstep('run', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/locksPerIqMax/);
  });

  it('narrates the demo and exits when its span is over', () => {
    const result = lockstep('demo', '--until', '20m', '--seed', '3');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/opened for/);
    expect(result.stdout).toMatch(/radio: \d+ hops in the last 10 min/);
    expect(result.stdout).toMatch(/done at 20m of virtual time/);
  });
});

describe('lockstep: inputs within the documented bounds (in process)', () => {
  it('exits 2 for a duration flag past the longest run, naming the flag', async () => {
    const result = await runCliCaptured(['run', 'office', '--until', '365d']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('lockstep: --until: "365d" is longer than the longest run, 100d\n');
    const demo = await runCliCaptured(['demo', '--until', `1${'0'.repeat(400)}`]);
    expect(demo.exitCode).toBe(2);
    expect(demo.stderr).toMatch(/--until: .* is longer than the longest run/);
  });

  it('exits 2 for a failure file whose site, steps or length is out of bounds, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const regression = JSON.parse(
      readFileSync('scenarios/regressions/not-closed-at-30s-not-closed-seed1-run0.json', 'utf8'),
    ) as { site: { locks: { position: unknown }[] }; steps: { gapMs: number; input: unknown }[] };
    let files = 0;
    const replayOf = async (file: unknown): Promise<{ exitCode: number; stderr: string }> => {
      const path = join(dir, `failure-${files++}.json`);
      writeFileSync(path, JSON.stringify(file));
      return runCliCaptured(['replay', path]);
    };
    const farSite = structuredClone(regression);
    (farSite.site.locks[0] as { position: unknown }).position = { x: 1e308, y: 0 };
    expect(await replayOf(farSite)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(
        /site\.locks\[0\]\.position\.x: must be at most 10000/,
      ) as unknown as string,
    });
    const longGap = structuredClone(regression);
    (longGap.steps[0] as { gapMs: number }).gapMs = 200 * 86_400_000;
    expect(await replayOf(longGap)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(
        /steps\[0\]\.gapMs: the steps last longer than the longest run/,
      ) as unknown as string,
    });
    const badInput = structuredClone(regression);
    (badInput.steps[0] as { input: unknown }).input = { type: 'interference', x: 1e308 };
    expect(await replayOf(badInput)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/steps\[0\]\.input\.x: must be at most 10000/) as unknown as string,
    });
  });
});

describe('lockstep serve', () => {
  it('refuses a non-loopback host with the demo API credentials', () => {
    const result = spawnSync(process.execPath, [cli, 'serve', '--host', '0.0.0.0', '--port', '0'], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, LOCKSTEP_CLIENT_ID: '', LOCKSTEP_CLIENT_SECRET: '' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing to serve on 0\.0\.0\.0 with the demo API credentials/);
  });

  it('refuses a traffic rate out of bounds, or one for a scenario without background traffic', () => {
    const serve = (...args: string[]) =>
      spawnSync(process.execPath, [cli, 'serve', '--port', '0', ...args], {
        encoding: 'utf8',
        timeout: 30_000,
      });
    for (const rate of ['0', '601', 'lots', '-3']) {
      const result = serve('--visits-per-lock-per-hour', rate);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `--visits-per-lock-per-hour must be a number in [0.01, 600], got "${rate}"`,
      );
    }
    const quiet = serve('--scenario', 'not-closed', '--visits-per-lock-per-hour', '24');
    expect(quiet.status).toBe(2);
    expect(quiet.stderr).toMatch(/no served scenario runs background traffic/);
  });
});

/** The one JSON object a `--json` run printed on stdout. */
function jsonOf(stdout: string): Record<string, unknown> {
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

describe('lockstep --json: an error is a JSON object on stdout too', () => {
  it('for an unknown name, an unreadable file, a bad file, a bad flag value and an unknown command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "name": ');
    const badSite = join(dir, 'bad-site.json');
    writeFileSync(
      badSite,
      JSON.stringify({ name: 'bad', iqs: [{ id: 'iq-1', position: { x: 'far', y: 0 } }] }),
    );
    const cases: { args: string[]; code: string; message: RegExp }[] = [
      {
        args: ['run', 'ofice', '--json'],
        code: 'unknown-name',
        message: /no scenario, site or file named "ofice"/,
      },
      {
        args: ['run', join(dir, 'missing.json'), '--json'],
        code: 'unreadable-file',
        message: /cannot read .*ENOENT/,
      },
      {
        args: ['replay', join(dir, 'missing.json'), '--json'],
        code: 'unreadable-file',
        message: /cannot read/,
      },
      { args: ['run', broken, '--json'], code: 'unreadable-file', message: /broken\.json/ },
      { args: ['run', badSite, '--json'], code: 'bad-input', message: /iqs\[0\]\.position\.x/ },
      {
        args: ['run', 'office', '--until', 'forever', '--json'],
        code: 'bad-input',
        message: /--until: .*not a duration/,
      },
      {
        args: ['run', 'office', '--seed', 'seven', '--json'],
        code: 'invalid-argument',
        message: /a seed is a whole number/,
      },
      {
        args: ['check', '--defect', 'relock-nevr', '--json'],
        code: 'unknown-name',
        message: /unknown defect/,
      },
      {
        args: ['check', '--runs', 'many', '--json'],
        code: 'bad-input',
        message: /--runs must be a whole number/,
      },
      { args: ['rn', 'office', '--json'], code: 'unknown-command', message: /unknown command 'rn'/ },
      { args: ['list', '--jsn', '--json'], code: 'unknown-option', message: /unknown option '--jsn'/ },
    ];
    for (const { args, code, message } of cases) {
      const result = await runCliCaptured(args);
      expect(result.exitCode, args.join(' ')).toBe(2);
      const printed = jsonOf(result.stdout) as { error: { code: string; message: string } };
      expect(Object.keys(printed), args.join(' ')).toEqual(['error']);
      expect(printed.error.code, args.join(' ')).toBe(code);
      expect(printed.error.message, args.join(' ')).toMatch(message);
      expect(result.stderr, args.join(' ')).not.toBe('');
    }
  });

  it('without --json the error stays on stderr only, stdout empty', async () => {
    const result = await runCliCaptured(['run', 'ofice']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no scenario, site or file named "ofice"/);
  });

  it('in a child process: stdout has the JSON error, the exit code is still 2', () => {
    const result = lockstep('run', 'no-such-thing', '--json');
    expect(result.status).toBe(2);
    expect(jsonOf(result.stdout)).toMatchObject({ error: { code: 'unknown-name' } });
    expect(result.stderr).toMatch(/no scenario, site or file named "no-such-thing"/);
  });
});

describe('lockstep: did you mean', () => {
  it('suggests the closest scenario, site, defect and command', async () => {
    const scenario = await runCliCaptured(['run', 'not-closd', '--json']);
    expect(scenario.stderr).toMatch(/did you mean "not-closed"\?/);
    expect(jsonOf(scenario.stdout)).toMatchObject({ error: { suggestions: ['not-closed'] } });
    expect((await runCliCaptured(['run', 'two-door'])).stderr).toMatch(/did you mean "two-doors"\?/);
    expect((await runCliCaptured(['demo', '--site', 'ofice'])).stderr).toMatch(/did you mean "office"\?/);
    expect((await runCliCaptured(['check', '--defect', 'relock-nevr'])).stderr).toMatch(
      /unknown defect "relock-nevr" \(did you mean "relock-never"\?/,
    );
    const command = await runCliCaptured(['chek']);
    expect(command.exitCode).toBe(2);
    expect(command.stderr).toMatch(/unknown command 'chek'\s+\(Did you mean check\?\)/);
  });

  it('suggests nothing for a name close to nothing', async () => {
    const result = await runCliCaptured(['run', 'zzzzzzzz']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).not.toMatch(/did you mean/);
  });
});

describe('lockstep --version and --help', () => {
  it('prints the package version and help that names every command and the bench figures', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const printed = await runCliCaptured(['--version']);
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout.trim()).toBe(version);
    const help = await runCliCaptured(['--help']);
    expect(help.exitCode).toBe(0);
    for (const command of ['list', 'run', 'demo', 'check', 'replay', 'serve', 'bench'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(help.stdout).toMatch(/--json prints one JSON object on stdout, an error too/);
    expect(help.stdout).toMatch(/LOCKSTEP_FROM_SOURCE=1/);
    expect(help.stdout).not.toMatch(/until the live server exists/);
    const bench = await runCliCaptured(['help', 'bench']);
    expect(bench.stdout).toMatch(/CLI start/);
    expect(bench.stdout).toMatch(/--quick .*named for\s+its\s+workload/s);
  });
});

describe('lockstep serve: a port in use', () => {
  it('exits 2 with a hint naming the port and --port 0', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
      child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(status).toBe(2);
      expect(stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
      expect(stderr).toMatch(/--port 0 for a free one/);
      expect(stderr).not.toMatch(/internal error/);
      expect(stdout).toBe('');
    } finally {
      holder.close();
    }
  });
});
