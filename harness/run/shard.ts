/**
 * `--shard i/n` as Vitest splits test files: ordered by a hash of each file's path relative to the working
 * directory (so membership does not shift as files are added elsewhere in the order), then cut into n
 * slices of ceil(len/n). Every scenario lands in exactly one shard.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { UserError } from '../../lib/errors.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UserError(`--shard ${JSON.stringify(text)}: expected <index>/<count> with 1 <= index <= count (e.g. --shard 2/4)`);
  return { index, count };
}

export function pickShard<T extends { name: string; source: { file: string } }>(items: readonly T[], shard: Shard, cwd = process.cwd()): T[] {
  const key = (item: T) =>
    createHash('sha1')
      .update(`${relative(cwd, item.source.file)}#${item.name}`)
      .digest('hex');
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const size = Math.ceil(sorted.length / shard.count);
  return sorted.slice(size * (shard.index - 1), size * shard.index);
}
