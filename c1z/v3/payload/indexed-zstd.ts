/**
 * Unpacks an INDEXED_ZSTD payload into a folder, one file per frame, each checked against the XXH64 and
 * SHA-256 the frame index records for it (where it records them).
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileError } from '../../../lib/errors.js';
import { Xxh64 } from '../hash/xxh64.js';
import { INDEX_FOOTER_LENGTH, parseFrameIndex, type FrameEntry } from './frame-index.js';
import { FrameError, inflateRange } from './zstd-range.js';

const DAMAGED = 'the file is damaged; ask for it again';

export async function unpackIndexedZstd(path: string, payloadStart: number, dir: string): Promise<FrameEntry[]> {
  const handle = await open(path, 'r');
  let entries: FrameEntry[];
  try {
    const size = (await handle.stat()).size;
    const readAt = async (offset: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    };
    const tail = await readAt(Math.max(0, size - INDEX_FOOTER_LENGTH), Math.min(size, INDEX_FOOTER_LENGTH));
    const tailInfo = tail.length === INDEX_FOOTER_LENGTH ? tail : Buffer.alloc(INDEX_FOOTER_LENGTH);
    const indexOffset = Number(tailInfo.readBigUInt64BE(0));
    const indexLength = tailInfo.readUInt32BE(8);
    const indexBytes = indexLength <= size ? await readAt(indexOffset, indexLength) : Buffer.alloc(0);
    entries = parseFrameIndex(path, payloadStart, size, tailInfo, () => indexBytes);
  } finally {
    await handle.close();
  }
  for (const entry of entries) await unpackFrame(path, entry, dir);
  return entries;
}

async function unpackFrame(path: string, entry: FrameEntry, dir: string): Promise<void> {
  const out = await open(join(dir, entry.name), 'wx');
  const xxh = entry.rawXxh64 !== 0n ? new Xxh64() : undefined;
  const sha = entry.rawSha256.length > 0 ? createHash('sha256') : undefined;
  try {
    await inflateRange(path, entry.offset, entry.compressedSize, out, entry.rawSize, (chunk) => {
      xxh?.update(chunk);
      sha?.update(chunk);
    });
  } catch (error) {
    if (error instanceof FrameError) {
      throw fileError(path, `damaged v3 payload: the frame of ${entry.name} at byte ${entry.offset}: ${error.message}`, DAMAGED, error);
    }
    throw error;
  } finally {
    await out.close();
  }
  if (xxh && xxh.digest() !== entry.rawXxh64) {
    throw fileError(path, `damaged v3 payload: ${entry.name} (frame at byte ${entry.offset}) fails its XXH64 checksum`, DAMAGED);
  }
  if (sha && !sha.digest().equals(Buffer.from(entry.rawSha256))) {
    throw fileError(path, `damaged v3 payload: ${entry.name} (frame at byte ${entry.offset}) fails its SHA-256 checksum`, DAMAGED);
  }
}
