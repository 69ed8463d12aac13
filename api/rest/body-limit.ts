/**
 * The request body limit, enforced while the body streams in (hono's `bodyLimit`): a declared `Content-Length`
 * over the limit is refused before a byte is read; a chunked body is read only until it passes the limit. Either
 * way the answer is 413/1100 in the error table's shape and the connection is closed, so the rest of the body is
 * never held (the node adapter drains a little, then drops the socket). Mounted once in front of every route of
 * the server, and in the REST app (for in-process use); a body already limited is not read twice.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bodyBytesMax } from './body.ts';
import { payloadTooLarge } from './errors.ts';

const limitBody = bodyLimit({ maxSize: bodyBytesMax, onError: (c) => payloadTooLarge(c, bodyBytesMax) });
/** Requests whose body has been read under the limit (and replaced by the bytes read). */
const limited = new WeakSet<Request>();

export const requestBodyLimit: MiddlewareHandler = async (c, next) => {
  if (limited.has(c.req.raw)) return next();
  // Decided from the headers where they suffice: touching `c.req.raw.body` makes the node adapter build a full
  // Request, which would double the cost of every GET (the REST benchmark's request).
  const chunked = c.req.header('transfer-encoding') !== undefined;
  const declared = c.req.header('content-length');
  if (!chunked && declared === undefined) return next();
  if (!chunked) return Number(declared) > bodyBytesMax ? payloadTooLarge(c, bodyBytesMax) : next();
  return limitBody(c, async () => {
    limited.add(c.req.raw);
    await next();
  });
};
