/**
 * The live protocol as the browser sees it (WebSocket `/live`). Device and status shapes are the server's own
 * types (`api/live-twin.ts`, imported as types only, so nothing of the server reaches the bundle); the messages
 * around them are written down here. Everything that arrives is untrusted JSON: `parseServerMessage` checks the
 * fields the page relies on and drops a message that lacks them rather than let it break the page.
 */
import type { DeviceSnapshot, LiveStatus } from '../../api/live-twin.ts';

export type { DeviceSnapshot, LiveStatus };
export type LockState = DeviceSnapshot['locks'][number];
export type IqState = DeviceSnapshot['iqs'][number];
export type RepeaterState = DeviceSnapshot['repeaters'][number];
export type LinkState = DeviceSnapshot['links'][number];
export type AlertState = DeviceSnapshot['alerts'][number];
export type DeviceState = LockState | IqState | RepeaterState;

/** One row of the cloud's entries log. */
export interface EntryRow {
  readonly lockId: string;
  readonly auditSeq: number;
  /** Virtual time of the event, by the lock's clock. */
  readonly atMs: number;
  /** The same instant in UTC and in the site's local time (ISO 8601 without an offset). */
  readonly utcDateTime: string;
  readonly localDateTime: string;
  readonly category: string;
  readonly detail: string;
  readonly userId?: string | null;
  readonly method?: string | null;
}

export type ServerMessage =
  | { readonly type: 'hello' }
  | {
      readonly type: 'snapshot';
      readonly seq: number;
      readonly virtualMs: number;
      readonly status: LiveStatus;
      readonly devices: DeviceSnapshot;
      readonly entries: readonly EntryRow[];
    }
  | {
      readonly type: 'event';
      readonly seq: number;
      readonly virtualMs: number;
      readonly kind: string;
      readonly device?: string | null;
      readonly fields?: unknown;
    }
  | {
      readonly type: 'delta';
      readonly seq: number;
      readonly virtualMs: number;
      readonly collection?: 'locks' | 'iqs' | 'repeaters';
      readonly device: string;
      readonly state: DeviceState;
    }
  /** The server's delta of the alert list (`collection: 'alerts'`), told apart from device deltas here. */
  | {
      readonly type: 'alerts';
      readonly seq: number;
      readonly virtualMs: number;
      readonly alerts: readonly AlertState[];
    }
  | { readonly type: 'entry'; readonly seq: number; readonly virtualMs: number; readonly entry: EntryRow }
  | {
      readonly type: 'status';
      readonly seq?: number;
      readonly virtualMs?: number;
      readonly status: Partial<LiveStatus>;
    }
  | { readonly type: 'ack'; readonly id: string; readonly result: unknown }
  | {
      readonly type: 'error';
      readonly id?: string;
      readonly code: string | number;
      readonly message: string;
    };

export type Command =
  | { readonly action: 'present-tag'; readonly tag: string; readonly lock: string }
  | { readonly action: 'tap-phone'; readonly phone: string; readonly lock: string }
  | { readonly action: 'remote-open'; readonly user: string; readonly lock: string }
  | { readonly action: 'iq-internet'; readonly iq: string; readonly up: boolean }
  | {
      readonly action: 'interference';
      readonly x: number;
      readonly y: number;
      readonly radiusM: number;
      readonly lossProbability: number;
      readonly durationMs: number;
    }
  | { readonly action: 'pause' }
  | { readonly action: 'resume' }
  | { readonly action: 'step'; readonly ms: number }
  | { readonly action: 'speed'; readonly x: number }
  | { readonly action: 'export' }
  | { readonly action: 'state-at'; readonly ms: number; readonly source: 'session' | 'loaded' }
  | { readonly action: 'load-timeline'; readonly file: Record<string, unknown> };

/** The answer to `state-at`: the state at a virtual time, rebuilt by replay on the server. */
export interface ReplayedState {
  readonly virtualMs: number;
  readonly devices: DeviceSnapshot;
  readonly entries: readonly EntryRow[];
}

export type CommandOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly code: string | number; readonly message: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function hasPosition(value: unknown): value is Json & { id: string; x: number; y: number } {
  return isObject(value) && isString(value.id) && isNumber(value.x) && isNumber(value.y);
}

function isAlert(value: unknown): value is AlertState {
  return isObject(value) && isString(value.lockId) && isString(value.kind) && isNumber(value.raisedUtcMs);
}

export function isEntryRow(value: unknown): value is EntryRow {
  return (
    isObject(value) &&
    isString(value.lockId) &&
    isNumber(value.auditSeq) &&
    isNumber(value.atMs) &&
    isString(value.category)
  );
}

function isDevices(value: unknown): value is DeviceSnapshot {
  if (!isObject(value)) return false;
  const { locks, iqs, repeaters, links, alerts } = value;
  return (
    Array.isArray(locks) &&
    locks.every(hasPosition) &&
    Array.isArray(iqs) &&
    iqs.every(hasPosition) &&
    Array.isArray(repeaters) &&
    repeaters.every(hasPosition) &&
    (links === undefined || Array.isArray(links)) &&
    (alerts === undefined || Array.isArray(alerts))
  );
}

/** The devices of a snapshot with optional lists filled in, so the rest of the page never checks again. */
function normalizedDevices(devices: DeviceSnapshot): DeviceSnapshot {
  return {
    locks: devices.locks,
    iqs: devices.iqs,
    repeaters: devices.repeaters,
    links: devices.links ?? [],
    alerts: devices.alerts ?? [],
  };
}

/** A `state-at` result, checked as a snapshot's parts are; undefined when it lacks what the page needs. */
export function parseReplayedState(result: unknown): ReplayedState | undefined {
  if (!isObject(result) || !isNumber(result.virtualMs) || !isDevices(result.devices)) return undefined;
  const entries = Array.isArray(result.entries) ? result.entries.filter(isEntryRow) : [];
  return { virtualMs: result.virtualMs, devices: normalizedDevices(result.devices), entries };
}

/** The status fields a message carries: under `status`, or (tolerated) at the top level of a `status` message. */
function statusFields(json: Json): Partial<LiveStatus> {
  const source = isObject(json.status) ? json.status : json;
  const status: { -readonly [K in keyof LiveStatus]?: LiveStatus[K] } = {};
  if (isNumber(source.virtualMs)) status.virtualMs = source.virtualMs;
  if (isString(source.utc)) status.utc = source.utc;
  if (typeof source.paused === 'boolean') status.paused = source.paused;
  if (isNumber(source.speed)) status.speed = source.speed;
  if (isNumber(source.events)) status.events = source.events;
  if (isString(source.traceHash)) status.traceHash = source.traceHash;
  return status;
}

/** Parses one frame from the server; undefined for anything the page cannot use (it is then ignored). */
export function parseServerMessage(text: string): ServerMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(json) || !isString(json.type)) return undefined;
  const seq = isNumber(json.seq) ? json.seq : 0;
  const virtualMs = json.virtualMs;
  switch (json.type) {
    case 'hello':
      return { type: 'hello' };
    case 'snapshot': {
      if (!isNumber(virtualMs) || !isDevices(json.devices)) return undefined;
      const status = statusFields(json);
      const entries = Array.isArray(json.entries) ? json.entries.filter(isEntryRow) : [];
      return {
        type: 'snapshot',
        seq,
        virtualMs,
        status: { virtualMs, utc: '', paused: false, speed: 1, events: 0, traceHash: '', ...status },
        devices: normalizedDevices(json.devices),
        entries,
      };
    }
    case 'event':
      if (!isNumber(virtualMs) || !isString(json.kind)) return undefined;
      return {
        type: 'event',
        seq,
        virtualMs,
        kind: json.kind,
        device: isString(json.device) ? json.device : null,
        fields: json.fields,
      };
    case 'delta': {
      if (!isNumber(virtualMs) || !isString(json.device) || !isObject(json.state)) return undefined;
      if (json.collection === 'alerts') {
        const alerts = json.state.alerts;
        return Array.isArray(alerts)
          ? { type: 'alerts', seq, virtualMs, alerts: alerts.filter(isAlert) }
          : undefined;
      }
      const collection =
        json.collection === 'locks' || json.collection === 'iqs' || json.collection === 'repeaters'
          ? json.collection
          : undefined;
      return {
        type: 'delta',
        seq,
        virtualMs,
        ...(collection === undefined ? {} : { collection }),
        device: json.device,
        state: json.state as unknown as DeviceState,
      };
    }
    case 'entry':
      if (!isNumber(virtualMs) || !isEntryRow(json.entry)) return undefined;
      return { type: 'entry', seq, virtualMs, entry: json.entry };
    case 'status': {
      const status = statusFields(json);
      return { type: 'status', seq, ...(isNumber(virtualMs) ? { virtualMs } : {}), status };
    }
    case 'ack':
      return isString(json.id) ? { type: 'ack', id: json.id, result: json.result } : undefined;
    case 'error':
      return {
        type: 'error',
        ...(isString(json.id) ? { id: json.id } : {}),
        code: isString(json.code) || isNumber(json.code) ? json.code : 'error',
        message: isString(json.message) ? json.message : 'the server refused the request',
      };
    default:
      return undefined;
  }
}
