/**
 * The `merge-1000-files-ms` figure: `lockstep merge` of 1,000 result files of 1,000 runs each, the shards of a
 * sweep of a million runs as `check --shard i/1000 --coverage --result` writes them (strided: each file lists its
 * 1,000 runs as single-run ranges, the largest `covered` a shard has), each with the coverage counts of every
 * state, transition and situation, and every tenth with two failures and their stories. The files are written
 * to a temp folder first, untimed; the time is reading, parsing (validated) and merging them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deviceMachineGraphs,
  failureFingerprint,
  situations,
  shardRuns,
  sweepResultOf,
  type CoverageTally,
  type RunOutcome,
  type SweepFailure,
  type SweepIdentity,
} from '../../scenarios/index.ts';
import { readAndMerge } from '../merge-command.ts';

const files = 1_000;
const runsPerFile = 1_000;
const identity: SweepIdentity = {
  seed: 1,
  runs: files * runsPerFile,
  steps: 40,
  mode: 'both',
  defects: ['relock-never'],
};

function tallyOf(runs: number, salt: number): CoverageTally {
  const graphs = deviceMachineGraphs();
  const counts = (ids: readonly string[]) =>
    Object.fromEntries(ids.map((id, at) => [id, (at * 7 + salt) % (runs + 1)]));
  return {
    runs,
    states: counts(graphs.flatMap((graph) => graph.states)),
    transitions: counts(graphs.flatMap((graph) => graph.transitions)),
    situations: counts(situations.map(({ name }) => name)),
  };
}

function failuresOf(shard: number, indices: readonly number[]): SweepFailure[] {
  if (shard % 10 !== 0) return [];
  return indices.slice(0, 2).map((runIndex, at) => {
    const kinds = at === 0 ? ['tap-phone', 'power'] : ['present-tag', 'iq-internet', 'tap-phone'];
    const artifact = `.lockstep/failures/relock-never-relocks-seed1-run${runIndex}.json`;
    return {
      runIndex,
      fcSeed: runIndex * 31,
      invariant: 'relocks',
      message: `lock-1-${at + 1} has been unlocked for 59.8 s; its open time is 5 s`,
      fingerprint: failureFingerprint(
        'relocks',
        kinds.map((type) => ({ input: { type } })),
      ),
      inputs: kinds.length,
      artifact,
      replay: `npx lockstep replay ${artifact}`,
      story: Array.from(
        { length: 30 },
        (_, line) => `08:${String(line).padStart(2, '0')}:00.000  door-1-1: opened for Ann (tag)`,
      ),
    };
  });
}

export async function measureMerge1000FilesMs(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-merge-bench-'));
  try {
    const paths: string[] = [];
    for (let shard = 1; shard <= files; shard++) {
      const indices = shardRuns(identity.runs, { index: shard, count: files });
      const outcomes: RunOutcome[] = [];
      const failures = failuresOf(shard, indices);
      const result = sweepResultOf(identity, indices, outcomes, tallyOf(indices.length, shard), {
        shard: { index: shard, count: files, source: 'JOB_COMPLETION_INDEX' },
        failures,
        failedRuns: failures.length,
      });
      const path = join(dir, `shard-${shard}.json`);
      writeFileSync(path, JSON.stringify(result) + '\n');
      paths.push(path);
    }
    const startedMs = performance.now();
    const { merged } = readAndMerge(paths);
    const elapsedMs = performance.now() - startedMs;
    if (merged.counts.runs !== identity.runs || merged.gaps.length !== 0 || merged.failures.length !== 2)
      throw new Error('the merged sweep is not what the files hold');
    // Let the event loop breathe between the writes and the next figure.
    await new Promise((resolve) => setImmediate(resolve));
    return Math.round(elapsedMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
