/**
 * The password file of `lockstep serve --password-file FILE`: the passwords of the `password` grant when the twin's
 * demo password must not be used (a server reachable beyond loopback). Either a JSON object
 * (`{"user-daan": "correct horse battery", "anna.devries@example.com": "…"}`) or lines of `user:password`
 * (blank lines and lines starting with `#` are skipped; the first `:` splits). A user is named by id or email
 * (emails match case-insensitively). Hostile until checked: bounded in size and count, every entry validated,
 * errors name the line or key at fault.
 */
import { readFileSync, statSync } from 'node:fs';

/** Passwords by user id, or by email in lower case. */
export type PasswordBook = ReadonlyMap<string, string>;

export const passwordFileBytesMax = 64 * 1024;
export const passwordEntriesMax = 1_000;
export const passwordLengthMin = 8;
const fieldLengthMax = 200;

export type PasswordFileResult =
  { readonly ok: true; readonly book: PasswordBook } | { readonly ok: false; readonly errors: string[] };

/** The entries of a password file's text, or what is wrong with it (at most a few errors, each naming its place). */
export function parsePasswordFile(text: string): PasswordFileResult {
  if (Buffer.byteLength(text, 'utf8') > passwordFileBytesMax)
    return { ok: false, errors: [`the file is larger than ${passwordFileBytesMax} bytes`] };
  const entries = text.trimStart().startsWith('{') ? jsonEntries(text) : lineEntries(text);
  if (!entries.ok) return entries;
  const book = new Map<string, string>();
  const errors: string[] = [];
  for (const { place, user, password } of entries.entries) {
    const problem = entryProblem(user, password);
    const key = user.includes('@') ? user.toLowerCase() : user;
    if (problem !== undefined) errors.push(`${place}: ${problem}`);
    else if (book.has(key)) errors.push(`${place}: "${user}" is listed twice`);
    else book.set(key, password);
    if (errors.length >= 10) break;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (book.size === 0) return { ok: false, errors: ['the file lists no user'] };
  if (book.size > passwordEntriesMax)
    return { ok: false, errors: [`the file lists ${book.size} users; at most ${passwordEntriesMax}`] };
  return { ok: true, book };
}

/** Reads and parses `path`, refusing anything but a small regular file before reading it. */
export function readPasswordFile(path: string): PasswordFileResult {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return { ok: false, errors: [`${path} is not a file`] };
    if (stats.size > passwordFileBytesMax)
      return { ok: false, errors: [`${path} is larger than ${passwordFileBytesMax} bytes`] };
    const result = parsePasswordFile(readFileSync(path, 'utf8'));
    return result.ok ? result : { ok: false, errors: result.errors.map((error) => `${path}: ${error}`) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, errors: [`${path}: cannot read the password file (${code})`] };
  }
}

interface Entry {
  readonly place: string;
  readonly user: string;
  readonly password: string;
}

type Entries =
  { readonly ok: true; readonly entries: Entry[] } | { readonly ok: false; readonly errors: string[] };

function jsonEntries(text: string): Entries {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['the file starts with "{" but is not valid JSON'] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, errors: ['the JSON must be an object of "user": "password"'] };
  const entries: Entry[] = [];
  for (const [user, password] of Object.entries(json)) {
    if (typeof password !== 'string')
      return { ok: false, errors: [`"${clip(user)}": the password must be a string`] };
    entries.push({ place: `"${clip(user)}"`, user, password });
  }
  return { ok: true, entries };
}

function lineEntries(text: string): Entries {
  const entries: Entry[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) return { ok: false, errors: [`line ${index + 1}: expected user:password`] };
    entries.push({
      place: `line ${index + 1}`,
      user: line.slice(0, colon).trim(),
      password: line.slice(colon + 1),
    });
  }
  return { ok: true, entries };
}

function entryProblem(user: string, password: string): string | undefined {
  if (user === '') return 'the user is empty';
  if (user.length > fieldLengthMax) return `the user is longer than ${fieldLengthMax} characters`;
  if (password.length < passwordLengthMin)
    return `the password is shorter than ${passwordLengthMin} characters`;
  if (password.length > fieldLengthMax) return `the password is longer than ${fieldLengthMax} characters`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(user + password)) return 'control characters are not allowed';
  return undefined;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
