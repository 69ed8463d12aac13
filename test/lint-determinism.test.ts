import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function bannedMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message);
}

describe('the determinism lint rule', () => {
  it.each([
    ['Date.now()', /wall clock/],
    ['new Date()', /wall clock/],
    ['performance.now()', /wall clock/],
    ['Math.random()', /unseeded/],
    ['crypto.randomUUID()', /unseeded/],
    ['setTimeout(() => undefined, 5)', /Real timers/],
    ['setInterval(() => undefined, 5)', /Real timers/],
    ['setImmediate(() => undefined)', /Real timers/],
  ])('rejects %s under twin/ and scenarios/', async (call, message) => {
    const code = `export const value = ${call};\n`;
    for (const filePath of ['twin/fixture.ts', 'scenarios/fixture.ts']) {
      const messages = await bannedMessages(code, filePath);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(message);
    }
  });

  it('allows them outside the simulated world and allows new Date(t) with a time', async () => {
    expect(await bannedMessages('export const value = Date.now();\n', 'api/fixture.ts')).toHaveLength(0);
    expect(await bannedMessages('export const value = new Date(1_000);\n', 'twin/fixture.ts')).toHaveLength(
      0,
    );
  });
});
