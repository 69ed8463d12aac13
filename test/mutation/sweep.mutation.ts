/**
 * The test that mutation testing runs against the twin (`npm run mutation`, docs/mutation.md): a bounded property
 * sweep with a fixed sweep seed, as `lockstep check --runs N --seed 1` runs it, but without shrinking (a mutant
 * only needs to be caught, not explained). A mutant the sweep does not catch is a situation the generators never
 * make, a wrong behaviour that no invariant notices, or one the reference model shares.
 *
 * The file is not named `*.test.ts` so that `npm test` does not run it: test/check.test.ts already sweeps there.
 * Each run is its own test so that Stryker's per-test coverage runs, for each mutant, only the runs that reach
 * the mutated code, and stops at the first run that fails.
 */
import { describe, expect, it } from 'vitest';
import { checkRun, stepsDefault } from '../../scenarios/index.ts';

/** How many runs: `LOCKSTEP_MUTATION_RUNS` trades time per mutant against what the sweep reaches. */
const runsDefault = 300;
const runsMax = 100_000;
const mutationSweepSeed = 1;

function runsOf(text: string | undefined): number {
  if (text === undefined || text === '') return runsDefault;
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1 || runs > runsMax)
    throw new Error(`LOCKSTEP_MUTATION_RUNS must be a whole number from 1 to ${runsMax}, got "${text}"`);
  return runs;
}

const runs = runsOf(process.env['LOCKSTEP_MUTATION_RUNS']);
const runIndices = Array.from({ length: runs }, (_, runIndex) => runIndex);

describe(`property sweep of seed ${mutationSweepSeed}`, () => {
  // The name is bracketed because Stryker selects tests by an unanchored pattern of their names: "run 1" would
  // also pick runs 10 to 199.
  it.each(runIndices)('run [%i] breaks no invariant', (runIndex) => {
    const outcome = checkRun(runIndex, {
      sweepSeed: mutationSweepSeed,
      steps: stepsDefault,
      defects: [],
      shrink: false,
    });
    expect(outcome.failed, `run ${runIndex} of sweep seed ${mutationSweepSeed} broke an invariant`).toBe(
      false,
    );
  });
});
