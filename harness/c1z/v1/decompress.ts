/**
 * Inflates a v1 file (`C1ZF\0` + one zstd stream of a SQLite database) into a file on disk. A 1M-grant sync
 * is 0.5-1 GB of SQLite, so it streams: memory stays flat whatever the size.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import binding from 'zstd-napi/binding.js';
import { fileError } from '../../errors.js';
import { SQLITE_MAGIC, V1_MAGIC } from '../format.js';

/**
 * The SDK writes its databases in WAL mode (header bytes 18 and 19 are 2). A WAL database needs `-wal` and
 * `-shm` companions even to be read; switching the header to the rollback journal (1) makes the inflated
 * file a plain read-only database with no companions.
 */
class SqliteHeaderCheck extends Transform {
  private seen = 0;
  private readonly head = Buffer.alloc(20);

  constructor(private readonly source: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.seen < this.head.length) {
      const take = Math.min(chunk.length, this.head.length - this.seen);
      chunk.copy(this.head, this.seen, 0, take);
      const start = this.seen;
      this.seen += take;
      if (this.seen >= SQLITE_MAGIC.length && !this.head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
        return done(fileError(this.source, 'the zstd payload is not a SQLite database', 'is this really a c1z file?'));
      }
      chunk = Buffer.from(chunk); // the decompressor may reuse its buffers
      for (const offset of [18, 19]) {
        if (offset >= start && offset < start + take && chunk[offset - start] === 2) chunk[offset - start] = 1;
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.seen === 0) {
      return done(fileError(this.source, 'nothing after the c1z header (no compressed data)', 'the file was cut short; ask for it again'));
    }
    if (this.seen < SQLITE_MAGIC.length) {
      return done(fileError(this.source, 'the zstd payload is not a SQLite database (too short)'));
    }
    done();
  }
}

/**
 * zstd-napi's DecompressStream inflates each input chunk in one synchronous call and ignores backpressure:
 * 20 KB of compressed zeros becomes 600 MB in memory, and Ctrl-C waits until it is done. This yields one
 * output buffer at a time, so the pipeline paces it by the disk and signals are handled between buffers.
 */
function inflater(source: string) {
  return async function* inflate(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const dctx = new binding.DCtx();
    const outSize = binding.dStreamOutSize();
    let inFrame = false;
    for await (const chunk of chunks) {
      let input: Buffer = chunk;
      for (;;) {
        const out = Buffer.allocUnsafe(outSize);
        let left: number, produced: number, consumed: number;
        try {
          [left, produced, consumed] = dctx.decompressStream(out, input);
        } catch (error) {
          throw fileError(source, `corrupt zstd data (${(error as Error).message})`, 'the file was damaged in transfer or on disk; ask for it again', error);
        }
        input = input.subarray(consumed);
        if (produced > 0) yield out.subarray(0, produced);
        // Input used up and the decoder holds nothing back (or the frame just ended): wait for more input.
        if (input.length === 0 && (produced < out.length || left === 0)) {
          inFrame = left !== 0;
          break;
        }
      }
    }
    if (inFrame) {
      throw fileError(source, 'truncated: the zstd data ends in the middle of a frame', 'the file was cut short, e.g. by an interrupted copy; ask for it again');
    }
  };
}

/** Decompress `source` (a v1 c1z) to `target`. Errors are one-line {@link UserError}s naming `source`. */
export async function inflateV1(source: string, target: string): Promise<void> {
  try {
    await pipeline(
      createReadStream(source, { start: V1_MAGIC.length, highWaterMark: 1 << 20 }),
      inflater(source),
      new SqliteHeaderCheck(source),
      createWriteStream(target, { highWaterMark: 1 << 20 }),
    );
  } catch (error) {
    throw describeInflateError(source, target, error);
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
