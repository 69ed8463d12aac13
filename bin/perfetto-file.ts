/**
 * `--perfetto FILE`: a run's trace as a Chrome trace-event JSON file that Perfetto (ui.perfetto.dev) and
 * chrome://tracing open. The mapping is scenarios/trace/perfetto-trace.ts; this file streams what it emits to the
 * file in large chunks, so memory stays flat however long the run (the mapper caps the number of events).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { formatDurationMs } from '../scenarios/index.ts';
import {
  PerfettoTraceMapper,
  type PerfettoTraceSummary,
  type PerfettoViolation,
} from '../scenarios/trace/perfetto-trace.ts';
import type { PerfettoEvent } from '../scenarios/trace/perfetto-event.ts';
import type { SiteSpec, TracedTwinEvent, Twin } from '../twin/index.ts';
import { BadInputError } from './exit-codes.ts';

const chunkChars = 256 * 1024;

const cannotWrite = (path: string, error: unknown): BadInputError =>
  new BadInputError(
    `--perfetto: cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
  );

/** Writes `{"displayTimeUnit":"ms","traceEvents":[…],"metadata":{…}}`, one event a line. */
class PerfettoFileWriter {
  private readonly fd: number;
  private pending = '{"displayTimeUnit":"ms","traceEvents":[\n';
  private separator = '';

  /** Throws `BadInputError` when the file cannot be opened for writing (a missing folder, no permission). */
  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'w');
    } catch (error) {
      throw cannotWrite(path, error);
    }
  }

  write(event: PerfettoEvent): void {
    this.pending += this.separator + JSON.stringify(event);
    this.separator = ',\n';
    if (this.pending.length >= chunkChars) this.flush();
  }

  close(metadata: Readonly<Record<string, unknown>>): void {
    this.pending += `\n],"metadata":${JSON.stringify(metadata)}}\n`;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes the file as it is (the run failed: what was written stays for a look, unfinished). */
  abandon(): void {
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    try {
      writeSync(this.fd, this.pending);
    } catch (error) {
      throw cannotWrite(this.path, error);
    }
    this.pending = '';
  }
}

export interface PerfettoRecording {
  readonly path: string;
  readonly onEvent: (traced: TracedTwinEvent) => void;
  /** Reads the run's end time from the twin's clock when the recording finishes. */
  readonly onTwin: (twin: Twin) => void;
  violation(violation: PerfettoViolation): void;
  /** Closes the open slices at the run's end, writes the metadata and closes the file. */
  finish(): PerfettoTraceSummary;
  /** Closes the file without finishing it (the run threw). */
  abandon(): void;
}

/** Opens FILE (bad input when it cannot be written) and maps the run's events into it as they come. */
export function startPerfettoRecording(
  path: string,
  spec: SiteSpec,
  about: { readonly command: string; readonly source: string },
): PerfettoRecording {
  const writer = new PerfettoFileWriter(path);
  const mapper = new PerfettoTraceMapper({ spec, emit: (event) => writer.write(event) });
  let twin: Twin | undefined;
  return {
    path,
    onEvent: (traced) => mapper.record(traced),
    onTwin: (running) => {
      twin = running;
    },
    violation: (violation) => mapper.violation(violation),
    finish: () => {
      const summary = mapper.finish(twin?.clock.now() ?? 0);
      writer.close({ lockstep: { ...about, ...summary } });
      return summary;
    },
    abandon: () => writer.abandon(),
  };
}

/** Finishes the recording; the line that says where the file is (and whether the cap cut it). */
export function finishPerfetto(perfetto: PerfettoRecording): string {
  const summary = perfetto.finish();
  const cut = summary.truncated
    ? `; cut at ${summary.eventsMax.toLocaleString('en')} events (at ${formatDurationMs(summary.truncatedAtMs ?? 0)} of virtual time), ${summary.twinEventsLeftOut} twin events left out`
    : '';
  return `perfetto trace written to ${perfetto.path} (${summary.traceEvents} events; open it in ui.perfetto.dev)${cut}`;
}
