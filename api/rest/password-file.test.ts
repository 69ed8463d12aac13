/** The password file: both formats read, every bad entry refused with its place named, size and count bounded. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parsePasswordFile,
  passwordEntriesMax,
  passwordFileBytesMax,
  readPasswordFile,
} from './password-file.ts';

function errorsOf(text: string): string[] {
  const result = parsePasswordFile(text);
  return result.ok ? [] : result.errors;
}

describe('parsePasswordFile', () => {
  it('reads user:password lines (comments and blank lines skipped) and JSON objects', () => {
    const lines = parsePasswordFile(
      '# demo site\nuser-daan:daan password\n\nAnna@Example.com: with: colons\r\n',
    );
    expect(lines.ok && [...lines.book]).toEqual([
      ['user-daan', 'daan password'],
      ['anna@example.com', ' with: colons'],
    ]);
    const json = parsePasswordFile('{"user-daan": "daan password"}');
    expect(json.ok && [...json.book]).toEqual([['user-daan', 'daan password']]);
  });

  it('names the place of every bad entry', () => {
    expect(errorsOf('user-daan')).toEqual(['line 1: expected user:password']);
    expect(errorsOf('user-daan:short')).toEqual(['line 1: the password is shorter than 8 characters']);
    expect(errorsOf(':long enough')).toEqual(['line 1: the user is empty']);
    expect(errorsOf('a:long enough\na:long enough 2')).toEqual(['line 2: "a" is listed twice']);
    expect(errorsOf('a@x.com:long enough\nA@X.com:long enough 2')).toEqual([
      'line 2: "A@X.com" is listed twice',
    ]);
    expect(errorsOf('a:long\u0000enough')).toEqual(['line 1: control characters are not allowed']);
    expect(errorsOf(`a:${'p'.repeat(201)}`)).toEqual(['line 1: the password is longer than 200 characters']);
    expect(errorsOf('{"a": 12345678}')).toEqual(['"a": the password must be a string']);
    expect(errorsOf('{"a": ')).toEqual(['the file starts with "{" but is not valid JSON']);
    expect(errorsOf('{"a": {"b": "c"}}')).toEqual(['"a": the password must be a string']);
    expect(errorsOf('# nothing\n')).toEqual(['the file lists no user']);
    expect(errorsOf('{}')).toEqual(['the file lists no user']);
  });

  it('is bounded in size and in users', () => {
    expect(errorsOf(`a:${'x'.repeat(passwordFileBytesMax)}`)).toEqual([
      `the file is larger than ${passwordFileBytesMax} bytes`,
    ]);
    const many = Array.from({ length: passwordEntriesMax + 1 }, (_, index) => `u${index}:password`).join(
      '\n',
    );
    expect(errorsOf(many)).toEqual([
      `the file lists ${passwordEntriesMax + 1} users; at most ${passwordEntriesMax}`,
    ]);
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(errorsOf(`{"a": ${deep}}`)).toEqual(['"a": the password must be a string']);
  });
});

describe('readPasswordFile', () => {
  it('reads a file, and refuses missing files and directories with the path named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-passwords-'));
    const file = join(dir, 'passwords.txt');
    writeFileSync(file, 'user-daan:daan password\n');
    expect(readPasswordFile(file).ok).toBe(true);
    expect(readPasswordFile(join(dir, 'missing'))).toEqual({
      ok: false,
      errors: [`${join(dir, 'missing')}: cannot read the password file (ENOENT)`],
    });
    expect(readPasswordFile(dir)).toEqual({ ok: false, errors: [`${dir} is not a file`] });
    writeFileSync(file, 'user-daan');
    expect(readPasswordFile(file)).toEqual({
      ok: false,
      errors: [`${file}: line 1: expected user:password`],
    });
  });
});
