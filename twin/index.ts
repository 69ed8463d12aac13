/** The twin's public face: everything simulated that scenarios, the API and the CLI may use. */
export * from './kernel/index.ts';
export * from './radio/index.ts';
export * from './site/index.ts';
export * from './defaults.ts';
export * from './inputs/index.ts';
export { Twin, createTwin, type TwinOptions } from './twin.ts';
/** The device machines' definitions, for tools that walk them (coverage); read, never run. */
export { deviceMachines } from './site-assembly.ts';
export {
  UnknownDeviceError,
  type DoorView,
  type IqView,
  type LockView,
  type RepeaterView,
} from './devices/registry.ts';
export {
  toTraceRecord,
  type BoltEventKind,
  type TraceRecord,
  type TracedTwinEvent,
  type TwinEvent,
  type TwinEventKind,
  type TwinEventOf,
  type TwinTrace,
} from './events.ts';
export { startBackgroundTraffic, type BackgroundTrafficOptions } from './background-traffic.ts';
export * from './access/index.ts';
export * from './cloud/index.ts';
export type { RemoteCommand, RemoteCommandKind } from './remote-commands.ts';
export type { IqSyncState } from './devices/iq.machine.ts';
export { defectCatalog, defectNames, isDefectName, type DefectName } from './defects.ts';
export { hasPrivacyKnob } from './devices/privacy.ts';
export { hasTamperSensor } from './devices/tamper.ts';
