/**
 * The oldest v1 schema the real files have (5-column `v1_sync_runs`, no grant `expansion` column), as SQL
 * for the `sqlite3` command-line tool, so tests build files the way the Go SDK did rather than with our
 * own writer. `expansion` adds the later grant column; `wal` the journal mode the SDK leaves in the header.
 */
export function oldestSchemaSql(options: { wal?: boolean; expansion?: boolean } = {}): string {
  return `
${options.wal ? 'PRAGMA journal_mode = WAL;' : ''}
CREATE TABLE v1_resource_types (id integer primary key, external_id text not null, data blob not null, sync_id text not null, discovered_at datetime not null);
CREATE UNIQUE INDEX idx_resource_types_external_sync_v1 on v1_resource_types (external_id, sync_id);
CREATE TABLE v1_resources (id integer primary key, resource_type_id text not null, external_id text not null, parent_resource_type_id text,
  parent_resource_id text, data blob not null, sync_id text not null, discovered_at datetime not null);
CREATE UNIQUE INDEX idx_resources_parent_resource_id_v1 on v1_resources (external_id, sync_id);
CREATE TABLE v1_entitlements (id integer primary key, resource_type_id text not null, resource_id text not null, external_id text not null,
  data blob not null, sync_id text not null, discovered_at datetime not null);
CREATE UNIQUE INDEX idx_entitlements_external_sync_v1 on v1_entitlements (external_id, sync_id);
CREATE TABLE v1_grants (id integer primary key, resource_type_id text not null, resource_id text not null, entitlement_id text not null,
  principal_resource_type_id text not null, principal_resource_id text not null, external_id text not null, data blob not null,
  sync_id text not null, discovered_at datetime not null${options.expansion ? ', expansion blob' : ''});
CREATE UNIQUE INDEX idx_grants_external_sync_v1 on v1_grants (external_id, sync_id);
CREATE TABLE v1_sync_runs (id integer primary key, sync_id text not null, started_at datetime not null, ended_at datetime, sync_token text not null);
CREATE UNIQUE INDEX idx_sync_runs_sync_id_v1 on v1_sync_runs (sync_id);
`;
}
