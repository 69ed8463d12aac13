/** The twin's public face: everything simulated that scenarios, the API and the CLI may use. */
export * from './kernel/index.ts';
export * from './radio/index.ts';
export * from './site/index.ts';
export * from './defaults.ts';
export { twinInputSchema, type TwinInput, type TwinInputType } from './inputs.ts';
export { Twin, createTwin, UnknownDeviceError, type LockView, type TwinOptions } from './twin.ts';
export {
  startBackgroundTraffic,
  visitsPerLockPerHourDefault,
  type BackgroundTrafficOptions,
} from './background-traffic.ts';
export * from './cloud/index.ts';
export { type RemoteCommand, type RemoteCommandKind, remoteCommandTimeoutMs } from './remote-commands.ts';
export type { IqSyncState } from './devices/iq.machine.ts';
export type { AuditEvent, AccessMethod } from './devices/audit-buffer.ts';
export { Defects, defectCatalog, defectNames, isDefectName, type DefectName } from './defects.ts';
export {
  adminActionNames,
  adminInputSchema,
  isCoreChange,
  type AdminActionName,
  type AdminInput,
  type AdminOutcome,
} from './admin-actions.ts';
