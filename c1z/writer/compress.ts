/** `C1ZF\0` + one zstd stream of the SQLite file, streamed, written beside the target and renamed into place. */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { CompressStream } from 'zstd-napi';
import { fileError } from '../../lib/errors.js';
import { writeAtomically } from '../../lib/fs/atomic-write.js';
import { V1_MAGIC } from '../format.js';

/**
 * Level 1 is what the SDK's `SpeedFastest` amounts to: sync files are written far more often than kept.
 * Frames carry a checksum, as the SDK's do, so a byte damaged in transfer fails loudly instead of decoding.
 */
export async function compressV1(dbPath: string, target: string, level = 1): Promise<void> {
  try {
    await writeAtomically(target, async (temp) => {
      const out = createWriteStream(temp, { highWaterMark: 1 << 20 });
      try {
        out.write(V1_MAGIC);
        await pipeline(
          createReadStream(dbPath, { highWaterMark: 1 << 20 }),
          new CompressStream({ compressionLevel: level, checksumFlag: true }),
          out,
        );
      } catch (error) {
        // pipeline rejects as soon as one stream fails, possibly before the output file has even been opened:
        // deleting the temporary then would race its creation and leave a stray `.tmp` behind the target.
        out.destroy();
        await closed(out);
        throw error;
      }
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw fileError(target, 'disk full while writing the sync file', 'free space and run again', error);
    if (code === 'ENOENT') throw fileError(target, 'folder does not exist', 'create it first or choose another path', error);
    if (code === 'EACCES' || code === 'EPERM') throw fileError(target, 'permission denied', undefined, error);
    throw error;
  }
}

function closed(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.closed) resolve();
    else stream.once('close', () => resolve());
  });
}
