/**
 * `lockstep fleet report`: the verdict of a fleet sweep from the completed chunks' results, merged by
 * scenarios' `mergeSweepResults` (gaps, overlaps, failures de-duplicated by fingerprint, coverage added up).
 * Exit codes as `check`: 0 when every run of the sweep was done and none failed; 1 when a run failed, and also
 * while the sweep is incomplete (runs not done yet, chunks failed, or a failure stopped it), since an unfinished
 * sweep has not passed; 2 for bad input (a flag, an unreachable Redis, no such sweep). `--result FILE` writes the
 * merged document (which `lockstep merge` takes with other parts); `--junit FILE` a JUnit report.
 */
import {
  coverageReport,
  describeCoverage,
  mergeSweepResults,
  sweepResultOfMerged,
  type MergedSweep,
  type SweepFailure,
} from '../../scenarios/index.ts';
import { exitCodes } from '../exit-codes.ts';
import { junitSuiteName, junitXmlOf } from '../junit-report.ts';
import { outputPathOf, writeOutputFile } from '../output-file.ts';
import { print } from './fleet-flags.ts';
import { readFleetProgress, resultsToMerge, type FleetProgress } from './fleet-progress.ts';
import { closeRedis, connectRedis, parseRedisUrl, redactedUrl } from './fleet-redis.ts';
import { statusOf } from './fleet-status.ts';
import { parseSweepName, requireSweepRecord } from './fleet-sweep.ts';

export interface FleetReportFlags {
  redis?: string;
  name?: string;
  json?: boolean;
  result?: string;
  junit?: string;
}

type Verdict = 'passed' | 'failed' | 'incomplete';

function verdictOf(merged: MergedSweep): Verdict {
  if (merged.counts.failedRuns > 0 || merged.failures.length > 0) return 'failed';
  return merged.gaps.length > 0 ? 'incomplete' : 'passed';
}

/** Gaps as text: `0..4, 10..14` (inclusive run indices), the first few. */
function describeRanges(ranges: readonly (readonly [number, number])[]): string {
  const shown = ranges
    .slice(0, 8)
    .map(([start, end]) => (end - start === 1 ? `${start}` : `${start}..${end - 1}`));
  return ranges.length > shown.length ? `${shown.join(', ')}, … (${ranges.length} ranges)` : shown.join(', ');
}

const withoutStory = ({ story: _story, ...failure }: SweepFailure) => failure;

function reportOf(progress: FleetProgress) {
  const merged = mergeSweepResults(resultsToMerge(progress));
  const verdict = verdictOf(merged);
  return {
    merged,
    json: {
      ...statusOf(progress),
      verdict,
      complete: merged.gaps.length === 0,
      gaps: merged.gaps,
      overlaps: merged.overlaps,
      failures: merged.failures.map(withoutStory),
      ...(merged.coverage === undefined ? {} : { coverage: coverageReport(merged.coverage) }),
    },
  };
}

function describeReport(report: ReturnType<typeof reportOf>): string[] {
  const { json, merged } = report;
  const lines: string[] = [];
  const where = `sweep "${json.name}" (seed ${json.sweep.seed}, mode ${json.sweep.mode})`;
  if (json.verdict === 'passed') lines.push(`passed: ${json.runs.done} runs of ${where}, none failed`);
  if (json.verdict === 'failed')
    lines.push(
      `FAILED: ${json.runs.failed} of ${json.runs.done} runs done of ${where} failed, ${json.failures.length} distinct failure(s):`,
    );
  if (json.verdict === 'incomplete')
    lines.push(
      `INCOMPLETE: ${json.runs.done} of ${json.runs.total} runs of ${where} done, none failed so far`,
    );
  for (const failure of merged.failures) {
    lines.push(
      `  ${failure.invariant} in run ${failure.runIndex}, shrunk to ${failure.inputs} step(s): ${failure.message}`,
    );
    if (failure.replay !== undefined)
      lines.push(`    replay: ${failure.replay} (on the worker that wrote it)`);
  }
  if (merged.gaps.length > 0)
    lines.push(
      `not done: runs ${describeRanges(merged.gaps)} (chunks: ${json.chunks.active} running, ${json.chunks.waiting} waiting, ${json.chunks.failed} failed)`,
    );
  if (merged.overlaps.length > 0) lines.push(`done more than once: runs ${describeRanges(merged.overlaps)}`);
  if (json.stopped !== null)
    lines.push(
      `stopped by a failure: ${json.stopped.invariant} in run ${json.stopped.runIndex} (--stop-on-failure)`,
    );
  for (const failed of json.failedChunks) lines.push(`failed chunk ${failed.job}: ${failed.reason}`);
  if (merged.coverage !== undefined && merged.coverage.runs > 0)
    lines.push(...describeCoverage(coverageReport(merged.coverage), undefined));
  return lines;
}

function junitOf(report: ReturnType<typeof reportOf>): string {
  const { json, merged } = report;
  const problems =
    json.verdict === 'incomplete' ? [`incomplete: ${json.runs.done} of ${json.runs.total} runs done`] : [];
  return junitXmlOf({
    name: junitSuiteName('fleet', merged.sweep),
    sweep: merged.sweep,
    cases: [
      {
        name: `fleet sweep ${json.name}`,
        className: 'lockstep.fleet',
        properties: [
          ['chunks', String(json.chunks.total)],
          ['chunks-done', String(json.chunks.done)],
          ['runs-done', String(json.runs.done)],
        ],
        failures: merged.failures,
        problems,
      },
    ],
  });
}

export async function fleetReportCommand(flags: FleetReportFlags): Promise<void> {
  const url = parseRedisUrl(flags.redis);
  const name = parseSweepName(flags.name);
  const resultPath = outputPathOf(flags.result, '--result');
  const junitPath = outputPathOf(flags.junit, '--junit');
  const client = await connectRedis(url, { reconnectAttemptsMax: 3 });
  let report: ReturnType<typeof reportOf>;
  try {
    const record = await requireSweepRecord(client, name, redactedUrl(url));
    report = reportOf(await readFleetProgress(client, record));
  } finally {
    await closeRedis(client);
  }
  if (resultPath !== undefined)
    writeOutputFile(resultPath, JSON.stringify(sweepResultOfMerged(report.merged)) + '\n', '--result');
  if (junitPath !== undefined) writeOutputFile(junitPath, junitOf(report), '--junit');
  if (flags.json === true) print(JSON.stringify(report.json));
  else for (const line of describeReport(report)) print(line);
  if (report.json.verdict !== 'passed') process.exitCode = exitCodes.failed;
}
