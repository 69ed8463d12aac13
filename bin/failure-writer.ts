/**
 * The failure file of a failed run, as `check` and a fleet worker write it: the shrunk case run again with the
 * narrator (its story, bounded, ending with the violation) and its trace's fingerprint, written under `outDir`.
 */
import {
  failureFileOf,
  Narrator,
  propertyNameOf,
  runCase,
  storyLinesMax,
  sweepFailureOf,
  writeFailureFile,
  type CheckMode,
  type RunOutcome,
  type SweepFailure,
} from '../scenarios/index.ts';

type ShrunkCase = NonNullable<RunOutcome['counterexample']>;

/** The story of a shrunk case (the narrated lines, ending with the violation) and its rerun's trace. */
function rerunWithStory(mode: CheckMode, testCase: ShrunkCase) {
  const story: string[] = [];
  const narrator = new Narrator((line) => {
    story.push(line);
    if (story.length > storyLinesMax) story.shift();
  });
  const rerun = runCase(testCase, {
    mode,
    onEvent: (traced) => narrator.record(traced),
    onTwin: (twin) => narrator.attach(twin),
    onHarness: (tMs) => narrator.harnessBegins(tMs),
  });
  const violation = rerun.violation;
  if (violation !== undefined)
    story.push(
      `VIOLATED ${violation.invariant} at ${(violation.tMs / 1000).toFixed(3)} s: ${violation.message}`,
    );
  return { rerun, story };
}

/** Writes the failure file of a failed run and answers its failure with the file, the replay and the story. */
export function writtenFailure(
  failure: RunOutcome,
  sweep: { readonly mode: CheckMode; readonly sweepSeed: number; readonly outDir: string },
): SweepFailure {
  const testCase = failure.counterexample;
  if (testCase === undefined || failure.violation === undefined)
    throw new Error(`run ${failure.runIndex} failed without a counterexample`);
  const { rerun, story } = rerunWithStory(sweep.mode, testCase);
  const file = failureFileOf({
    property: propertyNameOf(sweep.mode),
    testCase,
    violation: failure.violation,
    sweepSeed: sweep.sweepSeed,
    runIndex: failure.runIndex,
    fcSeed: failure.fcSeed,
    fcPath: failure.fcPath,
    traceHash: rerun.traceHash,
    lines: rerun.lines,
    story,
  });
  return sweepFailureOf(failure, { artifact: writeFailureFile(sweep.outDir, file), story }) as SweepFailure;
}
