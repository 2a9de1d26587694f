import { describe, expect, it } from 'vitest';
import { parseShard, pickShard } from './shard.js';

const items = Array.from({ length: 11 }, (_, i) => ({ name: `s${i}`, source: { file: `/x/s${i}.yaml` } }));

describe('shards', () => {
  it('puts every scenario in exactly one of n shards', () => {
    const picked = [1, 2, 3].flatMap((index) => pickShard(items, { index, count: 3 }, '/x').map((s) => s.name));
    expect(picked.sort()).toEqual(items.map((s) => s.name).sort());
    expect(pickShard(items, { index: 1, count: 3 }, '/x')).toHaveLength(4);
  });

  it('refuses a shard outside its count with the form to use', () => {
    expect(() => parseShard('4/3')).toThrow('--shard "4/3": expected <index>/<count>');
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });
});
