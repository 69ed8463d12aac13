import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
import {
  CloudError,
  UnknownDeviceError,
  adminActionNames,
  alertKinds,
  errorTable,
  external_exports,
  issueMessage,
  parseScenario,
  prepareRun,
  twinInputSchema
} from "./chunk-CQWBGAMY.mjs";

// api/device-view.ts
var DeviceView = class {
  constructor(twin) {
    this.twin = twin;
    this.spec = twin.spec;
    const doorName = new Map(this.spec.doors.map((door) => [door.id, door.name ?? door.id]));
    this.lockNames = new Map(
      this.spec.locks.map((lock) => [lock.id, lock.name ?? doorName.get(lock.door) ?? lock.id])
    );
    this.lockSpecs = new Map(this.spec.locks.map((lock) => [lock.id, lock]));
    this.iqSpecs = new Map(this.spec.iqs.map((iq) => [iq.id, iq]));
    this.repeaterSpecs = new Map(this.spec.repeaters.map((repeater) => [repeater.id, repeater]));
  }
  twin;
  spec;
  lockNames;
  lockSpecs;
  iqSpecs;
  repeaterSpecs;
  snapshot() {
    const twin = this.twin;
    return {
      locks: this.spec.locks.map((lock) => this.lockState(lock.id)),
      iqs: this.spec.iqs.map((iq) => this.iqState(iq.id)),
      repeaters: this.spec.repeaters.map((repeater) => this.repeaterState(repeater.id)),
      links: [...twin.topology.parentOf].map(([child, parent]) => ({
        from: child,
        to: parent,
        rssiDbm: Math.round(twin.linkRssiDbm(child, parent) * 10) / 10
      })),
      alerts: this.alerts()
    };
  }
  /** One lock's entry of the snapshot. Throws for an unknown lock. */
  lockState(lockId) {
    const lock = this.lockSpecs.get(lockId);
    if (lock === void 0) throw new RangeError(`no lock "${lockId}"`);
    return {
      ...this.twin.lockView(lock.id),
      name: this.lockNames.get(lock.id) ?? lock.id,
      kind: lock.kind,
      doorId: lock.door,
      x: lock.position.x,
      y: lock.position.y,
      iq: lock.iq
    };
  }
  /** One IQ's entry of the snapshot. Throws for an unknown IQ. */
  iqState(iqId) {
    const iq = this.iqSpecs.get(iqId);
    if (iq === void 0) throw new RangeError(`no IQ "${iqId}"`);
    const view = this.twin.iqView(iq.id);
    return {
      id: iq.id,
      x: iq.position.x,
      y: iq.position.y,
      connected: view.connected,
      powered: view.powered,
      sync: view.sync
    };
  }
  /** One repeater's entry of the snapshot. Throws for an unknown repeater. */
  repeaterState(repeaterId) {
    const repeater = this.repeaterSpecs.get(repeaterId);
    if (repeater === void 0) throw new RangeError(`no repeater "${repeaterId}"`);
    const view = this.twin.repeaterView(repeater.id);
    return {
      id: repeater.id,
      x: repeater.position.x,
      y: repeater.position.y,
      iq: repeater.iq,
      powered: view.powered,
      parent: view.parent
    };
  }
  /** The active alerts, in the order raised. */
  alerts() {
    return this.twin.cloud.alerts.active().map((alert) => ({ lockId: alert.lockId, kind: alert.kind, raisedUtcMs: alert.raisedUtcMs }));
  }
};
function devicesOf(twin) {
  return new DeviceView(twin).snapshot();
}
var entriesScanMax = 2e4;
function newestEntries(twin, max, devices) {
  const stored = twin.entries.entries();
  const picked = [];
  for (let index = stored.length - 1; index >= 0 && index >= stored.length - entriesScanMax && picked.length < max; index--) {
    const entry = stored[index];
    if (devices === void 0 || devices.has(entry.lockId)) picked.push(entry);
  }
  return picked.reverse();
}

// api/live/command-outcome.ts
function accepted(result) {
  return { ok: true, result };
}

// api/pacer.ts
var speedMax = 86400;
var tickAdvanceMaxMs = 6e4 * 60;
var Pacer = class {
  constructor(options) {
    this.options = options;
    this.currentSpeed = checkedSpeed(options.speed);
    this.tickMs = options.tickMs ?? 50;
  }
  options;
  timer;
  lastWallMs = 0;
  currentSpeed;
  tickMs;
  get paused() {
    return this.timer === void 0;
  }
  get speed() {
    return this.currentSpeed;
  }
  setSpeed(speed) {
    this.currentSpeed = checkedSpeed(speed);
  }
  resume() {
    if (this.timer !== void 0) return;
    this.lastWallMs = performance.now();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref?.();
  }
  pause() {
    if (this.timer === void 0) return;
    clearInterval(this.timer);
    this.timer = void 0;
  }
  /** Never throws: a timer's exception would end the process, so a failing tick stops the pacer instead. */
  tick() {
    try {
      const wallMs = performance.now();
      const advanceMs = Math.min(
        tickAdvanceMaxMs,
        Math.floor((wallMs - this.lastWallMs) * this.currentSpeed)
      );
      if (advanceMs < 1) return;
      this.lastWallMs = wallMs;
      this.options.advanceTo(this.options.nowMs() + advanceMs);
    } catch (error) {
      this.pause();
      this.options.onError(error);
    }
  }
};
function checkedSpeed(speed) {
  if (!(speed > 0 && speed <= speedMax))
    throw new RangeError(`speed must be in (0, ${speedMax}], got ${speed}`);
  return speed;
}

// api/live/refusals.ts
var refusalKinds = [
  "bad-json",
  "bad-message",
  "unknown-device",
  "session-full",
  "session-ended",
  "busy",
  "rate-limited",
  "too-long",
  "twin-error"
];
var refusalCodeSchema = external_exports.union([external_exports.number().int(), external_exports.enum(refusalKinds)]);
function refusal(code, message, path) {
  return path === void 0 ? { ok: false, code, message } : { ok: false, code, message, path };
}
var parseOptions = { error: issueMessage, reportInput: true };
function badField(path, message) {
  return refusal("bad-message", `${path}: ${message}`, path);
}
function badMessage(error, prefix) {
  const issue = error.issues[0];
  const unknownKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : void 0;
  const parts = [
    prefix,
    ...issue?.path.map(String) ?? [],
    ...unknownKey === void 0 ? [] : [unknownKey]
  ];
  const path = parts.filter((part) => part !== "").join(".");
  const message = issue === void 0 ? "invalid" : unknownKey === void 0 ? issue.message : "is not a field of this message";
  return path === "" ? refusal("bad-message", `(message): ${message}`) : badField(path, message);
}
function badSpec(errors, prefix, otherwise) {
  const first = errors[0];
  return first === void 0 ? badField(prefix, otherwise) : badField(`${prefix}.${first.path}`, first.message);
}
function cloudRefusal(code) {
  const row = errorTable[code];
  return refusal(
    code,
    row === void 0 ? `cloud error ${code}` : row.message.replace("{parameterName}", "parameter")
  );
}
var SessionRefusalError = class extends Error {
};
var SessionFullError = class extends SessionRefusalError {
  constructor(inputsMax) {
    super(`the live session keeps at most ${inputsMax} inputs; it takes no more`);
    this.inputsMax = inputsMax;
    this.name = "SessionFullError";
  }
  inputsMax;
};
var SessionEndedError = class extends SessionRefusalError {
  constructor(reason) {
    super(`the live session has ended: ${reason}`);
    this.reason = reason;
    this.name = "SessionEndedError";
  }
  reason;
};
var InputTooDeepError = class extends SessionRefusalError {
  constructor(depthMax) {
    super(`an input nests at most ${depthMax} arrays and objects deep`);
    this.depthMax = depthMax;
    this.name = "InputTooDeepError";
  }
  depthMax;
};
function refusalOfError(error) {
  if (error instanceof CloudError) return refusal(error.code, error.message);
  if (error instanceof UnknownDeviceError) return refusal("unknown-device", error.message);
  if (error instanceof SessionFullError) return refusal("session-full", error.message);
  if (error instanceof SessionEndedError) return refusal("session-ended", error.message);
  if (error instanceof InputTooDeepError) return refusal("bad-message", error.message);
  if (error instanceof external_exports.ZodError) return badMessage(error, "command");
  return refusal("twin-error", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

// api/live/protocol.ts
var protocolLimits = {
  /** Correlation ids of commands. */
  commandIdCharsMax: 128,
  /** Ids in a subscription's device filter. */
  filterDevicesMax: 4096,
  /** Trace kinds in a subscription's kind filter. */
  filterKindsMax: 256,
  /** Entries a snapshot carries (the newest). */
  snapshotEntriesMax: 50,
  /** Virtual time one `step`/`advance` may run (a day, what the fastest speed runs in a wall second). */
  advanceMsMax: 864e5,
  /** Virtual time `state-at` replays at most (a session or loaded timeline longer than this is refused). */
  replayMsMax: 7 * 864e5,
  /** Wall time a `state-at` replay may take (it runs on a worker thread); past it the replay is stopped. */
  replayWallMsMax: 3e4,
  /** Bytes of one frame (the WebSocket closes a larger one with 1009). */
  frameBytesMax: 64 * 1024,
  /** Nesting of arrays and objects in one frame (the message itself is depth 1). */
  frameDepthMax: 32,
  /** Frames of one connection waiting to be handled; past this a frame is answered `busy` at once. */
  framesQueuedMax: 32,
  /** Wall time a connection without a token has to send its `auth` message. */
  authDeadlineMs: 5e3
};
var rateLimits = {
  perConnection: { points: 50, durationSeconds: 1 },
  perUser: { points: 200, durationSeconds: 1 }
};
var liveSubprotocol = "lockstep-live";
var bearerSubprotocolPrefix = "bearer.";
var id = external_exports.string().min(1).max(200);
var ms = external_exports.number().int().min(0).max(protocolLimits.advanceMsMax);
var subscriptionFilterSchema = external_exports.strictObject({
  devices: external_exports.array(id).max(protocolLimits.filterDevicesMax).optional().describe(
    "Only events, deltas and entries of these devices (locks, doors, IQs, repeaters, phones, tags, users of the site); a lock's id also selects its door. Absent: every device."
  ),
  kinds: external_exports.array(external_exports.string().min(1).max(100)).max(protocolLimits.filterKindsMax).optional().describe(
    "Only events of these trace kinds. Absent: every kind but radio.hop (sent only when named here)."
  )
});
var subscribeMessageSchema = external_exports.strictObject({
  type: external_exports.literal("subscribe"),
  filter: subscriptionFilterSchema.optional()
});
var unsubscribeMessageSchema = external_exports.strictObject({ type: external_exports.literal("unsubscribe") });
var authMessageSchema = external_exports.strictObject({
  type: external_exports.literal("auth"),
  token: external_exports.string().min(1).max(512).describe("A bearer token of the REST API (POST /connect/token), the same one REST takes.")
}).describe(
  "The connection's token, when it did not come as a subprotocol: the first message, within the auth deadline."
);
var commandMessageSchema = external_exports.strictObject({
  type: external_exports.literal("command"),
  id: external_exports.string().min(1).max(protocolLimits.commandIdCharsMax).describe("The client's correlation id, echoed by the ack or error."),
  command: external_exports.looseObject({ action: external_exports.string() }).describe("One of the commands, by its action (each has its own schema).")
});
var controlCommandSchemas = {
  pause: external_exports.strictObject({ action: external_exports.literal("pause") }),
  resume: external_exports.strictObject({ action: external_exports.literal("resume") }),
  step: external_exports.strictObject({ action: external_exports.literal("step"), ms }),
  advance: external_exports.strictObject({ action: external_exports.literal("advance"), ms }),
  speed: external_exports.strictObject({ action: external_exports.literal("speed"), x: external_exports.number().positive().max(speedMax) }),
  export: external_exports.strictObject({ action: external_exports.literal("export") }),
  "remote-open": external_exports.strictObject({ action: external_exports.literal("remote-open"), lock: id }).describe("Sent as the connection's user (its token's), with that user's rights."),
  "office-mode": external_exports.strictObject({ action: external_exports.literal("office-mode"), lock: id, on: external_exports.boolean() }).describe("Sent as the connection's user (its token's), with that user's rights."),
  admin: external_exports.strictObject({
    action: external_exports.literal("admin"),
    op: external_exports.enum(adminActionNames).describe("Acted by the connection's user (its token's)."),
    args: external_exports.array(external_exports.unknown()).max(16).default([]),
    label: external_exports.string().max(200).optional()
  }),
  "state-at": external_exports.strictObject({
    action: external_exports.literal("state-at"),
    ms: external_exports.number().int().min(0).max(protocolLimits.replayMsMax).describe(
      "Virtual time to rebuild, 0 up to the timeline's end (the session's: now); 7 days at most."
    ),
    source: external_exports.enum(["session", "loaded"]).default("session").describe("The live session (replayed from its export) or this connection's loaded timeline.")
  }).describe(
    "The state at a virtual time, rebuilt by replay on a fresh twin. Ack result: { virtualMs, devices (as in a snapshot), entries (the newest, at most 50, up to then) }."
  ),
  "load-timeline": external_exports.strictObject({
    action: external_exports.literal("load-timeline"),
    file: external_exports.record(external_exports.string(), external_exports.unknown()).describe("A scenario file (has site, no format) or a failure file (format lockstep-failure/1).")
  }).describe(
    "Keeps a scenario or failure file as this connection's timeline (one at a time) for state-at with source loaded. Ack result: { name, durationMs }."
  )
};
var controlCommandSchema = external_exports.discriminatedUnion("action", [
  controlCommandSchemas.pause,
  controlCommandSchemas.resume,
  controlCommandSchemas.step,
  controlCommandSchemas.advance,
  controlCommandSchemas.speed,
  controlCommandSchemas.export,
  controlCommandSchemas["remote-open"],
  controlCommandSchemas["office-mode"],
  controlCommandSchemas.admin,
  controlCommandSchemas["state-at"],
  controlCommandSchemas["load-timeline"]
]);
function isControlAction(action) {
  return Object.hasOwn(controlCommandSchemas, action);
}
var inputCommandSchemas = new Map(
  twinInputSchema.options.filter((option) => option.shape.type.value !== "admin").map((option) => {
    const action = option.shape.type.value;
    return [
      action,
      option.omit({ type: true }).extend({ action: external_exports.literal(action) })
    ];
  })
);
function isInputAction(action) {
  return inputCommandSchemas.has(action);
}
var seq = external_exports.number().int().min(1).describe("Per connection: 1 for the first snapshot, then consecutive.");
var virtualMs = external_exports.number().int().min(0).describe("Virtual time, in milliseconds since the start of the run.");
var liveStatusSchema = external_exports.strictObject({
  virtualMs,
  utc: external_exports.string(),
  paused: external_exports.boolean(),
  speed: external_exports.number(),
  events: external_exports.number().int().min(0),
  traceHash: external_exports.string()
});
var lockStateSchema = external_exports.strictObject({
  id: external_exports.string(),
  bolt: external_exports.enum(["locked", "unlocked", "officeMode"]),
  officeMode: external_exports.enum(["manual", "easy"]).optional().describe("Present only when bolt is officeMode."),
  door: external_exports.enum(["closed", "open", "notClosed"]),
  battery: external_exports.string(),
  online: external_exports.boolean().describe("The IQ's view: heartbeats answered."),
  accessVersion: external_exports.number().int(),
  auditBuffered: external_exports.number().int().min(0),
  parent: external_exports.string().optional().describe("The IQ or repeater the lock hangs from (absent: out of reach of all)."),
  name: external_exports.string(),
  kind: external_exports.string(),
  doorId: external_exports.string(),
  x: external_exports.number(),
  y: external_exports.number(),
  iq: external_exports.string()
});
var iqStateSchema = external_exports.strictObject({
  id: external_exports.string(),
  x: external_exports.number(),
  y: external_exports.number(),
  connected: external_exports.boolean(),
  powered: external_exports.boolean(),
  sync: external_exports.enum(["synced", "pending", "failed"])
});
var repeaterStateSchema = external_exports.strictObject({
  id: external_exports.string(),
  x: external_exports.number(),
  y: external_exports.number(),
  iq: external_exports.string(),
  powered: external_exports.boolean(),
  parent: external_exports.string().optional()
});
var alertStateSchema = external_exports.strictObject({
  lockId: external_exports.string(),
  kind: external_exports.enum(alertKinds),
  raisedUtcMs: external_exports.number()
});
var deviceSnapshotSchema = external_exports.strictObject({
  locks: external_exports.array(lockStateSchema),
  iqs: external_exports.array(iqStateSchema),
  repeaters: external_exports.array(repeaterStateSchema),
  links: external_exports.array(external_exports.strictObject({ from: external_exports.string(), to: external_exports.string(), rssiDbm: external_exports.number() })),
  alerts: external_exports.array(alertStateSchema)
});
var entrySchema = external_exports.strictObject({
  lockId: external_exports.string(),
  auditSeq: external_exports.number().int().min(0),
  atMs: external_exports.number().describe("When the lock recorded it, by its own clock (virtual ms)."),
  utcDateTime: external_exports.string(),
  localDateTime: external_exports.string(),
  receivedMs: external_exports.number().describe("When the cloud received it (virtual ms)."),
  category: external_exports.string(),
  detail: external_exports.string(),
  userId: external_exports.string().optional(),
  method: external_exports.enum(["tag", "digital_key", "pin_code", "remote", "inside_handle"]).optional()
});
var snapshotMessageSchema = external_exports.strictObject({
  type: external_exports.literal("snapshot"),
  seq,
  virtualMs,
  status: liveStatusSchema,
  devices: deviceSnapshotSchema,
  entries: external_exports.array(entrySchema).max(protocolLimits.snapshotEntriesMax)
});
var eventMessageSchema = external_exports.strictObject({
  type: external_exports.literal("event"),
  seq,
  virtualMs,
  kind: external_exports.string(),
  device: external_exports.string().nullable().describe("The device the event is about; null when none (e.g. input)."),
  fields: external_exports.record(external_exports.string(), external_exports.unknown()).describe("The event's other fields, as in the trace."),
  traceSeq: external_exports.number().int().min(0).describe("The event's own number in the twin's trace (its line in a --trace file).")
});
var deltaBase = { type: external_exports.literal("delta"), seq, virtualMs };
var deltaMessageSchema = external_exports.discriminatedUnion("collection", [
  external_exports.strictObject({
    ...deltaBase,
    collection: external_exports.literal("locks"),
    device: external_exports.string(),
    state: lockStateSchema
  }),
  external_exports.strictObject({ ...deltaBase, collection: external_exports.literal("iqs"), device: external_exports.string(), state: iqStateSchema }),
  external_exports.strictObject({
    ...deltaBase,
    collection: external_exports.literal("repeaters"),
    device: external_exports.string(),
    state: repeaterStateSchema
  }),
  external_exports.strictObject({
    ...deltaBase,
    collection: external_exports.literal("alerts"),
    device: external_exports.literal("alerts"),
    state: external_exports.strictObject({ alerts: external_exports.array(alertStateSchema) }).describe("The whole new list of active alerts.")
  })
]);
var entryMessageSchema = external_exports.strictObject({
  type: external_exports.literal("entry"),
  seq,
  virtualMs,
  entry: entrySchema
});
var statusMessageSchema = liveStatusSchema.extend({ type: external_exports.literal("status") });
var ackMessageSchema = external_exports.strictObject({
  type: external_exports.literal("ack"),
  id: external_exports.string(),
  result: external_exports.unknown().describe("The command's result (see each command).")
});
var errorMessageSchema = external_exports.strictObject({
  type: external_exports.literal("error"),
  id: external_exports.string().nullable().describe("The command's id; null when the message had none readable (not JSON, not a command)."),
  code: refusalCodeSchema.describe(
    "The error table's code for a cloud refusal, or one of the protocol's own."
  ),
  message: external_exports.string(),
  path: external_exports.string().optional().describe("The field at fault (bad-message, unknown-device).")
});
var serverMessageSchema = external_exports.union([
  snapshotMessageSchema,
  eventMessageSchema,
  deltaMessageSchema,
  entryMessageSchema,
  statusMessageSchema,
  ackMessageSchema,
  errorMessageSchema
]);
var appliedResultSchema = external_exports.strictObject({
  appliedAtMs: virtualMs.describe("The virtual time the input was applied at.")
});
var lockCommandResultSchema = external_exports.strictObject({
  appliedAtMs: virtualMs.describe("The virtual time the command was issued at."),
  command: external_exports.strictObject({
    id: external_exports.number().int(),
    kind: external_exports.enum(["open", "office-mode-on", "office-mode-off"]),
    lockId: external_exports.string(),
    userId: external_exports.string(),
    issuedMs: external_exports.number(),
    status: external_exports.enum(["pending", "succeeded", "failed"])
  })
});
var adminResultSchema = external_exports.strictObject({
  appliedAtMs: virtualMs.describe("The virtual time the action was applied at."),
  action: external_exports.enum(adminActionNames),
  settled: external_exports.boolean().describe("False for an action that travels to a lock and ends later (see the admin.result event).")
});
var timeResultSchema = liveStatusSchema.describe("The status after the command (as in status).");
var stateAtResultSchema = external_exports.strictObject({
  virtualMs,
  devices: deviceSnapshotSchema.describe("As in a snapshot."),
  entries: external_exports.array(entrySchema).max(protocolLimits.snapshotEntriesMax).describe("The newest entries received up to then, oldest first.")
});
var loadTimelineResultSchema = external_exports.strictObject({
  name: external_exports.string(),
  durationMs: external_exports.number().int().min(0).describe("Its end: state-at takes ms from 0 to this.")
});
var exportResultSchema = external_exports.record(external_exports.string(), external_exports.unknown()).describe("The session as a scenario file: replaying it gives the same fingerprint.");
var closeCodeTooSlow = 4008;
var closeCodeUnauthorized = 4401;
var closeCodeSessionEnded = 4500;

// api/live/replay.ts
function replayState(task) {
  try {
    const parsed = parseScenario(task.file);
    if (!parsed.ok)
      return refusal(
        "twin-error",
        `the timeline does not load: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join("; ")}`
      );
    const run = prepareRun(parsed.value, { untilMs: task.ms });
    run.twin.runUntil(task.ms);
    return accepted({
      virtualMs: run.twin.clock.now(),
      devices: devicesOf(run.twin),
      entries: newestEntries(run.twin, protocolLimits.snapshotEntriesMax)
    });
  } catch (error) {
    return refusalOfError(error);
  }
}
var replayInPlace = (task) => Promise.resolve(replayState(task));

export {
  DeviceView,
  newestEntries,
  refusal,
  parseOptions,
  badField,
  badMessage,
  badSpec,
  cloudRefusal,
  SessionRefusalError,
  SessionFullError,
  SessionEndedError,
  InputTooDeepError,
  refusalOfError,
  accepted,
  Pacer,
  protocolLimits,
  rateLimits,
  liveSubprotocol,
  bearerSubprotocolPrefix,
  subscribeMessageSchema,
  authMessageSchema,
  commandMessageSchema,
  controlCommandSchema,
  isControlAction,
  inputCommandSchemas,
  isInputAction,
  closeCodeTooSlow,
  closeCodeUnauthorized,
  closeCodeSessionEnded,
  replayState,
  replayInPlace
};
//# sourceMappingURL=chunk-7OVZZ53O.mjs.map
