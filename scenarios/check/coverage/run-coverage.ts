/**
 * The coverage of one run: which device states and transitions it reached (XState inspection, plus the
 * transitions the twin takes outside XState, from the trace) and which named situations happened. A run counts
 * once for each, however often it reached it. The recorder only reads; hand its options to `runCase`.
 */
import type { TracedTwinEvent, Twin } from '../../../twin/index.ts';
import type { RunCaseOptions } from '../run-case.ts';
import { bypassedTransitions, type BypassedTransition } from './bypassed-transitions.ts';
import { MachineObserver } from './machine-observer.ts';
import { situations, type SituationDetector, type SituationRun } from './situations.ts';

export interface RunCoverage {
  readonly states: readonly string[];
  readonly transitions: readonly string[];
  /** Names of the situations reached. */
  readonly situations: readonly string[];
}

interface Watching {
  readonly name: string;
  readonly detector: SituationDetector;
}

export class RunCoverageRecorder {
  private readonly machines = new MachineObserver();
  private twin: Twin | undefined;
  private watching: Watching[] = [];
  private bypassed: BypassedTransition[] = [];
  private readonly situationsReached = new Set<string>();
  private readonly bypassedTaken = new Set<string>();
  private readonly clockOffsetMs = new Map<string, number>();

  /** What `runCase` needs to feed this recorder. */
  runOptions(): Pick<RunCaseOptions, 'inspect' | 'onEvent' | 'onTwin'> {
    return {
      inspect: this.machines.inspect,
      onEvent: (traced) => this.observe(traced),
      onTwin: (twin) => this.attach(twin),
    };
  }

  private attach(twin: Twin): void {
    this.twin = twin;
    const iqOfLock = new Map(twin.spec.locks.map((lock) => [lock.id, lock.iq]));
    const run: SituationRun = {
      twin,
      iqOf: (lockId) => iqOfLock.get(lockId) ?? '',
      lockUtcMs: (lockId, tMs) => twin.epochUtcMs + tMs + (this.clockOffsetMs.get(lockId) ?? 0),
    };
    this.watching = situations.map((situation) => ({
      name: situation.name,
      detector: situation.detector(run),
    }));
    this.bypassed = [...bypassedTransitions];
  }

  /** Events before the twin exists (its start) show no situation. */
  private observe(traced: TracedTwinEvent): void {
    const twin = this.twin;
    if (twin === undefined) return;
    if (traced.event.kind === 'lock.clock')
      this.clockOffsetMs.set(traced.event.device, traced.event.offsetMs);
    // Once reached, a situation (or transition) is not asked again: a run counts it once. (Loops, not filters:
    // this runs for every event of every run.)
    for (let index = this.watching.length - 1; index >= 0; index--) {
      const { name, detector } = this.watching[index] as Watching;
      if (detector.onEvent?.(traced) !== true) continue;
      this.situationsReached.add(name);
      this.watching.splice(index, 1);
    }
    for (let index = this.bypassed.length - 1; index >= 0; index--) {
      const { transition, takenBy } = this.bypassed[index] as BypassedTransition;
      if (!takenBy(twin, traced)) continue;
      this.bypassedTaken.add(transition);
      this.bypassed.splice(index, 1);
    }
  }

  /** The run's coverage, once it is over. */
  result(): RunCoverage {
    for (const { name, detector } of this.watching)
      if (detector.atEnd?.() === true) this.situationsReached.add(name);
    this.watching = [];
    const reached = this.machines.reached();
    return {
      states: reached.states,
      transitions: [...new Set([...reached.transitions, ...this.bypassedTaken])].sort(),
      situations: situations
        .map((situation) => situation.name)
        .filter((name) => this.situationsReached.has(name)),
    };
  }
}
