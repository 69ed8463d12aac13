/** Writes trace lines to a JSON Lines file in large chunks (one write per 256 KiB, not per event). */
import { closeSync, openSync, writeSync } from 'node:fs';

const chunkChars = 256 * 1024;

export class TraceFileWriter {
  private readonly fd: number;
  private pending = '';

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
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
