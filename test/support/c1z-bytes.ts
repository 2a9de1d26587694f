/**
 * The bytes of small v1 files, for tests that damage them: take the SQLite database out, put one back in,
 * cut or flip bytes. Whole files in memory, so only for the few-KB files tests write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compress, decompress } from 'zstd-napi';
import { V1_MAGIC } from '../../c1z/format.js';

/** The SQLite database inside a v1 file. */
export function sqliteOf(c1z: string): Buffer {
  return decompress(readFileSync(c1z).subarray(V1_MAGIC.length));
}

/** `C1ZF\0` + zstd of `payload`, as the SDK writes a v1 file. */
export function writeV1(path: string, payload: Uint8Array): void {
  writeFileSync(path, Buffer.concat([V1_MAGIC, compress(payload)]));
}

/** The first `fraction` of `source`, as an interrupted copy leaves it. */
export function writeCut(source: string, target: string, fraction: number): void {
  const bytes = readFileSync(source);
  writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** `source` with `count` bytes inverted at each of `fractions` of its length, as bad storage leaves it. */
export function writeFlipped(source: string, target: string, fractions: number[], count: number): void {
  const bytes = Buffer.from(readFileSync(source));
  for (const fraction of fractions) {
    const at = Math.floor(bytes.length * fraction);
    for (let i = at; i < Math.min(bytes.length, at + count); i++) bytes[i] = bytes[i]! ^ 0xff;
  }
  writeFileSync(target, bytes);
}
