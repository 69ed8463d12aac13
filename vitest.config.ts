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
  },
});
