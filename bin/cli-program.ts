/**
 * The `lockstep` program: its commands and flags, and `runCli`, which runs one command line and answers its exit
 * code (0 = passed, 1 = failed, 2 = bad input with a message naming what was wrong, never a stack trace). The
 * process entry (`cli.ts`) and in-process tests both run it.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { describeScenarioList, runCommand, demoCommand, listCommand, benchCommand } from './commands.ts';
import { exitCodes, BadInputError } from './exit-codes.ts';
import { quietPeriodMs } from '../scenarios/index.ts';
import type { CheckFlags } from './check-command.ts';
import type { MergeFlags } from './merge-command.ts';
import type { ServeFlags } from './serve-command.ts';
import { addFleetCommand } from './fleet/fleet-program.ts';

// `check`, `replay` and `serve` are loaded when they run (`serve` brings the HTTP server and the page with it,
// `check` its worker pool), so that `lockstep list` starts at once.

/** The package's version (package.json beside bin/), for `--version`. */
function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof json.version === 'string' ? json.version : 'unknown';
}

function parseSeed(text: string): number {
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new InvalidArgumentError('a seed is a whole number');
  return Number(text);
}

const checkHelpAfter = `
Modes (--mode):
  safety    the generated steps run with their faults; after every step every invariant but liveness is
            judged; nothing is repaired and nothing runs after the last step.
  liveness  the generated steps run with their faults, unjudged; then every fault stops (IQs and repeaters
            powered, internet up) and the twin runs quietly for the liveness bound, ${quietPeriodMs / 60_000} minutes;
            by then every lock must hold the cloud's data version (the monitor's liveness check).
  both      (default) safety during the steps, then the repair and the quiet period judged every minute, then
            liveness: what every sweep did before the modes, with the same fingerprints.
A failure file names its mode's property (twin-safety, twin-liveness, twin-invariants for both).

Coverage (--coverage, --require-coverage): for each device machine (iq, repeater, lock, door, phone) the states
and transitions its runs reached, out of every one in the machine's definition, and for each named situation
how many runs reached it (a run counts once). With --jobs and --shard the counts cover exactly the runs done.

Shards: without --shard, the shard comes from the scheduler that started the process:
  Kubernetes Indexed Job  JOB_COMPLETION_INDEX (0-based); the count from --shards N or LOCKSTEP_SHARDS
  GitLab parallel: N      CI_NODE_INDEX (1-based) and CI_NODE_TOTAL
  AWS Batch array job     AWS_BATCH_JOB_ARRAY_INDEX (0-based); AWS does not export the array size to the
                          container, so the count comes from --shards N or LOCKSTEP_SHARDS
  GitHub Actions matrix   pass --shard \${{ matrix.shard }}/N yourself
Each run's seed comes from (sweep seed, run index), so a retried shard runs the same runs. --result writes what
the shard did (runs covered, failures with their fingerprints, coverage counts); lockstep merge adds the
shards' results up and names runs no shard covered. Under GitHub Actions (GITHUB_ACTIONS=true) every failure is
also an ::error annotation on stderr. See docs/ci.md.`;

const mergeHelpAfter = `
Every file must come from the same sweep (seed, runs, steps, mode, defects); a file of another sweep is bad
input (exit 2) naming the two files. Runs no result covered are reported as GAPS (exit 0 unless
--require-complete); runs covered twice as OVERLAPS. A failure found in several shards is one failure: the same
invariant with the same fingerprint (the kinds of input of its shrunk case), the shortest kept.
Exit codes: 0 passed, 1 failures, unmet coverage or (with --require-complete) gaps, 2 bad input. See docs/ci.md.`;

const programHelpAfter = `
--json prints one JSON object on stdout, an error too: {"error": {"code", "message"}}.
Exit codes: 0 passed, 1 a property or expectation failed, 2 bad input (the message names what was wrong).
The command runs the build in dist/ (npm run build) while it is up to date, else the TypeScript sources through
tsx (LOCKSTEP_FROM_SOURCE=1: always the sources).`;

function buildProgram(): Command {
  const program = new Command('lockstep')
    .description('A deterministic digital twin of a cloud smart-lock site, and the harness around it.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', "print this help (lockstep help <command>: that command's)")
    .exitOverride()
    .showHelpAfterError('(run lockstep --help for usage)')
    .showSuggestionAfterError(true);
  program
    .command('list')
    .description('list the named scenarios and sites')
    .option('--json', 'print one JSON object')
    .action((options: { json?: boolean }) => listCommand(options));
  program
    .command('run')
    .description(
      'run a scenario, a site (with seeded background traffic) or a scenario/site file; or, with --all, every library scenario',
    )
    .argument('[target]', 'a scenario name, a site name, or a .json file (none with --all)')
    .option('--all', 'run every scenario of the library: one line each, then a summary; exit 1 if any failed')
    .option('--seed <n>', 'root seed of all randomness', parseSeed)
    .option('--until <duration>', 'virtual time to run to (e.g. 90s, 10m, 1h, 1d)')
    .option('--trace <file>', 'write the trace as JSON Lines to this file')
    .option(
      '--perfetto <file>',
      'write the run as a trace-event JSON file for ui.perfetto.dev or chrome://tracing (README "Traces you can open")',
    )
    .option('--narrate', 'tell what happens, in plain words')
    .option('--json', 'print one JSON object')
    .action((target: string | undefined, options) => runCommand(target, options));
  program
    .command('demo')
    .description(
      'narrate a site or scenario in the terminal, in virtual time (npm start serves the page instead)',
    )
    .option('--site <name>', 'site or scenario to narrate', 'office')
    .option('--seed <n>', 'root seed', parseSeed)
    .option('--until <duration>', 'virtual time to run to', '2h')
    .addOption(
      new Option(
        '--speed <x>',
        'virtual seconds per wall second (default 120 on a terminal, as fast as possible otherwise)',
      ).argParser(parseFloat),
    )
    .action((options) => demoCommand(options));
  program
    .command('check')
    .description(
      'explore generated sites and input sequences against the invariants; shrink and save failures',
    )
    .option('--runs <n>', 'runs in the sweep', undefined)
    .option('--seed <s>', 'sweep seed (each run gets its own seed from it)')
    .option('--steps <m>', 'most steps in one run')
    .option('--jobs <j>', 'worker threads on this machine')
    .option(
      '--shard <i/n>',
      'run only shard i of n (1-based; the union of all shards is the whole sweep); wins over the environment (see "Shards" below)',
    )
    .option(
      '--shards <n>',
      'the shard count for a scheduler that gives only an index (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX); or LOCKSTEP_SHARDS',
    )
    .option(
      '--keep-going',
      'run every run of the sweep (or shard) past failures, collecting each failing run (stops after 1,000 failed runs; a failure file per distinct failure, at most 100)',
    )
    .option(
      '--no-shrink',
      'report failing runs as generated, without shrinking them (fast triage; a failure then de-duplicates less, its fingerprint coming from a longer case)',
    )
    .option('--result <file>', 'write the sweep result document (lockstep merge adds shards up)')
    .option('--junit <file>', 'write a JUnit XML report (one test case for this shard)')
    .option('--defect <name>', 'switch a defect on (repeatable)', (name: string, previous: string[] = []) => [
      ...previous,
      name,
    ])
    .option('--list-defects', 'list the switchable defects')
    .option('--determinism', 'run each case twice and name the first event where the traces part')
    .option('--out <dir>', 'where failure files go', '.lockstep/failures')
    .option('--mode <mode>', 'safety, liveness or both (see "Modes" below)', 'both')
    .option(
      '--coverage',
      'report the states and transitions of each device machine and the named situations the runs reached',
    )
    .option(
      '--require-coverage',
      "fail (exit 1) when a named situation was never reached or a machine's transition coverage is under the threshold (implies --coverage)",
    )
    .option('--transition-coverage-min <percent>', 'threshold for --require-coverage (default 95)')
    .option('--json', 'print one JSON object')
    .addHelpText('after', checkHelpAfter)
    .action(async (options: CheckFlags) => (await import('./check-command.ts')).checkCommand(options));
  program
    .command('merge')
    .description(
      "add up the result documents of a sweep's shards (check --result): runs covered, gaps and overlaps, failures de-duplicated, coverage",
    )
    .argument('<files...>', 'result files of one sweep (at most 100,000; a merged result merges again)')
    .option('--result <file>', 'write the merged result document')
    .option(
      '--junit <file>',
      'write a JUnit XML report (a test case per result file, and one for the merged sweep)',
    )
    .option('--require-complete', 'fail (exit 1) when a run of the sweep is covered by no result')
    .option(
      '--require-coverage',
      "fail (exit 1) when a named situation was never reached or a machine's transition coverage is under the threshold (the results must have coverage counts: check --coverage)",
    )
    .option('--transition-coverage-min <percent>', 'threshold for --require-coverage (default 95)')
    .option('--json', 'print one JSON object')
    .addHelpText('after', mergeHelpAfter)
    .action(async (files: string[], options: MergeFlags) =>
      (await import('./merge-command.ts')).mergeCommand(files, options),
    );
  program
    .command('replay')
    .description(
      'replay a failure file or a scenario that records its fingerprint (a live session export): the same run, event for event, told in plain words',
    )
    .argument('<file>', 'a failure file written by lockstep check, or a scenario file with "expectedHash"')
    .option(
      '--perfetto <file>',
      'also write the run as a trace-event JSON file for ui.perfetto.dev or chrome://tracing, the violation marked',
    )
    .option('--json', 'print one JSON object')
    .action(async (file: string, options: { json?: boolean; perfetto?: string }) =>
      (await import('./replay-command.ts')).replayCommand(file, options),
    );
  program
    .command('serve')
    .description('serve the live twin: REST API, live WebSocket protocol and browser visualization')
    .option('--host <host>', 'interface to bind (loopback unless told otherwise)', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one; one in use is bad input, exit 2)', '8080')
    .option(
      '--scenario <name>',
      'scenario or site to run (a site runs with people coming and going; default office)',
    )
    .option(
      '--site <[key=]name>',
      "serve several sites, each its own twin, clock and API client (repeatable, at most 8; instead of --scenario); the key (the name without one) names it in /live?site=KEY and the page's /?site=KEY",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--seed <n>', 'root seed (of every site)', parseSeed)
    .option('--speed <x>', 'virtual seconds per wall second', '1')
    .option(
      '--visits-per-lock-per-hour <n>',
      'background traffic: mean visits per lock per hour (0.01–600; default 4, npm start: 24)',
    )
    .option('--anonymous-read-only', 'let /live clients without a token watch (never act); off by default')
    .option(
      '--password-file <file>',
      'passwords of the password grant (JSON {"user": "password"} or user:password lines); replaces the demo password, which works on loopback only',
    )
    .option(
      '--identity-prefix <path>',
      'also serve /connect/token and /connect/revocation under this path ("" for none)',
      '/identity',
    )
    .action(async (options: ServeFlags) => (await import('./serve-command.ts')).serveCommand(options));
  program
    .command('bench')
    .description(
      'measure speed and memory: heap per device, campus day, events/s, check runs/s (one and two workers), trace bytes per event, clock race, REST requests/s, WebSocket p99, fleet speedup (two fleet workers against one, on a redis-server of its own), CLI start (docs/performance.md); a progress bar on a terminal',
    )
    .option('--json', 'print one JSON object')
    .option(
      '--quick',
      'a shorter look (1 simulated hour of the campus, 40 check runs, a 1,000-actor clock race); every figure it changes is named for its workload (campus-hour-wall-s, events-per-s-campus-hour, check-runs-per-s-40-runs, …-1000-actors), "quick": true in --json',
    )
    .action((options: { json?: boolean; quick?: boolean }) => benchCommand(options));
  addFleetCommand(program);
  program.addHelpText('after', `\n${describeScenarioList()}\n${programHelpAfter}`);
  return program;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `--json` among the arguments (before a `--`): errors then go to stdout as one JSON object too. */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

/** What an error is, for `--json`: its code and a one-line message. */
export interface CliErrorReport {
  readonly code: string;
  readonly message: string;
  readonly suggestions?: readonly string[];
}

/** Prints `{"error": {"code", "message"}}` on stdout (with `suggestions` for an unknown name). */
export function printJsonError(report: CliErrorReport): void {
  const { suggestions, ...error } = report;
  const withSuggestions = suggestions === undefined || suggestions.length === 0 ? error : report;
  process.stdout.write(JSON.stringify({ error: withSuggestions }) + '\n');
}

/** Commander's error as a report: `commander.unknownOption` → `unknown-option`, its message on one line. */
function commanderReport(error: CommanderError): CliErrorReport {
  const code = error.code
    .replace(/^commander\./, '')
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const suggested = /\(Did you mean ([^?]+)\?\)/.exec(message)?.[1];
  return { code, message, ...(suggested === undefined ? {} : { suggestions: [suggested] }) };
}

/**
 * Runs one command line (the arguments after `lockstep`) and answers its exit code. Bad input is one line on
 * stderr and code 2; an unexpected error is one line and code 1; with `--json` either is also one JSON object on
 * stdout (`{"error": {"code", "message"}}`), so a script reading stdout never finds it empty. The commands set
 * `process.exitCode` for their verdict; it is read here and put back as it was, so a test can run many command
 * lines in one process.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  const json = wantsJson(args);
  try {
    await buildProgram().parseAsync([...args], { from: 'user' });
    return Number(process.exitCode ?? exitCodes.passed);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end the parse with exit code 0; anything else commander refuses is bad input.
      if (error.exitCode === 0) return exitCodes.passed;
      if (json) printJsonError(commanderReport(error));
      return exitCodes.badInput;
    }
    if (error instanceof BadInputError) {
      process.stderr.write(`lockstep: ${error.message}\n`);
      if (json) printJsonError({ code: error.code, message: error.message, suggestions: error.suggestions });
      return exitCodes.badInput;
    }
    process.stderr.write(`lockstep: internal error: ${errorText(error)}\n`);
    if (json) printJsonError({ code: 'internal-error', message: errorText(error) });
    return exitCodes.failed;
  } finally {
    process.exitCode = exitCodeBefore;
  }
}
