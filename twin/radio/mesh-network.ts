/**
 * Packets between an IQ and its locks, hop by hop over the radio tree: each hop draws its own fading, loss,
 * retries and latency, and each repeater on the way must be powered to relay. Every hop is a trace event.
 */
import type { VirtualClock } from '../kernel/clock.ts';
import type { Trace } from '../kernel/trace.ts';
import type { Position } from '../site/spec.ts';
import type { InterferenceField } from './interference.ts';
import type { LinkTable } from './link.ts';
import type { Topology } from './topology.ts';

export interface MeshNetworkOptions {
  readonly clock: VirtualClock;
  readonly trace: Trace;
  readonly links: LinkTable;
  readonly topology: Topology;
  readonly interference: InterferenceField;
  readonly positionOf: (deviceId: string) => Position;
  /** Whether a device can send, receive and relay right now (powered, not failed). */
  readonly isRadioUp: (deviceId: string) => boolean;
}

export type Direction = 'down' | 'up';

export class MeshNetwork {
  constructor(private readonly options: MeshNetworkOptions) {}

  /** IQ → repeaters → lock. `onArrive` runs at the lock when the packet gets there. */
  sendDown(lockId: string, message: string, onArrive: () => void): void {
    this.forward(this.options.topology.pathFromIq(lockId), 0, 1, message, onArrive);
  }

  /** Lock → repeaters → IQ. `onArrive` runs at the IQ when the packet gets there. */
  sendUp(lockId: string, message: string, onArrive: () => void): void {
    const path = this.options.topology.pathFromIq(lockId);
    this.forward(path, path.length - 1, -1, message, onArrive);
  }

  /** Whether every device on the path between an IQ and a lock is up (not whether packets will get through). */
  pathUp(lockId: string): boolean {
    return this.options.topology.pathFromIq(lockId).every((deviceId) => this.options.isRadioUp(deviceId));
  }

  private forward(path: readonly string[], index: number, stepDirection: 1 | -1, message: string, onArrive: () => void): void {
    const { clock, trace, links, interference, positionOf, isRadioUp } = this.options;
    const from = path[index];
    const to = path[index + stepDirection];
    if (from === undefined || to === undefined) {
      onArrive();
      return;
    }
    if (!isRadioUp(from)) {
      trace.record('radio.dropped', from, { msg: message, reason: 'sender-down' });
      return;
    }
    const result = links.get(from, to).transmit(interference.extraLossAt(positionOf(to), clock.now()));
    trace.record('radio.hop', from, { to, msg: message, ok: result.delivered, tries: result.attempts, rssi: result.rssiDbm });
    if (!result.delivered) return;
    clock.schedule(result.latencyMs, () => {
      if (!isRadioUp(to)) {
        trace.record('radio.dropped', to, { msg: message, reason: 'receiver-down' });
        return;
      }
      this.forward(path, index + stepDirection, stepDirection, message, onArrive);
    });
  }
}
