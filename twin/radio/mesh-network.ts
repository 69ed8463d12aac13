/**
 * Packets between an IQ and its locks, hop by hop over the radio tree: each hop draws its own fading, loss,
 * retries and latency, and each repeater on the way must be powered to relay. Every hop is a trace event.
 */
import type { VirtualClock } from '../kernel/clock.ts';
import type { RadioMessage, TwinTrace } from '../events.ts';
import type { Position } from '../site/spec.ts';
import type { InterferenceField } from './interference.ts';
import type { LinkTable, RadioLink } from './link.ts';
import type { Topology } from './topology.ts';

export interface MeshNetworkOptions {
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly links: LinkTable;
  readonly topology: Topology;
  readonly interference: InterferenceField;
  readonly positionOf: (deviceId: string) => Position;
  /**
   * How to tell whether a device can send, receive and relay right now (powered, not failed): asked once per
   * device of a route; undefined for a device whose radio is always up.
   */
  readonly radioUpCheck: (deviceId: string) => (() => boolean) | undefined;
}

/**
 * The hops between an IQ and one lock, resolved once: path[i] and path[i + 1] are joined by links[i], and
 * radioUp[i] tells whether path[i] can send and relay now (undefined for a device that always can: a lock).
 */
interface Route {
  readonly path: readonly string[];
  readonly links: readonly RadioLink[];
  readonly radioUp: readonly ((() => boolean) | undefined)[];
}

/** One message on its way, hop by hop: one object per message (not a closure per hop), moved along its route. */
interface Packet {
  readonly route: Route;
  index: number;
  readonly stepDirection: 1 | -1;
  readonly message: RadioMessage;
  readonly onArrive: () => void;
}

export class MeshNetwork {
  private readonly routes = new Map<string, Route>();
  /** Bound once: what runs when a packet reaches the far end of a hop. */
  private readonly hopArrived = (packet: Packet): void => this.arrive(packet);

  constructor(private readonly options: MeshNetworkOptions) {}

  /** IQ → repeaters → lock. `onArrive` runs at the lock when the packet gets there. */
  sendDown(lockId: string, message: RadioMessage, onArrive: () => void): void {
    this.forward({ route: this.route(lockId), index: 0, stepDirection: 1, message, onArrive });
  }

  /** Lock → repeaters → IQ. `onArrive` runs at the IQ when the packet gets there. */
  sendUp(lockId: string, message: RadioMessage, onArrive: () => void): void {
    const route = this.route(lockId);
    this.forward({ route, index: route.path.length - 1, stepDirection: -1, message, onArrive });
  }

  private route(lockId: string): Route {
    let route = this.routes.get(lockId);
    if (route === undefined) {
      const { topology, links, radioUpCheck } = this.options;
      const path = topology.pathFromIq(lockId);
      route = {
        path,
        links: path.slice(1).map((to, index) => links.get(path[index] as string, to)),
        radioUp: path.map((deviceId) => radioUpCheck(deviceId)),
      };
      this.routes.set(lockId, route);
    }
    return route;
  }

  /** Sends the packet over its next hop from `packet.index`, or hands it over when it is at the end. */
  private forward(packet: Packet): void {
    const { clock, trace, interference, positionOf } = this.options;
    const { route, index, stepDirection, message } = packet;
    const from = route.path[index];
    const to = route.path[index + stepDirection];
    if (from === undefined || to === undefined) {
      packet.onArrive();
      return;
    }
    if (route.radioUp[index]?.() === false) {
      trace.record({ kind: 'radio.dropped', device: from, msg: message, reason: 'sender-down' });
      return;
    }
    const link = route.links[stepDirection === 1 ? index : index - 1] as RadioLink;
    const extraLoss = interference.active ? interference.extraLossAt(positionOf(to), clock.now()) : 0;
    const result = link.transmit(extraLoss);
    trace.record({
      kind: 'radio.hop',
      device: from,
      to,
      msg: message,
      ok: result.delivered,
      tries: result.attempts,
      rssi: result.rssiDbm,
    });
    if (!result.delivered) return;
    packet.index = index + stepDirection;
    clock.scheduleCall(result.latencyMs, this.hopArrived, packet);
  }

  /** The packet reached `packet.index`: it goes on if that device's radio is up there. */
  private arrive(packet: Packet): void {
    if (packet.route.radioUp[packet.index]?.() === false) {
      const device = packet.route.path[packet.index] as string;
      this.options.trace.record({
        kind: 'radio.dropped',
        device,
        msg: packet.message,
        reason: 'receiver-down',
      });
      return;
    }
    this.forward(packet);
  }
}
