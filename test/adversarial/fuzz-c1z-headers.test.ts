/**
 * c1z headers as damaged files arrive: random bytes behind each magic (v1 `C1ZF\0` + zstd, v3 `C1Z3\0` +
 * manifest length + manifest, plain SQLite), and real headers with bytes changed. Opening (and reading the
 * syncs of) any of them gives a sync file or a one-line UserError naming the file, never a TypeError,
 * RangeError or protobuf error escaping, and never a hang. Each opened case inflates on a worker thread
 * (v1) or unpacks a payload (v3), tens of milliseconds each, so those properties run tens of cases; the
 * pure manifest decoding runs a thousand.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSyncFile } from '../../c1z/open.js';
import { readV3Manifest } from '../../c1z/v3/manifest.js';
import { isUserError, SEED } from '../support/fuzz.js';
import { SAMPLE, samplePath, describeWithSamples } from '../support/samples.js';
import { writeSyncFile } from '../support/sync-files.js';

let dir: string;
let v1: Buffer;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fuzz-c1z-'));
  await writeSyncFile(join(dir, 'small.c1z'), [{ size: 1 }]);
  v1 = readFileSync(join(dir, 'small.c1z'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes`, opens it and reads what a listing reads first; refusals must be UserErrors naming it. */
async function openOrRefuse(bytes: Uint8Array): Promise<void> {
  const path = join(dir, `case-${n++}.c1z`);
  writeFileSync(path, bytes);
  try {
    const file = await openSyncFile(path);
    try {
      file.syncs();
      file.verify(['syncs']);
    } finally {
      file.close();
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    const message = (error as Error).message;
    expect(message.startsWith(`${path}: `), message).toBe(true);
    expect(message).not.toMatch(/[\r\n]/);
  } finally {
    rmSync(path, { force: true });
  }
}

function mutated(base: Buffer, edits: Array<[number, number]>, cut?: number): Buffer {
  const bytes = Buffer.from(base.subarray(0, cut ?? base.length));
  for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value;
  return bytes;
}

const MAGICS = [Buffer.from('C1ZF\0', 'latin1'), Buffer.from('C1Z3\0', 'latin1'), Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(0)];
const edits = (max: number) => fc.array(fc.tuple(fc.nat(max), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 });

describe('c1z header fuzzing', () => {
  it('random bytes behind each magic', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 200 }), async (magic, tail) =>
        openOrRefuse(Buffer.concat([magic, tail])),
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('v3: a manifest length and random manifest bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 120 }), fc.boolean(), async (manifest, honest) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(honest ? manifest.length : manifest.length * 7 + 1);
        const path = join(dir, `manifest-${n++}.c1z`);
        writeFileSync(path, Buffer.concat([Buffer.from('C1Z3\0', 'latin1'), length, manifest]));
        try {
          await readV3Manifest(path);
        } catch (error) {
          if (!isUserError(error)) throw error;
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('a real v1 file with bytes of its header and first zstd frame changed', async () => {
    await fc.assert(
      fc.asyncProperty(edits(48), fc.option(fc.nat(v1.length)), async (e, cut) => openOrRefuse(mutated(v1, e, cut ?? undefined))),
      { seed: SEED, numRuns: 50 },
    );
  });
});

describeWithSamples("c1z header fuzzing on the SDK's v3 sample", () => {
  it('a real v3 header and manifest with bytes changed, the payload cut after 4 KB', async () => {
    const pebble = readFileSync(samplePath(SAMPLE.pebble));
    const headerLength = 9 + pebble.readUInt32BE(5);
    await fc.assert(
      fc.asyncProperty(edits(headerLength - 1), async (e) => openOrRefuse(mutated(pebble, e, headerLength + 4096))),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('the whole v3 file with manifest bytes changed', async () => {
    const pebble = readFileSync(samplePath(SAMPLE.pebble));
    const headerLength = 9 + pebble.readUInt32BE(5);
    await fc.assert(
      fc.asyncProperty(edits(headerLength - 1), async (e) => openOrRefuse(mutated(pebble, e))),
      { seed: SEED, numRuns: 10 },
    );
  });
});
