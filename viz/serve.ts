/** Serving the browser visualization (placeholder until the viz lands). */
import type { Hono } from 'hono';

export function mountViz(app: Hono): void {
  app.get('/', (c) => c.html('<!doctype html><title>lockstep</title><p>lockstep live twin</p>'));
}
