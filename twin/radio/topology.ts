/**
 * The radio tree of each IQ: repeaters and locks attach to the best parent they hear, within the limits of
 * domain.md (16 locks per IQ, 6 repeaters per IQ, 3 layers of repeaters). A tree over a limit is refused with a
 * `TopologyLimitError` naming the limit.
 */
import { locksPerIqMax, repeaterLayersMax, repeatersPerIqMax } from '../defaults.ts';

export type TopologyLimit = 'locksPerIqMax' | 'repeatersPerIqMax' | 'repeaterLayersMax';

export class TopologyLimitError extends Error {
  constructor(
    readonly limit: TopologyLimit,
    readonly iqId: string,
    detail: string,
  ) {
    super(`IQ tree of ${iqId} is invalid: ${detail} (limit ${limit})`);
    this.name = 'TopologyLimitError';
  }
}

export interface TopologyNode {
  readonly id: string;
  readonly iq: string;
}

export interface TopologyInput {
  readonly iqs: readonly { readonly id: string }[];
  readonly repeaters: readonly TopologyNode[];
  readonly locks: readonly TopologyNode[];
  /** Mean RSSI of the link between two devices (path loss + the run's shadowing). */
  readonly meanRssiDbm: (a: string, b: string) => number;
  readonly hearingThresholdDbm: number;
}

export interface Topology {
  /** Parent of each repeater and lock (an IQ or a repeater). */
  readonly parentOf: ReadonlyMap<string, string>;
  /** Layer of each repeater: 1 when attached to the IQ directly. */
  readonly layerOf: ReadonlyMap<string, number>;
  /** The locks of each IQ, sorted by id. */
  readonly locksOf: ReadonlyMap<string, readonly string[]>;
  /** Hops from the IQ down to a device: [iq, r1, …, device]. */
  pathFromIq(deviceId: string): readonly string[];
}

const byId = (a: TopologyNode, b: TopologyNode): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function groupByIq(nodes: readonly TopologyNode[]): Map<string, TopologyNode[]> {
  const groups = new Map<string, TopologyNode[]>();
  for (const node of [...nodes].sort(byId)) {
    const group = groups.get(node.iq) ?? [];
    group.push(node);
    groups.set(node.iq, group);
  }
  return groups;
}

/** Best parent among `candidates` by mean RSSI (ties: lower layer, then id); prefers parents it hears. */
function bestParent(
  child: string,
  candidates: readonly string[],
  layerOf: ReadonlyMap<string, number>,
  input: TopologyInput,
): { parent: string; heard: boolean } {
  let best: { parent: string; rssi: number; heard: boolean } | undefined;
  for (const candidate of candidates) {
    const rssi = input.meanRssiDbm(child, candidate);
    const heard = rssi >= input.hearingThresholdDbm;
    const better =
      best === undefined ||
      (heard && !best.heard) ||
      (heard === best.heard &&
        (rssi > best.rssi ||
          (rssi === best.rssi && (layerOf.get(candidate) ?? 0) < (layerOf.get(best.parent) ?? 0))));
    if (better) best = { parent: candidate, rssi, heard };
  }
  if (best === undefined) throw new Error(`no parent candidates for ${child}`);
  return { parent: best.parent, heard: best.heard };
}

/**
 * Repeaters are placed layer by layer, breadth first: a repeater that hears the IQ is on layer 1, one that hears
 * only layer-1 repeaters is on layer 2, and so on; past layer 3 the tree is refused. A repeater that hears no
 * one still attaches (weakly) to the strongest placed parent, so a badly placed repeater shows up as a lossy
 * link rather than a refused site.
 */
function attachRepeaters(
  iqId: string,
  repeaters: readonly TopologyNode[],
  input: TopologyInput,
  parentOf: Map<string, string>,
  layerOf: Map<string, number>,
): void {
  layerOf.set(iqId, 0);
  let frontier = [iqId];
  let remaining = [...repeaters];
  for (let layer = 1; remaining.length > 0 && frontier.length > 0; layer++) {
    const placed: string[] = [];
    const unplaced: TopologyNode[] = [];
    for (const repeater of remaining) {
      const choice = bestParent(repeater.id, frontier, layerOf, input);
      if (!choice.heard) {
        unplaced.push(repeater);
        continue;
      }
      if (layer > repeaterLayersMax) {
        throw new TopologyLimitError(
          'repeaterLayersMax',
          iqId,
          `repeater ${repeater.id} would be on layer ${layer}; repeaters chain at most ${repeaterLayersMax} layers deep`,
        );
      }
      parentOf.set(repeater.id, choice.parent);
      layerOf.set(repeater.id, layer);
      placed.push(repeater.id);
    }
    frontier = placed;
    remaining = unplaced;
  }
  for (const repeater of remaining) {
    const candidates = [...layerOf.keys()].filter(
      (id) => (layerOf.get(id) ?? 0) < repeaterLayersMax && (id === iqId || parentOf.has(id)),
    );
    const choice = bestParent(repeater.id, candidates.sort(), layerOf, input);
    parentOf.set(repeater.id, choice.parent);
    layerOf.set(repeater.id, (layerOf.get(choice.parent) ?? 0) + 1);
  }
}

export function buildTopology(input: TopologyInput): Topology {
  const repeatersByIq = groupByIq(input.repeaters);
  const locksByIq = groupByIq(input.locks);
  const parentOf = new Map<string, string>();
  const layerOf = new Map<string, number>();
  const locksOf = new Map<string, readonly string[]>();
  for (const iq of [...input.iqs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const repeaters = repeatersByIq.get(iq.id) ?? [];
    const locks = locksByIq.get(iq.id) ?? [];
    if (locks.length > locksPerIqMax) {
      throw new TopologyLimitError(
        'locksPerIqMax',
        iq.id,
        `${locks.length} locks; an IQ serves at most ${locksPerIqMax}`,
      );
    }
    if (repeaters.length > repeatersPerIqMax) {
      throw new TopologyLimitError(
        'repeatersPerIqMax',
        iq.id,
        `${repeaters.length} repeaters; an IQ takes at most ${repeatersPerIqMax}`,
      );
    }
    attachRepeaters(iq.id, repeaters, input, parentOf, layerOf);
    const parents = [iq.id, ...repeaters.map((repeater) => repeater.id)];
    for (const lock of locks) parentOf.set(lock.id, bestParent(lock.id, parents, layerOf, input).parent);
    locksOf.set(
      iq.id,
      locks.map((lock) => lock.id),
    );
  }
  const pathCache = new Map<string, readonly string[]>();
  const pathFromIq = (deviceId: string): readonly string[] => {
    const cached = pathCache.get(deviceId);
    if (cached !== undefined) return cached;
    const path = [deviceId];
    for (let node = parentOf.get(deviceId); node !== undefined; node = parentOf.get(node)) {
      path.unshift(node);
      if (path.length > repeaterLayersMax + 2) throw new Error(`cycle in the radio tree at ${deviceId}`);
    }
    pathCache.set(deviceId, path);
    return path;
  };
  return { parentOf, layerOf, locksOf, pathFromIq };
}
