/**
 * The states and transitions of an XState machine, read from its definition: every state node under
 * `machine.root`, and on each node its `transitions` map (its `on` and `after` transitions, in the order written)
 * and its `always` list. Coverage counts against this, so the totals follow the machines as they change; nobody
 * keeps a list by hand.
 *
 * A state's id is its path from the machine: `lock.bolt.officeMode.easy`. A transition's id is its source state,
 * its event and, when the source has several transitions for that event (guarded alternatives, tried in order),
 * its index: `lock.bolt.locked:CREDENTIAL:2`, `lock.bolt.unlocked:after openTime`, `iq:CLOUD_UP` (on the root).
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';

export interface MachineGraph {
  /** The machine's id (`lock`). */
  readonly machine: string;
  /** Every state but the root, parents before their children, in the order written. */
  readonly states: readonly string[];
  /** Every transition, state by state, in the order written. */
  readonly transitions: readonly string[];
}

/** XState's event type of an `always` transition: the empty ("null") event. */
const alwaysEventType = '';

export function stateIdOf(node: AnyStateNode): string {
  return [node.machine.id, ...node.path].join('.');
}

/** The transitions of `node` that answer the same event as `transition` (itself among them). */
function alternativesOf(transition: AnyTransitionDefinition): readonly AnyTransitionDefinition[] {
  const source = transition.source;
  if (transition.eventType === alwaysEventType) return source.always ?? [];
  return source.transitions.get(transition.eventType) ?? [];
}

function eventLabelOf(transition: AnyTransitionDefinition): string {
  // A delayed transition's event type is XState's generated `xstate.after.<delay>.<state id>`: name the delay.
  const delay = (transition as { readonly delay?: unknown }).delay;
  if (typeof delay === 'string' || typeof delay === 'number') return `after ${delay}`;
  if (transition.eventType === alwaysEventType) return 'always';
  return transition.eventType;
}

export function transitionIdOf(transition: AnyTransitionDefinition): string {
  const alternatives = alternativesOf(transition);
  const id = `${stateIdOf(transition.source)}:${eventLabelOf(transition)}`;
  return alternatives.length > 1 ? `${id}:${alternatives.indexOf(transition)}` : id;
}

function nodesUnder(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...nodesUnder(child)]);
}

function transitionsOf(node: AnyStateNode): AnyTransitionDefinition[] {
  return [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
}

export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const nodes = [machine.root, ...nodesUnder(machine.root)];
  return {
    machine: machine.id,
    states: nodes.slice(1).map(stateIdOf),
    transitions: nodes.flatMap((node) => transitionsOf(node).map(transitionIdOf)),
  };
}

/** The ids of every state a snapshot's value is in, ancestors included (`lock.bolt`, `lock.bolt.locked`, …). */
export function stateIdsOfValue(machineId: string, value: StateValue): string[] {
  if (typeof value === 'string') return [`${machineId}.${value}`];
  return Object.entries(value).flatMap(([key, child]) => {
    const id = `${machineId}.${key}`;
    return child === undefined ? [id] : [id, ...stateIdsOfValue(id, child)];
  });
}
