import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithSamples, SAMPLE, samplePath } from '../../test/support/samples.js';
import { UserError } from '../../lib/errors.js';
import { readV3Manifest } from './manifest.js';

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'c1z-v3-manifest-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeTemp(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function rejection(path: string): Promise<Error> {
  const error = await readV3Manifest(path).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error(`${path} was accepted`);
  return error;
}

describeWithSamples('readV3Manifest on the SDK pebble sample', () => {
  it('reads the engine, the single sync and its header stats', async () => {
    const manifest = await readV3Manifest(samplePath(SAMPLE.pebble));
    expect(manifest.engine).toBe('pebble2');
    expect(manifest.payloadEncoding).toBe('INDEXED_ZSTD');
    expect(manifest.descriptors?.file.map((f) => f.name)).toContain('c1/storage/v3/records.proto');
    expect(manifest.syncs).toHaveLength(1);
    const [sync] = manifest.syncs;
    expect(sync).toMatchObject({ id: '36zGvJw3uxU1QMJKU2yPVQ1hBOC', type: 'full', parentSyncId: '' });
    expect(sync!.startedAt!.getTime()).toBeLessThanOrEqual(sync!.endedAt!.getTime());
    const stats = sync!.stats!;
    expect(stats).toMatchObject({ resourceTypes: 4, resources: 35217, entitlements: 334, grants: 66601 });
    expect(sum(stats.resourcesByResourceType)).toBe(stats.resources);
    expect(sum(stats.entitlementsByResourceType)).toBe(stats.entitlements);
    expect(sum(stats.grantsByResourceType)).toBe(stats.grants);
    expect(Object.keys(stats.resourcesByResourceType)).toHaveLength(stats.resourceTypes);
  });

  it('rejects truncated copies with a UserError naming the file', async () => {
    const whole = readFileSync(samplePath(SAMPLE.pebble));
    const manifestLength = whole.readUInt32BE(5);
    const cuts = { magic: 3, length: 7, manifest: 9 + Math.floor(manifestLength / 2), empty: 0 };
    for (const [name, size] of Object.entries(cuts)) {
      const path = writeTemp(`cut-${name}.c1z`, whole.subarray(0, size));
      const error = await rejection(path);
      expect(error, name).toBeInstanceOf(UserError);
      expect(error.message, name).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: truncated v3 header`));
    }
  });
});

describe('readV3Manifest on damaged or foreign files', () => {
  const header = (length: number, body: Uint8Array = new Uint8Array(0)): Uint8Array => {
    const prefix = Buffer.alloc(9);
    prefix.write('C1Z3\0', 'latin1');
    prefix.writeUInt32BE(length, 5);
    return Buffer.concat([prefix, body]);
  };

  it('rejects an implausible manifest length', async () => {
    const error = await rejection(writeTemp('huge-length.c1z', header(0xffffffff, new Uint8Array(100))));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/huge-length\.c1z: truncated v3 header or corrupt manifest length \(4294967295 bytes/);
  });

  it('rejects a corrupt manifest as a UserError', async () => {
    const body = Uint8Array.of(0x0a, 0x20, 0x41); // field 1, 32 bytes claimed, 1 present
    const error = await rejection(writeTemp('corrupt.c1z', header(body.length, body)));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/corrupt\.c1z: v3 manifest: corrupt c1\.c1z\.v3\.C1ZManifestV3 protobuf/);
  });

  it('rejects files that are not v3, and missing files', async () => {
    const v1 = await rejection(writeTemp('v1.c1z', Buffer.from('C1ZF\0rest of a v1 file', 'latin1')));
    expect(v1).toBeInstanceOf(UserError);
    expect(v1.message).toMatch(/v1\.c1z: not a v3 c1z file/);
    const missing = await rejection(join(dir, 'missing.c1z'));
    expect(missing).toBeInstanceOf(UserError);
    expect(missing.message).toMatch(/missing\.c1z: no such file/);
  });

  it('reads a minimal manifest and keeps fields it does not know', async () => {
    // engine "pebble3", payload_encoding 5, an unknown field 42, one sync without stats of an unknown type 9.
    const sync = Uint8Array.of(0x0a, 0x02, 0x73, 0x31, 0x10, 0x09);
    const body = Uint8Array.from([0x0a, 7, ...Buffer.from('pebble3'), 0x20, 0x05, 0xd0, 0x02, 0x02, 0xc2, 0x02, sync.length, ...sync]);
    const manifest = await readV3Manifest(writeTemp('minimal.c1z', header(body.length, body)));
    expect(manifest).toEqual({
      engine: 'pebble3',
      engineSchemaVersion: 0,
      payloadEncoding: 'INDEXED_ZSTD',
      syncs: [{ id: 's1', type: 'unknown', startedAt: undefined, endedAt: undefined, parentSyncId: '', stats: undefined }],
      descriptors: undefined,
      payloadOffset: 9 + body.length,
    });
  });
});
