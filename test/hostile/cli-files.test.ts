import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBytesMax } from '../../twin/index.ts';
import { judgeCliCase, runCliCaptured, runCliFilesHostile, stackTracePattern } from './cli-files.ts';

const cli = join(process.cwd(), 'bin/lockstep.js');
/** A spawned run that is not over by then has run the twin instead of refusing its file. */
const spawnedTimeoutMs = 30_000;

function lockstep(...args: string[]): {
  status: number | null;
  stderr: string;
  signal: NodeJS.Signals | null;
} {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: spawnedTimeoutMs });
  return { status: result.status, stderr: result.stderr, signal: result.signal };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lockstep-hostile-')), name);
  writeFileSync(path, content);
  return path;
}

/** The reproduction: a lock at the largest double in both coordinates. */
const farLockSite = {
  name: 'far-lock',
  iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
  doors: [{ id: 'door-1' }],
  locks: [
    {
      id: 'lock-1',
      kind: 'pin',
      iq: 'iq-1',
      door: 'door-1',
      position: { x: 1.7976931348623157e308, y: 1.7976931348623157e308 },
    },
  ],
};

describe('hostile scenario and site files for lockstep run (in process)', () => {
  it('refuses every generated malformed file with exit 2 and a message (or runs a still-valid one), in time', async () => {
    const report = await runCliFilesHostile(400, 20_261_202);
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(400);
    // The generator reaches every kind, and most cases are refused (the mutations rarely leave a valid file).
    expect(Object.keys(report.byKind).sort()).toEqual(
      [
        'admin-args',
        'binary',
        'deep',
        'huge-until',
        'mutated-failure',
        'mutated-scenario',
        'mutated-site',
        'truncated',
      ].sort(),
    );
    expect(report.byExitCode['2'] ?? 0).toBeGreaterThan(250);
  }, 60_000);

  it('judges a stack trace, an internal error and a silent exit 2 as failures (the judge can fail)', () => {
    const ok = { exitCode: 2, stdout: '', stderr: 'lockstep: until: bad\n', wallMs: 1 };
    expect(judgeCliCase(ok)).toBeUndefined();
    expect(judgeCliCase({ ...ok, stderr: 'RangeError: boom\n    at canonicalJson (/x/y.ts:1:2)\n' })).toBe(
      'stack trace',
    );
    expect(judgeCliCase({ ...ok, exitCode: 1, stderr: 'lockstep: internal error: x\n' })).toMatch(/internal/);
    expect(judgeCliCase({ ...ok, stderr: '' })).toMatch(/without a message/);
    expect(judgeCliCase({ ...ok, wallMs: 60_000 })).toMatch(/took/);
    expect(
      stackTracePattern.test('lockstep: inputs[0].at: "365d" is longer than the longest run, 100d'),
    ).toBe(false);
  });

  it('refuses a lock at x = y = 1.7976931348623157e308 naming both fields (it used to crash the run)', async () => {
    const result = await runCliCaptured(['run', tempFile('far.json', JSON.stringify(farLockSite))]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/locks\[0\]\.position\.x: must be at most 10000/);
    expect(result.stderr).toMatch(/locks\[0\]\.position\.y: must be at most 10000/);
  });

  it('refuses a file over the size limit before reading it, naming the limit', async () => {
    const path = tempFile('huge.json', `{"name":"${'x'.repeat(fileBytesMax)}"}`);
    const result = await runCliCaptured(['run', path]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`at most ${fileBytesMax} bytes`));
  });
});

describe('hostile files for lockstep run (spawned: the real exit code and stderr)', () => {
  const untils: readonly [string, string][] = [
    ['1e308 as a number', '1e308'],
    ['"365d"', '"365d"'],
    ['a 1 with 400 zeros as text', `"1${'0'.repeat(400)}"`],
    ['a 1 with 400 zeros as a number', `1${'0'.repeat(400)}`],
  ];
  it.each(untils)('exits 2 at once for until = %s, naming the field', (_name, untilText) => {
    const path = tempFile('until.json', `{"name":"long","site":"office","until":${untilText}}`);
    const result = lockstep('run', path);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^lockstep: until: /);
    expect(result.stderr).not.toMatch(stackTracePattern);
  });

  it('exits 2 for an input nested 50,000 deep and for binary junk, never a stack trace', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const deepPath = tempFile('deep.json', `{"name":"deep","site":"office","inputs":[${deep}]}`);
    const result = lockstep('run', deepPath);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/inputs\[0\](\[0\])+: is nested deeper than 64 levels/);
    const junk = tempFile('junk.json', '\u0000\u0001\u00ff{"name":');
    const junkResult = lockstep('run', junk);
    expect(junkResult.status).toBe(2);
    expect(junkResult.stderr).toMatch(/is not valid JSON/);
    expect(junkResult.stderr).not.toMatch(stackTracePattern);
  });
});
