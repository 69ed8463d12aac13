import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import projectConfig from '../../vitest.config.ts';

// The full mutation suite (stryker.full.config.mjs): every test of `npm test` plus the property sweep, except the
// browser tests (they need a Chromium on the machine, and kill nothing test/e2e/viz-model.test.ts does not).
export default defineConfig({
  ...projectConfig,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    ...projectConfig.test,
    include: [...(projectConfig.test?.include ?? []), 'test/mutation/sweep.mutation.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/viz.e2e.test.ts'],
    setupFiles: ['test/mutation/child-mutant.setup.ts'],
    // As in vitest.config.ts (spread above), said again so that no edit there can send a child to dist/: only
    // the instrumented sources see the mutant.
    env: { ...projectConfig.test?.env, LOCKSTEP_FROM_SOURCE: '1' },
  },
});
