/** Every type this project knows: our c1 schema files plus the well-known types they (or Anys) refer to. */
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
import { connectorFile } from './connector.js';
import { annotationsFile } from './connector-annotations.js';
import { traitsFile } from './connector-traits.js';
import { readerSyncFile, syncDetailsFile } from './sync-records.js';
import { manifestV3File, storageV3File } from './v3-schema.js';

export const registry: Registry = createRegistry(
  file_google_protobuf_any,
  file_google_protobuf_descriptor,
  file_google_protobuf_duration,
  file_google_protobuf_empty,
  file_google_protobuf_field_mask,
  file_google_protobuf_struct,
  file_google_protobuf_timestamp,
  file_google_protobuf_wrappers,
  connectorFile,
  annotationsFile,
  traitsFile,
  syncDetailsFile,
  readerSyncFile,
  storageV3File,
  manifestV3File,
);
