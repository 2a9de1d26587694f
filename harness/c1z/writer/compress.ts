/** `C1ZF\0` + one zstd stream of the SQLite file, streamed, written beside the target and renamed into place. */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { CompressStream } from 'zstd-napi';
import { fileError } from '../../errors.js';
import { writeAtomically } from '../../fs/atomic-write.js';
import { V1_MAGIC } from '../format.js';

/** Level 1 is what the SDK's `SpeedFastest` amounts to: sync files are written far more often than kept. */
export async function compressV1(dbPath: string, target: string, level = 1): Promise<void> {
  try {
    await writeAtomically(target, async (temp) => {
      const out = createWriteStream(temp, { highWaterMark: 1 << 20 });
      out.write(V1_MAGIC);
      await pipeline(createReadStream(dbPath, { highWaterMark: 1 << 20 }), new CompressStream({ compressionLevel: level }), out);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw fileError(target, 'disk full while writing the sync file', 'free space and run again', error);
    if (code === 'ENOENT') throw fileError(target, 'folder does not exist', 'create it first or choose another path', error);
    if (code === 'EACCES' || code === 'EPERM') throw fileError(target, 'permission denied', undefined, error);
    throw error;
  }
}
