/**
 * Serving the browser visualization: the page at `/` (HTML with its CSS inline) and the bundled app at `/viz.js`.
 * The bundle starts building when the app is mounted (server start) and is built once per process.
 */
import type { Hono } from 'hono';
import { vizBundle } from './bundle.ts';
import { vizPageHeaders, vizPageHtml } from './page.ts';

export function mountViz(app: Hono): void {
  const bundle = vizBundle();
  const page = vizPageHtml();
  app.get('/', (c) => c.html(page, 200, { ...vizPageHeaders }));
  app.get('/viz.js', async (c) => {
    const built = await bundle;
    if (!built.ok) return c.text(`the visualization did not build:\n${built.message}\n`, 500);
    return c.body(built.code, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
  });
}
