// Mutation testing of the twin against the property sweep (docs/mutation.md). `npm run mutation` runs this
// config and then test/mutation/stryker.full.config.mjs (the sweep plus the unit and integration tests).
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What is mutated: the device machines, the cloud core, the radio's topology limits, the network and the kernel. */
export const mutateDefault = [
  'twin/devices/**/*.ts',
  'twin/cloud/**/*.ts',
  'twin/radio/topology.ts',
  'twin/site-network.ts',
  'twin/kernel/**/*.ts',
  '!**/*.test.ts',
  // Re-exports, interfaces only, and the cloud tests' fixture: nothing in them runs as product code.
  '!twin/*/index.ts',
  '!twin/devices/device-environment.ts',
  '!twin/cloud/core-fixture.ts',
];

/**
 * Options both configs share. The sandbox lives outside the repository: ESLint, knip and the other tools walk
 * the working tree and would read (and trip over) a copy of it.
 * @param {string} name the suite's name: its reports and incremental file go to reports/mutation/<name>/
 */
export function sharedOptions(name) {
  return {
    testRunner: 'vitest',
    // Per-test coverage runs each mutant against only the tests (sweep runs) that reach it; the vitest runner runs
    // them in-process in each worker, without a build step.
    coverageAnalysis: 'perTest',
    mutate: mutateDefault,
    concurrency: 2,
    // A mutant that loops or slows the twin down runs into these (the twin's own event limit usually stops it
    // first, as an error, which counts as killed).
    timeoutMS: 10_000,
    timeoutFactor: 2,
    dryRunTimeoutMinutes: 20,
    // Code that runs only while a module loads (constants, tables) would need every test rerun per mutant after a
    // module reload; with per-test coverage they are counted as ignored instead.
    ignoreStatic: true,
    incremental: true,
    incrementalFile: `reports/mutation/${name}/incremental.json`,
    tempDirName: join(tmpdir(), `lockstep-stryker-${name}`),
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
    clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
    thresholds: { high: 80, low: 60, break: null },
  };
}

// The options are documented at https://stryker-mutator.io/docs/stryker-js/configuration/.
export default {
  ...sharedOptions('sweep'),
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
};
