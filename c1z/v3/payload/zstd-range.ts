/**
 * Decompresses one byte range of a file (a zstd frame) into a file, streaming: each output buffer is
 * hashed and written before the next is decoded, so memory stays at two buffers whatever the size. The
 * declared raw size bounds the output, so a damaged frame cannot balloon.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import binding from 'zstd-napi/binding.js';

const OUT_SIZE = 1 << 20;

export class FrameError extends Error {}

export async function inflateRange(
  source: string,
  start: number,
  length: number,
  out: FileHandle,
  expectedSize: number,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const dctx = new binding.DCtx();
  const buffer = Buffer.allocUnsafe(OUT_SIZE);
  let written = 0;
  let frameDone = false;
  if (length === 0) throw new FrameError('empty frame');
  for await (const chunk of createReadStream(source, { start, end: start + length - 1, highWaterMark: 1 << 20 })) {
    let input = chunk as Buffer;
    while (input.length > 0 || !frameDone) {
      if (frameDone) throw new FrameError('data after the end of the zstd frame');
      let left: number, produced: number, consumed: number;
      try {
        [left, produced, consumed] = dctx.decompressStream(buffer, input);
      } catch (error) {
        throw new FrameError(`corrupt zstd data (${(error as Error).message})`);
      }
      input = input.subarray(consumed);
      if (produced > 0) {
        written += produced;
        if (written > expectedSize) throw new FrameError(`decodes to more than the ${expectedSize} bytes the index declares`);
        const piece = buffer.subarray(0, produced);
        onChunk(piece);
        let offset = 0;
        while (offset < produced) offset += (await out.write(piece, offset, produced - offset)).bytesWritten;
      }
      if (left === 0) frameDone = true;
      if (input.length === 0 && produced < buffer.length) break;
    }
  }
  if (!frameDone) throw new FrameError('the zstd frame is cut short');
  if (written !== expectedSize) throw new FrameError(`decodes to ${written} bytes, the index declares ${expectedSize}`);
}
