/**
 * A setup file of the full mutation suite (vitest.full.config.ts): it hands the mutant under test to the child
 * processes and worker threads that some tests start (`lockstep run|check|replay` as a process, `check --jobs` on
 * worker threads).
 *
 * Stryker switches a mutant on through a global of the test's own thread; a child would run the original code and
 * a test comparing it with this process would "kill" every mutant that changes a fingerprint. Stryker's
 * instrumented code also reads the mutant from the `__STRYKER_ACTIVE_MUTANT__` environment variable when that
 * global is unset, which is what a child sees: so the child runs the same mutant as the test that started it.
 */
import { beforeAll } from 'vitest';

const activeMutantVariable = '__STRYKER_ACTIVE_MUTANT__';

interface StrykerGlobal {
  readonly activeMutant?: string;
}

// Registered after Stryker's own setup file (which sets the mutant in its beforeAll), so the mutant is known here.
beforeAll(() => {
  const stryker = (globalThis as { __stryker__?: StrykerGlobal }).__stryker__;
  const activeMutant = stryker?.activeMutant;
  if (activeMutant === undefined) delete process.env[activeMutantVariable];
  else process.env[activeMutantVariable] = String(activeMutant);
});
