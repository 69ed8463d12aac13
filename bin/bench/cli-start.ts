/**
 * `cli-start-ms`: how long `lockstep list` takes as a user starts it, `node bin/lockstep.js list` in a child
 * process, from spawn to exit, in wall milliseconds: the median of several starts after one that is not counted
 * (it fills the file cache). The compiled CLI (dist/, bin/build.js) is what is timed: it is built first when its
 * stamp is stale (a long bench outlives many edits), and a start that still falls back to the TypeScript sources
 * fails the figure instead of timing the fallback.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cliPath = fileURLToPath(new URL('../lockstep.js', import.meta.url));
const buildPath = fileURLToPath(new URL('../build.js', import.meta.url));
/** One start's bound: a start this slow is broken, not slow. */
const startTimeoutMs = 30_000;

function startOnce(): number {
  const env = { ...process.env };
  delete env.LOCKSTEP_FROM_SOURCE;
  const startMs = performance.now();
  const run = spawnSync(process.execPath, [cliPath, 'list'], {
    env,
    encoding: 'utf8',
    timeout: startTimeoutMs,
  });
  const wallMs = performance.now() - startMs;
  if (run.status !== 0)
    throw new Error(`lockstep list exited ${run.status ?? run.signal}: ${run.stderr.trim().slice(0, 200)}`);
  if (run.stderr.includes('running the TypeScript sources'))
    throw new Error(`not the compiled CLI: ${run.stderr.trim()} (npm run build first)`);
  return wallMs;
}

/** The median wall time of `runs` starts of `lockstep list`. */
export function measureCliStartMs(options: { readonly runs: number }): number {
  const build = spawnSync(process.execPath, [buildPath, '--if-stale', '--quiet'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr.trim().slice(0, 300)}`);
  startOnce();
  const times = Array.from({ length: options.runs }, startOnce).sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median =
    times.length % 2 === 1
      ? (times[middle] as number)
      : ((times[middle - 1] as number) + (times[middle] as number)) / 2;
  return median;
}
