// Builds the `lockstep` command as plain JavaScript into dist/ (git-ignored), so that starting it strips no
// types: `npm run build`, and `npm install` / `npm ci` through the `prepare` script. bin/lockstep.js runs
// dist/lockstep.mjs while dist/build-stamp.json says every source is as it was built (bin/build-stamp.js), and
// the TypeScript sources through tsx otherwise.
//
// One bundle for the command and one per worker thread it starts, all directly in dist/ (their shared chunks
// too; each command's code is a chunk loaded when it runs). The packages are bundled too, so that only what is used
// loads (faker's entry point alone loads every locale, 160 ms); the CommonJS ones get a `require` (the banner).
// esbuild stays a package: `serve` bundles the page with it at run time, and its binary is its own.
// Code that finds files beside its own source (`new URL('./library/', import.meta.url)`) keeps finding them in
// the source tree: each source file's `import.meta.url` is replaced by that file's own URL. The exception is a
// worker's entry: `new URL('./check-worker.js', import.meta.url)` names the tsx shim beside the TypeScript worker,
// and in the bundle it names that worker's bundle instead (`workers` below; a shim missing there fails the build).
//
// Usage: node bin/build.js [--if-stale] [--quiet] [--keep-going]
//   --if-stale    nothing to do when the stamp is fresh
//   --keep-going  a failed build is a warning, not a failure (`prepare`: an install must not fail on it; the CLI
//                 then runs from the sources, and test/cli-compiled.test.ts fails on the build's error)
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { bundleStaleness, distDir, fileStamp, rootDir } from './build-stamp.js';

/** Entry points (from the repository root) → bundle names in dist/ (`.mjs`). */
const entries = {
  'bin/cli.ts': 'lockstep',
  'bin/check-worker.ts': 'check-worker',
  'api/live/replay-worker.ts': 'replay-worker',
};

/** Worker shims (each the tsx loader beside a TypeScript worker) → the bundle that replaces it in dist/. */
const workers = {
  'bin/check-worker.js': 'check-worker.mjs',
  'api/live/replay-worker.js': 'replay-worker.mjs',
};

const workerUrlPattern = /new URL\((['"])(\.{1,2}\/[^'"]+\.js)\1,\s*import\.meta\.url\)/g;
/** Stands for the bundle's own `import.meta.url` while every other one is replaced. */
const bundleUrl = '__lockstepBundleUrl__';

const toPosix = (path) => path.split(sep).join('/');

/** The source with its `import.meta.url` pinned to its own file and its workers' URLs pointed at their bundles. */
function rewriteSource(path, source) {
  const fromRoot = toPosix(relative(rootDir, path));
  const withWorkers = source.replace(workerUrlPattern, (match, _quote, target) => {
    const shim = toPosix(relative(rootDir, join(dirname(path), target)));
    const bundle = workers[shim];
    if (bundle !== undefined) return `new URL(${JSON.stringify(`./${bundle}`)}, ${bundleUrl})`;
    if (existsSync(join(rootDir, shim.replace(/\.js$/, '.ts'))))
      throw new Error(`${fromRoot} starts ${shim}, a TypeScript worker missing from bin/build.js's workers`);
    return match;
  });
  const ownUrl = `new URL(${JSON.stringify(toPosix(relative(distDir, path)))}, import.meta.url).href`;
  return withWorkers.replaceAll('import.meta.url', ownUrl).replaceAll(bundleUrl, 'import.meta.url');
}

const ownSourcesPlugin = {
  name: 'lockstep-own-sources',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      return { contents: rewriteSource(args.path, readFileSync(args.path, 'utf8')), loader: 'ts' };
    });
  },
};

/**
 * Replaces dist/ with the new build. Two builds at once (two `npm test` in one tree) must not fail each other:
 * a dist/ that another build moved away first, or put back first, is theirs to have; the stamp decides whether it
 * may run.
 */
function putInPlace(outDir, oldDir) {
  try {
    renameSync(distDir, oldDir);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    renameSync(outDir, distDir);
  } catch (error) {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  }
}

/** Builds beside dist/ (same depth, so the same relative URLs), then puts the new build in its place. */
async function buildDist() {
  const outDir = join(rootDir, `dist.building-${process.pid}`);
  const oldDir = join(rootDir, `dist.old-${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  // Wall time, to compare with the files' modification times (a coarse clock: a millisecond early is fine).
  const startedAtMs = Date.now() - 1;
  try {
    const result = await build({
      absWorkingDir: rootDir,
      entryPoints: Object.entries(entries).map(([input, output]) => ({ in: input, out: output })),
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      chunkNames: '[name]-[hash]',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['esbuild'],
      banner: {
        // CommonJS dependencies (write-file-atomic) read __filename as well as require.
        js: "import { createRequire as __lockstepCreateRequire } from 'node:module';\nimport { fileURLToPath as __lockstepFileUrlToPath } from 'node:url';\nconst require = __lockstepCreateRequire(import.meta.url);\nconst __filename = __lockstepFileUrlToPath(import.meta.url);",
      },
      sourcemap: 'linked',
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [ownSourcesPlugin],
    });
    const sources = Object.fromEntries(
      Object.keys(result.metafile.inputs)
        .sort()
        .map((input) => [input, fileStamp(join(rootDir, input))]),
    );
    // A file written while esbuild read it may be in the bundle as it was before: stamp it as never seen, so the
    // bundle counts as stale (and runs the sources) until the next build.
    const changedDuring = Object.entries(sources).filter(([, stamp]) => stamp.mtimeMs >= startedAtMs);
    for (const [input] of changedDuring) sources[input] = { sizeBytes: -1, mtimeMs: -1 };
    if (changedDuring.length > 0)
      process.stderr.write(
        `lockstep: ${changedDuring.map(([input]) => input).join(', ')} changed during the build: build again\n`,
      );
    writeFileSync(join(outDir, 'build-stamp.json'), JSON.stringify({ sources }) + '\n');
    putInPlace(outDir, oldDir);
    return Object.keys(sources).length;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(oldDir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const staleness = args.includes('--if-stale') ? bundleStaleness() : 'asked to build';
if (staleness !== undefined) {
  const startMs = performance.now();
  try {
    const files = await buildDist();
    if (!args.includes('--quiet'))
      process.stderr.write(
        `lockstep: built dist/ from ${files} source files in ${Math.round(performance.now() - startMs)} ms\n`,
      );
  } catch (error) {
    if (!args.includes('--keep-going')) throw error;
    process.stderr.write(
      `lockstep: the build failed, so the CLI runs from the TypeScript sources: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}
