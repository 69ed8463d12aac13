/**
 * The hub of the live protocol: one per live twin. It follows the twin's trace and its devices, fans out events,
 * deltas and entries to every subscribed connection (each filters and paces itself, see `live-connection.ts`),
 * reads and answers the clients' messages, and runs the wall-clock tick for statuses and back-pressure. A bad
 * message is answered with an `error` to its sender only; nothing a client sends reaches another client except
 * through the twin.
 *
 * Each frame goes through, in order: the connection's bounded queue (one frame handled at a time per
 * connection), the rate limits, JSON and its depth, the token (a connection without one may only send `auth`),
 * the capability its command needs (`access.ts`), and only then the command itself, as the token's user.
 */
import { toTraceRecord, type Entry, type TracedTwinEvent } from '../../twin/index.ts';
import { newestEntries } from '../device-view.ts';
import type { LiveTwin } from '../live-twin.ts';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { capabilityOf, refusalOfAccess, type Principal } from './access.ts';
import { executeCommand, badMessage, parseOptions } from './commands.ts';
import { DeviceStates, type DeviceDelta } from './device-states.ts';
import { siteSummary } from './site-summary.ts';
import { floorPlanState } from './floor-plan-state.ts';
import {
  compileFilter,
  LiveConnection,
  type CompiledFilter,
  type LiveSocket,
  type SnapshotParts,
} from './live-connection.ts';
import { jsonDepth } from './json-depth.ts';
import {
  authMessageSchema,
  closeCodeSessionEnded,
  closeCodeUnauthorized,
  commandMessageSchema,
  protocolLimits,
  rateLimits,
  subscribeMessageSchema,
  type ProtocolErrorCode,
} from './protocol.ts';
import { ReplayPool } from './replay-pool.ts';
import type { Replayer } from './replay.ts';
import type { TimelineSlot } from './timeline.ts';

export interface LiveHubOptions {
  /** The user of a bearer token (the REST API's), or undefined when it is unknown, expired or revoked. */
  readonly userOfToken: (token: string) => string | undefined;
  /** Connections without a token may watch (never act, never export); off unless the server says so. */
  readonly anonymousReadOnly?: boolean;
  /** Where `state-at` replays run (default: a worker thread the hub owns). */
  readonly replay?: Replayer;
  /** Wall-clock milliseconds, monotonic (default `performance.now`). */
  readonly nowWallMs?: () => number;
  /** Wall time between two ticks (statuses, back-pressure, alert checks). */
  readonly tickMs?: number;
  /** Where faults of the hub itself are reported (never thrown into the twin's run). */
  readonly onFault?: (error: unknown) => void;
}

export const hubTickMsDefault = 100;

/** What the hub keeps of one client besides its stream (`LiveConnection`). */
interface ClientState {
  /** The key of its own rate limit. */
  readonly key: string;
  /** Undefined until it has shown a token (or is anonymous). */
  principal: Principal | undefined;
  authTimer: ReturnType<typeof setTimeout> | undefined;
  /** Frames waiting to be handled, oldest first (`protocolLimits.framesQueuedMax` at most). */
  readonly frames: string[];
  draining: boolean;
  /** Its loaded timeline (one file at most). */
  readonly timeline: TimelineSlot;
}

export class LiveHub {
  private readonly clients = new Map<LiveConnection, ClientState>();
  private readonly states: DeviceStates;
  private readonly stopTrace: () => void;
  private readonly stopEntries: () => void;
  private readonly stopFailure: () => void;
  private readonly nowWallMs: () => number;
  private readonly onFault: (error: unknown) => void;
  private readonly doorOfLock: ReadonlyMap<string, string>;
  private readonly knownIds: ReadonlySet<string>;
  /** The site's floor plan for snapshots, built once (it never changes); undefined without one. */
  private readonly plan: ReturnType<typeof floorPlanState>;
  private readonly perConnection = new RateLimiterMemory({
    points: rateLimits.perConnection.points,
    duration: rateLimits.perConnection.durationSeconds,
  });
  private readonly perUser = new RateLimiterMemory({
    points: rateLimits.perUser.points,
    duration: rateLimits.perUser.durationSeconds,
  });
  private readonly ownPool: ReplayPool | undefined;
  private readonly replay: Replayer;
  private timer: ReturnType<typeof setInterval> | undefined;
  private anySubscribed = false;
  private nextClient = 1;

  constructor(
    private readonly live: LiveTwin,
    private readonly options: LiveHubOptions,
  ) {
    this.nowWallMs = options.nowWallMs ?? (() => performance.now());
    this.onFault = options.onFault ?? ((error) => console.error('live protocol:', error));
    if (options.replay === undefined) this.ownPool = new ReplayPool();
    this.replay = options.replay ?? (this.ownPool as ReplayPool).replay;
    const spec = live.spec;
    this.doorOfLock = new Map(spec.locks.map((lock) => [lock.id, lock.door]));
    this.plan = floorPlanState(spec);
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
    this.stopFailure = live.onFailure((reason) => this.endSession(reason));
  }

  /** Connections open now. */
  get size(): number {
    return this.clients.size;
  }

  /**
   * A new client, with the token it offered as a subprotocol (if any). A bad token is closed with 4401 at once;
   * none at all leaves the client `auth` message's deadline, or makes it anonymous in read-only mode.
   */
  connect(socket: LiveSocket, offeredToken?: string): LiveConnection {
    const connection = new LiveConnection(socket, {
      snapshot: (filter) => this.snapshotFor(filter, client.principal),
      nowWallMs: this.nowWallMs,
    });
    const client: ClientState = {
      key: `connection-${this.nextClient++}`,
      principal: undefined,
      authTimer: undefined,
      frames: [],
      draining: false,
      timeline: { loaded: undefined },
    };
    this.clients.set(connection, client);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.options.tickMs ?? hubTickMsDefault);
      this.timer.unref?.();
    }
    const ended = this.live.ended;
    if (ended !== undefined) {
      this.sendEnded(connection, ended);
      return connection;
    }
    if (offeredToken !== undefined) this.authenticate(connection, client, offeredToken);
    else if (this.options.anonymousReadOnly === true) client.principal = { kind: 'anonymous' };
    else {
      client.authTimer = setTimeout(
        () => this.refuse(connection, 'no token: send an auth message first'),
        protocolLimits.authDeadlineMs,
      );
      client.authTimer.unref?.();
    }
    return connection;
  }

  disconnect(connection: LiveConnection): void {
    connection.closedBySocket();
    const client = this.clients.get(connection);
    if (client !== undefined) {
      clearTimeout(client.authTimer);
      client.frames.length = 0;
    }
    this.clients.delete(connection);
    this.updateActive();
    if (this.clients.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /**
   * One frame from a client, queued behind its earlier ones (at most `framesQueuedMax` wait: past that it is
   * answered `busy` and dropped). Never throws: whatever is wrong is answered with an `error`.
   */
  receive(connection: LiveConnection, text: string): void {
    const client = this.clients.get(connection);
    if (client === undefined) return;
    if (client.frames.length >= protocolLimits.framesQueuedMax) {
      connection.reply(
        errorMessage(
          null,
          'busy',
          `${protocolLimits.framesQueuedMax} messages of this connection are waiting already; this one is dropped`,
        ),
      );
      return;
    }
    client.frames.push(text);
    if (!client.draining) void this.drain(connection, client);
  }

  close(): void {
    this.stopTrace();
    this.stopEntries();
    this.stopFailure();
    this.states.close();
    this.ownPool?.close();
    for (const [connection, client] of this.clients) {
      clearTimeout(client.authTimer);
      connection.closedBySocket();
    }
    this.clients.clear();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs one tick now (the timer calls it; tests may too). */
  tick(): void {
    try {
      this.states.checkAlerts();
      let statusJson: string | undefined;
      const status = (): string => (statusJson ??= JSON.stringify({ type: 'status', ...this.live.status() }));
      for (const connection of this.clients.keys()) connection.tick(status);
    } catch (error) {
      this.onFault(error);
    }
  }

  private async drain(connection: LiveConnection, client: ClientState): Promise<void> {
    client.draining = true;
    try {
      for (let text = client.frames.shift(); text !== undefined; text = client.frames.shift()) {
        try {
          await this.handle(connection, client, text);
        } catch (error) {
          this.onFault(error);
          connection.reply(
            errorMessage(null, 'twin-error', error instanceof Error ? error.message : String(error)),
          );
        }
        if (!this.clients.has(connection)) return;
      }
    } finally {
      client.draining = false;
    }
  }

  private async handle(connection: LiveConnection, client: ClientState, text: string): Promise<void> {
    const limited = await this.rateLimited(client);
    if (limited !== undefined) {
      connection.reply(errorMessage(idOf(text), 'rate-limited', limited));
      return;
    }
    const json = this.readFrame(connection, text);
    if (json === undefined) return;
    const message = json as { readonly type: string; readonly id?: unknown };
    const id =
      typeof message.id === 'string' && message.id.length <= protocolLimits.commandIdCharsMax
        ? message.id
        : null;
    if (message.type === 'auth') {
      const parsed = authMessageSchema.safeParse(json, parseOptions);
      if (!parsed.success) this.refuse(connection, 'the auth message is malformed');
      else this.authenticate(connection, client, parsed.data.token);
      return;
    }
    const principal = this.principalNow(connection, client);
    if (principal === undefined) return;
    switch (message.type) {
      case 'subscribe':
        this.subscribe(connection, principal, json);
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
        const command = parsed.data.command;
        const denied = refusalOfAccess(principal, capabilityOf(command), this.live.twin.cloud.state);
        if (denied !== undefined || principal.kind !== 'user') {
          connection.reply(fromOutcome(parsed.data.id, denied ?? { code: 1500, message: 'no user' }));
          return;
        }
        const outcome = await executeCommand(this.live, command, {
          actorId: principal.userId,
          timeline: client.timeline,
          replay: this.replay,
        });
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
            `type: unknown message type "${message.type.slice(0, 100)}" (known: auth, subscribe, unsubscribe, command)`,
            'type',
          ),
        );
    }
  }

  /** A frame as a JSON object with a string `type`, nested at most `frameDepthMax`; else answered and undefined. */
  private readFrame(connection: LiveConnection, text: string): object | undefined {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      connection.reply(
        errorMessage(null, 'bad-json', `the message is not JSON: ${(error as Error).message.slice(0, 200)}`),
      );
      return undefined;
    }
    if (jsonDepth(json, protocolLimits.frameDepthMax) > protocolLimits.frameDepthMax) {
      connection.reply(
        errorMessage(
          idOf(json),
          'bad-message',
          `(message): nests deeper than ${protocolLimits.frameDepthMax} arrays and objects`,
        ),
      );
      return undefined;
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
          'type: a message is a JSON object with a "type" (auth, subscribe, unsubscribe or command)',
          'type',
        ),
      );
      return undefined;
    }
    return json;
  }

  /** The frame over a rate limit (the connection's or its user's): why, in words; else undefined. */
  private async rateLimited(client: ClientState): Promise<string | undefined> {
    const principal = client.principal;
    const userKey =
      principal === undefined
        ? undefined
        : principal.kind === 'user'
          ? `user-${principal.userId}`
          : 'anonymous';
    try {
      await this.perConnection.consume(client.key);
    } catch {
      return `more than ${rateLimits.perConnection.points} messages in ${rateLimits.perConnection.durationSeconds} s on this connection`;
    }
    if (userKey === undefined) return undefined;
    try {
      await this.perUser.consume(userKey);
    } catch {
      return `more than ${rateLimits.perUser.points} messages in ${rateLimits.perUser.durationSeconds} s for this user`;
    }
    return undefined;
  }

  /** Takes a token for the connection, or closes it with 4401. */
  private authenticate(connection: LiveConnection, client: ClientState, token: string): void {
    const userId = this.options.userOfToken(token);
    if (userId === undefined) {
      this.refuse(connection, 'unknown or expired token');
      return;
    }
    clearTimeout(client.authTimer);
    client.authTimer = undefined;
    client.principal = { kind: 'user', userId, token };
  }

  /**
   * Who the connection acts as now: its token is checked again on every message (so an expired or revoked
   * token, or a deleted user, stops it at once: closed with 4401). Undefined when the connection was refused.
   */
  private principalNow(connection: LiveConnection, client: ClientState): Principal | undefined {
    const principal = client.principal;
    if (principal === undefined) {
      this.refuse(connection, 'send an auth message with a token first');
      return undefined;
    }
    if (principal.kind === 'user' && this.options.userOfToken(principal.token) !== principal.userId) {
      this.refuse(connection, 'the token has expired or was revoked');
      return undefined;
    }
    return principal;
  }

  /** Closes a connection without a valid token: 4401, with the reason. */
  private refuse(connection: LiveConnection, reason: string): void {
    connection.close(closeCodeUnauthorized, reason);
    this.disconnect(connection);
  }

  /** The twin failed: every client is told and closed with 4500; the server keeps serving everything else. */
  private endSession(reason: string): void {
    for (const connection of [...this.clients.keys()]) this.sendEnded(connection, reason);
  }

  private sendEnded(connection: LiveConnection, reason: string): void {
    connection.reply(errorMessage(null, 'session-ended', `the live session has ended: ${reason}`));
    connection.close(closeCodeSessionEnded, 'session ended');
    this.disconnect(connection);
  }

  private subscribe(connection: LiveConnection, principal: Principal, json: unknown): void {
    const denied = refusalOfAccess(principal, 'watch', this.live.twin.cloud.state);
    if (denied !== undefined) {
      connection.reply(fromOutcome(null, denied));
      return;
    }
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
    this.anySubscribed = [...this.clients.keys()].some((connection) => connection.subscribed);
    this.states.setActive(this.anySubscribed);
  }

  private snapshotFor(filter: CompiledFilter, principal: Principal | undefined): SnapshotParts {
    const status = this.live.status();
    const withPins =
      principal !== undefined &&
      refusalOfAccess(principal, 'export', this.live.twin.cloud.state) === undefined;
    return {
      virtualMs: status.virtualMs,
      status,
      devices: this.live.snapshot(),
      entries: this.newestEntries(filter),
      site: siteSummary(this.live, { withPins }),
      plan: this.plan,
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
      for (const connection of this.clients.keys()) connection.offerEvent(record, rest);
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
        for (const connection of this.clients.keys()) connection.offerEntry(entry.lockId, restOfEntry);
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
    for (const connection of this.clients.keys()) connection.offerDelta(delta, rest);
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

/** The `id` of a frame's message when it has a readable one (for answers to frames refused before parsing). */
function idOf(frame: unknown): string | null {
  let json = frame;
  if (typeof frame === 'string') {
    if (frame.length > protocolLimits.frameBytesMax) return null;
    try {
      json = JSON.parse(frame);
    } catch {
      return null;
    }
  }
  const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= protocolLimits.commandIdCharsMax ? id : null;
}
