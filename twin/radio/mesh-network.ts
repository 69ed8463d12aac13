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
  /** Whether a device can send, receive and relay right now (powered, not failed). */
  readonly isRadioUp: (deviceId: string) => boolean;
}

/** The hops between an IQ and one lock, resolved once: path[i] and path[i + 1] are joined by links[i]. */
interface Route {
  readonly path: readonly string[];
  readonly links: readonly RadioLink[];
}

export class MeshNetwork {
  private readonly routes = new Map<string, Route>();

  constructor(private readonly options: MeshNetworkOptions) {}

  /** IQ → repeaters → lock. `onArrive` runs at the lock when the packet gets there. */
  sendDown(lockId: string, message: RadioMessage, onArrive: () => void): void {
    this.forward(this.route(lockId), 0, 1, message, onArrive);
  }

  /** Lock → repeaters → IQ. `onArrive` runs at the IQ when the packet gets there. */
  sendUp(lockId: string, message: RadioMessage, onArrive: () => void): void {
    const route = this.route(lockId);
    this.forward(route, route.path.length - 1, -1, message, onArrive);
  }

  private route(lockId: string): Route {
    let route = this.routes.get(lockId);
    if (route === undefined) {
      const path = this.options.topology.pathFromIq(lockId);
      const links = path.slice(1).map((to, index) => this.options.links.get(path[index] as string, to));
      route = { path, links };
      this.routes.set(lockId, route);
    }
    return route;
  }

  private forward(
    route: Route,
    index: number,
    stepDirection: 1 | -1,
    message: RadioMessage,
    onArrive: () => void,
  ): void {
    const { clock, trace, interference, positionOf, isRadioUp } = this.options;
    const from = route.path[index];
    const to = route.path[index + stepDirection];
    if (from === undefined || to === undefined) {
      onArrive();
      return;
    }
    if (!isRadioUp(from)) {
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
    clock.schedule(result.latencyMs, () => {
      if (!isRadioUp(to)) {
        trace.record({ kind: 'radio.dropped', device: to, msg: message, reason: 'receiver-down' });
        return;
      }
      this.forward(route, index + stepDirection, stepDirection, message, onArrive);
    });
  }
}
