/** The live protocol on WebSocket /live (placeholder until the protocol lands). */
import type { WebSocketServer } from 'ws';
import type { LiveTwin } from '../live-twin.ts';

export function attachLiveProtocol(wss: WebSocketServer, _live: LiveTwin): void {
  wss.on('connection', (socket) => socket.send(JSON.stringify({ type: 'hello' })));
}
