/**
 * `finish()` either puts a complete file at the target or leaves the target as it was: no half-written file,
 * no `.tmp` beside it, no scratch folder in $TMPDIR.
 */
import { create } from '@bufbuild/protobuf';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveTempDirs } from '../../lib/fs/temp-files.js';
import { openSyncFile } from '../open.js';
import { ResourceSchema } from '../proto/connector.js';
import { C1zWriter } from './c1z-writer.js';

/** How the compressor misbehaves: not at all, before any output, or after passing some bytes on. */
const compressor = vi.hoisted(() => ({ fail: 'never' as 'never' | 'at-once' | 'after-data' }));

vi.mock('zstd-napi', async (importOriginal) => {
  const actual = await importOriginal<typeof import('zstd-napi')>();
  const { Transform } = await import('node:stream');
  class FailingCompressor extends Transform {
    constructor() {
      super();
      // Failing before the pipeline even starts is the quickest failure there is: the output is still opening.
      if (compressor.fail === 'at-once') this.destroy(new Error('zstd: simulated failure'));
    }
    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
      this.push(chunk);
      done(new Error('zstd: simulated failure'));
    }
  }
  function CompressStream(options?: object) {
    return compressor.fail === 'never' ? new actual.CompressStream(options) : new FailingCompressor();
  }
  return { ...actual, CompressStream };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-finish-test-'));
  compressor.fail = 'never';
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A writer with one finished sync, and the scratch folder it made. */
function writerFor(target: string): { writer: C1zWriter; scratch: string } {
  const before = new Set(liveTempDirs());
  const writer = new C1zWriter(target, { seed: 1 });
  const scratch = liveTempDirs().filter((d) => !before.has(d));
  expect(scratch).toHaveLength(1);
  const s = writer.startSync();
  writer.addResource(s, create(ResourceSchema, { id: { resourceType: 'user', resource: 'u1' } }));
  writer.endSync(s);
  return { writer, scratch: scratch[0]! };
}

function expectScratchGone(scratch: string): void {
  expect(liveTempDirs()).not.toContain(scratch);
  expect(existsSync(scratch)).toBe(false);
}

describe('C1zWriter.finish is atomic', () => {
  it('writes a readable file and removes its scratch folder', async () => {
    const target = join(dir, 'ok.c1z');
    const { writer, scratch } = writerFor(target);
    expect(existsSync(join(scratch, 'sync.db'))).toBe(true);
    await writer.finish();
    expectScratchGone(scratch);
    expect(readdirSync(dir)).toEqual(['ok.c1z']);
    const file = await openSyncFile(target);
    try {
      expect(file.syncs()).toHaveLength(1);
    } finally {
      file.close();
    }
    await expect(writer.finish()).rejects.toThrow(/already finished/);
  });

  it('fails with a one-line error when the folder does not exist, leaving nothing behind', async () => {
    const target = join(dir, 'missing', 'out.c1z');
    const { writer, scratch } = writerFor(target);
    await expect(writer.finish()).rejects.toThrow(`${target}: folder does not exist (create it first or choose another path)`);
    expect(readdirSync(dir)).toEqual([]);
    expectScratchGone(scratch);
  });

  it.each(['at-once', 'after-data'] as const)('leaves no file and no .tmp when compression fails %s', async (when) => {
    compressor.fail = when;
    // An early failure used to race the temporary's creation and leave a stray .tmp most times: try repeatedly.
    for (let i = 0; i < 15; i++) {
      const { writer, scratch } = writerFor(join(dir, `out-${i}.c1z`));
      await expect(writer.finish()).rejects.toThrow('zstd: simulated failure');
      expectScratchGone(scratch);
    }
    // A late-arriving open would create its file after the rejection; give it time to show up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves an existing target untouched when rewriting it fails', async () => {
    const target = join(dir, 'sync.c1z');
    writeFileSync(target, 'the previous sync file');
    compressor.fail = 'after-data';
    const { writer } = writerFor(target);
    await expect(writer.finish()).rejects.toThrow('zstd: simulated failure');
    expect(readFileSync(target, 'utf8')).toBe('the previous sync file');
    expect(readdirSync(dir)).toEqual(['sync.c1z']);
  });

  it('abort() writes nothing, removes the scratch folder and ends the writer', () => {
    const target = join(dir, 'aborted.c1z');
    const { writer, scratch } = writerFor(target);
    writer.abort();
    expectScratchGone(scratch);
    expect(readdirSync(dir)).toEqual([]);
    expect(() => writer.startSync()).toThrow(/already finished/);
    expect(() => writer.abort()).not.toThrow();
  });
});
