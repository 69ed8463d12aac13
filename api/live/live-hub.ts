/**
 * The hub of the live protocol: one per live twin. It follows the twin's trace and its devices, fans out events,
 * deltas and entries to every subscribed connection (each filters and paces itself, see `live-connection.ts`),
 * reads and answers the clients' messages, and runs the wall-clock tick for statuses and back-pressure. A bad
 * message is answered with an `error` to its sender only; nothing a client sends reaches another client except
 * through the twin.
 */
import { toTraceRecord, type Entry, type TracedTwinEvent } from '../../twin/index.ts';
import { newestEntries } from '../device-view.ts';
import type { LiveTwin } from '../live-twin.ts';
import { executeCommand, badMessage, parseOptions } from './commands.ts';
import { DeviceStates, type DeviceDelta } from './device-states.ts';
import {
  compileFilter,
  LiveConnection,
  type CompiledFilter,
  type LiveSocket,
  type SnapshotParts,
} from './live-connection.ts';
import {
  commandMessageSchema,
  protocolLimits,
  subscribeMessageSchema,
  type ProtocolErrorCode,
} from './protocol.ts';
import type { TimelineSlot } from './timeline.ts';

export interface LiveHubOptions {
  /** Wall-clock milliseconds, monotonic (default `performance.now`). */
  readonly nowWallMs?: () => number;
  /** Wall time between two ticks (statuses, back-pressure, alert checks). */
  readonly tickMs?: number;
  /** Where faults of the hub itself are reported (never thrown into the twin's run). */
  readonly onFault?: (error: unknown) => void;
}

export const hubTickMsDefault = 100;

export class LiveHub {
  private readonly connections = new Set<LiveConnection>();
  /** Each connection's loaded timeline (forgotten with the connection). */
  private readonly timelines = new WeakMap<LiveConnection, TimelineSlot>();
  private readonly states: DeviceStates;
  private readonly stopTrace: () => void;
  private readonly stopEntries: () => void;
  private readonly nowWallMs: () => number;
  private readonly onFault: (error: unknown) => void;
  private readonly doorOfLock: ReadonlyMap<string, string>;
  private readonly knownIds: ReadonlySet<string>;
  private timer: ReturnType<typeof setInterval> | undefined;
  private anySubscribed = false;
  /** Entries the log has taken in so far (kept plus dropped), as last seen. */

  constructor(
    private readonly live: LiveTwin,
    private readonly options: LiveHubOptions = {},
  ) {
    this.nowWallMs = options.nowWallMs ?? (() => performance.now());
    this.onFault = options.onFault ?? ((error) => console.error('live protocol:', error));
    const spec = live.spec;
    this.doorOfLock = new Map(spec.locks.map((lock) => [lock.id, lock.door]));
    this.knownIds = new Set(
      [
        ...spec.locks,
        ...spec.iqs,
        ...spec.repeaters,
        ...spec.doors,
        ...spec.phones,
        ...spec.tags,
        ...spec.users,
      ].map((device) => device.id),
    );
    this.states = new DeviceStates(live, (delta) => this.broadcastDelta(delta), this.onFault);
    this.stopTrace = live.subscribe((traced) => this.onEvent(traced));
    this.stopEntries = live.twin.entries.subscribe((entry) => this.onEntry(entry));
  }

  /** Connections open now. */
  get size(): number {
    return this.connections.size;
  }

  connect(socket: LiveSocket): LiveConnection {
    const connection = new LiveConnection(socket, {
      snapshot: (filter) => this.snapshotFor(filter),
      nowWallMs: this.nowWallMs,
    });
    this.connections.add(connection);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.options.tickMs ?? hubTickMsDefault);
      this.timer.unref?.();
    }
    return connection;
  }

  disconnect(connection: LiveConnection): void {
    connection.closedBySocket();
    this.connections.delete(connection);
    this.timelines.delete(connection);
    this.updateActive();
    if (this.connections.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** One frame from a client. Never throws: whatever is wrong is answered with an `error`. */
  receive(connection: LiveConnection, text: string): void {
    try {
      this.handle(connection, text);
    } catch (error) {
      this.onFault(error);
      connection.reply(
        errorMessage(null, 'twin-error', error instanceof Error ? error.message : String(error)),
      );
    }
  }

  close(): void {
    this.stopTrace();
    this.stopEntries();
    this.states.close();
    for (const connection of this.connections) connection.closedBySocket();
    this.connections.clear();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs one tick now (the timer calls it; tests may too). */
  tick(): void {
    try {
      this.states.checkAlerts();
      let statusJson: string | undefined;
      const status = (): string => (statusJson ??= JSON.stringify({ type: 'status', ...this.live.status() }));
      for (const connection of this.connections) connection.tick(status);
    } catch (error) {
      this.onFault(error);
    }
  }

  private handle(connection: LiveConnection, text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      connection.reply(
        errorMessage(null, 'bad-json', `the message is not JSON: ${(error as Error).message}`),
      );
      return;
    }
    if (
      typeof json !== 'object' ||
      json === null ||
      Array.isArray(json) ||
      typeof (json as { type?: unknown }).type !== 'string'
    ) {
      connection.reply(
        errorMessage(
          null,
          'bad-message',
          'type: a message is a JSON object with a "type" (subscribe, unsubscribe or command)',
          'type',
        ),
      );
      return;
    }
    const message = json as { readonly type: string; readonly id?: unknown };
    const id =
      typeof message.id === 'string' && message.id.length <= protocolLimits.commandIdCharsMax
        ? message.id
        : null;
    switch (message.type) {
      case 'subscribe':
        this.subscribe(connection, json);
        return;
      case 'unsubscribe':
        connection.unsubscribe();
        this.updateActive();
        return;
      case 'command': {
        const parsed = commandMessageSchema.safeParse(json, parseOptions);
        if (!parsed.success) {
          connection.reply(fromOutcome(id, badMessage(parsed.error, '')));
          return;
        }
        const outcome = executeCommand(this.live, parsed.data.command, this.timelineOf(connection));
        connection.reply(
          outcome.ok
            ? { type: 'ack', id: parsed.data.id, result: outcome.result }
            : fromOutcome(parsed.data.id, outcome),
        );
        return;
      }
      default:
        connection.reply(
          errorMessage(
            id,
            'bad-message',
            `type: unknown message type "${message.type.slice(0, 100)}" (known: subscribe, unsubscribe, command)`,
            'type',
          ),
        );
    }
  }

  /** The connection's timeline slot (one loaded file at most), made on first use. */
  private timelineOf(connection: LiveConnection): TimelineSlot {
    let slot = this.timelines.get(connection);
    if (slot === undefined) {
      slot = { loaded: undefined };
      this.timelines.set(connection, slot);
    }
    return slot;
  }

  private subscribe(connection: LiveConnection, json: unknown): void {
    const parsed = subscribeMessageSchema.safeParse(json, parseOptions);
    if (!parsed.success) {
      connection.reply(fromOutcome(null, badMessage(parsed.error, '')));
      return;
    }
    const unknown = (parsed.data.filter?.devices ?? []).filter((id) => !this.knownIds.has(id));
    if (unknown.length > 0) {
      const named = unknown
        .slice(0, 5)
        .map((id) => `"${id}"`)
        .join(', ');
      connection.reply(
        errorMessage(
          null,
          'unknown-device',
          `filter.devices: no device ${named}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''} in site ${this.live.spec.name}`,
          'filter.devices',
        ),
      );
      return;
    }
    this.anySubscribed = true;
    this.states.setActive(true);
    connection.subscribe(compileFilter(parsed.data.filter, this.doorOfLock));
  }

  private updateActive(): void {
    this.anySubscribed = [...this.connections].some((connection) => connection.subscribed);
    this.states.setActive(this.anySubscribed);
  }

  private snapshotFor(filter: CompiledFilter): SnapshotParts {
    const status = this.live.status();
    return {
      virtualMs: status.virtualMs,
      status,
      devices: this.live.snapshot(),
      entries: this.newestEntries(filter),
    };
  }

  /** The newest entries (at most the snapshot's share) of the filter's locks, oldest first. */
  private newestEntries(filter: CompiledFilter): Entry[] {
    return newestEntries(this.live.twin, protocolLimits.snapshotEntriesMax, filter.devices);
  }

  private onEvent(traced: TracedTwinEvent): void {
    try {
      if (!this.anySubscribed) return;
      const record = toTraceRecord(traced);
      let eventRest: string | undefined;
      const rest = (): string =>
        (eventRest ??= JSON.stringify({
          virtualMs: record.tMs,
          kind: record.kind,
          device: record.device ?? null,
          fields: record.fields,
          traceSeq: record.seq,
        }).slice(1));
      for (const connection of this.connections) connection.offerEvent(record, rest);
    } catch (error) {
      this.onFault(error);
    }
  }

  /** A new entry in the cloud's log: told to the connections that follow its lock, and the alert list checked. */
  private onEntry(entry: Entry): void {
    try {
      if (this.anySubscribed) {
        let entryRest: string | undefined;
        const restOfEntry = (): string =>
          (entryRest ??= JSON.stringify({ virtualMs: this.live.twin.clock.now(), entry }).slice(1));
        for (const connection of this.connections) connection.offerEntry(entry.lockId, restOfEntry);
      }
      this.states.checkAlerts();
    } catch (error) {
      this.onFault(error);
    }
  }

  private broadcastDelta(delta: DeviceDelta): void {
    let deltaRest: string | undefined;
    const rest = (): string =>
      (deltaRest ??= JSON.stringify({
        virtualMs: this.live.twin.clock.now(),
        collection: delta.collection,
        device: delta.device,
        state: delta.state,
      }).slice(1));
    for (const connection of this.connections) connection.offerDelta(delta, rest);
  }
}

function errorMessage(
  id: string | null,
  code: number | ProtocolErrorCode,
  message: string,
  path?: string,
): Record<string, unknown> {
  return { type: 'error', id, code, message, ...(path === undefined ? {} : { path }) };
}

function fromOutcome(
  id: string | null,
  outcome: { readonly code: number | ProtocolErrorCode; readonly message: string; readonly path?: string },
): Record<string, unknown> {
  return errorMessage(id, outcome.code, outcome.message, outcome.path);
}
