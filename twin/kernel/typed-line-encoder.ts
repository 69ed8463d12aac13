/**
 * Trace lines written from a table of each event kind's field names instead of from the event object's own keys:
 * the sorted key order of a kind is computed once, when the encoder is built, so recording an event reads its
 * fields in that order and never lists, sorts or compares keys. The text is exactly the canonical JSON of
 * `{ ...fields, seq, t, kind }` (a test holds the two together over whole runs), so fingerprints do not change.
 */
import { canonicalJson, type JsonValue } from './canonical-json.ts';
import type { LineEncoder, TraceEvent } from './trace.ts';

/** The field names of an event type besides `kind` (`device` included where the event has one). */
export type EventFieldName<E> = E extends unknown ? Exclude<keyof E, 'kind'> & string : never;

/**
 * For every kind of an event union: its field names (any order; the encoder sorts them), or `generic` for a kind
 * whose fields are not fixed (written by the generic encoder, which reads the object's own keys).
 */
export type LineFieldTable<E extends TraceEvent> = {
  readonly [Kind in E['kind']]: readonly EventFieldName<Extract<E, { readonly kind: Kind }>>[] | 'generic';
};

/** Where a key's value comes from: the trace's own stamps, the kind, or the event's field of that name. */
type Source = 'seq' | 't' | 'kind' | 'field';

/** One key of a kind's line, in sorted order, with its two possible prefixes (first key or after a comma). */
interface Step {
  readonly source: Source;
  readonly key: string;
  readonly firstPrefix: string;
  readonly laterPrefix: string;
}

/** A kind's line: its steps, and its `kind` value already quoted. */
interface KindPlan {
  readonly steps: readonly Step[];
  readonly quotedKind: string;
}

function planOf(kind: string, fieldNames: readonly string[]): KindPlan {
  // Reserved names win over fields of the same name (trace.ts); a table never lists them, so sort them in here.
  const keys = [...new Set([...fieldNames, 'seq', 't', 'kind'])].sort();
  const steps = keys.map((key): Step => {
    const source: Source = key === 'seq' || key === 't' || key === 'kind' ? key : 'field';
    // Field names come from the twin's code (identifiers), so they need no escaping; quoted anyway to be sure.
    const quotedKey = JSON.stringify(key);
    return { source, key, firstPrefix: `${quotedKey}:`, laterPrefix: `,${quotedKey}:` };
  });
  return { steps, quotedKind: JSON.stringify(kind) };
}

/** A string's JSON text: most are plain ASCII identifiers, which need only the quotes. */
function quoted(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 32 || code === 34 || code === 92 || code > 126) return JSON.stringify(text);
  }
  return '"' + text + '"';
}

/** A field's JSON text, or undefined for an absent field (left out of the line, as canonical JSON does). */
function valueText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      // Finite numbers print as JSON.stringify prints them; canonicalJson refuses the others.
      return Number.isFinite(value) ? String(value) : canonicalJson(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return undefined;
    default:
      return canonicalJson(value as JsonValue);
  }
}

/**
 * Builds the encoder of an event union from its field table. Kinds marked `generic`, and any kind the table does
 * not know, are written by `generic`.
 */
export function createTypedLineEncoder<E extends TraceEvent>(
  table: LineFieldTable<E>,
  generic: LineEncoder<E>,
): LineEncoder<E> {
  const plans = new Map<string, KindPlan>();
  for (const [kind, fieldNames] of Object.entries(table) as [string, readonly string[] | 'generic'][])
    if (fieldNames !== 'generic') plans.set(kind, planOf(kind, fieldNames));
  return (seq, tMs, event) => {
    const plan = plans.get(event.kind);
    if (plan === undefined) return generic(seq, tMs, event);
    const fields = event as unknown as Readonly<Record<string, unknown>>;
    let line = '{';
    for (const step of plan.steps) {
      const text =
        step.source === 'field'
          ? valueText(fields[step.key])
          : step.source === 'kind'
            ? plan.quotedKind
            : String(step.source === 'seq' ? seq : tMs);
      if (text === undefined) continue;
      line += (line.length === 1 ? step.firstPrefix : step.laterPrefix) + text;
    }
    return line + '}';
  };
}
