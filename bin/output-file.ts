/**
 * Files a command writes besides its failure files (`--result`, `--junit`): checked before the work starts, so
 * that a sweep of an hour does not end on a path it cannot write, and written atomically (a temp file beside it,
 * then a rename), so that a reader (a merge job, a CI report step) never sees half a document.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { BadInputError } from './exit-codes.ts';

/** Characters in an output path. */
const pathCharsMax = 4_096;

/** The path, resolved, once its folder exists and it is not a folder itself; else a `BadInputError` naming the flag. */
export function outputPathOf(path: string | undefined, flag: string): string | undefined {
  if (path === undefined) return undefined;
  if (path === '' || path.length > pathCharsMax || path.includes('\0'))
    throw new BadInputError(`${flag} needs a file path, got "${path.slice(0, 80)}"`);
  const full = resolve(path);
  const folder = statSync(dirname(full), { throwIfNoEntry: false });
  if (folder === undefined || !folder.isDirectory())
    throw new BadInputError(`${flag} ${path}: the folder ${dirname(full)} does not exist`);
  if (statSync(full, { throwIfNoEntry: false })?.isDirectory() === true)
    throw new BadInputError(`${flag} ${path} is a folder, not a file`);
  return full;
}

/** Writes `text` to `path` atomically; a failure is a `BadInputError` naming the flag. */
export function writeOutputFile(path: string, text: string, flag: string): void {
  try {
    writeFileAtomic.sync(path, text);
  } catch (error) {
    throw new BadInputError(
      `${flag} ${path}: cannot write it (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
