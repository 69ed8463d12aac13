/**
 * Sweep result documents: what one part of a sweep (a shard, a worker fleet's slice, the whole sweep) did and
 * found, as a small JSON document that another machine can merge. A sweep is named by its identity (seed, runs,
 * steps, mode, defects): parts of the same sweep run the same cases for the same run indices (`runSeed`), so
 * their union is the whole sweep whoever ran them, and a part that ran again gives the same document.
 *
 * A document says which run indices it covered (as half-open ranges, so contiguous runs stay small), how many
 * failed, what the runs reached (the coverage tally, when counted) and its failures, each with a fingerprint of
 * "the same bug" so that the many runs of one bug collapse into one failure on merge.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { emptyTally, mergeTally, type CoverageTally } from './coverage.ts';
import { checkModes, type CheckMode } from './run-case.ts';
import type { RunOutcome } from './property.ts';

export const sweepResultFormat = 'lockstep-sweep-result';
export const sweepResultVersion = 1;

/** Run indices a sweep can have (as `lockstep check --runs`). */
export const sweepRunsMax = 1_000_000;
/** Failures one document keeps (distinct bugs; the runs that failed are counted, not all listed). */
export const sweepFailuresMax = 1_000;
/** Story lines a failure keeps, and characters per line (the JUnit failure body; the end matters most). */
export const storyLinesMax = 60;
export const storyLineCharsMax = 500;
/** Covered ranges one document can hold (a strided shard of a million runs is this many single runs). */
export const coveredRangesMax = sweepRunsMax;
const messageCharsMax = 4_000;
const textCharsMax = 4_096;
/** Coverage ids one tally can hold per kind (states, transitions, situations). */
const coverageIdsMax = 20_000;

export interface SweepIdentity {
  readonly seed: number;
  readonly runs: number;
  readonly steps: number;
  readonly mode: CheckMode;
  /** Sorted. */
  readonly defects: readonly string[];
}

export interface SweepFailure {
  readonly runIndex: number;
  readonly fcSeed: number;
  readonly invariant: string;
  readonly message: string;
  readonly fingerprint: string;
  /** Steps of the shrunk case. */
  readonly inputs: number;
  /** The failure file's path, as the machine that wrote it named it. */
  readonly artifact?: string;
  /** The command that replays it. */
  readonly replay?: string;
  /** The failure's story: its message and the narrated lines of the shrunk case (bounded). */
  readonly story?: readonly string[];
}

export interface SweepShard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** Where the shard came from: `--shard`, `JOB_COMPLETION_INDEX`, `CI_NODE_INDEX`, … */
  readonly source: string;
}

/** A half-open range of run indices, [start, end). */
export type RunRange = [number, number];

export interface SweepCounts {
  /** Runs done (the size of `covered`). */
  readonly runs: number;
  readonly failedRuns: number;
}

export interface SweepResult {
  readonly format: typeof sweepResultFormat;
  readonly version: typeof sweepResultVersion;
  readonly sweep: SweepIdentity;
  readonly shard?: SweepShard;
  /** Sorted, disjoint, half-open run-index ranges actually done. */
  readonly covered: RunRange[];
  readonly counts: SweepCounts;
  /** What the covered runs reached, when coverage was counted (a `CoverageTally`, keys sorted). */
  readonly coverage?: CoverageTally;
  /** De-duplicated by (invariant, fingerprint), the minimal of each; sorted by run index. */
  readonly failures: SweepFailure[];
}

export interface MergedSweep {
  readonly sweep: SweepIdentity;
  readonly covered: RunRange[];
  /** Runs of the sweep no part covered. */
  readonly gaps: RunRange[];
  /** Runs more than one part covered (counted once in `covered` and `counts.runs`). */
  readonly overlaps: RunRange[];
  readonly counts: SweepCounts;
  readonly coverage?: CoverageTally;
  /** De-duplicated by (invariant, fingerprint), the minimal of each; sorted by run index. */
  readonly failures: SweepFailure[];
}

/**
 * The fingerprint of a failure: which bug it is, the same across runs, seeds and machines. It is made of the
 * invariant broken and the sequence of input kinds (`tap`, `power`, `admin`, …) of the shrunk case: the shrunk
 * case is the shortest story that still breaks the invariant, so two runs of one bug shrink to the same kinds of
 * inputs in the same order, while the ids, times, seeds and the violation's message (which names devices and
 * times) differ from run to run and are left out. Two different bugs that break one invariant with the same
 * kinds of inputs share a fingerprint; that is the price of ignoring ids, and the kept failure replays one of
 * them. 16 hex digits of SHA-256.
 */
export function failureFingerprint(
  invariant: string,
  steps: readonly { readonly input: { readonly type: string } }[],
): string {
  const kinds = steps.map((step) => step.input.type).join(',');
  return createHash('sha256').update(`${invariant}\n${kinds}`).digest('hex').slice(0, 16);
}

/** The failure of a failed run, or undefined when the run passed. */
export function sweepFailureOf(
  outcome: RunOutcome,
  extra: { readonly artifact?: string; readonly story?: readonly string[] } = {},
): SweepFailure | undefined {
  if (!outcome.failed) return undefined;
  const steps = outcome.counterexample?.steps ?? [];
  const invariant = outcome.violation?.invariant ?? 'unknown';
  return {
    runIndex: outcome.runIndex,
    fcSeed: outcome.fcSeed,
    invariant,
    message: (outcome.violation?.message ?? 'the run failed without a violation').slice(0, messageCharsMax),
    fingerprint: failureFingerprint(invariant, steps),
    inputs: steps.length,
    ...(extra.artifact === undefined
      ? {}
      : { artifact: extra.artifact, replay: `npx lockstep replay ${extra.artifact}` }),
    ...(extra.story === undefined ? {} : { story: boundedStory(extra.story) }),
  };
}

/** The last `storyLinesMax` lines, each cut to `storyLineCharsMax` characters. */
export function boundedStory(lines: readonly string[]): string[] {
  return lines.slice(-storyLinesMax).map((line) => line.slice(0, storyLineCharsMax));
}

/** Text order without locale (the same on every machine). */
function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ties between failures of one run are broken by invariant then fingerprint, so every order is total. */
function bugOrder(a: SweepFailure, b: SweepFailure): number {
  return textOrder(a.invariant, b.invariant) || textOrder(a.fingerprint, b.fingerprint);
}

/** The minimal failure first: fewest inputs, then lowest run index. */
function minimalFirst(a: SweepFailure, b: SweepFailure): number {
  return a.inputs - b.inputs || a.runIndex - b.runIndex || bugOrder(a, b);
}

/**
 * One failure per (invariant, fingerprint): the minimal one (fewest inputs, then lowest run index). The rule is
 * associative, so de-duplicating parts and then their union gives what de-duplicating everything at once gives.
 * Sorted by run index; at most `limit`, the minimal ones kept.
 */
export function distinctFailures(failures: Iterable<SweepFailure>, limit = sweepFailuresMax): SweepFailure[] {
  const kept = new Map<string, SweepFailure>();
  for (const failure of failures) {
    const key = `${failure.invariant}\n${failure.fingerprint}`;
    const known = kept.get(key);
    if (known === undefined || minimalFirst(failure, known) < 0) kept.set(key, failure);
  }
  return [...kept.values()]
    .sort(minimalFirst)
    .slice(0, limit)
    .sort((a, b) => a.runIndex - b.runIndex || bugOrder(a, b));
}

/** Sorted, disjoint, half-open ranges of a set of run indices (any order, duplicates allowed). */
export function rangesOf(indices: readonly number[]): RunRange[] {
  const sorted = [...indices].sort((a, b) => a - b);
  const ranges: RunRange[] = [];
  for (const index of sorted) {
    const last = ranges.at(-1);
    if (last !== undefined && index <= last[1]) last[1] = Math.max(last[1], index + 1);
    else ranges.push([index, index + 1]);
  }
  return ranges;
}

/** Runs in a list of disjoint ranges. */
export function rangesSize(ranges: readonly RunRange[]): number {
  return ranges.reduce((sum, [start, end]) => sum + end - start, 0);
}

/** A tally with its keys sorted, so that the same tally always serialises to the same text. */
function sortedTally(tally: CoverageTally): CoverageTally {
  const sorted = (counts: Readonly<Record<string, number>>): Record<string, number> =>
    Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    runs: tally.runs,
    states: sorted(tally.states),
    transitions: sorted(tally.transitions),
    situations: sorted(tally.situations),
  };
}

/** The identity with its defects sorted (their order on the command line does not change the sweep). */
export function sweepIdentityOf(identity: SweepIdentity): SweepIdentity {
  return { ...identity, defects: [...identity.defects].sort() };
}

/**
 * The document of a part of a sweep: the runs it did, the failures among `outcomes` (only failed ones matter;
 * `failures` may add ones already made, e.g. with their artifacts and stories, which win over the bare ones),
 * and the tally of the runs' coverage.
 */
export function sweepResultOf(
  identity: SweepIdentity,
  runIndicesDone: readonly number[],
  outcomes: readonly RunOutcome[],
  tally?: CoverageTally,
  options: {
    readonly shard?: SweepShard;
    readonly failures?: readonly SweepFailure[];
    readonly failedRuns?: number;
  } = {},
): SweepResult {
  const given = options.failures ?? [];
  const givenRuns = new Set(given.map((failure) => failure.runIndex));
  const bare = outcomes
    .filter((outcome) => outcome.failed && !givenRuns.has(outcome.runIndex))
    .map((outcome) => sweepFailureOf(outcome) as SweepFailure);
  const covered = rangesOf(runIndicesDone);
  const failedRuns = options.failedRuns ?? outcomes.filter((outcome) => outcome.failed).length;
  return {
    format: sweepResultFormat,
    version: sweepResultVersion,
    sweep: sweepIdentityOf(identity),
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    covered,
    counts: { runs: rangesSize(covered), failedRuns },
    ...(tally === undefined ? {} : { coverage: sortedTally(tally) }),
    failures: distinctFailures([...given, ...bare]),
  };
}

const runIndexSchema = z
  .number()
  .int()
  .min(0)
  .max(sweepRunsMax - 1);
const textSchema = z.string().max(textCharsMax);
const countsRecordSchema = z
  .record(z.string().max(200), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
  .refine((counts) => Object.keys(counts).length <= coverageIdsMax, {
    message: `more than ${coverageIdsMax} ids`,
  });

const sweepResultSchema = z.strictObject({
  format: z.literal(sweepResultFormat),
  version: z.literal(sweepResultVersion),
  sweep: z.strictObject({
    seed: z
      .number()
      .int()
      .min(-(2 ** 31))
      .max(2 ** 31 - 1),
    runs: z.number().int().min(1).max(sweepRunsMax),
    steps: z.number().int().min(1).max(100_000),
    mode: z.enum(checkModes),
    defects: z.array(z.string().max(200)).max(100),
  }),
  shard: z
    .strictObject({
      index: z.number().int().min(1).max(sweepRunsMax),
      count: z.number().int().min(1).max(sweepRunsMax),
      source: z.string().max(100),
    })
    .optional(),
  // Checked by hand (coveredProblem): a strided shard of a million runs has a million ranges, and a schema per
  // tuple is what made merging a thousand such files slow.
  covered: z.array(z.unknown()).max(coveredRangesMax),
  counts: z.strictObject({
    runs: z.number().int().min(0).max(sweepRunsMax),
    failedRuns: z.number().int().min(0).max(sweepRunsMax),
  }),
  coverage: z
    .strictObject({
      runs: z.number().int().min(0).max(sweepRunsMax),
      states: countsRecordSchema,
      transitions: countsRecordSchema,
      situations: countsRecordSchema,
    })
    .optional(),
  failures: z
    .array(
      z.strictObject({
        runIndex: runIndexSchema,
        fcSeed: z.number().int(),
        invariant: z.string().max(200),
        message: z.string().max(messageCharsMax),
        fingerprint: z.string().regex(/^[0-9a-f]{1,64}$/),
        inputs: z.number().int().min(0).max(100_000),
        artifact: textSchema.optional(),
        replay: textSchema.optional(),
        story: z.array(z.string().max(storyLineCharsMax)).max(storyLinesMax).optional(),
      }),
    )
    .max(sweepFailuresMax),
});

/** The covered ranges: each `[start, end)` of whole numbers, sorted, disjoint, not touching, within the sweep. */
function coveredProblem(covered: readonly unknown[], runs: number): string | undefined {
  let previousEnd = -1;
  for (let at = 0; at < covered.length; at++) {
    const range = covered[at];
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !Number.isSafeInteger(range[0]) ||
      !Number.isSafeInteger(range[1])
    )
      return `covered[${at}] must be a [start, end) pair of whole numbers`;
    const [start, end] = range as [number, number];
    if (start < 0 || end <= start) return `covered range [${start}, ${end}) is empty or reversed`;
    if (start <= previousEnd) return 'covered ranges are not sorted and disjoint';
    if (end > runs) return `covered range [${start}, ${end}) is beyond the sweep's ${runs} runs`;
    previousEnd = end;
  }
  return undefined;
}

/** Checks what the schema does not: the counts agree with the ranges and the failures, the defects are sorted. */
function consistencyProblem(result: SweepResult): string | undefined {
  if (rangesSize(result.covered) !== result.counts.runs)
    return `counts.runs is ${result.counts.runs} but covered holds ${rangesSize(result.covered)} runs`;
  if (result.counts.failedRuns > result.counts.runs) return 'counts.failedRuns is more than counts.runs';
  if (result.failures.length > result.counts.failedRuns) return 'more failures listed than counts.failedRuns';
  const sorted = [...result.sweep.defects].sort();
  if (sorted.some((defect, at) => defect !== result.sweep.defects[at])) return 'sweep.defects are not sorted';
  if (result.shard !== undefined && result.shard.index > result.shard.count)
    return `shard ${result.shard.index}/${result.shard.count} is out of range`;
  return undefined;
}

/** A sweep result document read from `source` (a file name, for the message), validated; throws a clear Error. */
export function parseSweepResult(json: unknown, source: string): SweepResult {
  const parsed = sweepResultSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new Error(
      `${source}: not a ${sweepResultFormat} version ${sweepResultVersion} document${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const problem =
    coveredProblem(parsed.data.covered, parsed.data.sweep.runs) ??
    consistencyProblem(parsed.data as unknown as SweepResult);
  if (problem !== undefined) throw new Error(`${source}: ${problem}`);
  return parsed.data as unknown as SweepResult;
}

/** The two identities name the same sweep. */
export function sameSweep(a: SweepIdentity, b: SweepIdentity): boolean {
  return (
    a.seed === b.seed &&
    a.runs === b.runs &&
    a.steps === b.steps &&
    a.mode === b.mode &&
    a.defects.length === b.defects.length &&
    a.defects.every((defect, at) => defect === b.defects[at])
  );
}

export function describeSweep(identity: SweepIdentity): string {
  const defects = identity.defects.length === 0 ? 'no defects' : `defects ${identity.defects.join(',')}`;
  return `seed ${identity.seed}, ${identity.runs} runs, ${identity.steps} steps, mode ${identity.mode}, ${defects}`;
}

/** Thrown when results of different sweeps are merged; names the two parts (by position). */
export class SweepMismatchError extends Error {
  constructor(
    readonly firstAt: number,
    readonly otherAt: number,
    readonly first: SweepIdentity,
    readonly other: SweepIdentity,
  ) {
    super(
      `results ${firstAt} and ${otherAt} belong to different sweeps (${describeSweep(first)} vs ${describeSweep(other)})`,
    );
  }
}

/**
 * Union and overlaps of every part's ranges: a run index covered by one part is covered, by two or more an
 * overlap. A difference array over the sweep's runs (at most `sweepRunsMax`) counts the parts at each index, in
 * time linear in the ranges plus the runs however many parts overlap.
 */
function coverOf(
  parts: readonly (readonly RunRange[])[],
  runs: number,
): { covered: RunRange[]; overlaps: RunRange[] } {
  const starts = new Int32Array(runs + 1);
  for (const ranges of parts)
    for (const [start, end] of ranges) {
      starts[start] = (starts[start] as number) + 1;
      starts[end] = (starts[end] as number) - 1;
    }
  const covered: RunRange[] = [];
  const overlaps: RunRange[] = [];
  let depth = 0;
  for (let index = 0; index <= runs; index++) {
    const before = depth;
    depth += starts[index] as number;
    if (before === 0 && depth > 0) covered.push([index, index]);
    if (before > 0 && depth === 0) (covered.at(-1) as RunRange)[1] = index;
    if (before < 2 && depth >= 2) overlaps.push([index, index]);
    if (before >= 2 && depth < 2) (overlaps.at(-1) as RunRange)[1] = index;
  }
  return { covered, overlaps };
}

/** The run indices in [0, runs) that `covered` (sorted, disjoint) leaves out. */
export function gapsOf(covered: readonly RunRange[], runs: number): RunRange[] {
  const gaps: RunRange[] = [];
  let next = 0;
  for (const [start, end] of covered) {
    if (start > next) gaps.push([next, start]);
    next = Math.max(next, end);
  }
  if (next < runs) gaps.push([next, runs]);
  return gaps;
}

/**
 * Merges parts of one sweep: their covered runs (gaps and overlaps named), counts, coverage tallies (added) and
 * failures (de-duplicated). Throws `SweepMismatchError` when they belong to different sweeps. Failed runs in an
 * overlap are counted once per part that ran them, since a document does not list every failing run; the
 * overlap is reported, and merging parts without overlaps counts exactly.
 */
export function mergeSweepResults(results: readonly SweepResult[]): MergedSweep {
  const first = results[0];
  if (first === undefined) throw new Error('no sweep results to merge');
  results.forEach((result, at) => {
    if (!sameSweep(first.sweep, result.sweep)) throw new SweepMismatchError(0, at, first.sweep, result.sweep);
  });
  const { covered, overlaps } = coverOf(
    results.map((result) => result.covered),
    first.sweep.runs,
  );
  const counted = results.filter((result) => result.coverage !== undefined);
  let coverage: CoverageTally | undefined;
  if (counted.length > 0) {
    coverage = emptyTally();
    for (const result of counted) mergeTally(coverage, result.coverage as CoverageTally);
    coverage = sortedTally(coverage);
  }
  const failedRuns = results.reduce((sum, result) => sum + result.counts.failedRuns, 0);
  return {
    sweep: first.sweep,
    covered,
    gaps: gapsOf(covered, first.sweep.runs),
    overlaps,
    counts: { runs: rangesSize(covered), failedRuns: Math.min(failedRuns, rangesSize(covered)) },
    ...(coverage === undefined ? {} : { coverage }),
    failures: distinctFailures(results.flatMap((result) => result.failures)),
  };
}

/** A merged sweep as a document of its own, which can be merged again. */
export function sweepResultOfMerged(merged: MergedSweep): SweepResult {
  return {
    format: sweepResultFormat,
    version: sweepResultVersion,
    sweep: merged.sweep,
    covered: merged.covered,
    counts: merged.counts,
    ...(merged.coverage === undefined ? {} : { coverage: merged.coverage }),
    failures: merged.failures,
  };
}
