/** The KS-style REST API (placeholder until the REST routes land: answers 404 with the error table's shape). */
import { Hono } from 'hono';
import type { LiveTwin } from '../live-twin.ts';

export interface RestOptions {
  readonly clientId: string;
  readonly clientSecret: string;
}

export function createRestApp(_live: LiveTwin, _options: RestOptions): Hono {
  const app = new Hono();
  app.all('/v1.2/*', (c) => c.json({ ErrorCode: 3104, Message: 'Ccc entity not found' }, 404));
  return app;
}
