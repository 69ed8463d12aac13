import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'twin/**/*.test.ts',
      'scenarios/**/*.test.ts',
      'api/**/*.test.ts',
      'bin/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // A `lockstep` the tests start as a child process runs the TypeScript sources, never dist/ (bin/lockstep.js):
    // under mutation testing only the instrumented sources see the mutant (docs/mutation.md), and a stale build
    // must not stand in for the code under test. test/cli-compiled.test.ts unsets it to check the build itself.
    env: { LOCKSTEP_FROM_SOURCE: '1' },
  },
});
