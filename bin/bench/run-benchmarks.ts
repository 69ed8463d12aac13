/**
 * `lockstep bench`: the benchmark figures the project's speed and memory targets are judged by (see
 * docs/performance.md). Each figure is measured on its own; one that throws is reported with its error and the
 * others still run. Where two things are compared (our clock against XState's, two workers against one), both
 * are measured in the same run and the figure is their ratio.
 */
import { runCampusDay, measureCampusHeap, dayMs } from './campus-day.ts';
import { measureCheckOnWorkers, measureCheckOneThread } from './check-sweep.ts';
import { clockRaceOptionsDefault, runClockRace } from './clock-race.ts';
import { measureCliStartMs } from './cli-start.ts';

export interface Benchmark {
  readonly name: string;
  /** Null when the figure could not be measured (see `error`). */
  readonly value: number | null;
  readonly unit: string;
  readonly error?: string;
}

export interface BenchOptions {
  /** Simulated span of the campus run (a day unless shortened for a quick look). */
  readonly campusSimulatedMs?: number;
  readonly clockRaceActors?: number;
  /** Runs of the property sweep timed on one thread and on two workers. */
  readonly checkRuns?: number;
  readonly progress?: (message: string) => void;
}

export const checkRunsDefault = 300;

/**
 * Figures measured by benchmark files of their own (the REST API, the live WebSocket), each file exporting one
 * async function that returns the figure, loaded only when its figure is measured (they bring the server with
 * them). To add one, add a row; a file that fails to load or throws is reported as that figure's error. The
 * imports are written out so that the compiled CLI (bin/build.js) bundles them.
 */
const externalFigures: readonly {
  readonly name: string;
  readonly unit: string;
  readonly file: string;
  readonly load: () => Promise<Record<string, unknown>>;
}[] = [
  {
    name: 'rest-req-per-s',
    unit: 'requests/s',
    file: './rest-bench.ts',
    load: () => import('./rest-bench.ts'),
  },
  {
    name: 'ws-p99-ms-200-clients',
    unit: 'ms',
    file: './live-ws-bench.ts',
    load: () => import('./live-ws-bench.ts'),
  },
  {
    name: 'state-at-24h-office-ms',
    unit: 'ms',
    file: './state-at-bench.ts',
    load: () => import('./state-at-bench.ts'),
  },
  {
    name: 'merge-1000-files-ms',
    unit: 'ms',
    file: './merge-bench.ts',
    load: () => import('./merge-bench.ts'),
  },
  {
    name: 'fleet-speedup-2-workers',
    unit: 'x',
    file: './fleet-bench.ts',
    load: () => import('./fleet-bench.ts'),
  },
  {
    name: 'viz-fps-campus',
    unit: 'fps',
    file: './viz-fps-bench.ts',
    load: () => import('./viz-fps-bench.ts'),
  },
];

/** How many times `runBenchmarks` reports progress: once before each measurement (a progress bar's total). */
export const benchStages = 6 + externalFigures.length;

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The campus figures' name part: `campus-day` only for a whole simulated day. */
function campusSpanName(simulatedMs: number): string {
  if (simulatedMs === dayMs) return 'campus-day';
  if (simulatedMs === 3_600_000) return 'campus-hour';
  return `campus-${Math.round(simulatedMs / 60_000)}min`;
}

/**
 * The names of the figures whose workload can be shortened (`bench --quick`): each is named for a workload other
 * than the default, so that nobody reads it as the figure a target is judged by (`campus-hour-wall-s`,
 * `events-per-s-campus-hour`, `check-runs-per-s-40-runs`). The clock race's ratio grows with its actors (XState's
 * clock re-sorts every timer on each step): `speedup-vs-xstate-simulated-clock-1000-actors`.
 */
export function figureNames(workload: {
  readonly campusSimulatedMs: number;
  readonly checkRuns: number;
  readonly clockRaceActors: number;
}) {
  const campus = campusSpanName(workload.campusSimulatedMs);
  const campusSuffix = workload.campusSimulatedMs === dayMs ? '' : `-${campus}`;
  const checkSuffix = workload.checkRuns === checkRunsDefault ? '' : `-${workload.checkRuns}-runs`;
  const clockRace = 'speedup-vs-xstate-simulated-clock';
  return {
    campusWallS: `${campus}-wall-s`,
    eventsPerS: `events-per-s${campusSuffix}`,
    speedupVsRealtime: `speedup-vs-realtime${campusSuffix}`,
    traceBytesPerEvent: `trace-bytes-per-event${campusSuffix}`,
    checkRunsPerS: `check-runs-per-s${checkSuffix}`,
    checkRunsPerSJobs2: `check-runs-per-s-jobs2${checkSuffix}`,
    checkJobs2Speedup: `check-jobs2-speedup${checkSuffix}`,
    clockRace:
      workload.clockRaceActors === clockRaceOptionsDefault.actors
        ? clockRace
        : `${clockRace}-${workload.clockRaceActors}-actors`,
  } as const;
}

/** Starts of the CLI timed for `cli-start-ms` (after one that is not counted). */
const cliStartRuns = 7;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one measurement; its figures, or each of them with the error that stopped it. */
async function measured(
  figures: readonly { readonly name: string; readonly unit: string }[],
  measure: () => readonly number[] | Promise<readonly number[]>,
): Promise<Benchmark[]> {
  try {
    const values = await measure();
    return figures.map((figure, index) => ({ ...figure, value: values[index] ?? null }));
  } catch (error) {
    return figures.map((figure) => ({ ...figure, value: null, error: errorText(error) }));
  }
}

async function externalFigure(figure: (typeof externalFigures)[number]): Promise<number> {
  const { file } = figure;
  let module: Record<string, unknown>;
  try {
    module = await figure.load();
  } catch (error) {
    throw new Error(`${file} could not be loaded: ${errorText(error)}`);
  }
  const functions = Object.values(module).filter((value) => typeof value === 'function');
  const [measure] = functions;
  if (functions.length !== 1 || measure === undefined)
    throw new Error(`${file} must export exactly one function (it exports ${functions.length})`);
  const value: unknown = await (measure as () => unknown)();
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`${file} returned ${String(value)}, not a number`);
  return value;
}

export async function runBenchmarks(options: BenchOptions = {}): Promise<Benchmark[]> {
  const progress = options.progress ?? (() => undefined);
  const simulatedMs = options.campusSimulatedMs ?? dayMs;
  const campus = campusSpanName(simulatedMs);
  const checkRuns = options.checkRuns ?? checkRunsDefault;
  const actors = options.clockRaceActors ?? clockRaceOptionsDefault.actors;
  const names = figureNames({ campusSimulatedMs: simulatedMs, checkRuns, clockRaceActors: actors });
  const benchmarks: Benchmark[] = [];
  progress('heap per device: building the campus…');
  benchmarks.push(
    ...(await measured([{ name: 'heap-bytes-per-device', unit: 'bytes' }], () => [
      measureCampusHeap().heapBytesPerDevice,
    ])),
  );
  progress(`${campus}: simulating ${Math.round(simulatedMs / 60_000)} min of the campus…`);
  benchmarks.push(
    ...(await measured(
      [
        { name: names.campusWallS, unit: 's' },
        { name: names.eventsPerS, unit: 'events/s' },
        { name: names.speedupVsRealtime, unit: 'x' },
        { name: names.traceBytesPerEvent, unit: 'bytes' },
      ],
      () => {
        const day = runCampusDay({ simulatedMs });
        return [
          round(day.wallS, 2),
          Math.round(day.events / day.wallS),
          Math.round(day.simulatedMs / 1000 / day.wallS),
          round(day.traceBytes / day.traceEvents, 1),
        ];
      },
    )),
  );
  progress(`check sweep: ${checkRuns} runs on one thread…`);
  const one = await measured([{ name: names.checkRunsPerS, unit: 'runs/s' }], () => [
    round(measureCheckOneThread(checkRuns).runsPerS, 1),
  ]);
  progress(`check sweep: the same ${checkRuns} runs on two warm workers…`);
  const two = await measured([{ name: names.checkRunsPerSJobs2, unit: 'runs/s' }], async () => [
    round((await measureCheckOnWorkers(checkRuns, 2)).runsPerS, 1),
  ]);
  const oneValue = one[0]?.value ?? null;
  const twoValue = two[0]?.value ?? null;
  benchmarks.push(...one, ...two, {
    name: names.checkJobs2Speedup,
    value: oneValue === null || twoValue === null ? null : round(twoValue / oneValue, 2),
    unit: 'x',
  });
  progress(`clock race: our clock against XState’s SimulatedClock, ${actors} actors…`);
  benchmarks.push(
    ...(await measured([{ name: names.clockRace, unit: 'x' }], () => [
      round(runClockRace({ actors }).speedup, 1),
    ])),
  );
  for (const figure of externalFigures) {
    progress(`${figure.name}: ${figure.file}…`);
    const { name, unit } = figure;
    benchmarks.push(...(await measured([{ name, unit }], async () => [await externalFigure(figure)])));
  }
  progress(`cli-start-ms: \`node bin/lockstep.js list\`, median of ${cliStartRuns} starts…`);
  benchmarks.push(
    ...(await measured([{ name: 'cli-start-ms', unit: 'ms' }], () => [
      Math.round(measureCliStartMs({ runs: cliStartRuns })),
    ])),
  );
  return benchmarks;
}
