import { defineConfig } from 'vitest/config';

// Mutation testing's test (stryker.config.mjs): only the bounded property sweep, so that each mutant is judged by
// what the explorer catches and nothing else.
export default defineConfig({
  test: {
    include: ['test/mutation/sweep.mutation.ts'],
    testTimeout: 600_000,
    // Children and workers run the (instrumented) sources, not dist/ (vitest.config.ts, bin/lockstep.js).
    env: { LOCKSTEP_FROM_SOURCE: '1' },
  },
});
