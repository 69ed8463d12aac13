/** The REST API over a real loopback HTTP server: a token with the client credentials, then a list. */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../api/server.ts';
import { createTestLive, testClient } from '../api/rest/testing.ts';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('REST API over HTTP', () => {
  it('hands out a token and answers a list with it', async () => {
    const live = createTestLive();
    server = await startServer({ live, host: '127.0.0.1', port: 0, credentials: testClient });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const tokenResponse = await fetch(`${server.url}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: testClient.clientId,
        client_secret: testClient.clientSecret,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    expect(tokenResponse.headers.get('cache-control')).toBe('no-store');
    const token = (await tokenResponse.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });

    const locks = await fetch(`${server.url}/v1.2/sites/office/locks?$top=2&$orderby=id`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(locks.status).toBe(200);
    const body = (await locks.json()) as {
      items: { id: string }[];
      next_page_link: string | null;
      count: number;
    };
    expect(body.items.map((lock) => lock.id)).toEqual(['lock-back', 'lock-front']);
    expect(body.count).toBe(6);
    expect(body.next_page_link).toBe(`${server.url}/v1.2/sites/office/locks?$top=2&$orderby=id&$skip=2`);
    const next = await fetch(body.next_page_link as string, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(((await next.json()) as { items: { id: string }[] }).items.map((lock) => lock.id)).toEqual([
      'lock-garage',
      'lock-meeting',
    ]);

    const refused = await fetch(`${server.url}/v1.2/sites/office/locks`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      ErrorCode: 1500,
      Message: expect.stringMatching(/^Unauthorized request/),
    });
    const unknown = await fetch(`${server.url}/v1.2/sites/office/nothing-here`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { ErrorCode: number }).ErrorCode).toBe(3104);
    const document = await fetch(`${server.url}/openapi.json`);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });
});
