/**
 * The identity endpoints' shapes (OAuth 2, RFC 6749 and RFC 7009): token and revocation requests, the token
 * response, and the error body of RFC 6749 §5.2.
 *
 * Request fields are plain bounded strings: which grant types and scopes are served is the authenticator's to
 * say, with an OAuth error (`unsupported_grant_type`, `invalid_scope`), not a schema's 400/1101.
 */
import { z } from 'zod';

/** The Connect API's one scope. */
export const connectScope = 'user_api.full_access';

/**
 * Scopes a client may ask for besides `user_api.full_access`: the identity server's OpenID ones, which clients of
 * the real service send along. They grant nothing more (the token is always `user_api.full_access`, and no
 * refresh token is issued); any other scope is `invalid_scope`.
 */
export const toleratedScopes = ['openid', 'profile', 'email', 'offline_access'] as const;

export const grantTypes = ['client_credentials', 'password'] as const;
export type GrantType = (typeof grantTypes)[number];

const field = (max: number) => z.string().max(max);

/** Fields of a token request (a form, or JSON); others are ignored, as OAuth2 clients send extra ones. */
export const tokenRequestSchema = z.object({
  grant_type: field(200).describe(`${grantTypes.join(' or ')}`),
  client_id: field(200).optional().describe('or as HTTP Basic'),
  client_secret: field(200).optional().describe('or as HTTP Basic'),
  username: field(200).optional().describe('password grant: a user’s id or email'),
  password: field(200).optional(),
  scope: field(1_000).optional().describe(`space-separated; \`${connectScope}\` when left out`),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('seconds'),
  scope: z.literal(connectScope),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Fields of a revocation request (RFC 7009): the token, and optionally the client's credentials. */
export const revocationRequestSchema = z.object({
  token: field(200),
  token_type_hint: field(100).optional(),
  client_id: field(200).optional(),
  client_secret: field(200).optional(),
});
export type RevocationRequest = z.infer<typeof revocationRequestSchema>;

/** RFC 6749 §5.2's error codes that the identity endpoints answer, and `unauthorized_client` for a site nobody runs. */
export const oauthErrorCodes = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;
export type OAuthErrorCode = (typeof oauthErrorCodes)[number];

/**
 * An identity endpoint's error: RFC 6749's `error` and `error_description`, and beside them the error table's
 * `ErrorCode` and `Message`, which the twin's own clients (and every other route) read.
 */
export const oauthErrorBodySchema = z.object({
  error: z.enum(oauthErrorCodes),
  error_description: z.string(),
  ErrorCode: z.number().int(),
  Message: z.string(),
});
export type OAuthErrorBody = z.infer<typeof oauthErrorBodySchema>;
