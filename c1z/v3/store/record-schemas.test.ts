import { create } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema, type FileDescriptorProto } from '@bufbuild/protobuf/wkt';
import type { DescFile } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { describeWithSamples, SAMPLE, samplePath } from '../../../test/support/samples.js';
import { file_c1_storage_v3_records_fallback } from '../../proto/c1/storage/v3/records_fallback_pb.js';
import { readV3Manifest } from '../manifest.js';
import { recordSchemas } from './record-schemas.js';

/** The file and everything it imports, the file itself first: an order createFileRegistry(set) refuses. */
function importersFirst(file: DescFile): FileDescriptorProto[] {
  const seen = new Map<string, FileDescriptorProto>();
  const visit = (f: DescFile) => {
    if (seen.has(f.proto.name)) return;
    seen.set(f.proto.name, f.proto);
    f.dependencies.forEach(visit);
  };
  visit(file);
  return [...seen.values()];
}

describe('recordSchemas', () => {
  it("reads the records with the file's own descriptors even when the set lists a file before its imports", () => {
    const set = create(FileDescriptorSetSchema, { file: importersFirst(file_c1_storage_v3_records_fallback) });
    expect(set.file.length).toBeGreaterThan(1);
    const schemas = recordSchemas(set);
    expect(schemas.source('resource')).toBe('file');
    expect(schemas.schema('grant').typeName).toBe('c1.storage.v3.GrantRecord');
  });

  it('falls back to the built-in schema when the set has no records file, or one that does not link', () => {
    expect(recordSchemas(undefined).source('resource')).toBe('built-in');
    const unlinked = create(FileDescriptorSetSchema, { file: [file_c1_storage_v3_records_fallback.proto] });
    expect(recordSchemas(unlinked).source('grant')).toBe('built-in');
  });
});

describeWithSamples("the SDK sample's records", () => {
  it("are read with the sample's own descriptors", async () => {
    const manifest = await readV3Manifest(samplePath(SAMPLE.pebble));
    const schemas = recordSchemas(manifest.descriptors);
    for (const kind of ['resourceType', 'resource', 'entitlement', 'grant', 'syncRun'] as const) expect(schemas.source(kind), kind).toBe('file');
  });
});
