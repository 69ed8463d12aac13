/**
 * Building a site from a validated spec and a seed: the kernel (clock, seeded streams, trace), the radio (links,
 * topology, mesh), the cloud, the network that joins them, and one actor per device with its environment wired
 * to that network. The order of construction is part of the run's determinism: the trace's first event is
 * `twin.start`, then the actors start (IQs first).
 */
import { createActor, type InspectionEvent } from 'xstate';
import { SiteDeviceActions } from './device-actions.ts';
import {
  auditBufferMaxDefault,
  heartbeatIntervalMsDefault,
  motorMsDefault,
  notClosedAfterMsDefault,
} from './defaults.ts';
import { Defects } from './defects.ts';
import { AuditBuffer } from './devices/audit-buffer.ts';
import { doorMachine } from './devices/door.machine.ts';
import { iqMachine } from './devices/iq.machine.ts';
import { lockMachine } from './devices/lock.machine.ts';
import { FirmwareTransfers } from './firmware-transfer.ts';
import { phoneMachine } from './devices/phone.machine.ts';
import { DeviceRegistry, UnknownDeviceError } from './devices/registry.ts';
import { repeaterMachine } from './devices/repeater.machine.ts';
import { twinEventEncoding, type TwinEvent, type TwinTrace } from './events.ts';
import { InternetHop } from './internet-hop.ts';
import { VirtualClock, type VirtualClockOptions } from './kernel/clock.ts';
import { createSeededRandom, type SeededRandom } from './kernel/rng.ts';
import { Trace, type TraceOptions } from './kernel/trace.ts';
import { InterferenceField } from './radio/interference.ts';
import { LinkTable } from './radio/link.ts';
import { MeshNetwork } from './radio/mesh-network.ts';
import { resolveRadioConfig, type RadioConfig } from './radio/radio-config.ts';
import { buildTopology, type Topology } from './radio/topology.ts';
import { WallMap } from './radio/walls.ts';
import { SiteCloud } from './site-cloud.ts';
import { SiteNetwork } from './site-network.ts';
import { PhoneKeySync, phoneKeyOf } from './phone-key-sync.ts';
import { fillFakePeople } from './site/fake-people.ts';
import type { Position, SiteSpec } from './site/spec.ts';

export interface TwinOptions {
  readonly spec: SiteSpec;
  readonly seed: number;
  /** Defects switched on besides the spec's own. */
  readonly defects?: readonly string[];
  readonly trace?: TraceOptions<TwinEvent>;
  readonly clock?: VirtualClockOptions;
  /**
   * Reads XState's inspection events of every device actor (the microsteps with the transitions they took, the
   * snapshots), e.g. for `lockstep check --coverage`. It only reads: the run, its trace and its fingerprint are
   * the same with it or without it.
   */
  readonly inspect?: (event: InspectionEvent) => void;
}

/** The machine of each kind of device, by the machine's own id: what coverage walks to know every state. */
export const deviceMachines = {
  iq: iqMachine,
  repeater: repeaterMachine,
  lock: lockMachine,
  door: doorMachine,
  phone: phoneMachine,
} as const;

/** The `not-closed-at-30s` defect's alert time. */
const notClosedAtDefectMs = 30_000;

export interface AssembledSite {
  readonly spec: SiteSpec;
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly random: SeededRandom;
  readonly radioConfig: RadioConfig;
  readonly topology: Topology;
  readonly links: LinkTable;
  readonly interference: InterferenceField;
  readonly epochUtcMs: number;
  readonly defects: Defects;
  readonly registry: DeviceRegistry;
  readonly cloud: SiteCloud;
  readonly devices: SiteDeviceActions;
}

export function assembleSite(options: TwinOptions): AssembledSite {
  const clock = new VirtualClock(options.clock);
  const trace: TwinTrace = new Trace(() => clock.now(), twinEventEncoding, options.trace);
  const random = createSeededRandom(options.seed);
  const spec = fillFakePeople(options.spec, random.stream('people.names'));
  const epochUtcMs = Date.parse(spec.startsAtUtc);
  const defects = new Defects([...spec.defects, ...(options.defects ?? [])]);
  const radioConfig = resolveRadioConfig(spec.settings.radio);
  const positions = new Map<string, Position>();
  for (const device of [...spec.iqs, ...spec.repeaters, ...spec.locks])
    positions.set(device.id, device.position);
  const positionOf = (deviceId: string): Position => {
    const position = positions.get(deviceId);
    if (position === undefined) throw new UnknownDeviceError('device', deviceId);
    return position;
  };
  // Walls cost signal on every link, so they also decide which parent a lock hears in the topology below.
  const links = new LinkTable(radioConfig, random, positionOf, new WallMap(spec.walls ?? []));
  const topology = buildTopology({
    iqs: spec.iqs,
    repeaters: spec.repeaters,
    locks: spec.locks,
    meanRssiDbm: (a, b) => links.get(a, b).meanRssiDbm,
    hearingThresholdDbm: radioConfig.hearingThresholdDbm,
  });
  const registry = new DeviceRegistry(topology, spec.locks, defects.has('iq-off-locks-online'));
  const interference = new InterferenceField();
  const mesh = new MeshNetwork({
    clock,
    trace,
    links,
    topology,
    interference,
    positionOf,
    radioUpCheck: (id) => registry.radioUpCheck(id),
  });
  const internet = new InternetHop(clock, random.stream('cloud.latency'));
  // The network and the cloud each need the other: the network reaches the cloud through this box.
  const late: { cloud?: SiteCloud; phoneKeys?: PhoneKeySync } = {};
  const cloudNow = (): SiteCloud => late.cloud as SiteCloud;
  const network = new SiteNetwork({
    clock,
    trace,
    random,
    registry,
    mesh,
    links,
    internet,
    radioConfig,
    locks: spec.locks,
    positionOf,
    weakestLockTakesTaps: defects.has('weakest-lock-answers-tap'),
    cloud: cloudNow,
  });
  const firmware = new FirmwareTransfers({ clock, mesh, registry });
  const cloud = new SiteCloud(spec, defects, {
    clock,
    trace,
    epochUtcMs,
    internet,
    iqOfLock: (lockId) => registry.iqOf(lockId),
    iqConnected: (iqId) => registry.iqConnected(iqId),
    // The IQ decides whether a lock is in reach (remote commands, PIN changes) from its own heartbeats.
    lockOnline: (lockId) => registry.lockHeardByIq(lockId),
    dataToIq: (iqId, lockId, data) => network.dataToIq(iqId, lockId, data),
    commandToLock: (command, onAck) => network.commandToLock(command, onAck),
    firmwareToLock: (lockId, version, onFinished) => firmware.start(lockId, version, onFinished),
    pinDraws: random.stream('cloud.pins'),
    digitalKeysChanged: (phoneIds) => late.phoneKeys?.changed(phoneIds),
  });
  late.cloud = cloud;
  const phoneKeys = new PhoneKeySync({
    clock,
    random,
    registry,
    keyOf: (phoneId) => cloud.state.digitalKeys.get(phoneId),
  });
  late.phoneKeys = phoneKeys;
  trace.record({ kind: 'twin.start', site: spec.name, seed: options.seed });
  const actorOptions = { clock, ...(options.inspect === undefined ? {} : { inspect: options.inspect }) };
  const site = {
    spec,
    clock,
    trace,
    epochUtcMs,
    defects,
    topology,
    registry,
    network,
    cloud,
    phoneKeys,
    actorOptions,
  };
  createDevices(site);
  registry.start();
  const devices = new SiteDeviceActions({
    clock,
    registry,
    interference,
    tagReads: random.stream('people.tags'),
    sync: () => cloudNow().sync,
  });
  return {
    spec,
    clock,
    trace,
    random,
    radioConfig,
    topology,
    links,
    interference,
    epochUtcMs,
    defects,
    registry,
    cloud,
    devices,
  };
}

interface DeviceWiring {
  readonly spec: SiteSpec;
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly epochUtcMs: number;
  readonly defects: Defects;
  readonly topology: Topology;
  readonly registry: DeviceRegistry;
  readonly network: SiteNetwork;
  readonly cloud: SiteCloud;
  readonly phoneKeys: PhoneKeySync;
  /** What every device actor is created with besides its input and ids: the clock, and the observer if any. */
  readonly actorOptions: DeviceActorOptions;
}

interface DeviceActorOptions {
  readonly clock: VirtualClock;
  readonly inspect?: (event: InspectionEvent) => void;
}

function createDevices(site: DeviceWiring): void {
  createIqs(site);
  createRepeaters(site);
  createLocks(site);
  createDoors(site);
  createPhones(site);
}

function createIqs({
  spec,
  clock,
  trace,
  topology,
  registry,
  network,
  cloud,
  actorOptions,
}: DeviceWiring): void {
  const env = {
    clock,
    trace,
    sendHeartbeat: (iqId: string, lockId: string) => network.sendHeartbeat(iqId, lockId),
    forwardAudit: network.forwardAudit.bind(network),
    pushData: network.pushData.bind(network),
    reportLockVersion: (_iqId: string, lockId: string, version: number) =>
      network.reportLockVersion(lockId, version),
  };
  for (const iq of spec.iqs) {
    const input = {
      id: iq.id,
      lockIds: topology.locksOf.get(iq.id) ?? [],
      heartbeatIntervalMs: spec.settings.heartbeatIntervalMs ?? heartbeatIntervalMsDefault,
      initialVersion: cloud.sync.initialVersion,
      env,
    };
    registry.iqs.set(iq.id, createActor(iqMachine, { ...actorOptions, input, id: iq.id, systemId: iq.id }));
  }
}

function createRepeaters({ spec, clock, trace, registry, actorOptions }: DeviceWiring): void {
  const env = { clock, trace };
  for (const repeater of spec.repeaters) {
    const input = { id: repeater.id, env };
    const actor = createActor(repeaterMachine, {
      ...actorOptions,
      input,
      id: repeater.id,
      systemId: repeater.id,
    });
    registry.repeaters.set(repeater.id, actor);
  }
}

function createLocks({
  spec,
  clock,
  trace,
  epochUtcMs,
  defects,
  registry,
  network,
  cloud,
  actorOptions,
}: DeviceWiring): void {
  const settings = spec.settings;
  const env = {
    clock,
    trace,
    epochUtcMs,
    defects,
    uploadAudit: (lockId: string) => network.uploadAudit(lockId),
    cutOff: (lockId: string) => registry.lockCutOff(lockId),
  };
  const notClosedAfterMs = defects.has('not-closed-at-30s')
    ? notClosedAtDefectMs
    : (settings.notClosedAfterMs ?? notClosedAfterMsDefault);
  for (const lock of spec.locks) {
    const audit = new AuditBuffer(settings.auditBufferMax ?? auditBufferMaxDefault);
    registry.audits.set(lock.id, audit);
    const input = {
      id: lock.id,
      kind: lock.kind,
      doorId: lock.door,
      notClosedAfterMs,
      motorMs: settings.motorMs ?? motorMsDefault,
      battery: lock.battery,
      data: cloud.sync.initialData(lock.id),
      audit,
      env,
      ...(lock.controller === undefined ? {} : { controller: { ...lock.controller } }),
    };
    registry.locks.set(
      lock.id,
      createActor(lockMachine, { ...actorOptions, input, id: lock.id, systemId: lock.id }),
    );
  }
}

function createDoors({ spec, clock, trace, registry, actorOptions }: DeviceWiring): void {
  const lockOfDoor = new Map(spec.locks.map((lock) => [lock.door, lock.id]));
  const env = {
    clock,
    trace,
    handleGives: (lockId: string) => registry.lockHandleGives(lockId),
    sensorChanged: (lockId: string, open: boolean, byInsideHandle: boolean) =>
      registry.lock(lockId).send(open ? { type: 'DOOR_OPENED', byInsideHandle } : { type: 'DOOR_CLOSED' }),
  };
  for (const door of spec.doors) {
    const lockId = lockOfDoor.get(door.id);
    if (lockId === undefined) continue; // a door without a lock is only a wall opening
    const input = { id: door.id, lockId, env };
    registry.doors.set(
      door.id,
      createActor(doorMachine, { ...actorOptions, input, id: door.id, systemId: door.id }),
    );
  }
}

function createPhones({
  spec,
  clock,
  trace,
  defects,
  registry,
  network,
  cloud,
  phoneKeys,
  actorOptions,
}: DeviceWiring): void {
  const env = {
    clock,
    trace,
    tap: (phoneId: string, lockId: string) => network.tap(phoneId, lockId),
    fetchKey: (phoneId: string) => phoneKeys.fetch(phoneId),
  };
  const keepsRevokedKey = defects.has('revocation-never-reaches-phone');
  for (const phone of spec.phones) {
    // The app starts with the key the cloud held for it before the run (it synced then).
    const key = phoneKeyOf(cloud.state.digitalKeys.get(phone.id));
    const input = { id: phone.id, userId: phone.user, internet: phone.internet, key, keepsRevokedKey, env };
    registry.phones.set(
      phone.id,
      createActor(phoneMachine, { ...actorOptions, input, id: phone.id, systemId: phone.id }),
    );
  }
}
