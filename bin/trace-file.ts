/** Writes trace lines to a JSON Lines file in large chunks (one write per 256 KiB, not per event). */
import { closeSync, openSync, writeSync } from 'node:fs';
import { BadInputError } from './exit-codes.ts';

const chunkChars = 256 * 1024;

export class TraceFileWriter {
  private readonly fd: number;
  private pending = '';

  /** Throws `BadInputError` when the file cannot be opened for writing (a missing folder, no permission). */
  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'w');
    } catch (error) {
      throw new BadInputError(
        `--trace: cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }

  write(line: string): void {
    this.pending += line + '\n';
    if (this.pending.length >= chunkChars) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending);
    this.pending = '';
  }
}
