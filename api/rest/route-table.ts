/**
 * The route table: every REST route is one `Route` value (method, path, body schema, response shape, error codes,
 * handler). `mountRoutes` turns the table into hono routes with the shared steps (token, site, OData options, body)
 * done once; `openapi.ts` turns the same table into the OpenAPI document, so the two cannot drift apart.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { CloudCore, ErrorCode } from '../../twin/index.ts';
import type { LiveTwin } from '../live-twin.ts';
import type { Authenticator } from './auth.ts';
import type { SiteDirectory } from './site-directory.ts';
import { parseBody, readFormOrJson, readJsonBody } from './body.ts';
import { connectIdsOf, isUuid, type ConnectIds } from './connect-ids.ts';
import { malformedRequest, notFound } from './errors.ts';
import { continuationPage, readListQuery, skipPage, type ItemFields, type LogSource } from './list.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a request works with: its site's twin and token table (site-directory.ts), and every site served. */
export interface RestServices {
  readonly live: LiveTwin;
  readonly auth: Authenticator;
  readonly sites: SiteDirectory;
}

export interface RouteContext<Body> {
  readonly services: RestServices;
  readonly live: LiveTwin;
  readonly core: CloudCore;
  /** The token's user: the actor of every cloud operation ('' on routes without a token). */
  readonly actorId: string;
  /**
   * Path parameters, decoded (`site_id`, `lock_id` …), as the client wrote them (public UUIDs), but for
   * `site_id`, which is already the twin's own site id (the site's public id has been checked).
   */
  readonly params: Readonly<Record<string, string>>;
  /** The Connect API's public ids of this twin (connect-ids.ts). */
  readonly ids: ConnectIds;
  readonly body: Body;
  readonly url: URL;
  readonly request: Request;
  /** The client's remote address (for per-address rate limits); 'local' for in-process requests. */
  readonly clientAddress: string;
}

export type RouteResponse =
  /** One object (`status` 200 unless told). */
  | { readonly kind: 'item'; readonly status?: 200 | 201 | 202; readonly schema: z.ZodType }
  /** A list with the OData options; `paging` continuation pages with `continuation_token` (entries). */
  | { readonly kind: 'list'; readonly schema: z.ZodType; readonly paging?: 'skip' | 'continuation' }
  /** No body: 204 unless told (202: accepted, done at once or soon, as the service answers deletes). */
  | { readonly kind: 'empty'; readonly status?: 202 | 204 };

/** What a list handler gives back: the whole list, or (continuation paging) a log source. */
export type ListSource = readonly unknown[] | LogSource<unknown>;

export interface RouteDefinition<Body> {
  readonly method: HttpMethod;
  /** OpenAPI style: `/v1.2/sites/{site_id}/locks`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** 'none': no token needed (token endpoint, OpenAPI document). */
  readonly auth?: 'bearer' | 'none';
  readonly body?: z.ZodType<Body>;
  /** 'form-or-json' for OAuth2 token requests; JSON otherwise. */
  readonly bodyFormat?: 'json' | 'form-or-json';
  readonly response: RouteResponse;
  /** Rate limited: may answer 429 with `Retry-After` (the token endpoints). */
  readonly rateLimited?: boolean;
  /** Codes this route may answer besides the ones every route of its kind may (see `commonErrors`). */
  readonly errors: readonly ErrorCode[];
  readonly handle: (context: RouteContext<Body>) => unknown;
}

export type Route = RouteDefinition<unknown>;

export function defineRoute<Body = undefined>(definition: RouteDefinition<Body>): Route {
  return definition as unknown as Route;
}

/** Path parameters of an OpenAPI path, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1] as string);
}

export function honoPath(path: string): string {
  return path.replace(/\{([a-z_]+)\}/g, ':$1');
}

/** Every code a route may answer: its own, and those of its kind (token, site, body, list, internal). */
export function routeErrors(route: Route): ErrorCode[] {
  const codes = new Set<ErrorCode>([2201, ...route.errors]);
  if (route.auth !== 'none') codes.add(1500);
  if (pathParameters(route.path).length > 0) codes.add(3104);
  if (route.body !== undefined) codes.add(1100).add(1101);
  if (route.response.kind === 'list') codes.add(1101).add(1102);
  return [...codes].sort((a, b) => a - b);
}

const fieldsCache = new WeakMap<z.ZodType, ItemFields>();

/** The fields of a list's items, from the item schema: leaves for `$filter`, leaves that are not lists for `$orderby`. */
export function itemFields(schema: z.ZodType): ItemFields {
  const cached = fieldsCache.get(schema);
  if (cached !== undefined) return cached;
  const filterable = new Set<string>();
  const sortable = new Set<string>();
  const walk = (node: JsonSchema, prefix: string): void => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      const variants = child.anyOf ?? [child];
      const object = variants.find((variant) => variant.properties !== undefined);
      if (object !== undefined) {
        walk(object, path);
        continue;
      }
      filterable.add(path);
      if (!variants.some((variant) => variant.type === 'array')) sortable.add(path);
    }
  };
  walk(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema, '');
  const fields = { filterable, sortable };
  fieldsCache.set(schema, fields);
  return fields;
}

interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly anyOf?: readonly JsonSchema[];
}

export function mountRoutes(app: Hono, routes: readonly Route[], sites: SiteDirectory): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), (c) => handleRoute(c, route, sites));
  }
}

/** The socket's remote address under the node adapter (`c.env.incoming`), else 'local' (`app.request`). */
function remoteAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * The twin's site id behind a path's `site_id`: paths take the site's UUID; its `site_uid` or name there is a
 * malformed request (400/1100), as on the service; another UUID is not found.
 */
function siteOfPath(pathSiteId: string, ids: ConnectIds, siteId: string): string {
  if (!isUuid(pathSiteId))
    throw malformedRequest(`a site is named by its id (a UUID) in paths, not ${JSON.stringify(pathSiteId)}`);
  if (ids.publicId('site', siteId) !== pathSiteId) throw notFound(`site ${pathSiteId}`);
  return siteId;
}

async function handleRoute(c: Context, route: Route, sites: SiteDirectory): Promise<Response> {
  // The token decides the site (its own table holds it); a route without one starts at the first site, and the
  // identity endpoints pick theirs by client (routes/token.ts).
  const site = route.auth === 'none' ? sites.first : sites.ofAuthorization(c.req.header('authorization'));
  const services: RestServices = { live: site.live, auth: site.auth, sites };
  const { live } = services;
  const state = live.twin.cloud.state;
  const session =
    route.auth === 'none' ? undefined : services.auth.authenticate(c.req.header('authorization'), state);
  const params: Record<string, string> = {};
  for (const name of pathParameters(route.path)) params[name] = c.req.param(name) ?? '';
  const ids = connectIdsOf(live);
  if (params.site_id !== undefined) params.site_id = siteOfPath(params.site_id, ids, state.site.id);
  // A token sees its own site only; any other id is simply not found (the caller learns nothing of it).
  if (session !== undefined && params.site_id !== undefined && params.site_id !== session.siteId)
    throw notFound(`site ${params.site_id}`);
  const url = new URL(c.req.url);
  const query =
    route.response.kind === 'list' ? readListQuery(url, itemFields(route.response.schema)) : undefined;
  let body: unknown = undefined;
  if (route.body !== undefined) {
    const json =
      route.bodyFormat === 'form-or-json' ? await readFormOrJson(c.req.raw) : await readJsonBody(c.req.raw);
    body = parseBody(route.body, json);
  }
  const context: RouteContext<unknown> = {
    services,
    live,
    // Changes go through the live twin as inputs, so an exported session replays them.
    core: live.recordingCore(),
    actorId: session?.userId ?? '',
    params,
    ids,
    body,
    url,
    request: c.req.raw,
    clientAddress: remoteAddress(c),
  };
  const result = await route.handle(context);
  const { response } = route;
  switch (response.kind) {
    case 'empty':
      return c.body(null, response.status ?? 204);
    case 'item':
      return c.json(result as object, response.status ?? 200);
    case 'list': {
      const source = result as ListSource;
      const listQuery = query as NonNullable<typeof query>;
      if (Array.isArray(source)) {
        return c.json(
          response.paging === 'continuation'
            ? continuationPage(
                { length: source.length, firstIndex: 0, itemAt: (index) => source[index] },
                listQuery,
                url,
              )
            : skipPage(source, listQuery, url),
        );
      }
      const log = source as LogSource<unknown>;
      return c.json(continuationPage(log, listQuery, url));
    }
  }
}
