/**
 * 405 for a known path with a method it does not serve, as on the service (never 404): the path is known when a
 * route of the route table has it, with any method, or when it is one of the paths the service knows without
 * serving anything there in this version (`/v1.2/.../entries`: entries answer on `/v1.1` only). The answer has
 * `Allow` with the path's methods (HEAD wherever GET is, as hono answers HEAD with the GET route).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { methodNotAllowed } from './errors.ts';
import type { HttpMethod, Route } from './route-table.ts';

/** Paths the service knows that serve no method in this version, with where the client should go instead. */
export const methodlessPaths: readonly { readonly path: string; readonly servedAt: string }[] = [
  { path: '/v1.2/sites/{site_id}/entries', servedAt: 'GET /v1.1/sites/{site_id}/entries' },
];

interface KnownPath {
  readonly path: string;
  readonly pattern: RegExp;
  readonly methods: ReadonlySet<HttpMethod>;
  readonly servedAt: string | undefined;
}

/** `/v1.2/sites/{site_id}` as a pattern of whole paths: a parameter is one segment, as in the hono routes. */
function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/\{[a-z_]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

/** Every path of `routes` and `methodlessPaths`, with its methods, in the order first met. */
export function knownPaths(routes: readonly Route[]): readonly KnownPath[] {
  const byPath = new Map<string, { methods: Set<HttpMethod>; servedAt: string | undefined }>();
  for (const route of routes) {
    const known = byPath.get(route.path) ?? { methods: new Set<HttpMethod>(), servedAt: undefined };
    known.methods.add(route.method);
    byPath.set(route.path, known);
  }
  for (const { path, servedAt } of methodlessPaths)
    if (!byPath.has(path)) byPath.set(path, { methods: new Set(), servedAt });
  return [...byPath].map(([path, known]) => ({ path, pattern: pathPattern(path), ...known }));
}

const methodOrder: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** The `Allow` header's methods for a concrete path: those of every known path it matches (empty when none). */
export function allowedMethods(paths: readonly KnownPath[], pathname: string): string[] | undefined {
  const matches = paths.filter((known) => known.pattern.test(pathname));
  if (matches.length === 0) return undefined;
  const methods = new Set(matches.flatMap((known) => [...known.methods]));
  const allowed = methodOrder.filter((method) => methods.has(method)).map((method) => method.toUpperCase());
  return methods.has('get') ? [allowed[0] as string, 'HEAD', ...allowed.slice(1)] : allowed;
}

/**
 * Middleware to mount after every route: a request that reaches it matched no route with its method, so on a
 * known path it is 405; anything else goes on (to the page's routes, or to 404).
 */
export function wrongMethodAnswer(routes: readonly Route[]): MiddlewareHandler {
  const paths = knownPaths(routes);
  return async (c: Context, next) => {
    const pathname = new URL(c.req.url).pathname;
    const allowed = allowedMethods(paths, pathname);
    if (allowed === undefined) return next();
    const servedAt = paths.find((known) => known.pattern.test(pathname) && known.servedAt !== undefined);
    const detail =
      servedAt?.servedAt !== undefined && allowed.length === 0
        ? `${pathname} serves no method in this version; see ${servedAt.servedAt}`
        : `${c.req.method} is not served on ${pathname}; it serves ${allowed.join(', ')}`;
    return methodNotAllowed(c, allowed, detail);
  };
}
