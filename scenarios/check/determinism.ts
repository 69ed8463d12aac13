/**
 * The determinism self-check (as madsim does it): run the same case twice in one process and compare the traces
 * event by event; on a mismatch, name the first event where they part instead of a bare failure.
 */
import { firstDivergence, type TraceDivergence, type Twin } from '../../twin/index.ts';
import { runCase, type Case } from './run-case.ts';

export interface DeterminismResult {
  readonly identical: boolean;
  readonly hashes: readonly [string, string];
  readonly firstDivergence: TraceDivergence | undefined;
}

export function compareRuns(
  testCase: Case,
  options: { readonly onTwin?: (twin: Twin, attempt: 0 | 1) => void } = {},
): DeterminismResult {
  const [first, second] = ([0, 1] as const).map((attempt) =>
    runCase(testCase, { onTwin: (twin) => options.onTwin?.(twin, attempt) }),
  ) as [ReturnType<typeof runCase>, ReturnType<typeof runCase>];
  const identical = first.traceHash === second.traceHash;
  return {
    identical,
    hashes: [first.traceHash, second.traceHash],
    firstDivergence: identical ? undefined : firstDivergence(first.lines, second.lines),
  };
}
