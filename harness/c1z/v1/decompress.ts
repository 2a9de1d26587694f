/**
 * Inflates a v1 file (`C1ZF\0` + one zstd stream of a SQLite database) into a file on disk. A 1M-grant sync
 * is 0.5-1 GB of SQLite, so it streams: memory stays flat whatever the size.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import binding from 'zstd-napi/binding.js';
import { fileError } from '../../errors.js';
import { SQLITE_MAGIC, V1_MAGIC } from '../format.js';

/**
 * Output buffer size. Large buffers keep the per-buffer cost (a native call, an await, a write) small next to
 * the decoding itself; 4 MB inflates a gigabyte in a few hundred steps and still bounds memory.
 */
const OUT_SIZE = 4 << 20;
const READ_SIZE = 1 << 20;

/**
 * Decompress `source` (a v1 c1z) to `target`. Errors are one-line {@link UserError}s naming `source`.
 *
 * zstd-napi's DecompressStream inflates each input chunk in one synchronous call and ignores backpressure
 * (20 KB of compressed zeros became 600 MB in memory, and Ctrl-C waited until it was done), so this drives
 * the decoder directly: one output buffer at a time, each written before the next is made, with the event
 * loop (and its signal handlers) running between buffers.
 */
export async function inflateV1(source: string, target: string): Promise<void> {
  let out;
  let writing: Promise<void> = Promise.resolve();
  try {
    out = await open(target, 'w');
    const header = new SqliteHeader(source);
    const dctx = new binding.DCtx();
    // Two buffers: one is decoded into while the other is being written, so decoding and disk writes overlap.
    const buffers = [Buffer.allocUnsafe(OUT_SIZE), Buffer.allocUnsafe(OUT_SIZE)] as const;
    let current = 0;
    let inFrame = false;
    for await (const chunk of createReadStream(source, { start: V1_MAGIC.length, highWaterMark: READ_SIZE })) {
      let input = chunk as Buffer;
      for (;;) {
        const buffer = buffers[current]!;
        let left: number, produced: number, consumed: number;
        try {
          [left, produced, consumed] = dctx.decompressStream(buffer, input);
        } catch (error) {
          throw fileError(source, `corrupt zstd data (${(error as Error).message})`, 'the file was damaged in transfer or on disk; ask for it again', error);
        }
        input = input.subarray(consumed);
        if (produced > 0) {
          header.inspect(buffer, produced);
          await writing;
          writing = writeAll(out, buffer, produced);
          current ^= 1;
        }
        // Input used up and the decoder holds nothing back (or the frame just ended): wait for more input.
        if (input.length === 0 && (produced < buffer.length || left === 0)) {
          inFrame = left !== 0;
          break;
        }
      }
    }
    await writing;
    if (inFrame) {
      throw fileError(source, 'truncated: the zstd data ends in the middle of a frame', 'the file was cut short, e.g. by an interrupted copy; ask for it again');
    }
    header.finish();
  } catch (error) {
    throw describeInflateError(source, target, error);
  } finally {
    // A write still in flight when decoding failed must settle before the file is closed; its own error
    // (if any) is secondary to the one being reported.
    await writing.catch(() => {});
    await out?.close();
  }
}

async function writeAll(out: Awaited<ReturnType<typeof open>>, buffer: Buffer, length: number): Promise<void> {
  let offset = 0;
  while (offset < length) offset += (await out.write(buffer, offset, length - offset)).bytesWritten;
}

/**
 * Checks the payload starts like a SQLite database, and switches it out of WAL mode on the way: the SDK
 * writes WAL databases (header bytes 18 and 19 are 2), which need `-wal` and `-shm` companions even to be
 * read; the rollback-journal value (1) makes the inflated file a plain read-only database.
 */
class SqliteHeader {
  private seen = 0;
  private readonly head = Buffer.alloc(20);

  constructor(private readonly source: string) {}

  inspect(chunk: Buffer, length: number): void {
    if (this.seen >= this.head.length) return;
    const start = this.seen;
    const take = Math.min(length, this.head.length - start);
    chunk.copy(this.head, start, 0, take);
    this.seen += take;
    if (this.seen >= SQLITE_MAGIC.length && !this.head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
      throw fileError(this.source, 'the zstd payload is not a SQLite database', 'is this really a c1z file?');
    }
    for (const offset of [18, 19]) {
      if (offset >= start && offset < start + take && chunk[offset - start] === 2) chunk[offset - start] = 1;
    }
  }

  finish(): void {
    if (this.seen === 0) {
      throw fileError(this.source, 'nothing after the c1z header (no compressed data)', 'the file was cut short; ask for it again');
    }
    if (this.seen < SQLITE_MAGIC.length) throw fileError(this.source, 'the zstd payload is not a SQLite database (too short)');
  }
}

function describeInflateError(source: string, target: string, error: unknown): Error {
  if (error instanceof Error && error.name === 'UserError') return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return fileError(source, `disk full while decompressing to ${target}`, 'free space there or set TMPDIR to a larger disk', error);
  }
  if (code === 'ENOENT') return fileError(source, 'no such file', 'check the path', error);
  return fileError(source, `cannot decompress: ${message}`, undefined, error);
}
