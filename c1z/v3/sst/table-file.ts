/**
 * Random access to one file of the unpacked payload. Reads are synchronous because the row listings the
 * inspection commands consume are plain iterables; each read is one block, so memory stays per-block.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { PebbleCorruption } from './corruption.js';

export class TableFile {
  readonly name: string;
  readonly size: number;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.name = basename(path);
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  read(offset: number, length: number): Buffer {
    if (this.fd === undefined) throw new Error(`${this.name} is closed`);
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw new PebbleCorruption(this.name, `a block at offset ${offset} (${length} bytes) lies outside the file (${this.size} bytes)`);
    }
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const n = readSync(this.fd, buffer, filled, length - filled, offset + filled);
      if (n === 0) throw new PebbleCorruption(this.name, `unexpected end of file at offset ${offset + filled}`);
      filled += n;
    }
    return buffer;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
