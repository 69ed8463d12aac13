/**
 * The compiled CLI (bin/build.js → dist/, run by bin/lockstep.js): the one test that starts `lockstep` without
 * LOCKSTEP_FROM_SOURCE (every other child runs the sources, vitest.config.ts). It builds dist/ first when it is
 * stale, as `npm test` does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureCliStartMs } from '../bin/bench/cli-start.ts';

const root = process.cwd();
const cli = join(root, 'bin/lockstep.js');
const stampPath = join(root, 'dist/build-stamp.json');

interface BuildStamp {
  bundleStaleness(stampPath?: string): string | undefined;
}
// Plain JavaScript (it runs before anything is compiled), so it is loaded without its types.
const buildStamp = (): Promise<BuildStamp> =>
  import('../bin/build-stamp.js' as string) as Promise<BuildStamp>;

function compiled(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.LOCKSTEP_FROM_SOURCE;
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'bin/build.js'), '--if-stale', '--quiet'], { stdio: 'inherit' });
}, 60_000);

describe('the compiled CLI', () => {
  it('is fresh after the build, and bin/lockstep.js runs it: no fallback line, list, --version, --help', async () => {
    expect((await buildStamp()).bundleStaleness()).toBeUndefined();
    const list = compiled('list', '--json');
    expect(list.status).toBe(0);
    expect(list.stderr).toBe('');
    const listed = JSON.parse(list.stdout) as { scenarios: { name: string }[]; sites: { name: string }[] };
    expect(listed.sites.map((site) => site.name)).toEqual(['campus', 'office', 'two-doors']);
    expect(listed.scenarios.map((scenario) => scenario.name)).toContain('not-closed');
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(compiled('--version')).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    const help = compiled('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lockstep /);
    expect(help.stdout).toMatch(/^Scenarios: .*not-closed/m);
  });

  it('answers bad input as the sources do: exit 2, the JSON error on stdout', () => {
    const result = compiled('run', 'ofice', '--json');
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { code: 'unknown-name', suggestions: ['office'] },
    });
  });

  it('runs check on its bundled worker threads, with the same verdict as one thread', () => {
    const sweep = (jobs: string): Record<string, unknown> => {
      const result = compiled('check', '--runs', '4', '--steps', '8', '--jobs', jobs, '--json');
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as Record<string, unknown>;
    };
    const two = sweep('2');
    expect(two).toMatchObject({ runs: 4, failed: false });
    expect(two).toEqual(sweep('1'));
  });

  it('points every worker at its bundle, never at a tsx shim', () => {
    const bundles = readdirSync(join(root, 'dist'))
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => readFileSync(join(root, 'dist', name), 'utf8'))
      .join('\n');
    expect(bundles).toContain('new URL("./check-worker.mjs", import.meta.url)');
    expect(bundles).toContain('new URL("./replay-worker.mjs", import.meta.url)');
    expect(bundles).not.toMatch(/(check|replay)-worker\.js/);
    expect(bundles).not.toMatch(/from "tsx/);
  });

  it("starts the live protocol's replay worker from its bundle", async () => {
    const file = JSON.parse(readFileSync('scenarios/library/not-closed.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const worker = new Worker(join(root, 'dist/replay-worker.mjs'));
    try {
      const outcome = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ file, ms: 1_000 });
      });
      expect(outcome).toMatchObject({ ok: true, result: { virtualMs: 1_000 } });
    } finally {
      await worker.terminate();
    }
  });

  it('is stale when a source it was built from changed or is gone, or when there is no stamp', async () => {
    const { bundleStaleness } = await buildStamp();
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-stamp-'));
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as {
      sources: Record<string, { sizeBytes: number; mtimeMs: number }>;
    };
    const changed = structuredClone(stamp);
    (changed.sources['bin/cli.ts'] as { sizeBytes: number }).sizeBytes += 1;
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(changed));
    expect(bundleStaleness(join(dir, 'changed.json'))).toBe('bin/cli.ts changed since the build');
    const touched = structuredClone(stamp);
    (touched.sources['twin/index.ts'] as { mtimeMs: number }).mtimeMs -= 1;
    writeFileSync(join(dir, 'touched.json'), JSON.stringify(touched));
    expect(bundleStaleness(join(dir, 'touched.json'))).toBe('twin/index.ts changed since the build');
    const gone = { sources: { ...stamp.sources, 'bin/no-such-file.ts': { sizeBytes: 1, mtimeMs: 1 } } };
    writeFileSync(join(dir, 'gone.json'), JSON.stringify(gone));
    expect(bundleStaleness(join(dir, 'gone.json'))).toBe('bin/no-such-file.ts is gone since the build');
    expect(bundleStaleness(join(dir, 'none.json'))).toBe('dist/ has no build');
    writeFileSync(join(dir, 'junk.json'), '[]');
    expect(bundleStaleness(join(dir, 'junk.json'))).toMatch(/not a build stamp/);
  });

  it('is what cli-start-ms times (the bench figure)', () => {
    const startMs = measureCliStartMs({ runs: 1 });
    expect(startMs).toBeGreaterThan(0);
    expect(startMs).toBeLessThan(30_000);
  });
});
