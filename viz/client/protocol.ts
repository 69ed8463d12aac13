/**
 * The live protocol as the browser reads it (WebSocket `/live`, docs/protocol.md). Every shape is the server's
 * own: the types are `z.infer` of the schemas in `api/live/protocol.ts`, imported as types from `api/index.ts`
 * (so nothing of the server reaches the bundle). What arrives is untrusted JSON, so each message is checked by a
 * reader written here from `json-reader.ts` (the page does not bundle zod) that must produce exactly that type; a
 * message the page cannot read is dropped rather than let it break the page.
 *
 * The compiler holds each reader to its type (every field, every enum member); `test/viz-protocol.test.ts` holds
 * them to the schemas at run time: what the server sends reads back as the schema parses it, and what the schema
 * refuses is refused here too (unknown extra fields aside, which are dropped).
 */
import type {
  AckMessage,
  AlertState,
  AppliedResult,
  ClientCommand,
  DeltaMessage,
  DeviceSnapshot,
  EntryMessage,
  EntryRow,
  ErrorMessage,
  EventMessage,
  IqState,
  LiveStatus,
  LoadTimelineResult,
  LockState,
  MarkersResult,
  RepeaterState,
  ServerMessage,
  SiteSummary,
  FloorPlanState,
  SnapshotMessage,
  StateAtResult,
  StatusMessage,
  TimelineFailure,
  TimelineMarker,
} from '../../api/index.ts';
import {
  array,
  boolean,
  invalid,
  isPlainObject,
  literal,
  nullable,
  number,
  object,
  oneOf,
  optional,
  present,
  readOrUndefined,
  record,
  string,
  union,
  type Fields,
  type Reader,
} from './json-reader.ts';

export type {
  AlertState,
  ClientCommand,
  DeviceSnapshot,
  EntryRow,
  IqState,
  LiveStatus,
  LockState,
  RepeaterState,
  ServerMessage,
  SiteSummary,
  FloorPlanState,
  StateAtResult,
  LoadTimelineResult,
  MarkersResult,
  TimelineFailure,
  TimelineMarker,
};
export type LinkState = DeviceSnapshot['links'][number];
export type DeviceDeltaMessage = Exclude<DeltaMessage, { readonly collection: 'alerts' }>;

/** A command's answer: the server's `ack` or `error`, or the page's own reason it got none. */
export type CommandOutcome =
  | { readonly ok: true; readonly result: unknown }
  | {
      readonly ok: false;
      readonly code: ErrorMessage['code'] | 'disconnected' | 'busy' | 'timeout' | 'input';
      readonly message: string;
      readonly path?: string;
    };

// ─── Devices ─────────────────────────────────────────────────────────────────────────────────────────────────

const seq = number({ int: true, min: 1 });
const virtualMs = number({ int: true, min: 0 });
const anyNumber = number();

const liveStatusFields: Fields<LiveStatus> = {
  virtualMs,
  paceMs: optional(virtualMs),
  utc: string,
  paused: boolean,
  speed: anyNumber,
  events: number({ int: true, min: 0 }),
  traceHash: string,
};
const liveStatus = object<LiveStatus>(liveStatusFields);

const lockState = object<LockState>({
  id: string,
  bolt: oneOf<LockState['bolt']>({ locked: true, unlocked: true, officeMode: true }),
  officeMode: optional(oneOf<NonNullable<LockState['officeMode']>>({ manual: true, easy: true })),
  door: oneOf<LockState['door']>({ closed: true, open: true, notClosed: true }),
  privacy: boolean,
  battery: string,
  online: boolean,
  accessVersion: number({ int: true }),
  auditBuffered: number({ int: true, min: 0 }),
  cutOff: optional(boolean),
  offlineList: optional(number({ int: true, min: 0 })),
  firmware: optional(string),
  firmwareUpdate: optional(
    object<NonNullable<LockState['firmwareUpdate']>>({
      target: string,
      blocksReceived: number({ int: true, min: 0 }),
      blocksTotal: number({ int: true, min: 1 }),
    }),
  ),
  parent: optional(string),
  name: string,
  kind: string,
  doorId: string,
  x: anyNumber,
  y: anyNumber,
  iq: string,
});

const iqState = object<IqState>({
  id: string,
  x: anyNumber,
  y: anyNumber,
  connected: boolean,
  powered: boolean,
  sync: oneOf<IqState['sync']>({ synced: true, pending: true, failed: true }),
});

const repeaterState = object<RepeaterState>({
  id: string,
  x: anyNumber,
  y: anyNumber,
  iq: string,
  powered: boolean,
  parent: optional(string),
});

const alertState = object<AlertState>({
  lockId: string,
  kind: oneOf<AlertState['kind']>({ not_closed: true, intrusion: true, low_battery: true, tamper: true }),
  raisedUtcMs: anyNumber,
});

const deviceSnapshot = object<DeviceSnapshot>({
  locks: array(lockState),
  iqs: array(iqState),
  repeaters: array(repeaterState),
  links: array(object<LinkState>({ from: string, to: string, rssiDbm: anyNumber })),
  alerts: array(alertState),
});

const named = object<SiteSummary['doors'][number]>({ id: string, name: string });

const siteSummary = object<SiteSummary>({
  name: string,
  timeZone: string,
  notClosedAfterMs: number({ int: true, min: 0 }),
  doors: array(named),
  iqs: array(named),
  accessGroups: array(named),
  people: array(
    object<SiteSummary['people'][number]>({
      id: string,
      name: string,
      role: string,
      tags: array(object<SiteSummary['people'][number]['tags'][number]>({ id: string, blocked: boolean })),
      phones: array(string),
      pin: optional(string),
    }),
  ),
  peopleTotal: number({ int: true, min: 0 }),
});

const floorPoint = object<FloorPlanState['rooms'][number]['polygon'][number]>({ x: anyNumber, y: anyNumber });

const floorPlan = object<FloorPlanState>({
  rooms: array(
    object<FloorPlanState['rooms'][number]>({
      id: string,
      name: optional(string),
      polygon: array(floorPoint),
    }),
  ),
  walls: array(
    object<FloorPlanState['walls'][number]>({
      id: string,
      material: oneOf<FloorPlanState['walls'][number]['material']>({
        drywall: true,
        wood: true,
        glass: true,
        brick: true,
        concrete: true,
        metal: true,
      }),
      lossDb: anyNumber,
      points: array(floorPoint),
    }),
  ),
});

const entryRow = object<EntryRow>({
  lockId: string,
  auditSeq: number({ int: true, min: 0 }),
  atMs: anyNumber,
  utcDateTime: string,
  localDateTime: string,
  receivedMs: anyNumber,
  category: string,
  detail: string,
  userId: optional(string),
  method: optional(
    oneOf<NonNullable<EntryRow['method']>>({
      tag: true,
      digital_key: true,
      pin_code: true,
      remote: true,
      inside_handle: true,
    }),
  ),
});

// ─── Messages ────────────────────────────────────────────────────────────────────────────────────────────────

type Delta<C extends DeltaMessage['collection']> = Extract<DeltaMessage, { readonly collection: C }>;

const deltaReaders: { readonly [C in DeltaMessage['collection']]: Reader<Delta<C>> } = {
  locks: object<Delta<'locks'>>({
    type: literal('delta'),
    seq,
    virtualMs,
    collection: literal('locks'),
    device: string,
    state: lockState,
  }),
  iqs: object<Delta<'iqs'>>({
    type: literal('delta'),
    seq,
    virtualMs,
    collection: literal('iqs'),
    device: string,
    state: iqState,
  }),
  repeaters: object<Delta<'repeaters'>>({
    type: literal('delta'),
    seq,
    virtualMs,
    collection: literal('repeaters'),
    device: string,
    state: repeaterState,
  }),
  alerts: object<Delta<'alerts'>>({
    type: literal('delta'),
    seq,
    virtualMs,
    collection: literal('alerts'),
    device: literal('alerts'),
    state: object<Delta<'alerts'>['state']>({ alerts: array(alertState) }),
  }),
};

/** A delta, by its `collection`. */
const deltaMessage: Reader<DeltaMessage> = (value) =>
  isPlainObject(value) &&
  typeof value.collection === 'string' &&
  Object.hasOwn(deltaReaders, value.collection)
    ? deltaReaders[value.collection as DeltaMessage['collection']](value)
    : invalid;

type Message<T extends ServerMessage['type']> = Extract<ServerMessage, { readonly type: T }>;

/** One reader per message type: a type the server's schema adds and the page does not read is a type error. */
const messageReaders: { readonly [T in ServerMessage['type']]: Reader<Message<T>> } = {
  snapshot: object<SnapshotMessage>({
    type: literal('snapshot'),
    seq,
    virtualMs,
    status: liveStatus,
    devices: deviceSnapshot,
    entries: array(entryRow),
    site: optional(siteSummary),
    plan: optional(floorPlan),
  }),
  event: object<EventMessage>({
    type: literal('event'),
    seq,
    virtualMs,
    kind: string,
    device: nullable(string),
    fields: record,
    traceSeq: number({ int: true, min: 0 }),
  }),
  delta: deltaMessage,
  entry: object<EntryMessage>({ type: literal('entry'), seq, virtualMs, entry: entryRow }),
  status: object<StatusMessage>({ type: literal('status'), ...liveStatusFields }),
  ack: object<AckMessage>({ type: literal('ack'), id: string, result: present }),
  error: object<ErrorMessage>({
    type: literal('error'),
    id: nullable(string),
    code: union<ErrorMessage['code']>(
      number({ int: true }),
      oneOf<Exclude<ErrorMessage['code'], number>>({
        'bad-json': true,
        'bad-message': true,
        'unknown-device': true,
        'session-full': true,
        'session-ended': true,
        busy: true,
        'rate-limited': true,
        'too-long': true,
        'twin-error': true,
      }),
    ),
    message: string,
    path: optional(string),
  }),
};

/** Parses one frame from the server; undefined for anything the page cannot read (it is then ignored). */
export function parseServerMessage(text: string): ServerMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(json) || typeof json.type !== 'string' || !Object.hasOwn(messageReaders, json.type))
    return undefined;
  return readOrUndefined<ServerMessage>(messageReaders[json.type as ServerMessage['type']], json);
}

// ─── Command results (an ack's `result`) ─────────────────────────────────────────────────────────────────────

/** `pause`, `resume`, `speed`, `step`, `advance`: the status after the command. */
export function readStatusResult(result: unknown): LiveStatus | undefined {
  return readOrUndefined(liveStatus, result);
}

/** A person action's or fault's: when it was applied. */
export function readAppliedResult(result: unknown): AppliedResult | undefined {
  return readOrUndefined(object<AppliedResult>({ appliedAtMs: virtualMs }), result);
}

/** `state-at`: the state the server rebuilt by replay. */
export function readStateAtResult(result: unknown): StateAtResult | undefined {
  return readOrUndefined(
    object<StateAtResult>({ virtualMs, devices: deviceSnapshot, entries: array(entryRow) }),
    result,
  );
}

const markerKind = oneOf<TimelineMarker['kind']>({
  entry: true,
  rejection: true,
  alert: true,
  person: true,
  fault: true,
  admin: true,
  harness: true,
  violation: true,
});
const timelineMarker = object<TimelineMarker>({
  atMs: number({ int: true, min: 0 }),
  kind: markerKind,
  label: string,
  lockId: optional(string),
});
const timelineFailure = object<TimelineFailure>({
  invariant: string,
  message: string,
  atMs: number({ int: true, min: 0 }),
  summary: string,
  lockId: optional(string),
  steps: array(
    object<TimelineFailure['steps'][number]>({
      atMs: number({ int: true, min: 0 }),
      text: string,
      kind: markerKind,
    }),
  ),
  story: array(string),
  markers: array(timelineMarker),
});

/** `load-timeline`: the timeline now loaded (and, for a failure file, what broke). */
export function readLoadTimelineResult(result: unknown): LoadTimelineResult | undefined {
  return readOrUndefined(
    object<LoadTimelineResult>({
      name: string,
      durationMs: number({ int: true, min: 0 }),
      failure: optional(timelineFailure),
    }),
    result,
  );
}

/** `markers`: where on the timeline to jump. */
export function readMarkersResult(result: unknown): MarkersResult | undefined {
  return readOrUndefined(
    object<MarkersResult>({ markers: array(timelineMarker), truncated: boolean }),
    result,
  );
}

/** `export`: the session as a scenario file. */
export function readExportResult(result: unknown): Record<string, unknown> | undefined {
  return readOrUndefined(record, result);
}
