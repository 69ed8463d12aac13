/**
 * Coverage of a sweep you can read and gate on (as QuickCheck's `checkCoverage`): for each device machine, the
 * states and transitions its runs reached against every one its definition has, and for each named situation how
 * many runs reached it. A run counts once for what it reached. Tallies are plain counts, so worker threads and
 * shards add theirs up; the report and the verdict are made from the sum.
 */
import { deviceMachines } from '../../twin/index.ts';
import { machineGraph, type MachineGraph } from './coverage/machine-graph.ts';
import type { RunCoverage } from './coverage/run-coverage.ts';
import { situations } from './coverage/situations.ts';

export { RunCoverageRecorder, type RunCoverage } from './coverage/run-coverage.ts';
export { situations } from './coverage/situations.ts';

/** Runs that reached each state, transition and situation (by id or name), out of `runs`. */
export interface CoverageTally {
  runs: number;
  readonly states: Record<string, number>;
  readonly transitions: Record<string, number>;
  readonly situations: Record<string, number>;
}

/** The transition coverage a machine must reach under `--require-coverage`, unless told otherwise. */
export const transitionCoverageMinPercentDefault = 95;

export function emptyTally(): CoverageTally {
  return { runs: 0, states: {}, transitions: {}, situations: {} };
}

function addCounts(into: Record<string, number>, ids: Iterable<string>, count = 1): void {
  for (const id of ids) into[id] = (into[id] ?? 0) + count;
}

/** Counts one run into the tally. */
export function countRun(tally: CoverageTally, run: RunCoverage): void {
  tally.runs++;
  addCounts(tally.states, run.states);
  addCounts(tally.transitions, run.transitions);
  addCounts(tally.situations, run.situations);
}

/** Adds another part of the sweep (a worker's, a shard's) into the tally. */
export function mergeTally(into: CoverageTally, part: CoverageTally): void {
  into.runs += part.runs;
  for (const key of ['states', 'transitions', 'situations'] as const)
    for (const [id, count] of Object.entries(part[key])) addCounts(into[key], [id], count);
}

export interface ReachedOf {
  readonly reached: number;
  readonly total: number;
  readonly missing: readonly string[];
  /** Runs that reached each one reached. */
  readonly runs: Readonly<Record<string, number>>;
}

export interface MachineCoverage {
  readonly states: ReachedOf;
  readonly transitions: ReachedOf & { readonly percent: number };
}

export interface CoverageReport {
  readonly runs: number;
  /** By machine id: iq, repeater, lock, door, phone. */
  readonly machines: Readonly<Record<string, MachineCoverage>>;
  /** Every named situation, in the list's order, with the runs that reached it. */
  readonly situations: readonly { readonly name: string; readonly runs: number }[];
}

function reachedOf(all: readonly string[], counts: Readonly<Record<string, number>>): ReachedOf {
  const runs: Record<string, number> = {};
  const missing: string[] = [];
  for (const id of all) {
    const count = counts[id] ?? 0;
    if (count > 0) runs[id] = count;
    else missing.push(id);
  }
  return { reached: all.length - missing.length, total: all.length, missing, runs };
}

/** Percent with one decimal, rounded down, so that 94.99 never shows as a passing 95.0. */
function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((1000 * part) / whole) / 10;
}

/** The device machines' graphs, from their definitions. */
export function deviceMachineGraphs(): MachineGraph[] {
  return Object.values(deviceMachines).map((machine) => machineGraph(machine));
}

export function coverageReport(tally: CoverageTally, graphs = deviceMachineGraphs()): CoverageReport {
  const machines: Record<string, MachineCoverage> = {};
  for (const graph of graphs) {
    const transitions = reachedOf(graph.transitions, tally.transitions);
    machines[graph.machine] = {
      states: reachedOf(graph.states, tally.states),
      transitions: { ...transitions, percent: percentOf(transitions.reached, transitions.total) },
    };
  }
  return {
    runs: tally.runs,
    machines,
    situations: situations.map(({ name }) => ({ name, runs: tally.situations[name] ?? 0 })),
  };
}

export type CoverageVerdict =
  | { readonly met: true }
  | {
      readonly met: false;
      /** What is missing, one line each: a situation never reached, a machine under the threshold. */
      readonly unmet: readonly string[];
    };

/** Every situation reached at least once and every machine's transitions at or above the threshold. */
export function coverageVerdict(
  report: CoverageReport,
  options: { readonly transitionCoverageMinPercent: number },
): CoverageVerdict {
  const unmet: string[] = [];
  for (const [machine, coverage] of Object.entries(report.machines)) {
    const { percent, missing } = coverage.transitions;
    if (percent < options.transitionCoverageMinPercent)
      unmet.push(
        `${machine}: ${percent}% of transitions, under ${options.transitionCoverageMinPercent}% (missing ${missing.join(', ')})`,
      );
  }
  for (const situation of report.situations)
    if (situation.runs === 0) unmet.push(`situation never reached: ${situation.name}`);
  return unmet.length === 0 ? { met: true } : { met: false, unmet };
}
