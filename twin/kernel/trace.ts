/**
 * The trace: the run's record. Every event is one canonical JSON line carrying its sequence number and virtual
 * time; a rolling SHA-256 over the lines is the run's fingerprint (design.md, determinism rule 5).
 */
import { Buffer } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

/** Any JSON value; inputs read from files carry nested objects (an admin action's arguments). */
export type TraceFieldValue = JsonValue;
export type TraceFields = { readonly [field: string]: TraceFieldValue | undefined };

/** An event the trace can record: a kind, and (for most) the device it belongs to. */
export interface TraceEvent {
  readonly kind: string;
}

/**
 * How an event becomes a line: the device it belongs to and the fields written beside `seq`, `t` and `kind`.
 * Fields may include `kind` and `device` themselves (an event object is its own fields): reserved names win.
 */
export interface TraceEncoding<E extends TraceEvent> {
  readonly device: (event: E) => string | undefined;
  readonly fields: (event: E) => TraceFields;
  /**
   * Makes the writer of whole lines for one trace, faster from what the encoding knows of its events
   * (typed-line-encoder.ts); it must give the same text as the generic line from `device` and `fields`. Without
   * it, the generic line is written.
   */
  readonly lineEncoder?: () => LineEncoder<E>;
}

/** A flat event (`{ kind, device?, ...fields }`) as a line: its own fields, its own device. */
export interface FlatTraceEvent extends TraceEvent {
  readonly device?: string | undefined;
}
export const flatEventEncoding: TraceEncoding<FlatTraceEvent> = {
  device: (event) => event.device,
  fields: (event) => event as unknown as TraceFields,
};

/** Writes one event's line (no newline) from its sequence number and virtual time. */
export type LineEncoder<E extends TraceEvent> = (seq: number, tMs: number, event: E) => string;

/** One recorded event with the sequence number and virtual time the trace gave it. */
export interface Traced<E extends TraceEvent> {
  readonly seq: number;
  readonly tMs: number;
  readonly event: E;
}

export interface TraceOptions<E extends TraceEvent> {
  /** Called with each event as it is recorded. */
  readonly onEvent?: (traced: Traced<E>) => void;
  /** Called with each line (no newline) as it is recorded, e.g. to write JSON Lines to a file. */
  readonly onLine?: (line: string) => void;
  /** Keep up to this many lines in memory for comparison (0 = keep none). */
  readonly keepLinesMax?: number;
}

/** Lines are hashed in batches: one native call per batch instead of per event, same digest. */
const hashBatchChars = 64 * 1024;

export class Trace<E extends TraceEvent> {
  private readonly hash: Hash = createHash('sha256');
  private pendingText = '';
  private count = 0;
  private hashedBytes = 0;
  private readonly kept: string[] = [];
  private readonly keepLinesMax: number;
  private readonly onLine: ((line: string) => void) | undefined;
  private readonly onEvent: ((traced: Traced<E>) => void) | undefined;
  private readonly lineOf: LineEncoder<E>;

  constructor(
    private readonly nowMs: () => number,
    encoding: TraceEncoding<E>,
    options: TraceOptions<E> = {},
  ) {
    this.keepLinesMax = options.keepLinesMax ?? 0;
    this.onLine = options.onLine;
    this.onEvent = options.onEvent;
    this.lineOf = encoding.lineEncoder?.() ?? genericLineEncoder(encoding);
  }

  /** Records one event at the current virtual time and returns its sequence number. */
  record(event: E): number {
    const seq = this.count++;
    const tMs = this.nowMs();
    const line = this.lineOf(seq, tMs, event);
    this.pendingText += line + '\n';
    if (this.pendingText.length >= hashBatchChars) this.flushHash();
    if (this.kept.length < this.keepLinesMax) this.kept.push(line);
    this.onLine?.(line);
    this.onEvent?.({ seq, tMs, event });
    return seq;
  }

  get events(): number {
    return this.count;
  }

  /** Bytes of JSON Lines text (UTF-8, newlines included) recorded so far: what the fingerprint is taken over. */
  get bytes(): number {
    this.flushHash();
    return this.hashedBytes;
  }

  /** The fingerprint of everything recorded so far (hex SHA-256 of the JSON Lines text). */
  fingerprint(): string {
    this.flushHash();
    return this.hash.copy().digest('hex');
  }

  /** The lines kept in memory (see `keepLinesMax`). */
  lines(): readonly string[] {
    return this.kept;
  }

  private flushHash(): void {
    if (this.pendingText.length === 0) return;
    this.hashedBytes += Buffer.byteLength(this.pendingText);
    this.hash.update(this.pendingText);
    this.pendingText = '';
  }
}

/** The generic line of an encoding's events: from their device and fields, key orders cached per shape. */
export function genericLineEncoder<E extends TraceEvent>(
  encoding: Pick<TraceEncoding<E>, 'device' | 'fields'>,
): LineEncoder<E> {
  const keyOrders = new KeyOrderCache();
  return (seq, tMs, event) =>
    canonicalLine(seq, tMs, event.kind, encoding.device(event), encoding.fields(event), keyOrders);
}

/**
 * Sorted key orders by event shape: most events of a kind carry the same fields in the same order, so the sort is
 * done once per shape (a trace holds a few dozen shapes; the cache is per trace and bounded).
 */
export class KeyOrderCache {
  private readonly orders = new Map<
    string,
    { readonly fieldKeys: readonly string[]; readonly sorted: readonly string[] }
  >();
  private static readonly shapesMax = 1_024;

  sortedKeys(kind: string, hasDevice: boolean, fieldKeys: readonly string[]): readonly string[] {
    const shape = hasDevice ? kind : `${kind}\u0000`;
    const cached = this.orders.get(shape);
    if (cached !== undefined && sameKeys(cached.fieldKeys, fieldKeys)) return cached.sorted;
    const sorted = [...fieldKeys, 'seq', 't', 'kind', ...(hasDevice ? ['device'] : [])].sort();
    if (this.orders.size < KeyOrderCache.shapesMax)
      this.orders.set(shape, { fieldKeys: [...fieldKeys], sorted });
    return sorted;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The canonical JSON of one event, written directly: the same text `canonicalJson` gives for
 * `{ ...fields, seq, t, kind, device }` (a test holds the two together), without building that object. Events of
 * kinds without a typed encoding, and inputs, are written this way.
 */
export function canonicalLine(
  seq: number,
  tMs: number,
  kind: string,
  device: string | undefined,
  fields: TraceFields | undefined,
  cache: KeyOrderCache = new KeyOrderCache(),
): string {
  const keys = cache.sortedKeys(kind, device !== undefined, fields === undefined ? [] : Object.keys(fields));
  let line = '{';
  let previousKey = '';
  for (const key of keys) {
    if (key === previousKey) continue; // a field named like a reserved key: the reserved value wins
    previousKey = key;
    let value: TraceFieldValue | undefined;
    if (key === 'seq' || key === 't' || key === 'kind' || key === 'device') {
      // Reserved names win over fields of the same name, as in the object spread they stand for.
      value = key === 'seq' ? seq : key === 't' ? tMs : key === 'kind' ? kind : device;
    } else {
      value = (fields as TraceFields)[key];
    }
    if (value === undefined) continue;
    // Field names come from the twin's code (identifiers), so they need no escaping.
    const text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : typeof value === 'number' && Number.isFinite(value)
          ? String(value) // same text as JSON.stringify for finite numbers
          : typeof value === 'boolean'
            ? value
              ? 'true'
              : 'false'
            : canonicalJson(value as JsonValue);
    line += (line.length === 1 ? '"' : ',"') + key + '":' + text;
  }
  return line + '}';
}

/** Where two traces part: the index of the first differing line and both lines (undefined past an end). */
export interface TraceDivergence {
  readonly index: number;
  readonly left: string | undefined;
  readonly right: string | undefined;
}

/** The first event where two traces differ, or undefined when they are identical. */
export function firstDivergence(
  left: readonly string[],
  right: readonly string[],
): TraceDivergence | undefined {
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) {
    if (left[index] !== right[index]) return { index, left: left[index], right: right[index] };
  }
  return undefined;
}

/** The SHA-256 fingerprint of a list of trace lines, as `Trace.fingerprint()` computes it. */
export function fingerprintOf(lines: readonly string[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line + '\n');
  return hash.digest('hex');
}
