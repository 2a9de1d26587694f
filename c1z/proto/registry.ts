/**
 * Every type this project knows: our c1 schema files (generated from the .proto files; the v3 store's
 * fallback records stay out, see fallback-schema.ts) plus the well-known types they (or Anys) refer to.
 */
import { createRegistry, type Registry } from '@bufbuild/protobuf';
import {
  file_google_protobuf_any,
  file_google_protobuf_descriptor,
  file_google_protobuf_duration,
  file_google_protobuf_empty,
  file_google_protobuf_field_mask,
  file_google_protobuf_struct,
  file_google_protobuf_timestamp,
  file_google_protobuf_wrappers,
} from '@bufbuild/protobuf/wkt';
import { file_c1_c1z_v1_sync_details } from './c1/c1z/v1/sync_details_pb.js';
import { file_c1_c1z_v3_manifest } from './c1/c1z/v3/manifest_pb.js';
import { file_c1_connector_v2_annotations } from './c1/connector/v2/annotations_pb.js';
import { file_c1_connector_v2_connector } from './c1/connector/v2/connector_pb.js';
import { file_c1_connector_v2_traits } from './c1/connector/v2/traits_pb.js';
import { file_c1_reader_v2_sync } from './c1/reader/v2/sync_pb.js';
import { file_c1_storage_v3_records } from './c1/storage/v3/records_pb.js';

export const registry: Registry = createRegistry(
  file_google_protobuf_any,
  file_google_protobuf_descriptor,
  file_google_protobuf_duration,
  file_google_protobuf_empty,
  file_google_protobuf_field_mask,
  file_google_protobuf_struct,
  file_google_protobuf_timestamp,
  file_google_protobuf_wrappers,
  file_c1_connector_v2_connector,
  file_c1_connector_v2_annotations,
  file_c1_connector_v2_traits,
  file_c1_c1z_v1_sync_details,
  file_c1_reader_v2_sync,
  file_c1_storage_v3_records,
  file_c1_c1z_v3_manifest,
);
