/**
 * Request bodies: JSON (or, for the token endpoint, a form), bounded in size (413/1100), then checked against the route's zod
 * schema. Unreadable bodies are 1100; a value that does not fit the schema is 1101 naming the field
 * (`time_schedules[0].end`).
 */
import type { z } from 'zod';
import { jsonTextProblem } from '../../twin/index.ts';
import { BodyTooLarge, invalidParameter, malformedRequest } from './errors.ts';

/** Largest body read: far above any real request (a 1,000-id list is ~70 kB with long ids). */
export const bodyBytesMax = 256 * 1024;

/** The body as text. `requestBodyLimit` (body-limit.ts) has bounded it while it streamed; checked again here. */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > bodyBytesMax) throw new BodyTooLarge(bodyBytesMax);
  const text = await request.text();
  if (text.length > bodyBytesMax) throw new BodyTooLarge(bodyBytesMax);
  return text;
}

/**
 * The body as JSON: 1100 when it is not JSON, or nests deeper than `jsonDepthMax`, or holds a number no double
 * holds (`1e400`), naming where (`user_ids[0]`); checked on the text before anything is built from it.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (text.trim() === '') throw malformedRequest('a JSON body is required');
  const problem = jsonTextProblem(text, { rootPath: 'body' });
  if (problem !== undefined) throw malformedRequest(`${problem.path}: ${problem.message}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedRequest('the body is not valid JSON');
  }
}

/** A form (`application/x-www-form-urlencoded`) or a JSON object, as string fields (OAuth2 token requests). */
export async function readFormOrJson(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const json = await readJsonBody(request);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw malformedRequest('the body must be a JSON object');
    return json as Record<string, unknown>;
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(await readBodyText(request)))
    if (!Object.hasOwn(fields, name)) fields[name] = value;
  return fields;
}

/** The body checked against `schema`: 1100 when it is not a JSON object, 1101 naming the first bad field. */
export function parseBody<T>(schema: z.ZodType<T>, json: unknown): T {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw malformedRequest('the body must be a JSON object');
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw malformedRequest('the body does not fit the request');
  if (issue.code === 'unrecognized_keys') {
    throw invalidParameter(formatPath([...issue.path, issue.keys[0] ?? '']), 'no such field in this request');
  }
  throw invalidParameter(issue.path.length === 0 ? 'body' : formatPath(issue.path), issue.message);
}

/** `a.b[2].c` */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
