/**
 * The `c1.storage.v3` record messages as SDK v0.25.0 describes them in its manifests, for a file whose
 * manifest carries no descriptor for a record type: generated from c1/storage/v3/records_fallback.proto.
 */
import { createRegistry, type DescMessage } from '@bufbuild/protobuf';
import { file_c1_storage_v3_records_fallback } from '../../proto/c1/storage/v3/records_fallback_pb.js';

const fallback = createRegistry(file_c1_storage_v3_records_fallback);

export function fallbackRecordSchema(typeName: string): DescMessage | undefined {
  return fallback.getMessage(typeName);
}
