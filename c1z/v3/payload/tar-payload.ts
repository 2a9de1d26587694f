/**
 * The older v3 payload encodings: the Pebble folder as a tar archive (TAR), or a tar archive in one zstd
 * stream (TAR_ZSTD). Only plain files and folders are extracted; node-tar refuses absolute and `..` paths.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { x as extract } from 'tar';
import { DecompressStream } from 'zstd-napi';
import { fileError } from '../../../lib/errors.js';

export async function unpackTar(path: string, payloadStart: number, dir: string, zstd: boolean): Promise<void> {
  const source = createReadStream(path, { start: payloadStart });
  const unpack = extract({
    cwd: dir,
    strict: true,
    filter: (_entryPath, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
  });
  try {
    await (zstd ? pipeline(source, new DecompressStream(), unpack) : pipeline(source, unpack));
  } catch (error) {
    const kind = zstd ? 'TAR_ZSTD' : 'TAR';
    throw fileError(
      path,
      `damaged v3 payload (${kind}): ${(error as Error).message}`,
      'the file is damaged or was cut short; ask for it again',
      error,
    );
  }
}
