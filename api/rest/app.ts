/**
 * The KS-style REST API of the live twin: OAuth2 tokens, sites and their locks, IQs, users, tags, access groups,
 * pods, notification rules, alerts and entries (the route table in routes/), the OpenAPI document generated from
 * that table at `/openapi.json`, and every error rendered once, here, from the one error table.
 *
 * The identity endpoints (`/connect/token`, `/connect/revocation`) answer at the root and again under the identity
 * prefix (`/identity` unless told otherwise), so a client configured with an identity base URL of
 * `http://host:port/identity` and an API base URL of `http://host:port` works unchanged. A known path with a
 * method it does not serve answers 405 with `Allow`; the service's `/v2/...` permission endpoints answer 403 with
 * an RFC 7807 problem, as they do for the clients of the real service.
 *
 * Handlers call the cloud core as the token's user, and send lock commands through the live twin as inputs; they
 * never touch devices.
 */
import { Hono, type Context } from 'hono';
import type { LiveTwin } from '../live-twin.ts';
import { Authenticator, type AuthOptions } from './auth.ts';
import { requestBodyLimit } from './body-limit.ts';
import { notFound, onError, renderError } from './errors.ts';
import { wrongMethodAnswer } from './method-not-allowed.ts';
import { oauthErrorOf, renderOAuthError } from './oauth-errors.ts';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.ts';
import { defineRoute, mountRoutes, type Route } from './route-table.ts';
import { restRoutes } from './routes/index.ts';
import { SiteDirectory } from './site-directory.ts';
import { identityPrefixDefault, isIdentityPath, prefixedIdentityRoutes } from './routes/token.ts';
import { openApiDocumentSchema } from './schemas.ts';

export { authOptionsForHost } from './auth.ts';
export { requestBodyLimit } from './body-limit.ts';
export { identityPrefixDefault, identityPrefixProblem } from './routes/token.ts';

/** The API client's credentials, what tests may inject (wall clock, token source, token lifetime), and paths. */
export type RestOptions = AuthOptions & {
  /**
   * Where the identity endpoints answer a second time (`/identity`: `/identity/connect/token`); '' serves them at
   * the root only. One to eight segments, not under the API's own paths (`identityPrefixProblem`).
   */
  readonly identityPrefix?: string;
};

export const apiVersion = '1.2.0';

/** Every route of the REST API, the identity endpoints under `identityPrefix` and the OpenAPI document's own included. */
export function createRouteTable(
  document: () => OpenApiDocument,
  identityPrefix: string = identityPrefixDefault,
): readonly Route[] {
  const openApiRoute = defineRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    tag: 'meta',
    auth: 'none',
    response: { kind: 'item', schema: openApiDocumentSchema },
    errors: [],
    handle: () => document(),
  });
  return [...restRoutes, ...prefixedIdentityRoutes(identityPrefix), openApiRoute];
}

/**
 * 404/3104 in the error table's shape for any unknown path: this app's own `notFound`, and meant for the app that
 * mounts it too (a parent's `notFound` is its own: `app.notFound(restNotFound)`).
 */
export function restNotFound(c: Context): Response {
  return renderError(c, notFound(`no route ${c.req.method} ${new URL(c.req.url).pathname}`));
}

/**
 * 403 with an RFC 7807 problem for the service's `/v2/...` permission endpoints, which the twin does not serve
 * (ASP.NET's problem `type` for 403, as the service sends).
 */
export function permissionApiForbidden(c: Context): Response {
  const problem = {
    type: 'https://tools.ietf.org/html/rfc7231#section-6.5.3',
    title: 'Forbidden',
    status: 403,
    detail: `the /v2 permission API is not available to this client (${c.req.method} ${new URL(c.req.url).pathname})`,
  };
  return c.body(JSON.stringify(problem), 403, { 'Content-Type': 'application/problem+json' });
}

/** Errors of the identity endpoints as OAuth 2 errors (oauth-errors.ts); every other error from the table. */
function restOnError(error: unknown, c: Context): Response {
  const oauth = isIdentityPath(new URL(c.req.url).pathname) ? oauthErrorOf(error) : undefined;
  return oauth === undefined ? onError(error, c) : renderOAuthError(c, oauth);
}

/**
 * The REST app of one site. `auth` is the token table to use: the server passes the one it shares with the live
 * protocol; without it the app has its own.
 */
export function createRestApp(
  live: LiveTwin,
  options: RestOptions,
  auth: Authenticator = new Authenticator(options),
): Hono {
  return createSitesRestApp(
    new SiteDirectory([{ key: 'site', live, auth, clientId: options.clientId }]),
    options,
  );
}

/**
 * The REST app of every site in `sites` (site-directory.ts: a token request picks its site by client, every other
 * request by its token). `options` gives the identity prefix; the clients are the sites' own.
 */
export function createSitesRestApp(sites: SiteDirectory, options: Pick<RestOptions, 'identityPrefix'>): Hono {
  const app = new Hono();
  const identityPrefix = options.identityPrefix ?? identityPrefixDefault;
  let document: OpenApiDocument | undefined;
  const routes = createRouteTable(
    () => (document ??= buildOpenApiDocument(routes, apiVersion)),
    identityPrefix,
  );
  app.onError(restOnError);
  app.use(requestBodyLimit);
  for (const prefix of new Set(['', identityPrefix])) {
    app.use(`${prefix}/connect/*`, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }
  mountRoutes(app, routes, sites);
  // Reached only when no route took the request: a known path with another method is 405.
  app.use(wrongMethodAnswer(routes));
  app.all('/v2', permissionApiForbidden);
  app.all('/v2/*', permissionApiForbidden);
  // Unknown paths under the API's prefixes: 404/3104. A catch-all rather than `notFound`, which a parent app does
  // not take over when it mounts this one.
  const identityPaths = identityPrefix === '' ? [] : [`${identityPrefix}/connect/*`];
  for (const prefix of ['/v1.2/*', '/v1.1/*', '/connect/*', ...identityPaths, '/openapi.json']) {
    app.all(prefix, restNotFound);
  }
  app.notFound(restNotFound);
  return app;
}
