/**
 * Replaying a failure file: the same case runs again, its fingerprint is compared with the one recorded, the
 * first event where the traces part is named, and the story is told in plain words (time, who, what, what the
 * lock decided and why), ending with the invariant that broke.
 */
import { firstDivergence, type TraceDivergence } from '../../twin/index.ts';
import { Narrator } from '../narrator.ts';
import { caseOfFailure, type FailureFile } from './failure-file.ts';
import { runCase } from './run-case.ts';

export interface ReplayResult {
  /** Same fingerprint and the same invariant broken. */
  readonly reproduced: boolean;
  readonly traceHash: string;
  readonly expectedHash: string;
  readonly firstDivergence: TraceDivergence | null;
  /** Whether the replay broke an invariant. */
  readonly failed: boolean;
  readonly invariant: string | null;
  readonly message: string | null;
  readonly story: readonly string[];
}

/** Story lines kept (the end of a long story matters most). */
const storyLinesMax = 200;

export function replayFailure(file: FailureFile): ReplayResult {
  const story: string[] = [];
  const narrator = new Narrator((line) => {
    story.push(line);
    if (story.length > storyLinesMax) story.shift();
  });
  const result = runCase(caseOfFailure(file), {
    onEvent: (traced) => narrator.record(traced),
    onTwin: (twin) => narrator.attach(twin),
    onHarness: (tMs) => narrator.harnessBegins(tMs),
  });
  const divergence =
    result.traceHash === file.expectedHash ? undefined : firstDivergence(file.expectedTrace, result.lines);
  const violation = result.violation;
  if (violation !== undefined)
    story.push(
      `VIOLATED ${violation.invariant} at ${(violation.tMs / 1000).toFixed(3)} s: ${violation.message}`,
    );
  const verdictHolds =
    file.verdict === 'clean' ? violation === undefined : violation?.invariant === file.invariant;
  return {
    reproduced: result.traceHash === file.expectedHash && verdictHolds,
    traceHash: result.traceHash,
    expectedHash: file.expectedHash,
    firstDivergence: divergence ?? null,
    failed: violation !== undefined,
    invariant: violation?.invariant ?? null,
    message: violation?.message ?? null,
    story,
  };
}
