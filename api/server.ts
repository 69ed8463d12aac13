/**
 * The one server: the REST API, the live protocol on WebSocket `/live`, health at `/healthz`, and whatever the
 * caller mounts beside them (`lockstep serve` mounts the visualization at `/`: api/ never imports viz/), all over
 * one HTTP server bound to loopback unless told otherwise. It serves one site or several (at most
 * `servedSitesMax`), each its own account: its own twin, API client and token table (rest/site-directory.ts).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { attachLiveProtocol, offeredToken, selectSubprotocol } from './live/live-socket.ts';
import { protocolLimits } from './live/protocol.ts';
import { ReplayPool } from './live/replay-pool.ts';
import type { LiveTwin } from './live-twin.ts';
import {
  authOptionsForHost,
  createSitesRestApp,
  requestBodyLimit,
  restNotFound,
  type RestOptions,
} from './rest/app.ts';
import type { Authenticator } from './rest/auth.ts';
import { SiteDirectory, type ServedSite, type SiteToServe } from './rest/site-directory.ts';

export type { SiteToServe };

interface ServerCommon {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /**
   * Adds the caller's own routes (the CLI's visualization) after the API's and before the not-found answer, so
   * they never shadow an API path and an unknown path still answers in the error table's shape.
   */
  readonly mount?: (app: Hono) => void;
  /** `/live` lets connections without a token watch (never act); off unless asked for (`serve --anonymous-read-only`). */
  readonly anonymousReadOnly?: boolean;
}

/** One site: its twin, and its API client in `credentials`. */
interface OneSite {
  readonly live: LiveTwin;
  readonly credentials: RestOptions;
  readonly sites?: undefined;
}

/**
 * Several sites (`serve --site a --site b`), each with its own twin and API client (site-directory.ts);
 * `credentials` gives what they share: the identity prefix, the password file, token lifetimes and limits.
 */
interface SeveralSites {
  readonly sites: readonly SiteToServe[];
  readonly credentials: Omit<RestOptions, 'clientId' | 'clientSecret'>;
  readonly live?: undefined;
}

export type ServerOptions = ServerCommon & (OneSite | SeveralSites);

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Clients the live socket accepts at once, all sites together. */
export const liveClientsMax = 256;

/** `/healthz`: the first site's status as before, and with several sites each site's under its key. */
function health(sites: SiteDirectory): Record<string, unknown> {
  const first = { status: 'ok', ...sites.first.live.status() };
  if (sites.all.length === 1) return first;
  return { ...first, sites: sites.all.map((site) => ({ key: site.key, ...site.live.status() })) };
}

function createApp(
  sites: SiteDirectory,
  options: Pick<RestOptions, 'identityPrefix'> & Pick<ServerCommon, 'mount'>,
): Hono {
  const app = new Hono();
  // Before any route reads a body, on every path (the page's and unknown ones too): 413 while it streams.
  app.use(requestBodyLimit);
  app.get('/healthz', (c) => c.json(health(sites)));
  app.route('/', createSitesRestApp(sites, options));
  options.mount?.(app);
  // Every unknown path answers in the error table's shape, not with a bare text 404.
  app.notFound(restNotFound);
  return app;
}

/** The sites of the options, each with its own token table (the demo password only on loopback, auth.ts). */
function directoryOf(options: ServerOptions): SiteDirectory {
  if (options.sites === undefined) {
    const { clientId, clientSecret, ...shared } = options.credentials;
    return SiteDirectory.of(
      [{ key: 'site', live: options.live, client: { clientId, clientSecret } }],
      authOptionsForHost(shared, options.host),
    );
  }
  return SiteDirectory.of(options.sites, authOptionsForHost(options.credentials, options.host));
}

/** One site's side of `/live`: its own socket server and hub (the hub follows that site's twin only). */
interface LiveSite {
  readonly site: ServedSite;
  readonly wss: WebSocketServer;
}

/**
 * The site an upgrade to `/live` joins: the one whose table holds the offered token; without a token the one
 * `?site=KEY` names, else the first. A key that names no site, or another site than the token's, is undefined
 * (404): a token never watches another site, and a client is never left believing it does.
 */
function liveSiteOf(request: IncomingMessage, query: string, sites: SiteDirectory): ServedSite | undefined {
  const key = new URLSearchParams(query).get('site');
  const named = key === null ? undefined : sites.ofKey(key);
  if (key !== null && named === undefined) return undefined;
  const holder = sites.ofToken(offeredToken(request));
  if (holder !== undefined && named !== undefined && holder !== named) return undefined;
  return holder ?? named ?? sites.first;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // One token table per site for REST and /live: a token works on both, and is revoked on both.
  const sites = directoryOf(options);
  const app = createApp(sites, {
    ...options.credentials,
    ...(options.mount === undefined ? {} : { mount: options.mount }),
  });
  const server: Server = createHttpServer(getRequestListener(app.fetch));
  // One replay worker for every site: its parked checkpoints (megabytes each) are bounded once, not per site.
  const replays = new ReplayPool();
  const liveSites: LiveSite[] = sites.all.map((site) => {
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: protocolLimits.frameBytesMax,
      handleProtocols: selectSubprotocol,
    });
    attachLiveProtocol(wss, site.live, {
      userOfToken: (token) => userOfToken(site.auth, token, site.live),
      anonymousReadOnly: options.anonymousReadOnly === true,
      replay: replays.replay,
    });
    return { site, wss };
  });
  const liveClients = (): number => liveSites.reduce((sum, live) => sum + live.wss.clients.size, 0);
  // The twin's actors report some errors late, from a timer (XState): such an error ends the live session (its
  // clients are told), not the process, which goes on serving. Which site's twin threw cannot be told from the
  // error, so every site's session ends (none is left running in a state a replay might not reach).
  const onUncaught = (error: unknown): void => {
    console.error('lockstep: the live session ended on an error:', error);
    for (const site of sites.all) site.live.fail(error);
  };
  process.on('uncaughtException', onUncaught);
  server.on('upgrade', (request, socket, head) => {
    // The path only: a request target the URL parser refuses (`//`, `\\`) must be a 404, never a thrown error.
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const site =
      path === '/live' ? liveSiteOf(request, queryAt < 0 ? '' : target.slice(queryAt + 1), sites) : undefined;
    const joined = liveSites.find((live) => live.site === site);
    if (joined === undefined || liveClients() >= liveClientsMax) {
      socket.write(
        joined === undefined ? 'HTTP/1.1 404 Not Found\r\n\r\n' : 'HTTP/1.1 503 Service Unavailable\r\n\r\n',
      );
      socket.destroy();
      return;
    }
    joined.wss.handleUpgrade(request, socket, head, (client) =>
      joined.wss.emit('connection', client, request),
    );
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
        sites.stopAll();
        for (const { wss } of liveSites) {
          for (const client of wss.clients) client.terminate();
          wss.close();
        }
        replays.close();
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
