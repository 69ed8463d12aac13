/**
 * Helpers for the REST API's tests: a paused live twin of a named site (tests move time with `live.advance`), the
 * app around it, tokens, and requests with JSON bodies.
 */
import type { Hono } from 'hono';
import { liveTwinOfNamedSite, type LiveTwin } from '../live-twin.ts';
import { createRestApp, type RestOptions } from './app.ts';
import { connectIdsOf, type IdKind } from './connect-ids.ts';

export const testClient = { clientId: 'test-client', clientSecret: 'test-client-secret-0123456789' } as const;

export interface TestApi {
  readonly live: LiveTwin;
  readonly app: Hono;
  readonly stop: () => void;
}

/** A paused live twin of a library site without background traffic, unless asked for. */
export function createTestLive(
  options: {
    readonly site?: string;
    readonly background?: boolean;
    readonly overrides?: Readonly<Record<string, unknown>>;
  } = {},
): LiveTwin {
  return liveTwinOfNamedSite(options.site ?? 'office', {
    background: options.background ?? false,
    paused: true,
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
  });
}

export function createTestApi(
  options: {
    readonly site?: string;
    readonly background?: boolean;
    readonly overrides?: Readonly<Record<string, unknown>>;
    readonly rest?: Partial<RestOptions>;
  } = {},
): TestApi {
  const live = createTestLive(options);
  // In process, as on a loopback server: the demo password opens every twin user's account.
  const app = createRestApp(live, { ...testClient, demoPasswords: true, ...options.rest });
  return { live, app, stop: () => live.stop() };
}

/** A token for a twin user (password grant) or, without one, for the API client. */
export async function tokenFor(app: Hono, username?: string): Promise<string> {
  const fields: Record<string, string> =
    username === undefined
      ? {
          grant_type: 'client_credentials',
          client_id: testClient.clientId,
          client_secret: testClient.clientSecret,
        }
      : {
          grant_type: 'password',
          username,
          password: 'lockstep',
          client_id: testClient.clientId,
          client_secret: testClient.clientSecret,
        };
  const response = await app.request('/connect/token', { method: 'POST', body: new URLSearchParams(fields) });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined)
    throw new Error(`no token for ${username ?? 'the client'}: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

// Tests read answers field by field and assert on them; typing every answer would only repeat schemas.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = any;

export interface JsonResponse<T = AnyJson> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A request with a bearer token and (optionally) a JSON body; `body` as a string is sent as it is. */
export async function call<T = AnyJson>(
  app: Hono,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await app.request(path, init);
  const text = await response.text();
  return {
    status: response.status,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
    headers: response.headers,
  };
}

/** The public (Connect) id of a twin record: `publicIdOf(live, 'lock', 'lock-front')`. */
export function publicIdOf(live: LiveTwin, kind: IdKind, internalId: string): string {
  return connectIdsOf(live).publicId(kind, internalId);
}

/** `/v1.2/sites/<the site's UUID>` (or another version): the prefix of every site resource's path. */
export function sitePathOf(live: LiveTwin, version: 'v1.1' | 'v1.2' = 'v1.2'): string {
  return `/${version}/sites/${publicIdOf(live, 'site', live.twin.cloud.state.site.id)}`;
}
