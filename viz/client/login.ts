/// <reference lib="dom" />
/**
 * The page's login: a bearer token from the server's OAuth2 token endpoint (`POST /connect/token`, the
 * client-credentials grant, as the REST API's clients use it), presented on `/live` as a subprotocol. On a loopback
 * address the form comes filled in with the demo API client of `lockstep serve` (bin/serve-command.ts), so a
 * local demo logs in by itself; anywhere else the operator types the client's id and secret.
 */

/** The demo API client of `lockstep serve` on loopback (README): only for trying the twin on this machine. */
const demoClient = { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' } as const;

/**
 * The demo client the page logs in with on loopback: the one site's, or on a server of several sites the one of
 * the site its address names (`/?site=KEY`: `lockstep-demo-KEY`, as bin/serve-command.ts makes them). The client
 * picks the site, so the page shows the site its token belongs to.
 */
export function demoClientOf(search: string): ClientCredentials {
  const key = new URLSearchParams(search).get('site');
  if (key === null || !/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/.test(key)) return demoClient;
  return { clientId: `lockstep-demo-${key}`, clientSecret: `lockstep-demo-${key}-secret` };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether the page was loaded from this machine (then the demo client is filled in). */
export function onLoopback(hostname: string): boolean {
  return loopbackHosts.has(hostname);
}

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export type TokenOutcome =
  { readonly ok: true; readonly token: string } | { readonly ok: false; readonly message: string };

/** Asks the token endpoint of the page's own origin for a token; never rejects. */
export async function fetchToken(credentials: ClientCredentials): Promise<TokenOutcome> {
  try {
    const response = await fetch('/connect/token', {
      method: 'POST',
      // A refused client is 401 with WWW-Authenticate: Basic (RFC 6749): without credentials the browser shows
      // no password prompt of its own (which would hold the answer), and the page shows its login form instead.
      credentials: 'omit',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }).toString(),
    });
    const body = (await response.json()) as { access_token?: unknown; Message?: unknown };
    if (response.ok && typeof body.access_token === 'string') return { ok: true, token: body.access_token };
    return {
      ok: false,
      message: `login refused (${response.status}): ${typeof body.Message === 'string' ? body.Message : 'no token'}`,
    };
  } catch (error) {
    return { ok: false, message: `login failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The subprotocols that present `token` on `/live` (docs/protocol.md, Authentication). */
export function liveProtocols(token: string): string[] {
  return ['lockstep-live', `bearer.${token}`];
}
