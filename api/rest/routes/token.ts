/**
 * The identity endpoints: `POST /connect/token` (OAuth2 client credentials and password grants) and
 * `POST /connect/revocation` (RFC 7009), at the origin's root and again under the identity prefix
 * (`/identity/connect/token` by default), so a client whose identity base URL and API base URL both point at the
 * twin works unchanged.
 */
import { z } from 'zod';
import {
  demoUserPassword,
  requestClientId,
  tokenLifetimeSecondsDefault,
  tokensMax,
  tokensPerUserMax,
} from '../auth.ts';
import { tokenRateLimitsDefault as limits } from '../token-rate-limit.ts';
import { defineRoute, type Route } from '../route-table.ts';
import {
  connectScope,
  revocationRequestSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  toleratedScopes,
  type RevocationRequest,
  type TokenRequest,
} from '../shapes/token.ts';

/** Where the identity endpoints are served a second time, unless the server is told otherwise. */
export const identityPrefixDefault = '/identity';

/** Path segments of a prefix: letters, digits and `- . _ ~`; at most 8 of them. */
const identityPrefixPattern = /^(\/[A-Za-z0-9._~-]{1,64}){1,8}$/;

/**
 * Why `prefix` cannot be the identity prefix, or undefined when it can: '' (none) or `/a/b` without a trailing
 * slash, and not inside the API's own paths.
 */
export function identityPrefixProblem(prefix: string): string | undefined {
  if (prefix === '') return undefined;
  if (!identityPrefixPattern.test(prefix) || /(^|\/)\.{1,2}(\/|$)/.test(prefix))
    return `the identity prefix must look like /identity (1–8 segments of letters, digits and - . _ ~), not ${JSON.stringify(prefix)}`;
  if (/^\/(v\d[^/]*|connect|openapi\.json|healthz|live)(\/|$)/i.test(prefix))
    return `the identity prefix ${JSON.stringify(prefix)} would hide the API's own paths`;
  return undefined;
}

const rateLimitText = `Rate limited (429/1500 with Retry-After and OAuth2's \`error: "slow_down"\`): ${limits.requestsMax} requests per ${limits.requestWindowSeconds} s per address to the token endpoints (${limits.requestsMaxAll} from all addresses together); after ${limits.failuresMax} failed attempts in ${limits.failureWindowSeconds} s for one username (from anywhere) or client_id (from one address), that name is locked out for ${limits.lockoutSeconds} s, doubled for each further lock-out within an hour up to ${limits.lockoutSecondsMax} s (even the right password waits).`;

const errorsText =
  'Errors follow OAuth 2 (RFC 6749 §5.2): `{"error", "error_description"}` and, beside them, the error table’s `ErrorCode` and `Message`. A missing or wrong client is `invalid_client`, 401/1500 with `WWW-Authenticate: Basic`; an unknown user or wrong password `invalid_grant`, 400/1101; another grant type `unsupported_grant_type`, 400/1101; an unknown scope `invalid_scope`, 400/1101; an unreadable body or a missing or malformed field `invalid_request`, 400/1100 or 1101; a site with nobody for the client to act as `unauthorized_client`, 403/2203.';

function tokenRouteAt(prefix: string): Route {
  return defineRoute<TokenRequest>({
    method: 'post',
    path: `${prefix}/connect/token`,
    operationId: prefix === '' ? 'requestToken' : 'requestTokenUnderIdentityPrefix',
    summary:
      'A bearer token: grant_type client_credentials, or password (username, password), with the client’s credentials',
    description: `Form-encoded (application/x-www-form-urlencoded) or JSON. The client’s credentials come as HTTP Basic or as client_id and client_secret in the body, for both grants: the password grant checks the client too. The client acts as the site’s first owner (else its first admin). On a server of several sites each site has its own client, and the client id picks the site (its token reads that site only). With the password grant, username is a user’s id or email; the password is the user's entry in the server's password file (\`serve --password-file\`) or, without one and only on a loopback server, the demo password \`${demoUserPassword}\` of every twin user. The scope is \`${connectScope}\` (left out, it is that too; ${toleratedScopes.map((scope) => `\`${scope}\``).join(', ')} are accepted beside it and grant nothing more; no refresh token is issued). Tokens last expires_in (${tokenLifetimeSecondsDefault}) seconds of wall-clock time; a user holds at most ${tokensPerUserMax} (a new one replaces that user's oldest, never another user's), the server at most ${tokensMax} (when full of other users' live tokens: 429). ${errorsText} ${rateLimitText}`,
    tag: 'auth',
    auth: 'none',
    rateLimited: true,
    body: tokenRequestSchema,
    bodyFormat: 'form-or-json',
    response: { kind: 'item', schema: tokenResponseSchema },
    errors: [1100, 1101, 1500, 2203],
    handle: ({ services, body, request, clientAddress }) => {
      const basic = request.headers.get('authorization') ?? undefined;
      // The client is the account: it picks the site whose users the password grant looks in.
      const site = services.sites.ofClient(requestClientId(body, basic));
      return site.auth.grant(body, basic, site.live.twin.cloud.state, clientAddress);
    },
  });
}

function revocationRouteAt(prefix: string): Route {
  return defineRoute<RevocationRequest>({
    method: 'post',
    path: `${prefix}/connect/revocation`,
    operationId: prefix === '' ? 'revokeToken' : 'revokeTokenUnderIdentityPrefix',
    summary: 'Revokes a token (RFC 7009): it stops working at once',
    description: `Form-encoded or JSON, with \`token\`. The token alone may revoke itself; client credentials (in the body or as HTTP Basic), when sent, must be right (else \`invalid_client\`, 401/1500). Answers 200 whether or not the token was known, so the answer tells nothing about other tokens. A missing token is \`invalid_request\`, 400/1101. ${rateLimitText}`,
    tag: 'auth',
    auth: 'none',
    rateLimited: true,
    body: revocationRequestSchema,
    bodyFormat: 'form-or-json',
    response: { kind: 'item', schema: z.object({}).strict() },
    errors: [1100, 1101, 1500],
    handle: async ({ services, body, request, clientAddress }) => {
      const basic = request.headers.get('authorization') ?? undefined;
      const clientId = requestClientId(body, basic);
      // A client revokes in its own site's table only (RFC 7009: a token issued to another client stays); a bare
      // token in the table that holds it.
      const site =
        clientId === undefined
          ? (services.sites.ofToken(body.token) ?? services.sites.first)
          : services.sites.ofClient(clientId);
      await site.auth.revoke(body, basic, clientAddress);
      return {};
    },
  });
}

export const tokenRoute: Route = tokenRouteAt('');
export const revocationRoute: Route = revocationRouteAt('');

/** The identity endpoints under `prefix` (none for ''); the route table has them at the root already. */
export function prefixedIdentityRoutes(prefix: string): readonly Route[] {
  const problem = identityPrefixProblem(prefix);
  if (problem !== undefined) throw new RangeError(problem);
  return prefix === '' ? [] : [tokenRouteAt(prefix), revocationRouteAt(prefix)];
}

/** True for the path of an identity endpoint (at the root or under a prefix). */
export function isIdentityPath(pathname: string): boolean {
  return /\/connect\/(token|revocation)$/.test(pathname);
}
