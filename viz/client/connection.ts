/// <reference lib="dom" />
/**
 * The page's one WebSocket to `/live` on its own origin: subscribes on every (re)connection, hands each parsed
 * message to the page, numbers commands (`c1`, `c2`…) and settles each with its `ack` or `error`. A lost
 * connection is retried with a growing pause (at most `reconnectMsMax`); the next snapshot replaces the state.
 */
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

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface ConnectionOptions {
  readonly url: string;
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

  constructor(private readonly options: ConnectionOptions) {}

  start(): void {
    this.options.onState('connecting');
    const socket = new WebSocket(this.options.url);
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
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.options.onState('closed');
      for (const [id, pending] of this.pending)
        this.finish(id, pending, {
          ok: false,
          code: 'disconnected',
          message: 'the connection to the twin closed',
        });
      setTimeout(() => this.start(), this.reconnectMs);
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
