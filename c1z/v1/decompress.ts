/**
 * Inflates a v1 file (`C1ZF\0` + one zstd stream of a SQLite database) into a file on disk. A 1M-grant sync
 * is 0.5-1 GB of SQLite, so it streams: memory stays flat whatever the size.
 *
 * Decoding runs on a worker thread: `diff` opens two files at once, and each then inflates on its own core
 * (on the main thread the two took turns: the decoder holds the thread for every buffer), while the main
 * thread stays free for Ctrl-C and the temporary-file cleanup.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fileError } from '../../lib/errors.js';
import { threadSource } from '../../lib/thread-source.js';
import { SQLITE_MAGIC, V1_MAGIC } from '../format.js';

/**
 * Output buffer size. Large buffers keep the per-buffer cost (a native call, an await, a write) small next to
 * the decoding itself; 4 MB inflates a gigabyte in a few hundred steps and still bounds memory.
 */
const OUT_SIZE = 4 << 20;
const READ_SIZE = 1 << 20;

/** What the decoding thread reports; {@link inflateV1} turns failures into the user's error messages. */
type Outcome =
  | { kind: 'done' }
  | { kind: 'corrupt'; message: string }
  | { kind: 'truncated' | 'not-sqlite' | 'too-short' | 'empty' }
  | { kind: 'io'; message: string; code?: string };

/**
 * Decompress `source` (a v1 c1z) to `target`. Errors are one-line {@link UserError}s naming `source`.
 *
 * zstd-napi's DecompressStream inflates each input chunk in one synchronous call and ignores backpressure
 * (20 KB of compressed zeros became 600 MB in memory, and Ctrl-C waited until it was done), so the thread
 * drives the decoder directly: one output buffer at a time, each written before the next is made.
 */
export async function inflateV1(source: string, target: string): Promise<void> {
  const outcome = await onWorkerThread({
    source,
    target,
    skip: V1_MAGIC.length,
    outSize: OUT_SIZE,
    readSize: READ_SIZE,
    magic: SQLITE_MAGIC,
    binding: createRequire(import.meta.url).resolve('zstd-napi/binding.js'),
  });
  switch (outcome.kind) {
    case 'done':
      return;
    case 'corrupt':
      throw fileError(source, `corrupt zstd data (${outcome.message})`, 'the file was damaged in transfer or on disk; ask for it again');
    case 'truncated':
      throw fileError(
        source,
        'truncated: the zstd data ends in the middle of a frame',
        'the file was cut short, e.g. by an interrupted copy; ask for it again',
      );
    case 'not-sqlite':
      throw fileError(source, 'the zstd payload is not a SQLite database', 'is this really a c1z file?');
    case 'too-short':
      throw fileError(source, 'the zstd payload is not a SQLite database (too short)');
    case 'empty':
      throw fileError(source, 'nothing after the c1z header (no compressed data)', 'the file was cut short; ask for it again');
    case 'io':
      throw describeInflateError(source, target, outcome.message, outcome.code);
  }
}

interface ThreadInput {
  source: string;
  target: string;
  skip: number;
  outSize: number;
  readSize: number;
  magic: Buffer;
  binding: string;
}

function onWorkerThread(input: ThreadInput): Promise<Outcome> {
  return new Promise((resolve) => {
    let outcome: Outcome | undefined;
    const worker = new Worker(threadSource(inflateThread), { eval: true, workerData: input });
    worker.once('message', (message: Outcome) => (outcome = message));
    worker.once('error', (error) => (outcome ??= { kind: 'io', message: error.message }));
    worker.once('exit', () => resolve(outcome ?? { kind: 'io', message: 'the decompression thread stopped without an answer' }));
  });
}

/**
 * The worker thread's whole program (self-contained: it runs from its source text). Two output buffers: one
 * is decoded into while the other is being written, so decoding and disk writes overlap. On the way it
 * checks the payload starts like a SQLite database, and switches it out of WAL mode: the SDK writes WAL
 * databases (header bytes 18 and 19 are 2), which need `-wal` and `-shm` companions even to be read; the
 * rollback-journal value (1) makes the inflated file a plain read-only database.
 */
function inflateThread(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { createReadStream } = require('node:fs') as typeof import('node:fs');
  const { open } = require('node:fs/promises') as typeof import('node:fs/promises');
  const input = workerData as ThreadInput;
  const binding = require(input.binding) as typeof import('zstd-napi/binding.js');
  const magic = Buffer.from(input.magic);
  const fail = (outcome: Outcome) => Object.assign(new Error(outcome.kind), { outcome });

  const head = Buffer.alloc(20);
  let seen = 0;
  const inspect = (chunk: Buffer, length: number): void => {
    if (seen >= head.length) return;
    const start = seen;
    const take = Math.min(length, head.length - start);
    chunk.copy(head, start, 0, take);
    seen += take;
    if (seen >= magic.length && !head.subarray(0, magic.length).equals(magic)) throw fail({ kind: 'not-sqlite' });
    for (const offset of [18, 19]) {
      if (offset >= start && offset < start + take && chunk[offset - start] === 2) chunk[offset - start] = 1;
    }
  };

  const inflate = async (): Promise<Outcome> => {
    let out: Awaited<ReturnType<typeof open>> | undefined;
    let writing: Promise<void> = Promise.resolve();
    const writeAll = async (file: NonNullable<typeof out>, buffer: Buffer, length: number): Promise<void> => {
      let offset = 0;
      while (offset < length) offset += (await file.write(buffer, offset, length - offset)).bytesWritten;
    };
    try {
      out = await open(input.target, 'w');
      const dctx = new binding.DCtx();
      const buffers = [Buffer.allocUnsafe(input.outSize), Buffer.allocUnsafe(input.outSize)] as const;
      let current = 0;
      let inFrame = false;
      for await (const chunk of createReadStream(input.source, { start: input.skip, highWaterMark: input.readSize })) {
        let rest = chunk as Buffer;
        for (;;) {
          const buffer = buffers[current]!;
          let left: number, produced: number, consumed: number;
          try {
            [left, produced, consumed] = dctx.decompressStream(buffer, rest);
          } catch (error) {
            throw fail({ kind: 'corrupt', message: (error as Error).message });
          }
          rest = rest.subarray(consumed);
          if (produced > 0) {
            inspect(buffer, produced);
            await writing;
            writing = writeAll(out, buffer, produced);
            current ^= 1;
          }
          // Input used up and the decoder holds nothing back (or the frame just ended): wait for more input.
          if (rest.length === 0 && (produced < buffer.length || left === 0)) {
            inFrame = left !== 0;
            break;
          }
        }
      }
      await writing;
      if (inFrame) return { kind: 'truncated' };
      if (seen === 0) return { kind: 'empty' };
      if (seen < magic.length) return { kind: 'too-short' };
      return { kind: 'done' };
    } catch (error) {
      const { outcome } = error as { outcome?: Outcome };
      if (outcome) return outcome;
      const { message, code } = error as NodeJS.ErrnoException;
      return { kind: 'io', message: message ?? String(error), code };
    } finally {
      // A write still in flight when decoding failed must settle before the file is closed; its own error
      // (if any) is secondary to the one being reported.
      await writing.catch(() => {});
      await out?.close().catch(() => {});
    }
  };

  void inflate().then((outcome) => parentPort!.postMessage(outcome));
}

function describeInflateError(source: string, target: string, message: string, code: string | undefined): Error {
  const cause = Object.assign(new Error(message), { code });
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return fileError(source, `disk full while decompressing to ${target}`, 'free space there or set TMPDIR to a larger disk', cause);
  }
  if (code === 'ENOENT') return fileError(source, 'no such file', 'check the path', cause);
  return fileError(source, `cannot decompress: ${message}`, undefined, cause);
}
