/**
 * Damaged and unusual v3 files, made from the SDK's Pebble sample in a temporary folder: each failure is
 * one UserError line naming the file, what is wrong and where; the older TAR and TAR_ZSTD payload
 * encodings read the same rows as INDEXED_ZSTD.
 */
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c as createTar } from 'tar';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compress, decompress } from 'zstd-napi';
import { UserError } from '../lib/errors.js';
import { C1ZManifestV3Schema, IndexedFrameIndexSchema, type C1ZManifestV3, type PayloadEncoding } from '../c1z/proto/index.js';
import { openV3File } from '../c1z/v3/open-v3.js';
import { xxh64 } from '../c1z/v3/hash/xxh64.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const SYNC = '36zGvJw3uxU1QMJKU2yPVQ1hBOC';

interface Sample {
  bytes: Buffer;
  manifest: C1ZManifestV3;
  /** Every Pebble file of the payload, decompressed, in index order. */
  files: Array<{ name: string; raw: Buffer; offset: number; size: number }>;
}

function readSample(): Sample {
  const bytes = readFileSync(samplePath(SAMPLE.pebble));
  const length = bytes.readUInt32BE(5);
  const manifest = fromBinary(C1ZManifestV3Schema, bytes.subarray(9, 9 + length));
  const tail = bytes.subarray(bytes.length - 28);
  const indexOffset = Number(tail.readBigUInt64BE(0));
  const index = fromBinary(IndexedFrameIndexSchema, bytes.subarray(indexOffset, indexOffset + tail.readUInt32BE(8)));
  const files = index.entries.map((e) => {
    const offset = Number(e.frameOffset);
    const size = Number(e.compressedSize);
    return { name: e.name, raw: decompress(bytes.subarray(offset, offset + size)), offset, size };
  });
  return { bytes, manifest, files };
}

function header(manifest: C1ZManifestV3): Buffer {
  const body = toBinary(C1ZManifestV3Schema, manifest);
  const prefix = Buffer.alloc(9);
  prefix.write('C1Z3\0', 0, 'latin1');
  prefix.writeUInt32BE(body.length, 5);
  return Buffer.concat([prefix, body]);
}

/** A v3 file with an INDEXED_ZSTD payload holding `files`, as the SDK lays it out. */
function indexedFile(
  manifest: C1ZManifestV3,
  files: Array<{ name: string; raw: Uint8Array }>,
  tamper?: (entry: { name: string; rawXxh64: bigint; rawSha256: Uint8Array }) => void,
): Buffer {
  const head = header(manifest);
  const frames: Buffer[] = [];
  const entries = [];
  let offset = head.length;
  for (const { name, raw } of files) {
    const frame = compress(raw);
    frames.push(frame);
    entries.push({
      name,
      frameOffset: BigInt(offset),
      compressedSize: BigInt(frame.length),
      rawSize: BigInt(raw.length),
      rawXxh64: xxh64(raw),
      rawSha256: createHash('sha256').update(raw).digest(),
    });
    tamper?.(entries.at(-1)!);
    offset += frame.length;
  }
  const index = Buffer.from(toBinary(IndexedFrameIndexSchema, create(IndexedFrameIndexSchema, { entries })));
  const footer = Buffer.alloc(28);
  footer.writeBigUInt64BE(BigInt(offset), 0);
  footer.writeUInt32BE(index.length, 8);
  footer.writeBigUInt64BE(xxh64(index), 12);
  footer.write('C1ZIDX1\0', 20, 'latin1');
  return Buffer.concat([head, ...frames, index, footer]);
}

function withManifest(sample: Sample, change: Partial<C1ZManifestV3>): C1ZManifestV3 {
  return create(C1ZManifestV3Schema, { ...sample.manifest, ...change });
}

let dir: string;
let sample: Sample;
let serial = 0;

function write(bytes: Uint8Array): string {
  const path = join(dir, `case-${++serial}.c1z`);
  writeFileSync(path, bytes);
  return path;
}

/** The UserError opening (and, if it opens, listing every row of) the file gives. */
async function failure(path: string): Promise<UserError> {
  let error: unknown;
  try {
    const file = await openV3File(path);
    try {
      const rows = file.rows();
      for (const list of [
        rows.resourceTypes({ syncId: SYNC }),
        rows.resources({ syncId: SYNC }),
        rows.entitlements({ syncId: SYNC }),
        rows.grants({ syncId: SYNC }),
      ]) {
        for (const _ of list) void _;
      }
    } finally {
      file.close();
    }
  } catch (caught) {
    error = caught;
  }
  expect(error, `${path} was read without error`).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message.startsWith(`${path}: `)).toBe(true);
  expect(message).not.toContain('\n');
  return error as UserError;
}

async function countRows(path: string): Promise<number[]> {
  const file = await openV3File(path);
  try {
    const rows = file.rows();
    const count = (items: Iterable<unknown>) => [...items].length;
    return [
      count(rows.resourceTypes({ syncId: SYNC })),
      count(rows.resources({ syncId: SYNC })),
      count(rows.entitlements({ syncId: SYNC })),
      count(rows.grants({ syncId: SYNC })),
    ];
  } finally {
    file.close();
  }
}

describeWithSamples('v3 reader on damaged and unusual files', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'v3-corrupt-'));
    sample = readSample();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a flipped byte in a frame: names the Pebble file whose frame fails', async () => {
    const bytes = Buffer.from(sample.bytes);
    const frame = sample.files.find((f) => f.name === '000005.sst')!;
    const at = frame.offset + Math.floor(frame.size / 2);
    bytes[at] = bytes[at]! ^ 0x40;
    const { message } = await failure(write(bytes));
    expect(message).toMatch(/damaged v3 payload: .*000005\.sst/);
    expect(message).toMatch(/XXH64|zstd|frame/);
    expect(message).toContain('ask for it again');
  });

  it('a frame whose contents do not match the XXH64 or SHA-256 the index records', async () => {
    const wrongXxh = indexedFile(sample.manifest, sample.files, (e) => {
      if (e.name === 'OPTIONS-000023') e.rawXxh64 ^= 1n;
    });
    expect((await failure(write(wrongXxh))).message).toMatch(/OPTIONS-000023 \(frame at byte \d+\) fails its XXH64 checksum/);
    const wrongSha = indexedFile(sample.manifest, sample.files, (e) => {
      if (e.name === 'MANIFEST-000021') e.rawSha256 = new Uint8Array(32);
    });
    expect((await failure(write(wrongSha))).message).toMatch(/MANIFEST-000021 \(frame at byte \d+\) fails its SHA-256 checksum/);
  });

  it('a truncated file: the frame index footer is missing', async () => {
    const { message } = await failure(write(sample.bytes.subarray(0, Math.floor(sample.bytes.length * 0.6))));
    expect(message).toContain('truncated v3 payload');
    expect(message).toContain('C1ZIDX1');
  });

  it('a removed frame: the index no longer sits where the footer says', async () => {
    const frame = sample.files.find((f) => f.name === '000011.sst')!;
    const bytes = Buffer.concat([sample.bytes.subarray(0, frame.offset), sample.bytes.subarray(frame.offset + frame.size)]);
    const { message } = await failure(write(bytes));
    expect(message).toContain('damaged v3 payload: the frame index footer points at bytes');
  });

  it('a missing SST: the MANIFEST lists a table the payload lacks', async () => {
    const files = sample.files.filter((f) => f.name !== '000005.sst');
    const { message } = await failure(write(indexedFile(sample.manifest, files)));
    expect(message).toContain('MANIFEST-000021 lists 000005.sst, which is missing from the payload');
  });

  it('a block whose checksum fails inside an intact frame: names the table and block', async () => {
    const files = sample.files.map((f) => {
      if (f.name !== '000004.sst') return f;
      const raw = Buffer.from(f.raw);
      raw[100] = raw[100]! ^ 0x01; // inside the first data block (bytes 0-268)
      return { ...f, raw };
    });
    const { message } = await failure(write(indexedFile(sample.manifest, files)));
    expect(message).toContain('000004.sst: data block at offset 0: checksum mismatch');
  });

  it('an unknown engine: says which, and how to get a readable file', async () => {
    const { message } = await failure(write(indexedFile(withManifest(sample, { engine: 'rocksdb9' }), sample.files)));
    expect(message).toContain('uses storage engine "rocksdb9"');
    expect(message).toContain('--storage-engine sqlite');
  });

  it('an unknown payload encoding: says which', async () => {
    const { message } = await failure(write(indexedFile(withManifest(sample, { payloadEncoding: 4 as PayloadEncoding }), sample.files)));
    expect(message).toContain('uses payload encoding UNKNOWN_4');
  });

  it('the older TAR and TAR_ZSTD payloads read the same rows', async () => {
    const folder = join(dir, 'store');
    mkdirSync(folder);
    for (const f of sample.files) writeFileSync(join(folder, f.name), f.raw);
    const tarPath = join(dir, 'store.tar');
    await createTar(
      { file: tarPath, cwd: folder, portable: true },
      sample.files.map((f) => f.name),
    );
    const tar = readFileSync(tarPath);
    const expected = [4, 35217, 334, 66601];
    expect(await countRows(write(Buffer.concat([header(withManifest(sample, { payloadEncoding: 2 })), tar])))).toEqual(expected);
    expect(await countRows(write(Buffer.concat([header(withManifest(sample, { payloadEncoding: 1 })), compress(tar)])))).toEqual(expected);
  });
});
