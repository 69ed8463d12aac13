/** The CLI's commands. Each prints its result and sets the exit code; bad input throws `BadInputError`. */
import {
  Narrator,
  formatDurationMs,
  prepareRun,
  readDurationMs,
  runPrepared,
  scenarioNames,
  loadNamedScenario,
  summarizeRun,
  type PreparedRun,
  type RunOptions,
  type RunResult,
  type Scenario,
} from '../scenarios/index.ts';
import { describeSite, siteNames, TopologyLimitError } from '../twin/index.ts';
import { BadInputError, exitCodes } from './exit-codes.ts';
import { progressBar } from './progress.ts';
import { formatErrors, resolveTarget } from './resolve-target.ts';
import { TraceFileWriter } from './trace-file.ts';
import { finishPerfetto, startPerfettoRecording } from './perfetto-file.ts';

function print(text: string): void {
  process.stdout.write(text + '\n');
}

/** A duration flag: at most the longest run (`runMsMax`, 100 virtual days), else bad input naming the flag. */
function durationOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const read = readDurationMs(text);
  if (!read.ok) throw new BadInputError(`--${name}: ${read.message}`);
  return read.durationMs;
}

interface ListedItem {
  readonly name: string;
  readonly description: string;
}

function scenarioList(): ListedItem[] {
  return scenarioNames().map((name) => {
    const loaded = loadNamedScenario(name);
    return {
      name,
      description:
        loaded?.ok === true
          ? loaded.value.description
          : `(invalid: ${loaded?.ok === false ? formatErrors(loaded.errors) : 'missing'})`,
    };
  });
}

function siteList(): ListedItem[] {
  return siteNames().map((name) => ({ name, description: describeSite(name) }));
}

export function describeScenarioList(): string {
  return `Scenarios: ${scenarioNames().join(', ')}\nSites: ${siteNames().join(', ')}`;
}

export function listCommand(options: { json?: boolean }): void {
  const scenarios = scenarioList();
  const sites = siteList();
  if (options.json === true) {
    print(JSON.stringify({ scenarios, sites }));
    return;
  }
  const width = Math.max(...[...scenarios, ...sites].map((item) => item.name.length));
  print('Scenarios (lockstep run <name>):');
  for (const item of scenarios) print(`  ${item.name.padEnd(width)}  ${item.description}`);
  print('Sites (lockstep run <name>: the site with seeded people coming and going):');
  for (const item of sites) print(`  ${item.name.padEnd(width)}  ${item.description}`);
}

/** Builds the run, turning a site over the radio limits into bad input. */
function prepare(scenario: Scenario, options: RunOptions): PreparedRun {
  try {
    return prepareRun(scenario, options);
  } catch (error) {
    if (error instanceof TopologyLimitError) throw new BadInputError(error.message);
    throw error;
  }
}

export interface RunCommandOptions {
  all?: boolean;
  seed?: number;
  until?: string;
  trace?: string;
  /** Write a Perfetto / chrome://tracing trace-event file (bin/perfetto-file.ts). */
  perfetto?: string;
  narrate?: boolean;
  json?: boolean;
}

/** `--seed` and `--until` as run options (they apply to each scenario of `--all` too). */
function overrides(options: RunCommandOptions): RunOptions {
  const untilMs = durationOption(options.until, 'until');
  return {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(untilMs === undefined ? {} : { untilMs }),
  };
}

export function runCommand(target: string | undefined, options: RunCommandOptions): void {
  if (options.all === true) {
    if (target !== undefined)
      throw new BadInputError(`--all runs every library scenario: give no target (got "${target}")`);
    if (options.trace !== undefined || options.perfetto !== undefined || options.narrate === true)
      throw new BadInputError(
        '--all does not take --trace, --perfetto or --narrate: run one scenario for those',
      );
    runAllCommand(options);
    return;
  }
  if (target === undefined)
    throw new BadInputError(
      'run needs a target (a scenario name, a site name, or a .json file), or --all for every library scenario',
    );
  const scenario = resolveTarget(target);
  const base = overrides(options);
  const writer = options.trace === undefined ? undefined : new TraceFileWriter(options.trace);
  const narrator = options.narrate === true && options.json !== true ? new Narrator(print) : undefined;
  const perfetto =
    options.perfetto === undefined
      ? undefined
      : startPerfettoRecording(options.perfetto, scenario.spec, { command: 'run', source: scenario.name });
  const onEvent = allOf([narrator?.record.bind(narrator), perfetto?.onEvent]);
  const onTwin = allOf([narrator?.attach.bind(narrator), perfetto?.onTwin]);
  const runOptions: RunOptions = {
    ...base,
    trace: {
      ...(writer === undefined ? {} : { onLine: (line: string) => writer.write(line) }),
      ...(onEvent === undefined ? {} : { onEvent }),
    },
    ...(onTwin === undefined ? {} : { onTwin }),
  };
  let result: RunResult;
  try {
    result = runPrepared(prepare(scenario, runOptions));
  } catch (error) {
    perfetto?.abandon();
    throw error;
  } finally {
    writer?.close();
  }
  const perfettoNote = perfetto === undefined ? undefined : finishPerfetto(perfetto);
  if (options.json === true) print(JSON.stringify(result));
  else {
    print(
      `${result.scenario} (seed ${result.seed}): ${result.passed ? 'PASSED' : 'FAILED'}, ${result.events} events over ${formatDurationMs(result.simulatedMs)} of virtual time`,
    );
    print(`trace ${result.traceHash}${writer === undefined ? '' : ` (written to ${writer.path})`}`);
    if (perfettoNote !== undefined) print(perfettoNote);
    for (const failure of result.failures) print(`  failure: ${failure}`);
  }
  process.exitCode = result.passed ? exitCodes.passed : exitCodes.failed;
}

/** One handler calling each given one in turn; undefined when none is given. */
function allOf<T>(handlers: readonly (((value: T) => void) | undefined)[]): ((value: T) => void) | undefined {
  const given = handlers.filter((handler) => handler !== undefined);
  if (given.length === 0) return undefined;
  if (given.length === 1) return given[0];
  return (value) => {
    for (const handler of given) handler(value);
  };
}

/** How many hex digits of the trace fingerprint `run --all` shows per scenario. */
const traceHashPrefixLength = 12;

/**
 * `run --all`: every library scenario in turn (each loaded and checked before any runs, so a broken file is bad
 * input, not a half-finished report), one line each, the failures, then a summary. Exit 1 if any failed.
 */
function runAllCommand(options: RunCommandOptions): void {
  const runOptions = overrides(options);
  const scenarios = scenarioNames().map((name) => {
    const loaded = loadNamedScenario(name);
    if (loaded === undefined) throw new BadInputError(`library scenario ${name} disappeared while loading`);
    if (!loaded.ok) throw new BadInputError(`library scenario ${name}: ${formatErrors(loaded.errors)}`);
    return loaded.value;
  });
  const results: RunResult[] = [];
  const bar = progressBar({ total: scenarios.length, unit: 'scenarios', json: options.json === true });
  try {
    for (const scenario of scenarios) {
      bar.update(results.length, scenario.name);
      let run: PreparedRun;
      try {
        run = prepare(scenario, runOptions);
      } catch (error) {
        if (error instanceof BadInputError)
          throw new BadInputError(`library scenario ${scenario.name}: ${error.message}`);
        throw error;
      }
      results.push(runPrepared(run));
    }
    bar.update(results.length, 'done');
  } finally {
    bar.stop();
  }
  const passed = results.every((result) => result.passed);
  if (options.json === true) print(JSON.stringify({ passed, scenarios: results }));
  else printAllResults(results);
  process.exitCode = passed ? exitCodes.passed : exitCodes.failed;
}

function printAllResults(results: readonly RunResult[]): void {
  const width = Math.max(0, ...results.map((result) => result.scenario.length));
  const eventsWidth = Math.max(0, ...results.map((result) => String(result.events).length));
  for (const result of results) {
    const verdict = result.passed ? 'PASSED' : 'FAILED';
    print(
      `${result.scenario.padEnd(width)}  ${verdict}  ${String(result.events).padStart(eventsWidth)} events  trace ${result.traceHash.slice(0, traceHashPrefixLength)}`,
    );
  }
  const failed = results.filter((result) => !result.passed);
  for (const result of failed) {
    print(`${result.scenario} (seed ${result.seed}) failed:`);
    for (const failure of result.failures) print(`  failure: ${failure}`);
  }
  const summary = `${results.length - failed.length} of ${results.length} scenarios passed`;
  print(
    failed.length === 0
      ? summary
      : `${summary}; failed: ${failed.map((result) => result.scenario).join(', ')}`,
  );
}

export async function demoCommand(options: {
  site: string;
  seed?: number;
  until: string;
  speed?: number;
}): Promise<void> {
  const scenario = resolveTarget(options.site);
  const untilMs = durationOption(options.until, 'until') as number;
  const speed = options.speed ?? (process.stdout.isTTY === true ? 120 : Number.POSITIVE_INFINITY);
  if (!(speed > 0)) throw new BadInputError('--speed must be a positive number');
  const narrator = new Narrator(print);
  const run = prepare(scenario, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    untilMs,
    trace: { onEvent: narrator.record.bind(narrator) },
    onTwin: narrator.attach.bind(narrator),
  });
  print(
    `lockstep demo: ${scenario.name} (seed ${run.seed}), ${formatDurationMs(untilMs)} of virtual time${Number.isFinite(speed) ? ` at ${speed}x` : ''}; Ctrl-C stops`,
  );
  let stopped = false;
  process.once('SIGINT', () => {
    stopped = true;
  });
  const tickMs = 100;
  while (!stopped && run.twin.clock.now() < untilMs) {
    const nextMs = Number.isFinite(speed)
      ? Math.min(untilMs, run.twin.clock.now() + Math.round(speed * tickMs))
      : untilMs;
    run.twin.runUntil(nextMs);
    if (Number.isFinite(speed)) await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  const result = summarizeRun(run, []);
  print(
    `${stopped ? 'stopped' : 'done'} at ${formatDurationMs(result.simulatedMs)} of virtual time: ${result.events} events, trace ${result.traceHash}`,
  );
}

/** The quick look's workload (`bench --quick`): every figure it changes is named for it (run-benchmarks.ts). */
export const quickBench = { campusSimulatedMs: 3_600_000, clockRaceActors: 1_000, checkRuns: 40 } as const;

export async function benchCommand(options: { json?: boolean; quick?: boolean }): Promise<void> {
  // Loaded only here: the benchmarks bring the REST server and the WebSocket clients with them.
  const { benchStages, runBenchmarks } = await import('./bench/run-benchmarks.ts');
  const quick = options.quick === true;
  const bar = progressBar({ total: benchStages, unit: 'figures', json: options.json === true });
  let stage = 0;
  const progress = (message: string): void => {
    if (bar.shown) bar.update(stage++, message);
    else process.stderr.write(`bench: ${message}\n`);
  };
  let benchmarks;
  try {
    benchmarks = await runBenchmarks({ progress, ...(quick ? quickBench : {}) });
    bar.update(benchStages, 'done');
  } finally {
    bar.stop();
  }
  if (options.json === true) {
    print(JSON.stringify({ ...(quick ? { quick: true } : {}), benchmarks }));
    return;
  }
  if (quick)
    print(
      `quick look (${quickBench.campusSimulatedMs / 3_600_000} simulated hour of the campus, ${quickBench.checkRuns} check runs, a ${quickBench.clockRaceActors.toLocaleString('en')}-actor clock race): not the figures the targets are judged by`,
    );
  for (const benchmark of benchmarks)
    print(
      `${benchmark.name.padEnd(44)} ${String(benchmark.value ?? 'error').padStart(12)} ${benchmark.unit}${benchmark.error === undefined ? '' : `  (${benchmark.error})`}`,
    );
}
