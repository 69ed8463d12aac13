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
  },
});
