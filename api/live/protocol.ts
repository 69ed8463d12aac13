/**
 * The live protocol's messages (WebSocket `/live`), one zod schema per kind. These schemas are the contract:
 * the server validates what clients send with them, tests validate what the server sends with them, and
 * `docs/protocol.md` shows each as the JSON Schema `z.toJSONSchema` makes of it (`protocol-doc.ts` keeps the two
 * in step). Every frame is one JSON text.
 */
import { z } from 'zod';
import {
  adminActionNames,
  alertKinds,
  twinInputSchema,
  wallMaterials,
  type TwinInputType,
} from '../../twin/index.ts';
import { speedMax } from '../pacer.ts';
import { refusalCodeSchema, type RefusalKind } from './refusals.ts';

/** Limits of the protocol (TIGER_STYLE: a limit on everything a client can make the server hold). */
export const protocolLimits = {
  /** Correlation ids of commands. */
  commandIdCharsMax: 128,
  /** Ids in a subscription's device filter. */
  filterDevicesMax: 4_096,
  /** Trace kinds in a subscription's kind filter. */
  filterKindsMax: 256,
  /** Entries a snapshot carries (the newest). */
  snapshotEntriesMax: 50,
  /** Virtual time one `step`/`advance` may run (a day, what the fastest speed runs in a wall second). */
  advanceMsMax: 86_400_000,
  /** Virtual time `state-at` replays at most (a session or loaded timeline longer than this is refused). */
  replayMsMax: 7 * 86_400_000,
  /** Wall time a `state-at` replay may take (it runs on a worker thread); past it the replay is stopped. */
  replayWallMsMax: 30_000,
  /** Markers one `markers` answer (or a loaded failure file's) carries. */
  markersMax: 500,
  /** Steps of a loaded failure file its `load-timeline` answer lists (the ones nearest the violation). */
  timelineStepsMax: 250,
  /** Bytes of one frame (the WebSocket closes a larger one with 1009). */
  frameBytesMax: 64 * 1024,
  /** Nesting of arrays and objects in one frame (the message itself is depth 1). */
  frameDepthMax: 32,
  /** Frames of one connection waiting to be handled; past this a frame is answered `busy` at once. */
  framesQueuedMax: 32,
  /** Wall time a connection without a token has to send its `auth` message. */
  authDeadlineMs: 5_000,
} as const;

/**
 * Rate limits on the frames clients send (each is one point; `rate-limiter-flexible`): per connection and per
 * user (all of a user's connections together; anonymous connections share one budget). Past either a frame is
 * answered `rate-limited` and not handled.
 */
export const rateLimits = {
  perConnection: { points: 50, durationSeconds: 1 },
  perUser: { points: 200, durationSeconds: 1 },
} as const;

/** The subprotocol a client offers (with `bearer.<token>`) and the server selects. */
export const liveSubprotocol = 'lockstep-live';
/** A subprotocol that carries the client's token: `bearer.` followed by the token. */
export const bearerSubprotocolPrefix = 'bearer.';

/** Error codes of the protocol itself (`refusals.ts` says when each is given); the cloud's carry table numbers. */
export type ProtocolErrorCode = RefusalKind;

const id = z.string().min(1).max(200);
const ms = z.number().int().min(0).max(protocolLimits.advanceMsMax);

// ─── Client → server ─────────────────────────────────────────────────────────────────────────────────────────

export const subscriptionFilterSchema = z.strictObject({
  devices: z
    .array(id)
    .max(protocolLimits.filterDevicesMax)
    .optional()
    .describe(
      "Only events, deltas and entries of these devices (locks, doors, IQs, repeaters, phones, tags, users of the site); a lock's id also selects its door. Absent: every device.",
    ),
  kinds: z
    .array(z.string().min(1).max(100))
    .max(protocolLimits.filterKindsMax)
    .optional()
    .describe(
      'Only events of these trace kinds. Absent: every kind but radio.hop (sent only when named here).',
    ),
});
export type SubscriptionFilter = z.infer<typeof subscriptionFilterSchema>;

export const subscribeMessageSchema = z.strictObject({
  type: z.literal('subscribe'),
  filter: subscriptionFilterSchema.optional(),
});

export const unsubscribeMessageSchema = z.strictObject({ type: z.literal('unsubscribe') });

export const authMessageSchema = z
  .strictObject({
    type: z.literal('auth'),
    token: z
      .string()
      .min(1)
      .max(512)
      .describe('A bearer token of the REST API (POST /connect/token), the same one REST takes.'),
  })
  .describe(
    "The connection's token, when it did not come as a subprotocol: the first message, within the auth deadline.",
  );

/** The envelope of a command; `command` is then checked against the schema of its `action` (below). */
export const commandMessageSchema = z.strictObject({
  type: z.literal('command'),
  id: z
    .string()
    .min(1)
    .max(protocolLimits.commandIdCharsMax)
    .describe("The client's correlation id, echoed by the ack or error."),
  command: z
    .looseObject({ action: z.string() })
    .describe('One of the commands, by its action (each has its own schema).'),
});

// ─── Commands ────────────────────────────────────────────────────────────────────────────────────────────────

/** Commands that are not twin inputs: time, the cloud's lock commands, admin actions, export. */
export const controlCommandSchemas = {
  pause: z.strictObject({ action: z.literal('pause') }),
  resume: z.strictObject({ action: z.literal('resume') }),
  step: z.strictObject({ action: z.literal('step'), ms }),
  advance: z.strictObject({ action: z.literal('advance'), ms }),
  speed: z.strictObject({ action: z.literal('speed'), x: z.number().positive().max(speedMax) }),
  export: z.strictObject({ action: z.literal('export') }),
  'remote-open': z
    .strictObject({ action: z.literal('remote-open'), lock: id })
    .describe("Sent as the connection's user (its token's), with that user's rights."),
  'office-mode': z
    .strictObject({ action: z.literal('office-mode'), lock: id, on: z.boolean() })
    .describe("Sent as the connection's user (its token's), with that user's rights."),
  admin: z.strictObject({
    action: z.literal('admin'),
    op: z.enum(adminActionNames).describe("Acted by the connection's user (its token's)."),
    args: z.array(z.unknown()).max(16).default([]),
    label: z.string().max(200).optional(),
  }),
  'state-at': z
    .strictObject({
      action: z.literal('state-at'),
      ms: z
        .number()
        .int()
        .min(0)
        .max(protocolLimits.replayMsMax)
        .describe(
          "Virtual time to rebuild, 0 up to the timeline's end (the session's: now); 7 days at most.",
        ),
      source: z
        .enum(['session', 'loaded'])
        .default('session')
        .describe("The live session (replayed from its export) or this connection's loaded timeline."),
    })
    .describe(
      'The state at a virtual time, rebuilt by replay on a fresh twin. Ack result: { virtualMs, devices (as in a snapshot), entries (the newest, at most 50, up to then) }.',
    ),
  markers: z
    .strictObject({
      action: z.literal('markers'),
      source: z
        .enum(['session', 'loaded'])
        .default('session')
        .describe("The live session or this connection's loaded timeline."),
    })
    .describe(
      "Where on the timeline to jump: the session's entries (openings, refusals, alerts), admin actions and faults; a loaded file's steps, harness repairs and violation. Ack result: { markers, truncated }.",
    ),
  'load-timeline': z
    .strictObject({
      action: z.literal('load-timeline'),
      file: z
        .record(z.string(), z.unknown())
        .describe('A scenario file (has site, no format) or a failure file (format lockstep-failure/1).'),
    })
    .describe(
      "Keeps a scenario or failure file as this connection's timeline (one at a time) for state-at with source loaded. Ack result: { name, durationMs, failure (a failure file's violation, summary, steps and markers) }.",
    ),
} as const;

export const controlCommandSchema = z.discriminatedUnion('action', [
  controlCommandSchemas.pause,
  controlCommandSchemas.resume,
  controlCommandSchemas.step,
  controlCommandSchemas.advance,
  controlCommandSchemas.speed,
  controlCommandSchemas.export,
  controlCommandSchemas['remote-open'],
  controlCommandSchemas['office-mode'],
  controlCommandSchemas.admin,
  controlCommandSchemas['state-at'],
  controlCommandSchemas['load-timeline'],
  controlCommandSchemas.markers,
]);
export type ControlCommand = z.infer<typeof controlCommandSchema>;
export type ControlAction = ControlCommand['action'];

export function isControlAction(action: string): action is ControlAction {
  return Object.hasOwn(controlCommandSchemas, action);
}

/** Twin inputs a client may send as commands: every input but `admin` (which has its own command). */
export type InputAction = Exclude<TwinInputType, 'admin'>;

type InputOptionSchema = z.ZodObject<{ type: z.ZodLiteral<string> }, z.core.$strict>;

/**
 * Each input command is the twin's own input schema with `type` renamed `action`, so bounds and fields never
 * drift from `twinInputSchema` (which validates the input once more before it is applied).
 */
export const inputCommandSchemas: ReadonlyMap<
  InputAction,
  z.ZodObject<{ action: z.ZodLiteral<string> }, z.core.$strict>
> = new Map(
  twinInputSchema.options
    .filter((option) => option.shape.type.value !== 'admin')
    .map((option) => {
      const action = option.shape.type.value as InputAction;
      return [
        action,
        (option as unknown as InputOptionSchema).omit({ type: true }).extend({ action: z.literal(action) }),
      ] as const;
    }),
);

export function isInputAction(action: string): action is InputAction {
  return inputCommandSchemas.has(action as InputAction);
}

/** An input command as a client writes it: the twin input (defaults may be left out) with `type` written `action`. */
type InputCommand = {
  [A in InputAction]: Omit<Extract<z.input<typeof twinInputSchema>, { type: A }>, 'type'> & {
    readonly action: A;
  };
}[InputAction];

/** Any command a client may send (the `command` of a command message), as it may write it. */
export type ClientCommand = z.input<typeof controlCommandSchema> | InputCommand;

// ─── Server → client ─────────────────────────────────────────────────────────────────────────────────────────

const seq = z.number().int().min(1).describe('Per connection: 1 for the first snapshot, then consecutive.');
const virtualMs = z
  .number()
  .int()
  .min(0)
  .describe('Virtual time, in milliseconds since the start of the run.');

export const liveStatusSchema = z.strictObject({
  virtualMs,
  paceMs: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      "The pacer's virtual time at this moment: the twin's clock moves in ticks (every 50 ms of wall time), and this is virtualMs plus what the next tick adds for the wall time since the last (virtualMs when paused). A page clock follows it to within the message's travel time.",
    ),
  utc: z.string(),
  paused: z.boolean(),
  speed: z.number(),
  events: z.number().int().min(0),
  traceHash: z.string(),
});
export type LiveStatus = z.infer<typeof liveStatusSchema>;

export const lockStateSchema = z.strictObject({
  id: z.string(),
  bolt: z.enum(['locked', 'unlocked', 'officeMode']),
  officeMode: z.enum(['manual', 'easy']).optional().describe('Present only when bolt is officeMode.'),
  door: z.enum(['closed', 'open', 'notClosed']),
  privacy: z
    .boolean()
    .describe('Privacy mode: the inside knob is turned; only users with the override open the lock.'),
  battery: z.string(),
  online: z
    .boolean()
    .describe("As the cloud reads it: the lock's IQ is connected and hears it (heartbeats answered)."),
  accessVersion: z.number().int(),
  auditBuffered: z.number().int().min(0),
  cutOff: z
    .boolean()
    .optional()
    .describe(
      'The lock has lost its IQ (the IQ off or not hearing it): only its offline list opens it. Always sent.',
    ),
  offlineList: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      'Credentials on the offline list of the data the lock holds (bounded: 360, or 39 on a site with an RF lock). Always sent.',
    ),
  firmware: z
    .string()
    .max(14)
    .optional()
    .describe(
      'The firmware version the lock runs (major.minor.patch); it changes only when an update completes. Always sent.',
    ),
  firmwareUpdate: z
    .strictObject({
      target: z.string().max(14),
      blocksReceived: z.number().int().min(0),
      blocksTotal: z.number().int().min(1),
    })
    .optional()
    .describe(
      'A firmware update the lock is receiving over the mesh: the new version and its blocks landed so far (absent: none running). The lock decides on the old firmware until the last block lands.',
    ),
  parent: z
    .string()
    .optional()
    .describe('The IQ or repeater the lock hangs from (absent: out of reach of all).'),
  name: z.string(),
  kind: z.string(),
  doorId: z.string(),
  x: z.number(),
  y: z.number(),
  iq: z.string(),
});
export type LockState = z.infer<typeof lockStateSchema>;

export const iqStateSchema = z.strictObject({
  id: z.string(),
  x: z.number(),
  y: z.number(),
  connected: z.boolean(),
  powered: z.boolean(),
  sync: z.enum(['synced', 'pending', 'failed']),
});
export type IqState = z.infer<typeof iqStateSchema>;

export const repeaterStateSchema = z.strictObject({
  id: z.string(),
  x: z.number(),
  y: z.number(),
  iq: z.string(),
  powered: z.boolean(),
  parent: z.string().optional(),
});
export type RepeaterState = z.infer<typeof repeaterStateSchema>;

export const alertStateSchema = z.strictObject({
  lockId: z.string(),
  kind: z.enum(alertKinds),
  raisedUtcMs: z.number(),
});
export type AlertState = z.infer<typeof alertStateSchema>;

export const deviceSnapshotSchema = z.strictObject({
  locks: z.array(lockStateSchema),
  iqs: z.array(iqStateSchema),
  repeaters: z.array(repeaterStateSchema),
  links: z.array(z.strictObject({ from: z.string(), to: z.string(), rssiDbm: z.number() })),
  alerts: z.array(alertStateSchema),
});
export type DeviceSnapshot = z.infer<typeof deviceSnapshotSchema>;

export const entrySchema = z.strictObject({
  lockId: z.string(),
  auditSeq: z.number().int().min(0),
  atMs: z.number().describe('When the lock recorded it, by its own clock (virtual ms).'),
  utcDateTime: z.string(),
  localDateTime: z.string(),
  receivedMs: z.number().describe('When the cloud received it (virtual ms).'),
  category: z.string(),
  detail: z.string(),
  userId: z.string().optional(),
  method: z.enum(['tag', 'digital_key', 'pin_code', 'remote', 'inside_handle']).optional(),
});
/** One row of the cloud's entries log. */
export type EntryRow = z.infer<typeof entrySchema>;

/** People a snapshot's site summary lists at most (a campus has more; the page then offers the first ones). */
export const sitePeopleMax = 500;

/**
 * What the page needs of the site to speak in names and in the site's time: its time zone, the NOT CLOSED delay,
 * the doors', IQs' and access groups' names, and its people with their credentials (a person's PIN only for a
 * connection that may export the session, which holds the whole spec, PINs included, anyway).
 */
export const siteSummarySchema = z.strictObject({
  name: z.string(),
  timeZone: z.string().describe('The IANA time zone of the site (schedules, local times).'),
  notClosedAfterMs: z.number().int().min(0).describe('How long a door stays open before NOT CLOSED.'),
  doors: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  iqs: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  accessGroups: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  people: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        role: z.string(),
        tags: z.array(z.strictObject({ id: z.string(), blocked: z.boolean() })),
        phones: z.array(z.string()),
        pin: z.string().optional().describe('Only for a connection that may export the session.'),
      }),
    )
    .max(sitePeopleMax)
    .describe(`The site's users in spec order, at most ${sitePeopleMax}.`),
  peopleTotal: z.number().int().min(0).describe('How many users the site has (people may list fewer).'),
});
export type SiteSummary = z.infer<typeof siteSummarySchema>;

const floorPointSchema = z.strictObject({ x: z.number(), y: z.number() });

/**
 * The site's floor plan as the page draws it (twin/site/floor-plan.ts): rooms, and walls with their material and
 * the loss in dB the radio takes for crossing them. Static for a session, so only the snapshot carries it.
 */
export const floorPlanSchema = z.strictObject({
  rooms: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string().optional(),
      polygon: z.array(floorPointSchema).describe('Corners in order, metres; the last joins the first.'),
    }),
  ),
  walls: z.array(
    z.strictObject({
      id: z.string(),
      material: z.enum(wallMaterials),
      lossDb: z.number().describe("The wall's own loss, or its material's default."),
      points: z.array(floorPointSchema).describe('The polyline, metres ([from, to] for a straight wall).'),
    }),
  ),
});
export type FloorPlanState = z.infer<typeof floorPlanSchema>;

export const snapshotMessageSchema = z.strictObject({
  type: z.literal('snapshot'),
  seq,
  virtualMs,
  status: liveStatusSchema,
  devices: deviceSnapshotSchema,
  entries: z.array(entrySchema).max(protocolLimits.snapshotEntriesMax),
  site: siteSummarySchema
    .optional()
    .describe(
      'The site in names and its time zone (every server sends it; a page without it shows ids and UTC).',
    ),
  plan: floorPlanSchema
    .optional()
    .describe('Rooms and walls, when the site has a floor plan (absent: it has none).'),
});

export const eventMessageSchema = z.strictObject({
  type: z.literal('event'),
  seq,
  virtualMs,
  kind: z.string(),
  device: z.string().nullable().describe('The device the event is about; null when none (e.g. input).'),
  fields: z.record(z.string(), z.unknown()).describe("The event's other fields, as in the trace."),
  traceSeq: z
    .number()
    .int()
    .min(0)
    .describe("The event's own number in the twin's trace (its line in a --trace file)."),
});

const deltaBase = { type: z.literal('delta'), seq, virtualMs } as const;
export const deltaMessageSchema = z.discriminatedUnion('collection', [
  z.strictObject({
    ...deltaBase,
    collection: z.literal('locks'),
    device: z.string(),
    state: lockStateSchema,
  }),
  z.strictObject({ ...deltaBase, collection: z.literal('iqs'), device: z.string(), state: iqStateSchema }),
  z.strictObject({
    ...deltaBase,
    collection: z.literal('repeaters'),
    device: z.string(),
    state: repeaterStateSchema,
  }),
  z.strictObject({
    ...deltaBase,
    collection: z.literal('alerts'),
    device: z.literal('alerts'),
    state: z
      .strictObject({ alerts: z.array(alertStateSchema) })
      .describe('The whole new list of active alerts.'),
  }),
]);

export const entryMessageSchema = z.strictObject({
  type: z.literal('entry'),
  seq,
  virtualMs,
  entry: entrySchema,
});

export const statusMessageSchema = liveStatusSchema.extend({ type: z.literal('status') });

export const ackMessageSchema = z.strictObject({
  type: z.literal('ack'),
  id: z.string(),
  result: z.unknown().describe("The command's result (see each command)."),
});

export const errorMessageSchema = z.strictObject({
  type: z.literal('error'),
  id: z
    .string()
    .nullable()
    .describe("The command's id; null when the message had none readable (not JSON, not a command)."),
  code: refusalCodeSchema.describe(
    "The error table's code for a cloud refusal, or one of the protocol's own.",
  ),
  message: z.string(),
  path: z.string().optional().describe('The field at fault (bad-message, unknown-device).'),
});

export const serverMessageSchema = z.union([
  snapshotMessageSchema,
  eventMessageSchema,
  deltaMessageSchema,
  entryMessageSchema,
  statusMessageSchema,
  ackMessageSchema,
  errorMessageSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type SnapshotMessage = z.infer<typeof snapshotMessageSchema>;
export type EventMessage = z.infer<typeof eventMessageSchema>;
export type DeltaMessage = z.infer<typeof deltaMessageSchema>;
export type EntryMessage = z.infer<typeof entryMessageSchema>;
export type StatusMessage = z.infer<typeof statusMessageSchema>;
export type AckMessage = z.infer<typeof ackMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;

// ─── Command results (an ack's `result`) ─────────────────────────────────────────────────────────────────────

/** Person actions and faults (twin inputs). */
export const appliedResultSchema = z.strictObject({
  appliedAtMs: virtualMs.describe('The virtual time the input was applied at.'),
});
export type AppliedResult = z.infer<typeof appliedResultSchema>;

/** `remote-open` and `office-mode`: the command the cloud sent down (how it ends arrives later, as events). */
export const lockCommandResultSchema = z.strictObject({
  appliedAtMs: virtualMs.describe('The virtual time the command was issued at.'),
  command: z.strictObject({
    id: z.number().int(),
    kind: z.enum(['open', 'office-mode-on', 'office-mode-off']),
    lockId: z.string(),
    userId: z.string(),
    issuedMs: z.number(),
    status: z.enum(['pending', 'succeeded', 'failed']),
  }),
});
export type LockCommandResult = z.infer<typeof lockCommandResultSchema>;

/** `admin`: the action applied (its refusal by the cloud is an `error` instead). */
export const adminResultSchema = z.strictObject({
  appliedAtMs: virtualMs.describe('The virtual time the action was applied at.'),
  action: z.enum(adminActionNames),
  settled: z
    .boolean()
    .describe('False for an action that travels to a lock and ends later (see the admin.result event).'),
});
export type AdminResult = z.infer<typeof adminResultSchema>;

/** `pause`, `resume`, `speed`, `step`, `advance`: the status after the command. */
export const timeResultSchema = liveStatusSchema.describe('The status after the command (as in status).');

/** `state-at`: the state at that time, as a replay rebuilt it. */
export const stateAtResultSchema = z.strictObject({
  virtualMs,
  devices: deviceSnapshotSchema.describe('As in a snapshot.'),
  entries: z
    .array(entrySchema)
    .max(protocolLimits.snapshotEntriesMax)
    .describe('The newest entries received up to then, oldest first.'),
});
export type StateAtResult = z.infer<typeof stateAtResultSchema>;

/** One place on a timeline worth jumping to (`markers`, and a loaded failure file's). */
export const timelineMarkerSchema = z.strictObject({
  atMs: z.number().int().min(0),
  kind: z.enum(['entry', 'rejection', 'alert', 'person', 'fault', 'admin', 'harness', 'violation']),
  label: z.string().max(200),
  lockId: z.string().optional().describe('The lock it concerns, if one.'),
});
export type TimelineMarker = z.infer<typeof timelineMarkerSchema>;

/** `markers`: the timeline's markers in time order. */
export const markersResultSchema = z.strictObject({
  markers: z.array(timelineMarkerSchema).max(protocolLimits.markersMax),
  truncated: z
    .boolean()
    .describe('Some were left out (routine entries first, then the oldest; admin, faults and alerts stay).'),
});
export type MarkersResult = z.infer<typeof markersResultSchema>;

/** What a loaded failure file broke and the steps that led there. */
export const timelineFailureSchema = z.strictObject({
  invariant: z.string(),
  message: z.string(),
  atMs: z.number().int().min(0).describe('When the invariant broke: where the page lands.'),
  summary: z.string().describe("The file's summary (a plain-words line made from an older file's fields)."),
  lockId: z.string().optional().describe('The lock the violation names, if one.'),
  steps: z
    .array(
      z.strictObject({
        atMs: z.number().int().min(0),
        text: z.string(),
        kind: timelineMarkerSchema.shape.kind,
      }),
    )
    .max(protocolLimits.timelineStepsMax)
    .describe("Every step in order, the harness's repairs labelled harness (those nearest the violation)."),
  story: z.array(z.string()).max(200).describe('The narrated run, when the file has one.'),
  markers: z.array(timelineMarkerSchema).max(protocolLimits.markersMax),
});
export type TimelineFailure = z.infer<typeof timelineFailureSchema>;

/** `load-timeline`: the timeline now loaded. */
export const loadTimelineResultSchema = z.strictObject({
  name: z.string(),
  durationMs: z.number().int().min(0).describe('Its end: state-at takes ms from 0 to this.'),
  failure: timelineFailureSchema.optional().describe('For a failure file: what broke, where, and how.'),
});
export type LoadTimelineResult = z.infer<typeof loadTimelineResultSchema>;

/** `export`: the session as a scenario file (see Export and replay). */
export const exportResultSchema = z
  .record(z.string(), z.unknown())
  .describe('The session as a scenario file: replaying it gives the same fingerprint.');

/** WebSocket close code for a client that does not read fast enough (see docs/protocol.md, back-pressure). */
export const closeCodeTooSlow = 4008;
/** WebSocket close code for a connection without a valid token (none in time, unknown, expired, revoked). */
export const closeCodeUnauthorized = 4401;
/** WebSocket close code once the live session has ended (the twin failed); the server itself keeps serving. */
export const closeCodeSessionEnded = 4500;
