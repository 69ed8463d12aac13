/**
 * The `Twin` facade: builds a whole site from a validated spec and a seed (site-assembly.ts), applies inputs at
 * virtual times through `apply`, the only door in, and answers questions about its state with plain views. It
 * owns all state; callers only add inputs and read.
 */
import type { Staleness } from './cloud/access-sync.ts';
import type { Defects } from './defects.ts';
import type { DeviceRegistry, DoorView, IqView, LockView, RepeaterView } from './devices/registry.ts';
import type { TwinTrace } from './events.ts';
import { AdminOutcomeLog, type AdminOutcome } from './inputs/admin-outcomes.ts';
import { applyInput, type InputOutcome } from './inputs/apply-input.ts';
import type { TwinInput } from './inputs/input-schema.ts';
import type { InputTarget } from './inputs/input-target.ts';
import type { VirtualClock } from './kernel/clock.ts';
import type { SeededRandom } from './kernel/rng.ts';
import type { LinkTable } from './radio/link.ts';
import type { InterferenceField } from './radio/interference.ts';
import type { RadioConfig } from './radio/radio-config.ts';
import type { Topology } from './radio/topology.ts';
import { assembleSite, type TwinOptions } from './site-assembly.ts';
import type { SiteCloud } from './site-cloud.ts';
import type { SiteSpec } from './site/spec.ts';

export type { TwinOptions };

export class Twin {
  readonly spec: SiteSpec;
  readonly seed: number;
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly random: SeededRandom;
  readonly radioConfig: RadioConfig;
  readonly topology: Topology;
  readonly interference: InterferenceField;
  /** UTC instant of virtual time 0 (the spec's `startsAtUtc`). */
  readonly epochUtcMs: number;
  readonly cloud: SiteCloud;
  readonly defects: Defects;
  private readonly registry: DeviceRegistry;
  private readonly links: LinkTable;
  private readonly adminOutcomeLog = new AdminOutcomeLog();
  private readonly inputTarget: InputTarget;

  constructor(options: TwinOptions) {
    this.seed = options.seed;
    const site = assembleSite(options);
    this.spec = site.spec;
    this.clock = site.clock;
    this.trace = site.trace;
    this.random = site.random;
    this.radioConfig = site.radioConfig;
    this.topology = site.topology;
    this.interference = site.interference;
    this.epochUtcMs = site.epochUtcMs;
    this.cloud = site.cloud;
    this.defects = site.defects;
    this.registry = site.registry;
    this.links = site.links;
    this.inputTarget = {
      clock: site.clock,
      trace: site.trace,
      devices: site.devices,
      cloud: site.cloud,
      adminOutcomes: this.adminOutcomeLog,
    };
  }

  /** The cloud's log of entries (audit events that reached it). */
  get entries(): SiteCloud['entries'] {
    return this.cloud.entries;
  }

  /** Applies an input now and answers what it did (an admin action's refusal is an outcome, not a throw). */
  apply(input: TwinInput): InputOutcome {
    this.trace.record({ kind: 'input', input });
    return applyInput(this.inputTarget, input);
  }

  /**
   * Applies an input at virtual time `atMs` (now or later), after everything else due then: the same order as
   * an input applied to the running twin at that time, so a recorded session replays exactly.
   */
  applyAt(atMs: number, input: TwinInput): void {
    this.clock.scheduleAt(atMs, () => this.apply(input), 1);
  }

  runUntil(untilMs: number): void {
    this.clock.runUntil(untilMs);
  }

  lockIds(): string[] {
    return this.spec.locks.map((lock) => lock.id);
  }

  lockView(lockId: string): LockView {
    return this.registry.lockView(lockId);
  }
  iqView(iqId: string): IqView {
    return this.registry.iqView(iqId);
  }
  repeaterView(repeaterId: string): RepeaterView {
    return this.registry.repeaterView(repeaterId);
  }
  doorView(doorId: string): DoorView {
    return this.registry.doorView(doorId);
  }

  /** A lock online as the cloud reads it (`LockView.online`): cheaper than the whole `lockView`. */
  lockOnline(lockId: string): boolean {
    return this.registry.lockOnline(lockId);
  }

  /** The IQ is powered and its internet link is up. */
  iqConnected(iqId: string): boolean {
    return this.registry.iqConnected(iqId);
  }

  /** Calls `listener` whenever a device's state changes (lock, IQ, repeater, door, phone); returns the way to stop. */
  onDeviceChange(deviceId: string, listener: () => void): () => void {
    return this.registry.onChange(deviceId, listener);
  }

  /** Mean RSSI of the radio link between two fixed devices (for views of the radio tree). */
  linkRssiDbm(a: string, b: string): number {
    return this.links.get(a, b).meanRssiDbm;
  }

  /** How far behind the cloud a lock's data is, right now. */
  staleness(lockId: string): Staleness {
    return this.cloud.sync.staleness(lockId, this.registry.lockDataVersion(lockId));
  }

  /** Outcomes of admin actions applied as inputs, oldest first (bounded), for expectations by label. */
  adminOutcomes(): readonly AdminOutcome[] {
    return this.adminOutcomeLog.all();
  }
}

export function createTwin(options: TwinOptions): Twin {
  return new Twin(options);
}
