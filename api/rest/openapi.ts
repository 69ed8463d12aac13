/**
 * The OpenAPI 3.1 document, generated from the route table: every route with its method, path parameters, OData
 * options (lists), request body (from its zod schema), response shape and the error codes it may answer, grouped by
 * HTTP status with the error table's messages. Nothing in it is written by hand but the prose.
 */
import { z } from 'zod';
import { errorTable, type ErrorCode } from '../../twin/index.ts';
import { demoUserPassword, tokensMax, tokensPerUserMax } from './auth.ts';
import { bodyBytesMax } from './body.ts';
import {
  continuationHeader,
  continuationListSchema,
  continuationParameter,
  listSchema,
  topDefault,
  topMax,
} from './list.ts';
import { offTableStatuses } from './errors.ts';
import { pathParameters, routeErrors, type Route } from './route-table.ts';

export type OpenApiDocument = {
  readonly openapi: string;
  readonly info: Record<string, unknown>;
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: Record<string, unknown>;
  readonly [extension: `x-${string}`]: unknown;
};

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly parameters: readonly Record<string, unknown>[];
  readonly requestBody?: Record<string, unknown>;
  readonly responses: Record<string, unknown>;
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly description?: string;
}

const description = `The REST API of the lockstep live twin (a deterministic digital twin of a cloud smart-lock site), shaped as the KS Connect API so that existing integrations run against it unchanged (docs/ks-connect.md lists every deviation).

**Ids.** Every resource id is a UUID the server makes (a create answers it); a site user has a site-user \`id\` and a platform \`user.id\` (group membership and entries), and the wrong one is 404/2202. Paths take the site's UUID; its \`site_uid\` there is 400/1100.

**Auth.** \`POST /connect/token\` (also under the identity prefix, \`/identity/connect/token\` unless the server says otherwise) with the client's id and secret (HTTP Basic, or \`client_id\`/\`client_secret\` in the form) and \`grant_type=client_credentials\` (the client acts as the site's first owner, else its first admin) or \`grant_type=password\` (the client is checked too; \`username\` = a twin user's id or email; \`password\` = the user's entry in the server's password file, or without one, on a loopback server only, \`${demoUserPassword}\`, the demo password of every twin user). Send the token as \`Authorization: Bearer <token>\` (else 401/1500). The token endpoint answers OAuth 2 errors (RFC 6749 §5.2: \`error\`, \`error_description\`, beside the table's fields): \`invalid_client\` 401, \`invalid_grant\`, \`invalid_request\`, \`unsupported_grant_type\`, \`invalid_scope\` 400. Tokens last \`expires_in\` seconds of wall-clock time, are revoked with \`POST /connect/revocation\` (RFC 7009), and are bounded: ${tokensPerUserMax} per user (a new one replaces the same user's oldest), ${tokensMax} in all. The token endpoints are rate limited per address, per username and per client_id, with back-off after failed attempts: 429/1500 with \`Retry-After\`. The token's user is the actor of every operation, so the cloud's role rules apply (2203). A token sees only its own site: any other \`site_id\` is 404/3104.

**Errors.** Every error is \`{"ErrorCode": <code>, "Message": "<text>"}\` with the HTTP status of the service's error table (\`x-error-table\`). Where the table says \`???\` we chose: 1101 (invalid parameter) is 400; 3010 and 3201 are 500; 3102 is 408 (the lock did not answer in time). Malformed JSON is 400/1100, a body over ${bodyBytesMax} bytes 413/1100 (checked while it streams; the connection is closed), a change the live session refuses (it keeps a bounded number of inputs) 403/2203, an invalid value 400/1101 naming the field, a malformed OData option 400/1102, an unknown path 404/3104, a known path with a method it does not take 405/1100 (with \`Allow\`), \`/v2/...\` 403 with an RFC 7807 problem body, anything unexpected 500/2201. 3102 also answers 400 (\`otp_invalid\`) and 403 (\`otp_blocked\`) for one-time passwords.

**Lists** answer \`{"items": [...], "next_page_link": string|null, "count": N}\` (\`count\`: items passing \`$filter\`, all pages together) and take \`$filter\` (\`eq ne gt ge lt le and or not\`, brackets, \`contains(field,'x')\`, \`startswith\`, \`endswith\`; literals: 'text' with '' for a quote, numbers, true, false, null, date-times like 2026-03-02T08:00:00Z compared as instants; nested fields with /), \`$orderby\` (\`field asc, other desc\`), \`$top\` (1–${topMax}, default ${topDefault}) and \`$skip\`; the entries log pages with \`continuation_token\` instead (sent back in the \`CLP-Continuation-Token\` header) and refuses \`$skip\`.`;

const errorSchema = {
  type: 'object',
  required: ['ErrorCode', 'Message'],
  properties: { ErrorCode: { type: 'integer' }, Message: { type: 'string' } },
  additionalProperties: false,
};

export function buildOpenApiDocument(routes: readonly Route[], version: string): OpenApiDocument {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const route of routes) {
    const operations = (paths[route.path] ??= {});
    if (operations[route.method] !== undefined)
      throw new Error(`two routes for ${route.method.toUpperCase()} ${route.path}`);
    operations[route.method] = operation(route);
  }
  const errorTableDoc = Object.fromEntries(
    Object.entries(errorTable).map(([code, row]) => [code, { status: row.httpStatus, message: row.message }]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'lockstep REST API', version, description },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          flows: {
            clientCredentials: { tokenUrl: '/connect/token', scopes: {} },
            password: { tokenUrl: '/connect/token', scopes: {} },
          },
        },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    'x-error-table': errorTableDoc,
  };
}

function operation(route: Route): OpenApiOperation {
  const parameters: Record<string, unknown>[] = pathParameters(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.response.kind === 'list')
    parameters.push(...listParameters(route.response.paging === 'continuation'));
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    tags: [route.tag],
    ...(route.auth === 'none' ? { security: [] } : { security: [{ oauth2: [] }, { bearer: [] }] }),
    parameters,
    ...(route.body === undefined ? {} : { requestBody: requestBody(route) }),
    responses: responses(route),
  };
}

function listParameters(continuation: boolean): Record<string, unknown>[] {
  const parameters: Record<string, unknown>[] = [
    {
      name: '$filter',
      in: 'query',
      required: false,
      schema: { type: 'string' },
      description:
        "OData filter, e.g. `lock_id eq 'lock-front' and utc_date_time ge 2026-03-02T08:00:00Z` (malformed: 400/1102)",
    },
    {
      name: '$orderby',
      in: 'query',
      required: false,
      schema: { type: 'string' },
      description: 'e.g. `name asc, id desc` (malformed or unknown field: 400/1102)',
    },
    {
      name: '$top',
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: topMax, default: topDefault },
    },
  ];
  if (!continuation)
    parameters.push({
      name: '$skip',
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 0, default: 0 },
    });
  if (continuation) {
    parameters.push({
      name: continuationHeader,
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description:
        'the previous page’s continuation_token: where the next page starts ($skip is refused: 400/1102)',
    });
    parameters.push({
      name: continuationParameter,
      in: 'query',
      required: false,
      schema: { type: 'string' },
      description: 'from next_page_link: where the next page starts',
    });
  }
  return parameters;
}

function requestBody(route: Route): Record<string, unknown> {
  const schema = jsonSchema(route.body as z.ZodType, 'input');
  const content: Record<string, unknown> = { 'application/json': { schema } };
  if (route.bodyFormat === 'form-or-json') content['application/x-www-form-urlencoded'] = { schema };
  return { required: true, content };
}

function responses(route: Route): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const { response } = route;
  if (response.kind === 'empty')
    result[String(response.status ?? 204)] = { description: response.status === 202 ? 'Accepted' : 'Done' };
  else {
    const schema =
      response.kind !== 'list'
        ? response.schema
        : response.paging === 'continuation'
          ? continuationListSchema(response.schema)
          : listSchema(response.schema);
    const status = response.kind === 'item' ? (response.status ?? 200) : 200;
    result[String(status)] = {
      description: response.kind === 'list' ? 'A page of the list' : 'The resource',
      content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
    };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of routeErrors(route)) {
    const status = errorTable[code].httpStatus;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    result[String(status)] = errorResponse(
      codes.map((code) => `${code}: ${errorTable[code].message}`).join('\n'),
      codes,
    );
  }
  // Statuses the error table has no row for: the body keeps its shape with the table's generic code.
  if (route.body !== undefined)
    result['413'] = errorResponse(`${offTableStatuses[413]}: the body is larger than ${bodyBytesMax} bytes`, [
      offTableStatuses[413],
    ]);
  if (route.rateLimited === true) {
    result['429'] = {
      ...errorResponse(
        `${offTableStatuses[429]}: too many requests or failed attempts; wait Retry-After seconds`,
        [offTableStatuses[429]],
        {
          error: { type: 'string', enum: ['slow_down'] },
          error_description: { type: 'string' },
        },
      ),
      headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'seconds to wait' } },
    };
  }
  return result;
}

function errorResponse(
  text: string,
  codes: readonly ErrorCode[],
  extraProperties: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    description: text,
    content: {
      'application/json': {
        schema: {
          ...errorSchema,
          properties: {
            ...errorSchema.properties,
            ErrorCode: { type: 'integer', enum: codes },
            ...extraProperties,
          },
        },
      },
    },
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}
