/**
 * The exploration property with fast-check: for each run index, a case (site, swarm, steps) is generated from a
 * seed derived from (sweep seed, run index), run with the invariant monitor, and on failure shrunk by fast-check
 * to the shortest sequence that still breaks an invariant. Run indices are independent, so a sweep can be split
 * across worker threads (`--jobs`) or machines (`--shard i/n`) and the union of the parts is the whole sweep.
 */
import fc from 'fast-check';
import { edgeOpenerArbitrary, swarmArbitrary, stepChunkArbitrary } from './generated-inputs.ts';
import { siteFromShape, siteShapeArbitrary } from './generated-site.ts';
import { checkModeDefault, runCase, type Case, type CheckMode } from './run-case.ts';
import type { Violation } from './invariants.ts';
import { RunCoverageRecorder, type RunCoverage } from './coverage.ts';
import { shrinkSite } from './site-shrink.ts';

/** The property of the default mode (`both`): every invariant, safety and liveness. */
export const propertyName = 'twin-invariants';

/** The property a mode checks, as failure files and `--json` name it (`twin-safety`, `twin-liveness`). */
export function propertyNameOf(mode: CheckMode): string {
  return mode === 'both' ? propertyName : `twin-${mode}`;
}
export const stepsDefault = 40;
export const stepsMax = 500;

export function caseArbitrary(options: {
  readonly steps: number;
  readonly defects: readonly string[];
}): fc.Arbitrary<Case> {
  return fc
    .tuple(siteShapeArbitrary, swarmArbitrary, fc.integer({ min: 1, max: 2 ** 31 - 1 }))
    .chain(([shape, swarm, seed]) => {
      const site = siteFromShape(shape);
      return fc
        .tuple(
          edgeOpenerArbitrary(site),
          fc.array(stepChunkArbitrary(site, swarm), { maxLength: options.steps, size: 'max' }),
        )
        .map(([opener, chunks]): Case => ({
          site,
          seed,
          steps: [...opener, ...chunks.flat()].slice(0, options.steps),
          defects: options.defects,
        }));
    });
}

/** The fast-check seed of one run of a sweep: a fixed mix of the two, the same on every machine. */
export function runSeed(sweepSeed: number, runIndex: number): number {
  let hash = (Math.imul(sweepSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(runIndex + 1, 0xc2b2ae35)) | 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  hash = Math.imul(hash ^ (hash >>> 15), 0x846ca68b);
  return (hash ^ (hash >>> 16)) | 0;
}

export interface RunOutcome {
  readonly runIndex: number;
  readonly fcSeed: number;
  readonly failed: boolean;
  /** The shrunk case and what it broke, when the run failed. */
  readonly counterexample?: Case;
  readonly violation?: Violation;
  readonly fcPath?: string;
  readonly shrinks?: number;
  /** What the run's generated case reached (not its shrinks), when coverage was asked for. */
  readonly coverage?: RunCoverage;
}

/** Runs (and on failure shrinks) one run of the sweep. */
export function checkRun(
  runIndex: number,
  options: {
    readonly sweepSeed: number;
    readonly steps: number;
    readonly defects: readonly string[];
    readonly shrink?: boolean;
    readonly mode?: CheckMode;
    readonly coverage?: boolean;
  },
): RunOutcome {
  const fcSeed = runSeed(options.sweepSeed, runIndex);
  const mode = options.mode ?? checkModeDefault;
  // Only the generated case counts for coverage: fast-check runs it first, and the shrinks after it.
  let recorder = options.coverage === true ? new RunCoverageRecorder() : undefined;
  let coverage: RunCoverage | undefined;
  const details = fc.check(
    fc.property(caseArbitrary(options), (testCase) => {
      const watching = recorder;
      recorder = undefined;
      const result = runCase(testCase, { keepLines: false, mode, ...watching?.runOptions() });
      if (watching !== undefined) coverage = watching.result();
      return result.violation === undefined;
    }),
    { seed: fcSeed, numRuns: 1, endOnFailure: options.shrink === false },
  );
  const covered = coverage === undefined ? {} : { coverage };
  if (!details.failed || details.counterexample === null)
    return { runIndex, fcSeed, failed: false, ...covered };
  const stepsShrunk = details.counterexample[0];
  const found = runCase(stepsShrunk, { keepLines: false, mode }).violation;
  // fast-check shrinks the steps; the site's devices and people it does not need go in a second pass.
  const counterexample =
    found === undefined || options.shrink === false
      ? stepsShrunk
      : shrinkSite(stepsShrunk, { invariant: found.invariant, message: found.message, mode }).testCase;
  const violation =
    counterexample === stepsShrunk ? found : runCase(counterexample, { keepLines: false, mode }).violation;
  return {
    runIndex,
    fcSeed,
    failed: true,
    counterexample,
    ...(violation === undefined ? {} : { violation }),
    ...(details.counterexamplePath === null ? {} : { fcPath: details.counterexamplePath }),
    shrinks: details.numShrinks,
    ...covered,
  };
}

/** The case a run index generates (without running it): for the determinism self-check. */
export function caseOfRun(
  runIndex: number,
  options: { readonly sweepSeed: number; readonly steps: number; readonly defects: readonly string[] },
): Case {
  const [testCase] = fc.sample(caseArbitrary(options), {
    seed: runSeed(options.sweepSeed, runIndex),
    numRuns: 1,
  });
  if (testCase === undefined) throw new Error('fast-check produced no case');
  return testCase;
}

/** The run indices of shard `index` of `count` (1-based index): every count-th run, so shards are balanced. */
export function shardRuns(runs: number, shard: { readonly index: number; readonly count: number }): number[] {
  const indices: number[] = [];
  for (let runIndex = shard.index - 1; runIndex < runs; runIndex += shard.count) indices.push(runIndex);
  return indices;
}
