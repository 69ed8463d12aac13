/**
 * The one server: the REST API, the live protocol on WebSocket `/live`, health at `/healthz`, and whatever the
 * caller mounts beside them (`lockstep serve` mounts the visualization at `/`: api/ never imports viz/), all over
 * one HTTP server bound to loopback unless told otherwise.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { attachLiveProtocol } from './live/live-socket.ts';
import type { LiveTwin } from './live-twin.ts';
import { createRestApp, restNotFound, type RestOptions } from './rest/app.ts';

export interface ServerOptions {
  readonly live: LiveTwin;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly credentials: RestOptions;
  /**
   * Adds the caller's own routes (the CLI's visualization) after the API's and before the not-found answer, so
   * they never shadow an API path and an unknown path still answers in the error table's shape.
   */
  readonly mount?: (app: Hono) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Clients the live socket accepts at once. */
export const liveClientsMax = 64;

export function createApp(options: Pick<ServerOptions, 'live' | 'credentials' | 'mount'>): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok', ...options.live.status() }));
  app.route('/', createRestApp(options.live, options.credentials));
  options.mount?.(app);
  // Every unknown path answers in the error table's shape, not with a bare text 404.
  app.notFound(restNotFound);
  return app;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options);
  const server: Server = createHttpServer(getRequestListener(app.fetch));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  attachLiveProtocol(wss, options.live);
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/live' || wss.clients.size >= liveClientsMax) {
      socket.write(
        path !== '/live' ? 'HTTP/1.1 404 Not Found\r\n\r\n' : 'HTTP/1.1 503 Service Unavailable\r\n\r\n',
      );
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        options.live.stop();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
