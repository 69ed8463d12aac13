/**
 * The one hop between the cloud and an IQ over the internet. Every crossing, either way, takes a latency drawn
 * from the `cloud.latency` stream at the moment it is sent: audit uploads and their acknowledgements, landed
 * versions, access data, remote commands and their answers all cross here.
 */
import { cloudLatencyMsMax, cloudLatencyMsMin } from './defaults.ts';
import type { VirtualClock } from './kernel/clock.ts';
import type { RandomStream } from './kernel/rng.ts';

export class InternetHop {
  constructor(
    private readonly clock: VirtualClock,
    private readonly latency: RandomStream,
  ) {}

  /** `arrive` runs on the other side, one internet latency from now. */
  cross(arrive: () => void): void {
    this.clock.schedule(this.latency.int(cloudLatencyMsMin, cloudLatencyMsMax), arrive);
  }
}
