/**
 * `lockstep merge FILES…`: adds up the result documents of a sweep's shards (`check --result`, or a fleet's) into
 * the sweep's verdict: runs covered, runs no result covered (gaps, reported prominently; `--require-complete`
 * fails on them) and runs covered twice (overlaps), failed runs, the failures de-duplicated across shards with
 * their replay commands, and the coverage added up (gated like `check --require-coverage`). Results of different
 * sweeps are refused, naming the two files. `--result` writes the merged document, which merges again; `--junit`
 * a JUnit report with a test case per result file. Exit codes as `check`: 0 passed, 1 failures, unmet coverage or
 * (with --require-complete) gaps, 2 bad input.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  coverageReport,
  coverageVerdict,
  describeCoverage,
  describeSweep,
  mergeSweepResults,
  parseSweepResult,
  rangesSize,
  sameSweep,
  sweepResultOfMerged,
  transitionCoverageMinPercentDefault,
  type MergedSweep,
  type RunRange,
  type SweepFailure,
  type SweepResult,
} from '../scenarios/index.ts';
import { BadInputError, exitCodes } from './exit-codes.ts';
import { printAnnotations } from './github-annotations.ts';
import { junitSuiteName, junitXmlOf, type JunitCase } from './junit-report.ts';
import { outputPathOf, writeOutputFile } from './output-file.ts';

export interface MergeFlags {
  json?: boolean;
  result?: string;
  junit?: string;
  requireComplete?: boolean;
  requireCoverage?: boolean;
  transitionCoverageMin?: string;
}

/** Result files one merge reads at most (a fleet of 100,000 shards; globs are the shell's job). */
export const mergeFilesMax = 100_000;
/** Bytes of one result file: a strided shard of a million runs lists each run, ~16 MB. */
export const resultFileBytesMax = 64 * 1024 * 1024;
/** Bytes of every result file together, so that a merge fits in memory. */
const totalBytesMax = 1024 * 1024 * 1024;
/** Ranges of gaps or overlaps listed in `--json` and in the text (the counts are always whole). */
const rangesListedMax = 1_000;
const rangesToldMax = 10;

interface ReadResult {
  readonly file: string;
  readonly result: SweepResult;
}

interface MergePlan {
  readonly json: boolean;
  readonly requireComplete: boolean;
  /** Set with `--require-coverage`: the threshold the merged coverage must reach. */
  readonly coverageMinPercent: number | undefined;
  readonly resultPath: string | undefined;
  readonly junitPath: string | undefined;
}

function planOf(files: readonly string[], flags: MergeFlags): MergePlan {
  if (files.length === 0) throw new BadInputError('merge needs at least one result file');
  if (files.length > mergeFilesMax)
    throw new BadInputError(`merge reads at most ${mergeFilesMax} result files, got ${files.length}`);
  const text = flags.transitionCoverageMin;
  if (text !== undefined && flags.requireCoverage !== true)
    throw new BadInputError('--transition-coverage-min needs --require-coverage');
  let coverageMinPercent: number | undefined;
  if (flags.requireCoverage === true) {
    coverageMinPercent = text === undefined ? transitionCoverageMinPercentDefault : Number(text);
    if (text !== undefined && (!/^\d+(\.\d+)?$/.test(text) || coverageMinPercent > 100))
      throw new BadInputError(`--transition-coverage-min must be a percent from 0 to 100, got "${text}"`);
  }
  const resultPath = outputPathOf(flags.result, '--result');
  const junitPath = outputPathOf(flags.junit, '--junit');
  if (resultPath !== undefined && resultPath === junitPath)
    throw new BadInputError('--result and --junit name the same file');
  return {
    json: flags.json === true,
    requireComplete: flags.requireComplete === true,
    coverageMinPercent,
    resultPath,
    junitPath,
  };
}

function readResult(file: string): { result: SweepResult; bytes: number } {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) throw new BadInputError(`${file}: no such file`, { code: 'unreadable-file' });
  if (!stat.isFile()) throw new BadInputError(`${file}: not a file`, { code: 'unreadable-file' });
  if (stat.size > resultFileBytesMax)
    throw new BadInputError(
      `${file}: ${stat.size} bytes, over the ${resultFileBytesMax} a result file may have`,
      {
        code: 'unreadable-file',
      },
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BadInputError(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`, {
      code: 'unreadable-file',
    });
  }
  try {
    return { result: parseSweepResult(json, file), bytes: stat.size };
  } catch (error) {
    throw new BadInputError(error instanceof Error ? error.message : String(error));
  }
}

/** Every file read and checked to belong to the first one's sweep. */
function readAll(files: readonly string[]): ReadResult[] {
  const read: ReadResult[] = [];
  let totalBytes = 0;
  for (const file of files) {
    const { result, bytes } = readResult(file);
    totalBytes += bytes;
    if (totalBytes > totalBytesMax)
      throw new BadInputError(
        `the result files are over ${totalBytesMax} bytes together; merge them in parts`,
      );
    const first = read[0];
    if (first !== undefined && !sameSweep(first.result.sweep, result.sweep))
      throw new BadInputError(
        `${first.file} and ${file} belong to different sweeps (${describeSweep(first.result.sweep)} vs ${describeSweep(result.sweep)})`,
      );
    read.push({ file, result });
  }
  return read;
}

function describeRanges(ranges: readonly RunRange[]): string {
  const told = ranges
    .slice(0, rangesToldMax)
    .map(([start, end]) => (end - start === 1 ? `${start}` : `${start}-${end - 1}`));
  const more = ranges.length - rangesToldMax;
  return `${told.join(', ')}${more > 0 ? ` and ${more} more range(s)` : ''}`;
}

interface CoverageOutcome {
  readonly lines: readonly string[];
  readonly unmet: readonly string[];
  readonly json: object | undefined;
}

function coverageOutcome(plan: MergePlan, merged: MergedSweep): CoverageOutcome {
  const tally = merged.coverage;
  if (tally === undefined) {
    if (plan.coverageMinPercent !== undefined)
      throw new BadInputError(
        '--require-coverage: no result has coverage counts (run check with --coverage)',
      );
    return { lines: [], unmet: [], json: undefined };
  }
  const report = coverageReport(tally);
  const verdict =
    plan.coverageMinPercent === undefined
      ? undefined
      : coverageVerdict(report, { transitionCoverageMinPercent: plan.coverageMinPercent });
  const partial =
    tally.runs < merged.counts.runs
      ? [`coverage counts ${tally.runs} of the ${merged.counts.runs} runs covered (some results have none)`]
      : [];
  const unmet = verdict === undefined || verdict.met ? [] : verdict.unmet;
  return {
    lines: [...partial, ...describeCoverage(report, verdict)],
    unmet,
    json: {
      ...report,
      required: plan.coverageMinPercent !== undefined,
      ...(plan.coverageMinPercent === undefined ? {} : { transitionCoverageMin: plan.coverageMinPercent }),
      met: unmet.length === 0,
      unmet,
    },
  };
}

/** The file each failure came from (the first that has it), for the report. */
function sourcesOf(read: readonly ReadResult[]): Map<SweepFailure, string> {
  const sources = new Map<SweepFailure, string>();
  for (const { file, result } of read) for (const failure of result.failures) sources.set(failure, file);
  return sources;
}

function junitOf(read: readonly ReadResult[], merged: MergedSweep, problems: readonly string[]): string {
  const cases: JunitCase[] = read.map(({ file, result }) => ({
    name: result.shard === undefined ? file : `shard ${result.shard.index}/${result.shard.count} (${file})`,
    className: 'lockstep.merge.result',
    properties: [
      ['file', file],
      ['shard', result.shard === undefined ? 'none' : `${result.shard.index}/${result.shard.count}`],
      ['shard-source', result.shard?.source ?? 'none'],
      ['runs-done', String(result.counts.runs)],
      ['failed-runs', String(result.counts.failedRuns)],
    ],
    failures: result.failures,
  }));
  cases.push({
    name: 'merged sweep',
    className: 'lockstep.merge.sweep',
    properties: [
      ['results', String(read.length)],
      ['covered-runs', String(merged.counts.runs)],
      ['gap-runs', String(rangesSize(merged.gaps))],
      ['overlap-runs', String(rangesSize(merged.overlaps))],
      ['failed-runs', String(merged.counts.failedRuns)],
      ['distinct-failures', String(merged.failures.length)],
    ],
    failures: [],
    problems,
  });
  return junitXmlOf({ name: junitSuiteName('merge', merged.sweep), sweep: merged.sweep, cases });
}

function print(text: string): void {
  process.stdout.write(text + '\n');
}

function printText(
  read: readonly ReadResult[],
  merged: MergedSweep,
  coverage: CoverageOutcome,
  verdict: { failed: boolean; problems: readonly string[] },
): void {
  const sources = sourcesOf(read);
  const { counts, sweep } = merged;
  print(
    `merged ${read.length} result(s) of the sweep (${describeSweep(sweep)}): ${counts.runs} of ${sweep.runs} runs covered, ${counts.failedRuns} failed, ${merged.failures.length} distinct failure(s)`,
  );
  if (merged.gaps.length > 0)
    print(
      `GAPS: ${rangesSize(merged.gaps)} run(s) covered by no result: ${describeRanges(merged.gaps)} (a shard missing or stopped early?)`,
    );
  if (merged.overlaps.length > 0)
    print(
      `OVERLAPS: ${rangesSize(merged.overlaps)} run(s) covered by more than one result: ${describeRanges(merged.overlaps)} (their failed runs are counted once per result)`,
    );
  for (const failure of merged.failures) {
    print(
      `  ${failure.invariant} in run ${failure.runIndex}, ${failure.inputs} step(s) (from ${sources.get(failure) ?? '?'}): ${failure.message}`,
    );
    if (failure.replay !== undefined) print(`    replay: ${failure.replay}`);
  }
  for (const line of coverage.lines) print(line);
  for (const problem of verdict.problems) print(`FAILED: ${problem}`);
  if (merged.failures.length > 0) print(`FAILED: ${merged.failures.length} distinct failure(s)`);
  else if (!verdict.failed) print(merged.gaps.length > 0 ? 'passed, with gaps (see above)' : 'passed');
}

function printJson(
  read: readonly ReadResult[],
  merged: MergedSweep,
  coverage: CoverageOutcome,
  plan: MergePlan,
  failed: boolean,
): void {
  const sources = sourcesOf(read);
  print(
    JSON.stringify({
      command: 'merge',
      failed,
      files: read.length,
      sweep: merged.sweep,
      complete: merged.gaps.length === 0,
      counts: merged.counts,
      gapRuns: rangesSize(merged.gaps),
      gaps: merged.gaps.slice(0, rangesListedMax),
      overlapRuns: rangesSize(merged.overlaps),
      overlaps: merged.overlaps.slice(0, rangesListedMax),
      failures: merged.failures.map((failure) => {
        const { story: _story, ...told } = failure;
        return { ...told, file: sources.get(failure) ?? null };
      }),
      ...(coverage.json === undefined ? {} : { coverage: coverage.json }),
      result: plan.resultPath ?? null,
      junit: plan.junitPath ?? null,
    }),
  );
}

function annotate(merged: MergedSweep, plan: MergePlan, problems: readonly string[]): void {
  printAnnotations([
    ...merged.failures.map((failure) => ({
      level: 'error' as const,
      title: `lockstep merge: ${failure.invariant} (run ${failure.runIndex}, seed ${merged.sweep.seed})`,
      message: `${failure.message}${failure.replay === undefined ? '' : `\nreplay: ${failure.replay}`}`,
    })),
    ...(merged.gaps.length > 0 && !plan.requireComplete
      ? [
          {
            level: 'warning' as const,
            title: 'lockstep merge: runs not covered',
            message: `${rangesSize(merged.gaps)} run(s) covered by no result: ${describeRanges(merged.gaps)}`,
          },
        ]
      : []),
    ...problems.map((problem) => ({ level: 'error' as const, title: 'lockstep merge', message: problem })),
  ]);
}

/** Reads, checks and merges result files (what `merge` does before it reports; the bench times it). */
export function readAndMerge(files: readonly string[]): { read: ReadResult[]; merged: MergedSweep } {
  const read = readAll(files);
  return { read, merged: mergeSweepResults(read.map(({ result }) => result)) };
}

export function mergeCommand(files: readonly string[], flags: MergeFlags): void {
  const plan = planOf(files, flags);
  const { read, merged } = readAndMerge(files);
  const coverage = coverageOutcome(plan, merged);
  const problems = [
    ...(plan.requireComplete && merged.gaps.length > 0
      ? [`${rangesSize(merged.gaps)} run(s) covered by no result (--require-complete)`]
      : []),
    ...coverage.unmet.map((line) => `coverage unmet: ${line}`),
  ];
  const failed = merged.failures.length > 0 || merged.counts.failedRuns > 0 || problems.length > 0;
  if (plan.resultPath !== undefined)
    writeOutputFile(plan.resultPath, JSON.stringify(sweepResultOfMerged(merged)) + '\n', '--result');
  if (plan.junitPath !== undefined)
    writeOutputFile(plan.junitPath, junitOf(read, merged, problems), '--junit');
  annotate(merged, plan, problems);
  if (plan.json) printJson(read, merged, coverage, plan, failed);
  else printText(read, merged, coverage, { failed, problems });
  if (failed) process.exitCode = exitCodes.failed;
}
