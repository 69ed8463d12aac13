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
import { attachLiveProtocol, selectSubprotocol } from './live/live-socket.ts';
import { protocolLimits } from './live/protocol.ts';
import type { LiveTwin } from './live-twin.ts';
import {
  authOptionsForHost,
  createRestApp,
  requestBodyLimit,
  restNotFound,
  type RestOptions,
} from './rest/app.ts';
import { Authenticator } from './rest/auth.ts';

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
  /** `/live` lets connections without a token watch (never act); off unless asked for (`serve --anonymous-read-only`). */
  readonly anonymousReadOnly?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Clients the live socket accepts at once. */
export const liveClientsMax = 256;

export function createApp(
  options: Pick<ServerOptions, 'live' | 'credentials' | 'mount'>,
  auth: Authenticator = new Authenticator(options.credentials),
): Hono {
  const app = new Hono();
  // Before any route reads a body, on every path (the page's and unknown ones too): 413 while it streams.
  app.use(requestBodyLimit);
  app.get('/healthz', (c) => c.json({ status: 'ok', ...options.live.status() }));
  app.route('/', createRestApp(options.live, options.credentials, auth));
  options.mount?.(app);
  // Every unknown path answers in the error table's shape, not with a bare text 404.
  app.notFound(restNotFound);
  return app;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // The demo password of the twin's users only where nobody else can reach the server (auth.ts).
  const credentials = authOptionsForHost(options.credentials, options.host);
  // One token table for REST and /live: a token works on both, and is revoked on both.
  const auth = new Authenticator(credentials);
  const app = createApp({ ...options, credentials }, auth);
  const server: Server = createHttpServer(getRequestListener(app.fetch));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: protocolLimits.frameBytesMax,
    handleProtocols: selectSubprotocol,
  });
  attachLiveProtocol(wss, options.live, {
    userOfToken: (token) => userOfToken(auth, token, options.live),
    anonymousReadOnly: options.anonymousReadOnly === true,
  });
  // The twin's actors report some errors late, from a timer (XState): such an error ends the live session (its
  // clients are told), not the process, which goes on serving.
  const onUncaught = (error: unknown): void => {
    console.error('lockstep: the live session ended on an error:', error);
    options.live.fail(error);
  };
  process.on('uncaughtException', onUncaught);
  server.on('upgrade', (request, socket, head) => {
    // The path only: a request target the URL parser refuses (`//`, `\\`) must be a 404, never a thrown error.
    const path = (request.url ?? '/').split('?')[0];
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
        process.off('uncaughtException', onUncaught);
        options.live.stop();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user of a bearer token as REST checks it (unknown, expired, or its user gone: undefined). */
function userOfToken(auth: Authenticator, token: string, live: LiveTwin): string | undefined {
  try {
    return auth.authenticate(`Bearer ${token}`, live.twin.cloud.state).userId;
  } catch {
    return undefined;
  }
}
