/**
 * `lockstep replay FILE`: rerun a failure file (exit 1 when the run breaks an invariant) or a scenario file that
 * records its fingerprint, such as a live session's export (exit 1 when the fingerprint is not reproduced). Either
 * way the story is told in plain words.
 */
import {
  Narrator,
  caseOfFailure,
  failureFileSchema,
  looksLikeScenario,
  parseScenario,
  readJsonFile,
  replayFailure,
  runCase,
  runScenario,
  type FailureFile,
  type Scenario,
} from '../scenarios/index.ts';
import {
  checkDeviceReferences,
  issueMessage,
  parseSiteSpec,
  runMsMax,
  specErrorsFromIssues,
  twinInputSchema,
  type SpecError,
} from '../twin/index.ts';
import { BadInputError, exitCodes } from './exit-codes.ts';
import { finishPerfetto, startPerfettoRecording } from './perfetto-file.ts';

/** Story lines kept for a scenario replay (the end of a long story matters most). */
const storyLinesMax = 200;

export interface ReplayCommandOptions {
  json?: boolean;
  /** Also write the run as a Perfetto / chrome://tracing file (bin/perfetto-file.ts). */
  perfetto?: string;
}

export function replayCommand(path: string, options: ReplayCommandOptions): void {
  const json = readJsonFile(path);
  if (!json.ok) throw new BadInputError(formatErrors(path, json.errors), { code: 'unreadable-file' });
  // A failure file has a site too, but it names its `format`; anything else with a site is a scenario.
  if (!hasFormat(json.value) && looksLikeScenario(json.value)) {
    replayScenarioFile(path, json.value, options);
    return;
  }
  const parsed = failureFileSchema.safeParse(json.value, { error: issueMessage, reportInput: true });
  if (!parsed.success)
    throw new BadInputError(
      `${path} is not a failure file:\n${formatErrors(path, specErrorsFromIssues(parsed.error.issues))}`,
    );
  const problems = failureFileProblems(parsed.data);
  if (problems.length > 0)
    throw new BadInputError(`${path} is not a valid failure file:\n${formatErrors(path, problems)}`);
  const perfetto =
    options.perfetto === undefined ? undefined : writeFailurePerfetto(options.perfetto, parsed.data);
  const result = replayFailure(parsed.data);
  if (options.json === true) {
    const { story: _story, ...summary } = result;
    process.stdout.write(JSON.stringify(summary) + '\n');
  } else {
    for (const line of result.story) process.stdout.write(line + '\n');
    process.stdout.write(
      `\n${result.reproduced ? 'REPRODUCED' : 'NOT REPRODUCED'}: trace ${result.traceHash}${result.traceHash === result.expectedHash ? ' (as recorded)' : ` (recorded ${result.expectedHash})`}\n`,
    );
    if (result.firstDivergence !== null)
      process.stdout.write(
        `first divergence at event ${result.firstDivergence.index}:\n  recorded: ${result.firstDivergence.left ?? '(end)'}\n  now:      ${result.firstDivergence.right ?? '(end)'}\n`,
      );
    if (perfetto !== undefined)
      process.stdout.write(
        `${perfetto.note}${perfetto.traceHash === result.traceHash ? '' : ` (warning: that run's trace ${perfetto.traceHash} is not the replay's)`}\n`,
      );
  }
  process.exitCode = result.failed ? exitCodes.failed : exitCodes.passed;
}

/**
 * The failure file's case run once more, its events mapped into a Perfetto file with the violation marked.
 * `replayFailure` takes no event handler, and a case is deterministic, so this is the same run (the caller
 * compares the fingerprints); a failure file is a short run, so running it twice costs little.
 */
function writeFailurePerfetto(path: string, file: FailureFile): { note: string; traceHash: string } {
  const site = parseSiteSpec(file.site);
  if (!site.ok) throw new BadInputError(`${path}: the failure file's site is not valid`);
  const perfetto = startPerfettoRecording(path, site.spec, { command: 'replay', source: path });
  let result;
  try {
    result = runCase(caseOfFailure(file), {
      keepLines: false,
      onEvent: perfetto.onEvent,
      onTwin: perfetto.onTwin,
    });
  } catch (error) {
    perfetto.abandon();
    throw error;
  }
  if (result.violation !== undefined) perfetto.violation(result.violation);
  return { note: finishPerfetto(perfetto), traceHash: result.traceHash };
}

function formatErrors(path: string, errors: readonly SpecError[]): string {
  return errors
    .map((error) => `  ${error.path === '(file)' ? path : error.path}: ${error.message}`)
    .join('\n');
}

/**
 * What the failure file's own schema leaves open, checked before anything runs: the site is a valid spec, each
 * step's input a valid input naming devices of that site, and the run no longer than the longest run.
 */
function failureFileProblems(file: FailureFile): SpecError[] {
  const site = parseSiteSpec(file.site);
  if (!site.ok) return site.errors.map((error) => ({ path: `site.${error.path}`, message: error.message }));
  const problems: SpecError[] = [];
  let atMs = 0;
  file.steps.forEach((step, index) => {
    atMs += step.gapMs;
    if (atMs > runMsMax)
      problems.push({
        path: `steps[${index}].gapMs`,
        message: `the steps last longer than the longest run, ${runMsMax} ms`,
      });
    const input = twinInputSchema.safeParse(step.input, { error: issueMessage, reportInput: true });
    if (!input.success) {
      const errors = specErrorsFromIssues(input.error.issues, ['steps', index, 'input']);
      problems.push(...errors);
      return;
    }
    for (const error of checkDeviceReferences(input.data, site.spec))
      problems.push({ path: `steps[${index}].input.${error.path}`, message: error.message });
  });
  file.inputs.forEach((timed, index) => {
    if (timed.atMs > runMsMax)
      problems.push({
        path: `inputs[${index}].atMs`,
        message: `is later than the longest run, ${runMsMax} ms`,
      });
  });
  return problems;
}

function hasFormat(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'format' in json;
}

/** What a scenario replay prints with `--json`. */
export interface ScenarioReplaySummary {
  readonly reproduced: boolean;
  readonly traceHash: string;
  readonly expectedHash: string;
  /** Always null: a scenario file keeps its fingerprint, not its trace, so no event can be named (see `note`). */
  readonly firstDivergence: null;
  /** The run broke off (a limit) or an expectation of the file failed. */
  readonly failed: boolean;
  readonly failures: readonly string[];
  readonly note: string;
}

/**
 * A scenario with `expectedHash` (a live session's export): run it as `lockstep run` would and compare the
 * fingerprint. Exit 0 when reproduced, 1 when not.
 */
function replayScenarioFile(path: string, json: unknown, options: ReplayCommandOptions): void {
  const parsed = parseScenario(json);
  if (!parsed.ok)
    throw new BadInputError(`${path} is not a valid scenario:\n${formatErrors(path, parsed.errors)}`);
  const scenario: Scenario = parsed.value;
  const expectedHash = scenario.expectedHash;
  if (expectedHash === undefined) {
    throw new BadInputError(
      `${path} is a scenario without "expectedHash": nothing to reproduce (run it with \`lockstep run ${path}\`, or export a live session, which records its fingerprint)`,
    );
  }
  const story: string[] = [];
  const narrator = new Narrator((line) => {
    story.push(line);
    if (story.length > storyLinesMax) story.shift();
  });
  const perfetto =
    options.perfetto === undefined
      ? undefined
      : startPerfettoRecording(options.perfetto, scenario.spec, { command: 'replay', source: path });
  let result;
  try {
    result = runScenario(scenario, {
      trace: { onEvent: (traced) => (narrator.record(traced), perfetto?.onEvent(traced)) },
      onTwin: (twin) => (narrator.attach(twin), perfetto?.onTwin(twin)),
    });
  } catch (error) {
    perfetto?.abandon();
    throw error;
  }
  const perfettoNote = perfetto === undefined ? undefined : finishPerfetto(perfetto);
  const reproduced = result.traceHash === expectedHash;
  const summary: ScenarioReplaySummary = {
    reproduced,
    traceHash: result.traceHash,
    expectedHash,
    firstDivergence: null,
    failed: !result.passed,
    failures: result.failures,
    note: reproduced
      ? 'same fingerprint as recorded, so the same trace event for event'
      : 'the fingerprints differ; a scenario file records only the fingerprint, not the trace, so the first divergent event cannot be named: write both traces with `lockstep run FILE --trace OUT` (here and where the file came from) and compare them',
  };
  if (options.json === true) {
    process.stdout.write(JSON.stringify(summary) + '\n');
  } else {
    for (const line of story) process.stdout.write(line + '\n');
    process.stdout.write(
      `\n${reproduced ? 'REPRODUCED' : 'NOT REPRODUCED'}: trace ${result.traceHash}${reproduced ? ' (as recorded)' : ` (recorded ${expectedHash})`}\n`,
    );
    if (!reproduced) process.stdout.write(`${summary.note}\n`);
    if (perfettoNote !== undefined) process.stdout.write(`${perfettoNote}\n`);
    for (const failure of result.failures) process.stdout.write(`failed: ${failure}\n`);
  }
  process.exitCode = reproduced ? exitCodes.passed : exitCodes.failed;
}
