/** `POST /connect/token` (OAuth2 client credentials and password grants) and `POST /connect/revocation` (RFC 7009). */
import { z } from 'zod';
import {
  demoUserPassword,
  revocationRequestSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  tokensMax,
  tokensPerUserMax,
  type RevocationRequest,
  type TokenRequest,
} from '../auth.ts';
import { tokenRateLimitsDefault as limits } from '../token-rate-limit.ts';
import { defineRoute, type Route } from '../route-table.ts';

const rateLimitText = `Rate limited (429/1500 with Retry-After and OAuth2's \`error: "slow_down"\`): ${limits.requestsMax} requests per ${limits.requestWindowSeconds} s per address to the token endpoints (${limits.requestsMaxAll} from all addresses together); after ${limits.failuresMax} failed attempts in ${limits.failureWindowSeconds} s for one username (from anywhere) or client_id (from one address), that name is locked out for ${limits.lockoutSeconds} s, doubled for each further lock-out within an hour up to ${limits.lockoutSecondsMax} s (even the right password waits).`;

export const tokenRoute: Route = defineRoute<TokenRequest>({
  method: 'post',
  path: '/connect/token',
  operationId: 'requestToken',
  summary:
    'A bearer token: grant_type client_credentials (client_id, client_secret) or password (username, password)',
  description: `Form-encoded (application/x-www-form-urlencoded) or JSON. Client credentials may also come as HTTP Basic. The client acts as the site’s first owner (else its first admin). With the password grant, username is a user’s id or email; the password is the user's entry in the server's password file (\`serve --password-file\`) or, without one and only on a loopback server, the demo password \`${demoUserPassword}\` of every twin user. Tokens last expires_in seconds of wall-clock time; a user holds at most ${tokensPerUserMax} (a new one replaces that user's oldest, never another user's), the server at most ${tokensMax} (when full of other users' live tokens: 429). ${rateLimitText}`,
  tag: 'auth',
  auth: 'none',
  rateLimited: true,
  body: tokenRequestSchema,
  bodyFormat: 'form-or-json',
  response: { kind: 'item', schema: tokenResponseSchema },
  errors: [1500, 2203],
  handle: ({ services, live, body, request, clientAddress }) =>
    services.auth.grant(
      body,
      request.headers.get('authorization') ?? undefined,
      live.twin.cloud.state,
      clientAddress,
    ),
});

export const revocationRoute: Route = defineRoute<RevocationRequest>({
  method: 'post',
  path: '/connect/revocation',
  operationId: 'revokeToken',
  summary: 'Revokes a token (RFC 7009): it stops working at once',
  description: `Form-encoded or JSON, with \`token\`. The token alone may revoke itself; client credentials (in the body or as HTTP Basic), when sent, must be right (else 401/1500). Answers 200 whether or not the token was known, so the answer tells nothing about other tokens. ${rateLimitText}`,
  tag: 'auth',
  auth: 'none',
  rateLimited: true,
  body: revocationRequestSchema,
  bodyFormat: 'form-or-json',
  response: { kind: 'item', schema: z.object({}).strict() },
  errors: [1500],
  handle: async ({ services, body, request, clientAddress }) => {
    await services.auth.revoke(body, request.headers.get('authorization') ?? undefined, clientAddress);
    return {};
  },
});
