/**
 * What device machines may use from the twin around them. Machines never reach for globals: time, the trace and
 * the radio come in through this environment, so one process can hold many independent twins.
 */
import type { VirtualClock } from '../kernel/clock.ts';
import type { TwinTrace } from '../events.ts';

export interface DeviceEnvironment {
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
}
