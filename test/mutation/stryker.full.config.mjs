// The full mutation suite (docs/mutation.md): the same mutants as stryker.config.mjs, judged by the property sweep
// and every unit and integration test of `npm test` (test/mutation/vitest.full.config.ts says which are left out).
import { sharedOptions } from '../../stryker.config.mjs';

// The options are documented at https://stryker-mutator.io/docs/stryker-js/configuration/.
export default {
  ...sharedOptions('full'),
  vitest: { configFile: 'test/mutation/vitest.full.config.ts', related: false },
  // Some tests start the CLI as a child process (tsx compiles it on start): a mutant's run takes longer there.
  timeoutMS: 60_000,
};
