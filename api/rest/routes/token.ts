/** `POST /connect/token`: OAuth2 client credentials and password grants (see auth.ts). */
import { tokenRequestSchema, tokenResponseSchema, type TokenRequest } from '../auth.ts';
import { defineRoute, type Route } from '../route-table.ts';

export const tokenRoute: Route = defineRoute<TokenRequest>({
  method: 'post',
  path: '/connect/token',
  operationId: 'requestToken',
  summary:
    'A bearer token: grant_type client_credentials (client_id, client_secret) or password (username, password)',
  description:
    'Form-encoded (application/x-www-form-urlencoded) or JSON. Client credentials may also come as HTTP Basic. The client acts as the site’s first owner (else its first admin); with the password grant, username is a user’s id or email and the password of every twin user is the demo password `lockstep`. Tokens last expires_in seconds of wall-clock time.',
  tag: 'auth',
  auth: 'none',
  body: tokenRequestSchema,
  bodyFormat: 'form-or-json',
  response: { kind: 'item', schema: tokenResponseSchema },
  errors: [1500, 2203],
  handle: ({ services, live, body, request }) =>
    services.auth.grant(body, request.headers.get('authorization') ?? undefined, live.twin.cloud.state),
});
