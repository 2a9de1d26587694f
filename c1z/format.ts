/**
 * Which kind of sync file this is, from its first bytes (never from its name: customers rename files).
 */
import { open } from 'node:fs/promises';
import { fileError } from '../lib/errors.js';
import { checkInputFile } from '../lib/fs/input-file.js';

export const V1_MAGIC = Buffer.from('C1ZF\0', 'latin1');
export const V3_MAGIC = Buffer.from('C1Z3\0', 'latin1');
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** `v1`: zstd-compressed SQLite; `v3`: Pebble payload behind a manifest; `sqlite`: an uncompressed store; `empty`: 0 bytes. */
export type C1zFormat = 'v1' | 'v3' | 'sqlite' | 'empty';

export async function detectFormat(path: string): Promise<C1zFormat> {
  // Before opening: a FIFO would block the open, a device would read as 0 bytes or never end.
  checkInputFile(path, { flag: '-f', what: 'sync file' });
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw describeOpenError(path, error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw fileError(path, 'is a folder, not a sync file', 'pass the .c1z file itself');
    if (stat.size === 0) return 'empty';
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    const bytes = head.subarray(0, bytesRead);
    if (startsWith(bytes, V1_MAGIC)) return 'v1';
    if (startsWith(bytes, V3_MAGIC)) return 'v3';
    if (startsWith(bytes, SQLITE_MAGIC)) return 'sqlite';
    throw fileError(
      path,
      `not a c1z sync file (starts with ${hex(bytes.subarray(0, 5))}; expected "C1ZF\\0", "C1Z3\\0" or a SQLite header)`,
      'pass the file the connector wrote with -f',
    );
  } finally {
    await handle.close();
  }
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

function hex(bytes: Buffer): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

export function describeOpenError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fileError(path, 'no such file', 'check the path, or pass the sync output with -f FILE');
  if (code === 'EACCES' || code === 'EPERM') return fileError(path, 'permission denied');
  if (code === 'EISDIR') return fileError(path, 'is a folder, not a sync file', 'pass the .c1z file itself');
  return error instanceof Error ? error : new Error(String(error));
}
