/**
 * The live protocol on WebSocket `/live` (docs/protocol.md): wires each socket of the server's WebSocketServer
 * to the hub, which does the rest. The server has already routed the upgrade and capped the clients; the token a
 * client offers as a subprotocol (`bearer.<token>`, beside `lockstep-live`) is read here.
 */
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocketServer } from 'ws';
import type { LiveTwin } from '../live-twin.ts';
import { LiveHub, type LiveHubOptions } from './live-hub.ts';
import { bearerSubprotocolPrefix, liveSubprotocol } from './protocol.ts';

export function attachLiveProtocol(wss: WebSocketServer, live: LiveTwin, options: LiveHubOptions): LiveHub {
  const hub = new LiveHub(live, options);
  wss.on('connection', (socket, request: IncomingMessage) => {
    const connection = hub.connect(socket, offeredToken(request));
    // Text frames are the protocol; a binary frame is read as UTF-8 JSON all the same.
    socket.on('message', (data: RawData) => hub.receive(connection, textOf(data)));
    socket.on('close', () => hub.disconnect(connection));
    // An error is followed by 'close'; listening keeps it from being thrown as an unhandled 'error' event.
    socket.on('error', () => hub.disconnect(connection));
  });
  wss.on('close', () => hub.close());
  return hub;
}

/** The subprotocol the server answers with: `lockstep-live` when offered (never the token's). */
export function selectSubprotocol(offered: ReadonlySet<string>): string | false {
  return offered.has(liveSubprotocol) ? liveSubprotocol : false;
}

/** The token of a `bearer.<token>` subprotocol the client offered, if any. */
export function offeredToken(request: IncomingMessage | undefined): string | undefined {
  const header = request?.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(',')) {
    const protocol = part.trim();
    if (protocol.startsWith(bearerSubprotocolPrefix) && protocol.length > bearerSubprotocolPrefix.length)
      return protocol.slice(bearerSubprotocolPrefix.length);
  }
  return undefined;
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
