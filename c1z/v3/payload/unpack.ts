/**
 * Unpacks a v3 file's payload (the Pebble store's files) into a folder, by the encoding its manifest
 * names, after checking the engine is one this reader understands.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileError } from '../../../lib/errors.js';
import type { V3Manifest } from '../manifest.js';
import { unpackIndexedZstd } from './indexed-zstd.js';
import { unpackTar } from './tar-payload.js';

/** "pebble3" is what SDK v0.25.0 writes; "pebble2" is what its reader also accepts (baton-c1z.md §1). */
const ENGINES = new Set(['pebble2', 'pebble3']);

/** Returns the folder holding the Pebble store (the MANIFEST and tables), inside `dir`. */
export async function unpackPayload(path: string, manifest: V3Manifest, payloadStart: number, dir: string): Promise<string> {
  if (!ENGINES.has(manifest.engine)) {
    throw fileError(
      path,
      `uses storage engine "${manifest.engine}", which this reader does not know (it reads ${[...ENGINES].join(', ')})`,
      'rerun the connector with --storage-engine sqlite, or update sync-harness',
    );
  }
  switch (manifest.payloadEncoding) {
    case 'INDEXED_ZSTD':
      await unpackIndexedZstd(path, payloadStart, dir);
      return dir;
    case 'TAR_ZSTD':
    case 'TAR':
      await unpackTar(path, payloadStart, dir, manifest.payloadEncoding === 'TAR_ZSTD');
      return storeFolder(path, dir);
    default:
      throw fileError(
        path,
        `uses payload encoding ${manifest.payloadEncoding}, which this reader does not know (it reads INDEXED_ZSTD, TAR_ZSTD, TAR)`,
        'rerun the connector with --storage-engine sqlite, or update sync-harness',
      );
  }
}

/** A tar may hold the store at its root or in one folder: find the folder with the MANIFEST pointer. */
function storeFolder(path: string, dir: string): string {
  const queue = [dir];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const names = readdirSync(current);
    if (names.some((n) => n.startsWith('marker.manifest.') || n === 'CURRENT' || /^MANIFEST-\d+$/.test(n))) return current;
    for (const name of names) {
      const child = join(current, name);
      if (statSync(child).isDirectory()) queue.push(child);
    }
  }
  if (!existsSync(dir)) throw fileError(path, 'the v3 payload unpacked to nothing');
  throw fileError(path, 'damaged v3 payload: no Pebble MANIFEST in the archive', 'the file is damaged; ask for it again');
}
