/**
 * Failure files: everything needed to replay a shrunk failing case anywhere (the site, the twin seed, the steps,
 * the defects), with what fast-check needs to find it again (seed, run, path), the invariant it broke, and the
 * run's fingerprint and trace for comparison. Small enough to attach to a bug report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { timedInputs, type Case } from './run-case.ts';
import type { Violation } from './invariants.ts';
import { failureSummary } from './failure-summary.ts';

export const failureFormat = 'lockstep-failure/1';
/** Story lines a failure file keeps (the end of a long story matters most). */
export const failureStoryLinesMax = 200;
export const failuresDirDefault = '.lockstep/failures';

export const failureFileSchema = z.object({
  format: z.literal(failureFormat),
  property: z.string(),
  invariant: z.string(),
  message: z.string(),
  atMs: z.number(),
  defects: z.array(z.string()),
  site: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  fastCheck: z.object({
    sweepSeed: z.number().int(),
    runIndex: z.number().int(),
    seed: z.number().int(),
    path: z.string().optional(),
  }),
  steps: z.array(z.object({ gapMs: z.number().int().min(0), input: z.record(z.string(), z.unknown()) })),
  inputs: z.array(
    z.strictObject({ atMs: z.number().int().min(0), input: z.record(z.string(), z.unknown()) }),
  ),
  expectedHash: z.string(),
  expectedTrace: z.array(z.string()),
  /**
   * What a replay must show: the violation (a failure found), or a clean run (a false alarm the harness once
   * raised here, kept so that it stays fixed; `invariant` and `message` then tell what was wrongly reported).
   */
  verdict: z.enum(['violation', 'clean']).default('violation'),
  /** One line in plain words: what broke, on which lock, after which step (older files have none). */
  summary: z.string().max(1_000).optional(),
  /** The run told in plain words (`Narrator`), harness steps labelled, ending with the violation. */
  story: z.array(z.string().max(2_000)).max(failureStoryLinesMax).optional(),
});

export type FailureFile = z.infer<typeof failureFileSchema>;

export function failureFileOf(options: {
  readonly property: string;
  readonly testCase: Case;
  readonly violation: Violation;
  readonly sweepSeed: number;
  readonly runIndex: number;
  readonly fcSeed: number;
  readonly fcPath: string | undefined;
  readonly traceHash: string;
  readonly lines: readonly string[];
  /** The narrated run (its last `failureStoryLinesMax` lines are kept). */
  readonly story?: readonly string[];
}): FailureFile {
  const { testCase, violation } = options;
  return {
    format: failureFormat,
    summary: failureSummary(testCase, violation),
    property: options.property,
    invariant: violation.invariant,
    message: violation.message,
    atMs: violation.tMs,
    defects: [...testCase.defects],
    site: testCase.site as unknown as Record<string, unknown>,
    seed: testCase.seed,
    fastCheck: {
      sweepSeed: options.sweepSeed,
      runIndex: options.runIndex,
      seed: options.fcSeed,
      ...(options.fcPath === undefined ? {} : { path: options.fcPath }),
    },
    steps: testCase.steps.map((step) => ({
      gapMs: step.gapMs,
      input: step.input as unknown as Record<string, unknown>,
    })),
    inputs: timedInputs(testCase.steps).map((timed) => ({
      atMs: timed.atMs,
      input: timed.input as unknown as Record<string, unknown>,
    })),
    expectedHash: options.traceHash,
    expectedTrace: [...options.lines],
    verdict: 'violation',
    ...(options.story === undefined ? {} : { story: options.story.slice(-failureStoryLinesMax) }),
  };
}

/** Writes the file as `<invariant>-<seed>-<run>.json` in `dir` and returns its path. */
export function writeFailureFile(dir: string, file: FailureFile): string {
  mkdirSync(dir, { recursive: true });
  const defects = file.defects.length === 0 ? '' : `${file.defects.join('+')}-`;
  const path = join(
    dir,
    `${defects}${file.invariant}-seed${file.fastCheck.sweepSeed}-run${file.fastCheck.runIndex}.json`,
  );
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n');
  return path;
}

/** A failure file's case, ready to run. */
export function caseOfFailure(file: FailureFile): Case {
  return {
    site: file.site as unknown as Case['site'],
    seed: file.seed,
    steps: file.steps as unknown as Case['steps'],
    defects: file.defects,
  };
}
