/**
 * The Baton sync file (.c1z), the one door code outside c1z/ uses: detect and open v1, v3 and SQLite files,
 * read their rows and records, write v1 files, the message codec and JSON, and synthetic files for demos and
 * benchmarks. The connector contract (c1z/contract) is re-exported too; a connector imports that lighter door.
 * The v3 reader is not: openSyncFile loads it on demand, so a command reading a v1 file never loads it.
 */
export * from './contract/index.js';
export { registry } from './proto/registry.js';
export { decodeMessage, encodeMessage } from './proto/codec.js';
export { messageToJson } from './proto/json.js';
export * from './types.js';
export * from './format.js';
export * from './open.js';
export * from './records.js';
export * from './sync-selection.js';
export * from './writer/c1z-writer.js';
export { compressV1 } from './writer/compress.js';
export { inflateV1 } from './v1/decompress.js';
export { NOT_KEPT_BY_V3 } from './v3/store/kept-by-v3.js';
export * from './synthetic/directory.js';
export * from './synthetic/stepping-clock.js';
