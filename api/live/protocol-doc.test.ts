import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  checkProtocolDoc,
  docBlocks,
  documentedSchemas,
  protocolDocPath,
  renderProtocolDoc,
  schemaJson,
} from './protocol-doc.ts';

describe('docs/protocol.md', () => {
  const page = readFileSync(protocolDocPath, 'utf8');

  it('shows every message and command with the JSON Schema z.toJSONSchema makes of its zod schema', () => {
    expect(checkProtocolDoc(page)).toEqual([]);
    expect(
      docBlocks(page)
        .map((block) => block.name)
        .sort(),
    ).toEqual([...documentedSchemas().keys()].sort());
  });

  it('documents every message kind the contract names, every command and every result', () => {
    const names = new Set(documentedSchemas().keys());
    for (const kind of [
      'subscribe',
      'unsubscribe',
      'command',
      'snapshot',
      'event',
      'delta',
      'entry',
      'status',
      'ack',
      'error',
    ])
      expect(names).toContain(`message/${kind}`);
    const commands = [
      'present-tag',
      'tap-phone',
      'enter-pin',
      'open-door',
      'close-door',
      'hold-handle',
      'remote-open',
      'office-mode',
      'admin',
      'iq-internet',
      'power',
      'interference',
      'battery',
      'pause',
      'resume',
      'step',
      'advance',
      'speed',
      'export',
    ];
    for (const action of commands) expect(names).toContain(`command/${action}`);
    for (const result of ['input', 'lock-command', 'admin', 'time', 'export', 'state-at', 'load-timeline'])
      expect(names).toContain(`result/${result}`);
  });

  it('notices a block out of step, a doubled block and a missing one, and rewrites blocks from the code', () => {
    const stale = page.replace(schemaJson('command/pause'), '{ "stale": true }');
    expect(checkProtocolDoc(stale)).toEqual(['command/pause: the block differs from the schema in code']);
    expect(checkProtocolDoc(renderProtocolDoc(stale))).toEqual([]);
    expect(renderProtocolDoc(stale)).toContain(schemaJson('command/pause'));
    const block = `<!-- schema: command/pause -->\n\`\`\`json\n${schemaJson('command/pause')}\n\`\`\`\n<!-- /schema -->`;
    expect(checkProtocolDoc(page + '\n' + block + '\n')).toEqual(['command/pause: documented twice']);
    expect(checkProtocolDoc(page.replace(block, ''))).toEqual(['command/pause: not documented']);
  });

  it('stays in step when a formatter lays the page out its own way', async () => {
    const formatted = await format(page, { parser: 'markdown', singleQuote: true, printWidth: 110 });
    expect(checkProtocolDoc(formatted)).toEqual([]);
  });
});
