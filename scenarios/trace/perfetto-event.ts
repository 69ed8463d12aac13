/**
 * The Chrome "Trace Event Format" (the JSON object form that Perfetto, ui.perfetto.dev, and chrome://tracing
 * open), as far as lockstep writes it: metadata events naming processes and threads (`M`), state slices as
 * begin/end pairs (`B`/`E`), short complete slices (`X`) for packets, instants (`i`) and flow arrows (`s`/`f`).
 * `ts` and `dur` are microseconds; `pid`/`tid` place an event on a process and a thread (a track).
 */
import type { TraceFieldValue } from '../../twin/index.ts';

export type PerfettoArgs = { readonly [name: string]: TraceFieldValue | undefined };

/** Names a process or a thread, or sets its place in the list (`*_sort_index`). */
export interface PerfettoMetadataEvent {
  readonly name: 'process_name' | 'process_sort_index' | 'thread_name' | 'thread_sort_index';
  readonly ph: 'M';
  readonly pid: number;
  /** Only on the thread events. */
  readonly tid?: number;
  readonly args: { readonly name: string } | { readonly sort_index: number };
}

/** A slice begins (`B`) or ends (`E`) on its thread; the ends nest like a stack. */
export interface PerfettoBeginEndEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'B' | 'E';
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: PerfettoArgs;
}

/** A complete slice: begins at `ts`, lasts `dur`. */
export interface PerfettoCompleteEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'X';
  readonly ts: number;
  readonly dur: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: PerfettoArgs;
}

/** An instant: on its thread (`t`), across its process (`p`) or across the whole trace (`g`). */
export interface PerfettoInstantEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'i';
  readonly s: 't' | 'p' | 'g';
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: PerfettoArgs;
}

/**
 * One end of a flow arrow: `s` binds to the slice that encloses it on its thread, `f` with `bp: "e"` to the slice
 * that encloses it on the far thread; both ends carry the same `id` (and the slice's name and category).
 */
export interface PerfettoFlowEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: 's' | 'f';
  readonly id: number;
  readonly bp?: 'e';
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
}

export type PerfettoEvent =
  | PerfettoMetadataEvent
  | PerfettoBeginEndEvent
  | PerfettoCompleteEvent
  | PerfettoInstantEvent
  | PerfettoFlowEvent;

/** Where an event goes: a thread of a process. */
export interface PerfettoTrack {
  readonly pid: number;
  readonly tid: number;
  readonly name: string;
}
