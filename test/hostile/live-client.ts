/**
 * A small `/live` client for the hostile tests: keeps every message and the close code, sends commands and waits
 * for their answers or for the close.
 */
import WebSocket from 'ws';
import { fetchToken, liveProtocols, type LiveLogin } from '../fixtures/live-socket.ts';

export type Message = Record<string, unknown> & { readonly type: string };

export class LiveTestClient {
  readonly messages: Message[] = [];
  closeCode: number | undefined;
  closeReason = '';
  private nextId = 1;
  private readonly closed: Promise<void>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) =>
      this.messages.push(JSON.parse(String(data)) as Message),
    );
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        this.closeCode = code;
        this.closeReason = String(reason);
        resolve();
      }),
    );
  }

  /**
   * Opens `/live` at `url` as `login` says (a token fetched first unless given), resolving once open; `query`
   * (`?site=annex`) follows the path.
   */
  static async open(url: string, login: LiveLogin, query = ''): Promise<LiveTestClient> {
    const address = `${url.replace('http', 'ws')}/live${query}`;
    const token =
      'anonymous' in login ? undefined : 'token' in login ? login.token : await fetchToken(url, login);
    const socket =
      token === undefined ? new WebSocket(address) : new WebSocket(address, liveProtocols(token));
    const client = new LiveTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message from `from` on that satisfies `match`, waiting up to `timeoutMs`; undefined if none came. */
  async waitFor(
    match: (message: Message) => boolean,
    options: { readonly from?: number; readonly timeoutMs?: number } = {},
  ): Promise<Message | undefined> {
    const deadline = performance.now() + (options.timeoutMs ?? 5_000);
    for (;;) {
      const found = this.messages.slice(options.from ?? 0).find(match);
      if (found !== undefined || performance.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Sends a command and waits for its answer (`ack` or `error` with its id); undefined if none came in time. */
  async command(command: Record<string, unknown>, timeoutMs = 10_000): Promise<Message | undefined> {
    const id = `c${this.nextId++}`;
    const from = this.messages.length;
    this.send({ type: 'command', id, command });
    return this.waitFor(
      (message) => (message.type === 'ack' || message.type === 'error') && message.id === id,
      {
        from,
        timeoutMs,
      },
    );
  }

  /** Resolves with the close code once the server closed the connection (undefined if it stays open). */
  async waitClosed(timeoutMs = 5_000): Promise<number | undefined> {
    await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    return this.closeCode;
  }

  close(): void {
    this.socket.terminate();
  }
}
