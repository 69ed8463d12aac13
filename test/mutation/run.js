// `npm run mutation`: mutation testing of the twin with StrykerJS (docs/mutation.md). Runs the property sweep's
// suite (stryker.config.mjs), then the full suite (test/mutation/stryker.full.config.mjs), and prints both scores.
//
//   npm run mutation                           both suites, incremental
//   npm run mutation -- --only sweep|full      one suite
//   npm run mutation -- --scores               print the scores of the last reports, run nothing
//   npm run mutation -- --mutate twin/cloud/rights.ts,twin/devices/lock-context.ts   any Stryker flag passes on
//
// Stryker's incremental mode reuses a mutant's result while its file and the test files are unchanged; it does
// not see the explorer (scenarios/), the twin outside the mutated files, or the packages. Their hash is kept
// beside each suite's incremental file and a change forces a full run, so a stronger explorer is re-measured.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const suites = {
  sweep: { config: 'stryker.config.mjs', judge: 'the property sweep (test/mutation/sweep.mutation.ts)' },
  full: {
    config: 'test/mutation/stryker.full.config.mjs',
    judge: 'the sweep and the vitest suite of npm test (test/mutation/vitest.full.config.ts)',
  },
};
/** Folders whose files can change a mutant's verdict without Stryker noticing (the mutated files it tracks). */
const harnessFolders = ['scenarios', 'twin', 'test', 'api', 'bin'];
const harnessFiles = [
  'package-lock.json',
  'vitest.config.ts',
  'vitest.mutation.config.ts',
  'stryker.config.mjs',
];
/** Mutated files: Stryker tracks these itself (stryker.config.mjs, `mutateDefault`). */
const mutatedFile =
  /^twin\/(devices|cloud|kernel)\/(?!index\.ts$).*\.ts$|^twin\/radio\/topology\.ts$|^twin\/site-network\.ts$/;

function filesUnder(folder) {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes('node_modules') && !file.startsWith('test/artifacts'));
}

function harnessHash() {
  const hash = createHash('sha256');
  const files = [...harnessFolders.flatMap(filesUnder), ...harnessFiles]
    .filter((file) => !mutatedFile.test(file) || file.endsWith('.test.ts'))
    .sort();
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

function parseArgs(argv) {
  const only = argv.indexOf('--only');
  if (only === -1) return { names: Object.keys(suites), passOn: argv };
  const name = argv[only + 1];
  if (!(name in suites)) {
    console.error(`--only takes ${Object.keys(suites).join(' or ')}, got "${name ?? ''}"`);
    process.exit(2);
  }
  return { names: [name], passOn: [...argv.slice(0, only), ...argv.slice(only + 2)] };
}

function runSuite(name, passOn) {
  const folder = join(root, 'reports/mutation', name);
  const hashFile = join(folder, 'harness.sha256');
  const hash = harnessHash();
  const changed = !existsSync(hashFile) || readFileSync(hashFile, 'utf8').trim() !== hash;
  const force = changed && !passOn.includes('--force') ? ['--force'] : [];
  if (force.length > 0)
    console.log(`${name}: the harness changed since the last run, so every mutant runs again`);
  const started = performance.now();
  const result = spawnSync('npx', ['stryker', 'run', suites[name].config, ...force, ...passOn], {
    cwd: root,
    stdio: 'inherit',
  });
  const minutes = (performance.now() - started) / 60_000;
  if (result.status === 0) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(hashFile, `${hash}\n`);
  }
  return { name, status: result.status ?? 1, minutes };
}

/** The counts of a Stryker JSON report (mutation-testing-report-schema), per status. */
function countsOf(name) {
  const file = join(root, 'reports/mutation', name, 'mutation.json');
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = {};
  for (const { mutants } of Object.values(report.files))
    for (const { status } of mutants) counts[status] = (counts[status] ?? 0) + 1;
  return { counts, files: Object.keys(report.files).length };
}

function scoreLine({ name, minutes }) {
  const report = countsOf(name);
  if (report === undefined) return `${name}: no report`;
  const n = (status) => report.counts[status] ?? 0;
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  const covered = detected + n('Survived');
  const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
  return (
    `${name.padEnd(5)} ${percent(detected, valid).padStart(6)} (covered ${percent(detected, covered)}) ` +
    `of ${valid} mutants in ${report.files} files: killed ${n('Killed')}, timeout ${n('Timeout')}, ` +
    `survived ${n('Survived')}, no coverage ${n('NoCoverage')}; ignored ${n('Ignored')}, ` +
    `errors ${n('RuntimeError') + n('CompileError')}${Number.isNaN(minutes) ? '' : ` — ${minutes.toFixed(1)} min`}\n      judged by ${suites[name].judge}`
  );
}

const argv = process.argv.slice(2);
const scoresOnly = argv.includes('--scores');
const { names, passOn } = parseArgs(argv.filter((arg) => arg !== '--scores'));
const results = scoresOnly
  ? names.map((name) => ({ name, status: 0, minutes: Number.NaN }))
  : names.map((name) => runSuite(name, passOn));
console.log('\nMutation scores (reports/mutation/<suite>/index.html):');
for (const result of results) console.log(scoreLine(result));
process.exit(results.every((result) => result.status === 0) ? 0 : 1);
