/**
 * The API's public face: the server (REST, the live protocol on `/live`, health), the live twin it serves, and
 * the live protocol's contract, its zod schemas and the types inferred from them. `bin/` starts the server from
 * here; `viz/` imports only types from here (`import type`), so nothing of the server reaches the page's bundle.
 */
export { startServer, type RunningServer, type ServerOptions, type SiteToServe } from './server.ts';
export { servedSitesMax, siteKeyProblem } from './rest/site-directory.ts';
export { LiveTwin, liveTwinOfNamedSite } from './live-twin.ts';
export { readPasswordFile, type PasswordBook } from './rest/password-file.ts';
export { identityPrefixDefault, identityPrefixProblem } from './rest/app.ts';
export {
  adminResultSchema,
  appliedResultSchema,
  exportResultSchema,
  loadTimelineResultSchema,
  lockCommandResultSchema,
  markersResultSchema,
  serverMessageSchema,
  stateAtResultSchema,
  timeResultSchema,
  type AckMessage,
  type AlertState,
  type AppliedResult,
  type ClientCommand,
  type DeltaMessage,
  type DeviceSnapshot,
  type EntryMessage,
  type EntryRow,
  type ErrorMessage,
  type EventMessage,
  type IqState,
  type LiveStatus,
  type LoadTimelineResult,
  type LockState,
  type MarkersResult,
  type RepeaterState,
  type ServerMessage,
  type SiteSummary,
  type FloorPlanState,
  type SnapshotMessage,
  type StateAtResult,
  type StatusMessage,
  type TimelineFailure,
  type TimelineMarker,
} from './live/protocol.ts';
