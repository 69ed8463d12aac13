/**
 * Keeps docs/protocol.md in step with the protocol's zod schemas: every schema block of the page is the JSON
 * Schema `z.toJSONSchema` makes of one message or command. `protocol-doc.test.ts` fails when a block differs
 * from the code (compared as JSON values, so a formatter may lay a block out its own way); `npx tsx
 * api/live/protocol-doc.ts` rewrites the blocks in place (the prose around them is left as written).
 *
 * A block is written as
 *
 *     <!-- schema: message/subscribe -->
 *     ```json
 *     …
 *     ```
 *     <!-- /schema -->
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  ackMessageSchema,
  adminResultSchema,
  authMessageSchema,
  appliedResultSchema,
  commandMessageSchema,
  controlCommandSchemas,
  deltaMessageSchema,
  entryMessageSchema,
  errorMessageSchema,
  eventMessageSchema,
  exportResultSchema,
  inputCommandSchemas,
  loadTimelineResultSchema,
  lockCommandResultSchema,
  markersResultSchema,
  snapshotMessageSchema,
  stateAtResultSchema,
  statusMessageSchema,
  subscribeMessageSchema,
  timeResultSchema,
  unsubscribeMessageSchema,
} from './protocol.ts';

export const protocolDocPath = fileURLToPath(new URL('../../docs/protocol.md', import.meta.url));

/** Every documented schema by block name, with the direction it is read in (what a sender may write). */
export function documentedSchemas(): ReadonlyMap<
  string,
  { readonly schema: z.ZodType; readonly io: 'input' | 'output' }
> {
  const schemas = new Map<string, { schema: z.ZodType; io: 'input' | 'output' }>();
  // What clients send is documented as the server accepts it (defaults may be left out)…
  schemas.set('message/auth', { schema: authMessageSchema, io: 'input' });
  schemas.set('message/subscribe', { schema: subscribeMessageSchema, io: 'input' });
  schemas.set('message/unsubscribe', { schema: unsubscribeMessageSchema, io: 'input' });
  schemas.set('message/command', { schema: commandMessageSchema, io: 'input' });
  for (const [action, schema] of Object.entries(controlCommandSchemas))
    schemas.set(`command/${action}`, { schema, io: 'input' });
  for (const [action, schema] of [...inputCommandSchemas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    schemas.set(`command/${action}`, { schema, io: 'input' });
  // …and what the server sends as it sends it.
  schemas.set('message/snapshot', { schema: snapshotMessageSchema, io: 'output' });
  schemas.set('message/event', { schema: eventMessageSchema, io: 'output' });
  schemas.set('message/delta', { schema: deltaMessageSchema, io: 'output' });
  schemas.set('message/entry', { schema: entryMessageSchema, io: 'output' });
  schemas.set('message/status', { schema: statusMessageSchema, io: 'output' });
  schemas.set('message/ack', { schema: ackMessageSchema, io: 'output' });
  schemas.set('message/error', { schema: errorMessageSchema, io: 'output' });
  // …and each command's result, the `result` of its ack.
  schemas.set('result/input', { schema: appliedResultSchema, io: 'output' });
  schemas.set('result/lock-command', { schema: lockCommandResultSchema, io: 'output' });
  schemas.set('result/admin', { schema: adminResultSchema, io: 'output' });
  schemas.set('result/time', { schema: timeResultSchema, io: 'output' });
  schemas.set('result/export', { schema: exportResultSchema, io: 'output' });
  schemas.set('result/state-at', { schema: stateAtResultSchema, io: 'output' });
  schemas.set('result/load-timeline', { schema: loadTimelineResultSchema, io: 'output' });
  schemas.set('result/markers', { schema: markersResultSchema, io: 'output' });
  return schemas;
}

/** The JSON text of one block, as the page shows it. */
export function schemaJson(name: string): string {
  const entry = documentedSchemas().get(name);
  if (entry === undefined) throw new RangeError(`no documented schema "${name}"`);
  return JSON.stringify(z.toJSONSchema(entry.schema, { io: entry.io }), null, 2);
}

const blockPattern = /<!-- schema: ([\w/-]+) -->\s*```json\n([\s\S]*?)\n```\s*<!-- \/schema -->/g;

/** The blocks of a page by name (a name written twice is reported by `checkProtocolDoc`). */
export function docBlocks(markdown: string): { readonly name: string; readonly json: string }[] {
  return [...markdown.matchAll(blockPattern)].map((match) => ({
    name: match[1] as string,
    json: match[2] as string,
  }));
}

/** What is wrong with the page's blocks: missing, unknown, doubled or out of date (empty: all in step). */
export function checkProtocolDoc(markdown: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const documented = documentedSchemas();
  for (const block of docBlocks(markdown)) {
    if (seen.has(block.name)) problems.push(`${block.name}: documented twice`);
    seen.add(block.name);
    if (!documented.has(block.name))
      problems.push(`${block.name}: no such message or command in api/live/protocol.ts`);
    else if (!sameJson(block.json, schemaJson(block.name)))
      problems.push(`${block.name}: the block differs from the schema in code`);
  }
  for (const name of documented.keys()) if (!seen.has(name)) problems.push(`${name}: not documented`);
  return problems;
}

/** Same JSON value (so a formatter may lay a block out its own way); false when `text` is not JSON. */
function sameJson(text: string, expected: string): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(JSON.parse(expected));
  } catch {
    return false;
  }
}

/** The page with every known block rewritten from the code. */
export function renderProtocolDoc(markdown: string): string {
  const documented = documentedSchemas();
  return markdown.replace(blockPattern, (whole, name: string) =>
    documented.has(name)
      ? `<!-- schema: ${name} -->\n\`\`\`json\n${schemaJson(name)}\n\`\`\`\n<!-- /schema -->`
      : whole,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const before = readFileSync(protocolDocPath, 'utf8');
  const after = renderProtocolDoc(before);
  if (after !== before) writeFileSync(protocolDocPath, after);
  const problems = checkProtocolDoc(after);
  for (const problem of problems) process.stderr.write(`docs/protocol.md: ${problem}\n`);
  process.stdout.write(
    `docs/protocol.md: ${after === before ? 'already in step' : 'schema blocks rewritten'}${problems.length > 0 ? `; ${problems.length} problem(s) left (add the missing blocks by hand)` : ''}\n`,
  );
  process.exitCode = problems.length > 0 ? 1 : 0;
}
