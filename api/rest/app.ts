/**
 * The KS-style REST API of the live twin: OAuth2 tokens, sites and their locks, IQs, users, tags, access groups,
 * pods, notification rules, alerts and entries (the route table in routes/), the OpenAPI document generated from
 * that table at `/openapi.json`, and every error rendered once, here, from the one error table.
 *
 * Handlers call the cloud core as the token's user, and send lock commands through the live twin as inputs; they
 * never touch devices.
 */
import { Hono, type Context } from 'hono';
import type { LiveTwin } from '../live-twin.ts';
import { Authenticator, type AuthOptions } from './auth.ts';
import { requestBodyLimit } from './body-limit.ts';
import { notFound, onError, renderError } from './errors.ts';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.ts';
import { defineRoute, mountRoutes, type Route } from './route-table.ts';
import { restRoutes } from './routes/index.ts';
import { openApiDocumentSchema } from './schemas.ts';

export { authOptionsForHost } from './auth.ts';
export { requestBodyLimit } from './body-limit.ts';

/** The API client's credentials, and what tests may inject (wall clock, token source, token lifetime). */
export type RestOptions = AuthOptions;

export const apiVersion = '1.2.0';

/** Every route of the REST API, the OpenAPI document's own included. */
export function createRouteTable(document: () => OpenApiDocument): readonly Route[] {
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
  return [...restRoutes, openApiRoute];
}

/**
 * 404/3104 in the error table's shape for any unknown path: this app's own `notFound`, and meant for the app that
 * mounts it too (a parent's `notFound` is its own: `app.notFound(restNotFound)`).
 */
export function restNotFound(c: Context): Response {
  return renderError(c, notFound(`no route ${c.req.method} ${new URL(c.req.url).pathname}`));
}

/**
 * The REST app. `auth` is the token table to use: the server passes the one it shares with the live protocol;
 * without it the app has its own.
 */
export function createRestApp(
  live: LiveTwin,
  options: RestOptions,
  auth: Authenticator = new Authenticator(options),
): Hono {
  const app = new Hono();
  let document: OpenApiDocument | undefined;
  const routes = createRouteTable(() => (document ??= buildOpenApiDocument(routes, apiVersion)));
  app.onError(onError);
  app.use(requestBodyLimit);
  app.use('/connect/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  mountRoutes(app, routes, { live, auth });
  // Unknown paths (and known paths with another method) under the API's prefixes: 404/3104. A catch-all rather
  // than `notFound`, which a parent app does not take over when it mounts this one.
  for (const prefix of ['/v1.2/*', '/v1.1/*', '/connect/*', '/openapi.json']) {
    app.all(prefix, restNotFound);
  }
  app.notFound(restNotFound);
  return app;
}
