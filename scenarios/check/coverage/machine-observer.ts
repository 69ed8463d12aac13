/**
 * What the device machines did in one run, read from XState's inspection events: every microstep names the
 * transitions it took and the snapshot it left (a state passed through within one macrostep counts too), and each
 * actor's first snapshot (`xstate.init`) its initial states. It only reads; the run is the same without it.
 */
import { isMachineSnapshot, type AnyTransitionDefinition, type InspectionEvent } from 'xstate';
import { stateIdsOfValue, transitionIdOf } from './machine-graph.ts';

export interface MachinesReached {
  readonly states: readonly string[];
  readonly transitions: readonly string[];
}

export class MachineObserver {
  // Transitions by identity (cheap on the hot path); their ids are made once, at the end of the run.
  private readonly transitions = new Set<AnyTransitionDefinition>();
  private readonly states = new Set<string>();
  /** The last state value seen per machine: most microsteps leave the state as it was. */
  private readonly lastValue = new Map<string, unknown>();

  readonly inspect = (event: InspectionEvent): void => {
    if (event.type === '@xstate.microstep') {
      for (const transition of event._transitions) this.transitions.add(transition);
      this.noteSnapshot(event.snapshot);
    } else if (event.type === '@xstate.snapshot' && event.event.type === 'xstate.init') {
      this.noteSnapshot(event.snapshot);
    }
  };

  private noteSnapshot(snapshot: unknown): void {
    if (!isMachineSnapshot(snapshot)) return;
    const machineId = snapshot.machine.id;
    if (this.lastValue.get(machineId) === snapshot.value) return;
    this.lastValue.set(machineId, snapshot.value);
    for (const id of stateIdsOfValue(machineId, snapshot.value)) this.states.add(id);
  }

  reached(): MachinesReached {
    return {
      states: [...this.states].sort(),
      transitions: [...new Set([...this.transitions].map(transitionIdOf))].sort(),
    };
  }
}
