import { createFileRegistry, ScalarType, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { describeWithSamples, SAMPLE, samplePath } from '../../../test/support/samples.js';
import { file_c1_storage_v3_records_fallback } from '../../proto/c1/storage/v3/records_fallback_pb.js';
import { file_c1_storage_v3_records } from '../../proto/c1/storage/v3/records_pb.js';
import { readV3Manifest } from '../manifest.js';
import { fallbackRecordSchema } from './fallback-schema.js';
import { RECORD_TYPES } from './record-schemas.js';

describe('fallbackRecordSchema', () => {
  it('has every record type the store reads, and nothing else', () => {
    for (const typeName of Object.values(RECORD_TYPES)) expect(fallbackRecordSchema(typeName)?.typeName).toBe(typeName);
    expect(fallbackRecordSchema('c1.storage.v3.SessionRecord')).toBeUndefined();
    expect(fallbackRecordSchema('c1.connector.v2.Resource')).toBeUndefined();
  });
});

/** What decoding depends on: number, name and type. An enum reads as its int32 (our SyncRunRecord.type). */
function shape(f: DescField): string {
  const scalar = (s: ScalarType) => ScalarType[s].toLowerCase();
  const value = (k: { kind: string; scalar?: ScalarType; message?: DescMessage; enum?: unknown }) =>
    k.kind === 'scalar' ? scalar(k.scalar!) : k.kind === 'enum' ? 'int32' : k.message!.typeName;
  switch (f.fieldKind) {
    case 'scalar':
      return `${f.number} ${f.name}: ${scalar(f.scalar)}`;
    case 'enum':
      return `${f.number} ${f.name}: int32`;
    case 'message':
      return `${f.number} ${f.name}: ${f.message.typeName}`;
    case 'list':
      return `${f.number} ${f.name}: repeated ${value({ kind: f.listKind, scalar: f.scalar, message: f.message, enum: f.enum })}`;
    case 'map':
      return `${f.number} ${f.name}: map<${scalar(f.mapKey)}, ${value({ kind: f.mapKind, scalar: f.scalar, message: f.message })}>`;
  }
}

describeWithSamples("our c1.storage.v3 messages against the SDK sample's own descriptors", () => {
  it('declare each field with the number, name and type the SDK gives it', async () => {
    const manifest = await readV3Manifest(samplePath(SAMPLE.pebble));
    // Linked from records.proto down, by name: the set lists options.proto before the descriptor.proto it
    // imports, which createFileRegistry(set) refuses.
    const files = new Map(manifest.descriptors!.file.map((f) => [f.name, f]));
    const theirs = createFileRegistry(files.get('c1/storage/v3/records.proto')!, (name) => files.get(name));
    const ours = [...file_c1_storage_v3_records_fallback.messages, ...file_c1_storage_v3_records.messages];
    expect(ours.length).toBeGreaterThan(5);
    for (const message of ours) {
      const sdk = theirs.getMessage(message.typeName);
      expect(sdk, message.typeName).toBeDefined();
      const byNumber = new Map(sdk!.fields.map((f) => [f.number, shape(f)]));
      for (const field of message.fields) expect(byNumber.get(field.number), message.typeName).toBe(shape(field));
    }
  });
});
