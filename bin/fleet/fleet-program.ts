/**
 * `lockstep fleet start|work|status|report`: a sweep spread over any number of worker processes on any machines,
 * through a BullMQ queue on Redis. Each subcommand's code (BullMQ, ioredis, the twin) loads when it runs, so the
 * CLI starts as fast as without it; the imports are written out so that the bundle (bin/build.js) holds them.
 */
import type { Command } from 'commander';
import type { FleetReportFlags } from './fleet-report.ts';
import type { FleetStartFlags } from './fleet-start.ts';
import type { FleetStatusFlags } from './fleet-status.ts';
import type { FleetWorkFlags } from './fleet-work.ts';

const fleetHelpAfter = `
A sweep is named (--name, default "default") and lives on Redis as a BullMQ queue of chunks: contiguous runs
of --chunk run indices, each run's seed from (sweep seed, run index) as in lockstep check, so the fleet's
verdict is the one a lone check --keep-going of the same sweep gives. Start it once (again is harmless: the
chunks' job ids come from the sweep's name and index), run workers anywhere, then ask for the report:
  lockstep fleet start  --redis redis://host:6379 --seed 7 --runs 10000 --chunk 20 --name nightly
  lockstep fleet work   --redis redis://host:6379 --name nightly            (one per core, on any machines)
  lockstep fleet status --redis redis://host:6379 --name nightly
  lockstep fleet report --redis redis://host:6379 --name nightly --json --result nightly.json
A worker killed mid-chunk loses nothing: once its lock expires (--lock-ms) another worker's stalled-job check
(every --stalled-interval-ms) puts the chunk back, and a chunk counts once however often it ran.
Exit codes of report: 0 every run done and none failed, 1 a run failed or the sweep is incomplete, 2 bad input
(an unreachable Redis too, within a few seconds). docs/ci.md tells more.`;

const collect = (name: string, previous: string[] = []): string[] => [...previous, name];

function addStart(fleet: Command): void {
  sweepCommand(
    fleet,
    'start',
    'put a sweep on Redis as chunks for fleet workers (starting it again adds nothing)',
  )
    .option('--seed <s>', 'sweep seed (each run gets its own seed from it)')
    .option('--runs <n>', 'runs in the sweep')
    .option('--steps <m>', 'most steps in one run')
    .option('--mode <mode>', 'safety, liveness or both (lockstep check --help)')
    .option('--defect <name>', 'switch a defect on (repeatable)', collect)
    .option('--chunk <c>', 'runs per chunk (one job each; default 10)')
    .option('--stop-on-failure', 'the first failure stops the sweep: the chunks not yet taken are removed')
    .option('--json', 'print one JSON object')
    .action(async (options: FleetStartFlags) =>
      (await import('./fleet-start.ts')).fleetStartCommand(options),
    );
}

function addWork(fleet: Command): void {
  sweepCommand(
    fleet,
    'work',
    "take a fleet sweep's chunks from Redis and run them until stopped (SIGTERM, SIGINT)",
  )
    .option('--concurrency <n>', 'chunks at once in this process, each on its own thread (default 1)')
    .option('--out <dir>', 'where failure files go, on this machine', '.lockstep/failures')
    .option('--lock-ms <ms>', "a chunk's lock, renewed while it runs (default 30000)")
    .option('--stalled-interval-ms <ms>', 'how often to look for chunks whose worker died (default 30000)')
    .option('--exit-when-idle', 'exit once the queue has nothing left to run (batch jobs, tests)')
    .option('--json', 'print one JSON object when done')
    .action(async (options: FleetWorkFlags) => (await import('./fleet-work.ts')).fleetWorkCommand(options));
}

function addStatus(fleet: Command): void {
  sweepCommand(fleet, 'status', "a fleet sweep's progress: chunks, runs done, failures so far")
    .option('--json', 'print one JSON object')
    .action(async (options: FleetStatusFlags) =>
      (await import('./fleet-status.ts')).fleetStatusCommand(options),
    );
}

function addReport(fleet: Command): void {
  sweepCommand(fleet, 'report', "merge a fleet sweep's completed chunks and print its verdict")
    .option('--result <file>', 'write the merged sweep result document (lockstep merge takes it)')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--json', 'print one JSON object')
    .action(async (options: FleetReportFlags) =>
      (await import('./fleet-report.ts')).fleetReportCommand(options),
    );
}

/** A subcommand on one sweep: every one names its Redis and the sweep. */
function sweepCommand(fleet: Command, name: string, description: string): Command {
  return fleet
    .command(name)
    .description(description)
    .requiredOption('--redis <url>', 'Redis URL (redis://[user:password@]host:port[/db], rediss:// for TLS)')
    .option('--name <sweep>', 'the sweep\'s name (letters, digits, "-", "_")', 'default');
}

/** Adds `fleet` and its subcommands to the program. */
export function addFleetCommand(program: Command): void {
  const fleet = program
    .command('fleet')
    .description('spread a check sweep over worker processes on any machines, through BullMQ on Redis')
    .addHelpText('after', fleetHelpAfter);
  addStart(fleet);
  addWork(fleet);
  addStatus(fleet);
  addReport(fleet);
}
