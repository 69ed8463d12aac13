import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouteTable } from './app.ts';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.ts';
import { routeErrors } from './route-table.ts';
import { createTestApi, type TestApi } from './testing.ts';

let api: TestApi;
let document: OpenApiDocument;
beforeEach(async () => {
  api = createTestApi();
  const response = await api.app.request('/openapi.json');
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});
afterEach(() => api.stop());

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3 document, served without a token', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info).toMatchObject({ title: 'lockstep REST API' });
    expect(document.components).toHaveProperty(
      'securitySchemes.oauth2.flows.clientCredentials.tokenUrl',
      '/connect/token',
    );
  });

  it('lists every route the app serves, with its method, and nothing else', () => {
    const served = new Set<string>();
    for (const route of api.app.routes) {
      const method = route.method.toLowerCase();
      if (!methods.has(method) || route.path.includes('*')) continue;
      served.add(`${method} ${route.path.replace(/:([a-z_]+)/g, '{$1}')}`);
    }
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths))
      for (const method of Object.keys(operations)) documented.add(`${method} ${path}`);
    expect([...documented].sort()).toEqual([...served].sort());
    expect(served.size).toBeGreaterThanOrEqual(40);
    // The routes of this part of the API by name; every other route is checked through the route table below.
    for (const required of [
      'post /connect/token',
      'post /connect/revocation',
      'post /identity/connect/token',
      'post /identity/connect/revocation',
      'get /v1.1/sites',
      'get /v1.2/sites',
      'get /v1.1/sites/{site_id}',
      'get /v1.2/sites/{site_id}',
      'get /v1.2/sites/{site_id}/subscription',
      'get /v1.2/me',
      'get /openapi.json',
    ]) {
      expect(served, required).toContain(required);
    }
    // Known paths without a method in this version are answered (405) but not documented as operations.
    expect(documented).not.toContain('get /v1.2/sites/{site_id}/entries');
  });

  it('describes parameters, bodies, list shapes and errors of every operation from the route table', () => {
    const table = createRouteTable(() => document);
    expect(table).toHaveLength(
      Object.values(document.paths).reduce((sum, operations) => sum + Object.keys(operations).length, 0),
    );
    for (const route of table) {
      const operation = document.paths[route.path]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      if (operation === undefined) continue;
      const names = operation.parameters.map((parameter) => parameter.name);
      for (const name of route.path.matchAll(/\{([a-z_]+)\}/g)) expect(names).toContain(name[1]);
      if (route.response.kind === 'list') {
        // A log pages with a continuation token (body, header or query), never with $skip.
        const continuation = route.response.paging === 'continuation';
        const paging = continuation ? ['CLP-Continuation-Token', 'continuation_token'] : ['$skip'];
        expect(names).toEqual(expect.arrayContaining(['$filter', '$orderby', '$top', ...paging]));
        if (continuation) expect(names).not.toContain('$skip');
        expect(operation.responses['200']).toHaveProperty(
          ['content', 'application/json', 'schema', 'properties', 'items', 'type'],
          'array',
        );
        expect(operation.responses['200']).toHaveProperty(
          ['content', 'application/json', 'schema', 'required'],
          continuation
            ? ['items', 'continuation_token', 'next_page_link', 'count']
            : ['items', 'next_page_link', 'count'],
        );
      }
      expect(operation.requestBody !== undefined).toBe(route.body !== undefined);
      for (const code of routeErrors(route)) {
        const status = Object.entries(operation.responses).find(([, response]) =>
          (response as { description: string }).description.includes(`${code}: `),
        );
        expect(status, `${route.operationId} documents ${code}`).toBeDefined();
        expect(status?.[1]).toHaveProperty(
          ['content', 'application/json', 'schema', 'required'],
          ['ErrorCode', 'Message'],
        );
      }
      expect(operation.security).toEqual(route.auth === 'none' ? [] : [{ oauth2: [] }, { bearer: [] }]);
    }
    const sites = document.paths['/v1.1/sites']?.get;
    expect(sites?.responses['200']).toHaveProperty(
      [
        'content',
        'application/json',
        'schema',
        'properties',
        'items',
        'items',
        'properties',
        'site_uid',
        'type',
      ],
      'string',
    );
    expect(document.paths['/v1.2/me']?.get?.responses['200']).toHaveProperty(
      ['content', 'application/json', 'schema', 'required'],
      ['id', 'first_name', 'last_name', 'email'],
    );
    expect(document.paths['/connect/token']?.post?.responses['200']).toHaveProperty(
      ['content', 'application/json', 'schema', 'properties', 'scope', 'const'],
      'user_api.full_access',
    );
    expect(document.paths['/connect/token']?.post?.description).toMatch(/invalid_client.*401/);
  });

  it('documents the limits: 413 on every body, 429 with Retry-After on the token endpoints', () => {
    const table = createRouteTable(() => document);
    for (const route of table) {
      const responses = document.paths[route.path]?.[route.method]?.responses ?? {};
      expect(responses['413'] !== undefined, `${route.operationId} 413`).toBe(route.body !== undefined);
      expect(responses['429'] !== undefined, `${route.operationId} 429`).toBe(route.rateLimited === true);
    }
    const token = document.paths['/connect/token']?.post;
    expect(token?.responses['413']).toHaveProperty(
      ['content', 'application/json', 'schema', 'properties', 'ErrorCode', 'enum'],
      [1100],
    );
    expect(token?.responses['429']).toHaveProperty(['headers', 'Retry-After']);
    expect(token?.responses['429']).toHaveProperty(
      ['content', 'application/json', 'schema', 'properties', 'error', 'enum'],
      ['slow_down'],
    );
    expect(token?.description).toMatch(/at most 100 .*never another user's/);
    expect(document.paths['/connect/revocation']?.post?.summary).toMatch(/RFC 7009/);
    expect(document.info.description).toMatch(/413\/1100/);
    expect(document.info.description).toMatch(/loopback server only/);
  });

  it('refuses a table with two routes for one method and path', () => {
    const table = createRouteTable(() => document);
    expect(() => buildOpenApiDocument([...table, table[1] as (typeof table)[number]], '0')).toThrow(
      /two routes/,
    );
  });
});
