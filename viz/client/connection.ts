/// <reference lib="dom" />
/**
 * The page's one WebSocket to `/live` on its own origin: presents its token (a subprotocol, see `login.ts`),
 * subscribes on every (re)connection, hands each parsed message to the page, numbers commands (`c1`, `c2`…) and
 * settles each with its `ack` or `error`. A lost connection is retried with a growing pause (at most
 * `reconnectMsMax`); the next snapshot replaces the state. A connection closed for its token (4401) asks for a
 * fresh token before it tries again; without one it waits for the page to log in (`start` again).
 */
import { liveProtocols } from './login.ts';
import {
  parseServerMessage,
  type ClientCommand,
  type CommandOutcome,
  type ServerMessage,
} from './protocol.ts';

/** A command not answered within this long is reported as timed out. */
export const commandTimeoutMs = 15_000;
/** Commands waiting for an answer at once; past this a new one is refused at once (a stuck server). */
export const commandsPendingMax = 64;
const reconnectMsMin = 500;
const reconnectMsMax = 10_000;

export type ConnectionState = 'connecting' | 'open' | 'closed' | 'logged-out';

/** The close code of a connection without a valid token (docs/protocol.md). */
const closeCodeUnauthorized = 4401;

export interface ConnectionOptions {
  readonly url: string;
  /** A token to present: the one logged in with, or a fresh one (`fresh` after a 4401); undefined: none. */
  readonly token: (fresh: boolean) => Promise<string | undefined>;
  readonly onMessage: (message: ServerMessage) => void;
  readonly onState: (state: ConnectionState) => void;
}

interface Pending {
  readonly settle: (outcome: CommandOutcome) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class LiveConnection {
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private reconnectMs = reconnectMsMin;
  private starting = false;

  constructor(private readonly options: ConnectionOptions) {}

  /** Connects (again), with a fresh token when `fresh`; does nothing while connected or connecting. */
  start(fresh = false): void {
    if (this.socket !== undefined || this.starting) return;
    this.starting = true;
    this.options.onState('connecting');
    void this.options.token(fresh).then((token) => {
      this.starting = false;
      if (token === undefined) this.options.onState('logged-out');
      else this.open(token);
    });
  }

  private open(token: string): void {
    const socket = new WebSocket(this.options.url, liveProtocols(token));
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.reconnectMs = reconnectMsMin;
      this.options.onState('open');
      socket.send(JSON.stringify({ type: 'subscribe' }));
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      const message = parseServerMessage(event.data);
      if (message === undefined) return;
      // An error without an id (bad JSON, a bad subscribe) answers no command: the page shows it.
      if ((message.type === 'ack' || message.type === 'error') && this.settle(message)) return;
      this.options.onMessage(message);
    });
    socket.addEventListener('close', (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.options.onState('closed');
      for (const [id, pending] of this.pending)
        this.finish(id, pending, {
          ok: false,
          code: 'disconnected',
          message: 'the connection to the twin closed',
        });
      const unauthorized = event.code === closeCodeUnauthorized;
      setTimeout(() => this.start(unauthorized), this.reconnectMs);
      this.reconnectMs = Math.min(reconnectMsMax, this.reconnectMs * 2);
    });
  }

  /** Sends a command; resolves with the server's answer (never rejects). */
  send(command: ClientCommand): Promise<CommandOutcome> {
    const socket = this.socket;
    if (socket === undefined || socket.readyState !== WebSocket.OPEN)
      return Promise.resolve({ ok: false, code: 'disconnected', message: 'not connected to the twin' });
    if (this.pending.size >= commandsPendingMax)
      return Promise.resolve({
        ok: false,
        code: 'busy',
        message: `${commandsPendingMax} commands are still waiting for an answer`,
      });
    const id = `c${this.nextId++}`;
    return new Promise<CommandOutcome>((resolve) => {
      const timer = setTimeout(() => {
        const pending = this.pending.get(id);
        if (pending !== undefined)
          this.finish(id, pending, {
            ok: false,
            code: 'timeout',
            message: `no answer within ${commandTimeoutMs / 1000} s`,
          });
      }, commandTimeoutMs);
      this.pending.set(id, { settle: resolve, timer });
      socket.send(JSON.stringify({ type: 'command', id, command }));
    });
  }

  private settle(message: Extract<ServerMessage, { type: 'ack' | 'error' }>): boolean {
    const id = message.id;
    const pending = id === null ? undefined : this.pending.get(id);
    if (id === null || pending === undefined) return false;
    this.finish(
      id,
      pending,
      message.type === 'ack' ? { ok: true, result: message.result } : refused(message),
    );
    return true;
  }

  private finish(id: string, pending: Pending, outcome: CommandOutcome): void {
    clearTimeout(pending.timer);
    this.pending.delete(id);
    pending.settle(outcome);
  }
}

/** An `error` answer as a command's outcome (with the field at fault, when the server named one). */
function refused(message: Extract<ServerMessage, { type: 'error' }>): CommandOutcome {
  return message.path === undefined
    ? { ok: false, code: message.code, message: message.message }
    : { ok: false, code: message.code, message: message.message, path: message.path };
}
