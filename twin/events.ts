/**
 * Every kind of event the twin records in its trace, with its fields: one discriminated union, so that the
 * devices write typed events and every reader (invariants, expectations, the narrator, the live hub) switches on
 * `kind` and reads typed fields. `device` names the device (or actor) the event belongs to.
 *
 * An event's trace line is its fields with `seq` and `t` added, in canonical JSON (kernel/trace.ts). An `input`
 * event's line holds the input's own fields; a field named like a reserved key (`device`, as a power input has)
 * is left out of the line, as it always has been, so fingerprints hold.
 */
import type { AuditEvent } from './access/audit-event.ts';
import type { AdminActionName } from './inputs/admin-action-names.ts';
import type { TwinInput } from './inputs/input-schema.ts';
import {
  genericLineEncoder,
  type Trace,
  type TraceEncoding,
  type TraceFields,
  type Traced,
} from './kernel/trace.ts';
import { createTypedLineEncoder, type LineFieldTable } from './kernel/typed-line-encoder.ts';

/** A device event: its kind, the device it belongs to, and its own fields (one member per kind). */
type DeviceEvent<Kind extends string, Fields = unknown> = Kind extends string
  ? { readonly kind: Kind; readonly device: string } & (unknown extends Fields ? unknown : Fields)
  : never;

export type BoltEventKind = 'lock.unlocked' | 'lock.locked' | 'lock.office-mode';
export type RadioMessage =
  | 'audit'
  | 'audit-ack'
  | 'hb'
  | 'hb-ack'
  | 'data'
  | 'data-ack'
  | 'command'
  | 'command-ack'
  | 'fw-block'
  | 'fw-block-ack';

export type TwinEvent =
  | { readonly kind: 'twin.start'; readonly site: string; readonly seed: number }
  | { readonly kind: 'input'; readonly input: TwinInput }
  | DeviceEvent<
      'ble.tap',
      {
        readonly aimed: string;
        readonly taken: string | null;
        readonly rssi: number | null;
        /** `lock:rssi` of every lock that heard the tap. */
        readonly heard: readonly string[];
      }
    >
  | DeviceEvent<
      'radio.hop',
      {
        readonly to: string;
        readonly msg: RadioMessage;
        readonly ok: boolean;
        readonly tries: number;
        readonly rssi: number;
      }
    >
  | DeviceEvent<
      'radio.dropped',
      { readonly msg: RadioMessage; readonly reason: 'sender-down' | 'receiver-down' }
    >
  | DeviceEvent<
      'lock.audit',
      {
        readonly auditSeq: number;
        readonly category: string;
        readonly detail: string;
        readonly user: string | null;
        readonly credential: string | null;
        readonly method: NonNullable<AuditEvent['method']> | null;
      }
    >
  | DeviceEvent<BoltEventKind>
  | DeviceEvent<'lock.door-open-seen' | 'lock.door-closed-seen'>
  /** A motor run ended: the outside handle now moves the latch (free) or not (blocked). */
  | DeviceEvent<'lock.motor', { readonly handle: 'free' | 'blocked' }>
  | DeviceEvent<'lock.clock', { readonly offsetMs: number }>
  | DeviceEvent<'lock.access-data', { readonly version: number }>
  | DeviceEvent<'door.opened', { readonly insideHandle: boolean } | { readonly forced: true }>
  | DeviceEvent<'door.closed'>
  | DeviceEvent<'door.stays-shut', { readonly reason: 'locked' }>
  | DeviceEvent<'repeater.power' | 'iq.power' | 'phone.internet', { readonly on: boolean }>
  /** A phone's app applied a key sync from the cloud: it now holds a key or none. */
  | DeviceEvent<'phone.key', { readonly revision: number; readonly held: boolean }>
  /** A tap at `aimed` by a phone whose app holds no key: nothing is presented. */
  | DeviceEvent<'phone.no-key', { readonly aimed: string }>
  | DeviceEvent<'iq.cloud', { readonly connected: boolean }>
  | DeviceEvent<'iq.lock-offline', { readonly lock: string; readonly missed: number }>
  | DeviceEvent<'iq.lock-online', { readonly lock: string }>
  | DeviceEvent<'iq.audit-held-back', { readonly lock: string; readonly events: number }>
  | DeviceEvent<'iq.data' | 'iq.data-landed', { readonly lock: string; readonly version: number }>
  | DeviceEvent<'cloud.entries', { readonly lock: string; readonly events: number; readonly ackSeq: number }>
  | DeviceEvent<'cloud.command', { readonly id: number; readonly command: string; readonly user: string }>
  | DeviceEvent<
      'cloud.command-result',
      { readonly id: number; readonly ok: boolean; readonly code: number | null }
    >
  | DeviceEvent<
      'admin.result',
      { readonly action: AdminActionName; readonly label: string | null; readonly code: number | null }
    >;

export type TwinEventKind = TwinEvent['kind'];
/** The event of one kind, for readers that take one. */
export type TwinEventOf<Kind extends TwinEventKind> = Extract<TwinEvent, { readonly kind: Kind }>;
/** The twin's trace: it records twin events. */
export type TwinTrace = Trace<TwinEvent>;
/** An event with the sequence number and virtual time the trace gave it. */
export type TracedTwinEvent = Traced<TwinEvent>;

/**
 * The fields of every kind's line, for the typed line encoder: adding a field to an event above means adding it
 * here (the type allows only real field names; a test compares these lines with the generic ones over whole runs).
 * Inputs carry the fields of whichever input they are, so they are written by the generic encoder.
 */
const twinEventLineFields: LineFieldTable<TwinEvent> = {
  'twin.start': ['site', 'seed'],
  input: 'generic',
  'ble.tap': ['device', 'aimed', 'taken', 'rssi', 'heard'],
  'radio.hop': ['device', 'to', 'msg', 'ok', 'tries', 'rssi'],
  'radio.dropped': ['device', 'msg', 'reason'],
  'lock.audit': ['device', 'auditSeq', 'category', 'detail', 'user', 'credential', 'method'],
  'lock.unlocked': ['device'],
  'lock.locked': ['device'],
  'lock.office-mode': ['device'],
  'lock.door-open-seen': ['device'],
  'lock.door-closed-seen': ['device'],
  'lock.motor': ['device', 'handle'],
  'lock.clock': ['device', 'offsetMs'],
  'lock.access-data': ['device', 'version'],
  'door.opened': ['device', 'insideHandle', 'forced'],
  'door.closed': ['device'],
  'door.stays-shut': ['device', 'reason'],
  'repeater.power': ['device', 'on'],
  'iq.power': ['device', 'on'],
  'phone.internet': ['device', 'on'],
  'phone.key': ['device', 'revision', 'held'],
  'phone.no-key': ['device', 'aimed'],
  'iq.cloud': ['device', 'connected'],
  'iq.lock-offline': ['device', 'lock', 'missed'],
  'iq.lock-online': ['device', 'lock'],
  'iq.audit-held-back': ['device', 'lock', 'events'],
  'iq.data': ['device', 'lock', 'version'],
  'iq.data-landed': ['device', 'lock', 'version'],
  'cloud.entries': ['device', 'lock', 'events', 'ackSeq'],
  'cloud.command': ['device', 'id', 'command', 'user'],
  'cloud.command-result': ['device', 'id', 'ok', 'code'],
  'admin.result': ['device', 'action', 'label', 'code'],
};

const twinEventDevice = (event: TwinEvent): string | undefined =>
  event.kind === 'input' || event.kind === 'twin.start' ? undefined : event.device;
// Inputs are validated JSON (admin arguments included), so they encode as JSON.
const twinEventFields = (event: TwinEvent): TraceFields =>
  (event.kind === 'input' ? event.input : event) as unknown as TraceFields;

/**
 * How a twin event becomes a trace line: an input's line holds the input's fields, any other the event's own.
 * Lines are written by the typed encoder; `device` and `fields` say what they hold (the generic encoding).
 */
export const twinEventEncoding: TraceEncoding<TwinEvent> = {
  device: twinEventDevice,
  fields: twinEventFields,
  lineEncoder: () =>
    createTypedLineEncoder(
      twinEventLineFields,
      genericLineEncoder({ device: twinEventDevice, fields: twinEventFields }),
    ),
};

/** An event as readers outside the twin see it on the wire: kind and device, and the other fields apart. */
export interface TraceRecord {
  readonly seq: number;
  readonly tMs: number;
  readonly kind: TwinEventKind;
  readonly device: string | undefined;
  readonly fields: TraceFields;
}

/** The wire record of a traced event: the same fields its trace line holds. */
export function toTraceRecord({ seq, tMs, event }: TracedTwinEvent): TraceRecord {
  const { kind: _kind, device: _device, ...fields } = twinEventEncoding.fields(event);
  return { seq, tMs, kind: event.kind, device: twinEventEncoding.device(event), fields };
}
