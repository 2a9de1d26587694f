/**
 * The newest v1 schema (SDK v0.25), table for table and index for index as the SDK creates it, including
 * its quirk of swapping two index names on v1_resources. Column definitions match real SDK files (checked
 * against `sync-in-progress.c1z` in test/c1z-writer-compat.test.ts); v0.25 adds the stats and ingest-invariant columns.
 */
export const V1_SCHEMA = `
CREATE TABLE v1_resource_types (
    id integer primary key,
    external_id text not null,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
);
CREATE UNIQUE INDEX idx_resource_types_external_sync_v1 on v1_resource_types (external_id, sync_id);

CREATE TABLE v1_resources (
    id integer primary key,
    resource_type_id text not null,
    external_id text not null,
    parent_resource_type_id text,
    parent_resource_id text,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
);
CREATE INDEX idx_resources_resource_type_id_v1 on v1_resources (resource_type_id);
CREATE INDEX idx_resources_external_sync_v1 on v1_resources (parent_resource_type_id, parent_resource_id);
CREATE UNIQUE INDEX idx_resources_parent_resource_id_v1 on v1_resources (external_id, sync_id);

CREATE TABLE v1_entitlements (
    id integer primary key,
    resource_type_id text not null,
    resource_id text not null,
    external_id text not null,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
);
CREATE INDEX idx_entitlements_resource_id_v1 on v1_entitlements (resource_type_id, resource_id);
CREATE UNIQUE INDEX idx_entitlements_external_sync_v1 on v1_entitlements (external_id, sync_id);

CREATE TABLE v1_grants (
    id integer primary key,
    resource_type_id text not null,
    resource_id text not null,
    entitlement_id text not null,
    principal_resource_type_id text not null,
    principal_resource_id text not null,
    external_id text not null,
    expansion blob,
    needs_expansion integer not null default 0,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
);
CREATE INDEX idx_grants_resource_type_id_resource_id_v1 on v1_grants (resource_type_id, resource_id);
CREATE INDEX idx_grants_principal_id_v1 on v1_grants (principal_resource_type_id, principal_resource_id);
CREATE INDEX idx_grants_entitlement_id_principal_id_v1 on v1_grants (entitlement_id, principal_resource_type_id, principal_resource_id);
CREATE UNIQUE INDEX idx_grants_external_sync_v1 on v1_grants (external_id, sync_id);
CREATE INDEX idx_grants_sync_expansion_v1 on v1_grants (sync_id) where expansion is not null;
CREATE INDEX idx_grants_sync_needs_expansion_v1 on v1_grants (sync_id) where needs_expansion = 1;
CREATE INDEX idx_grants_entitlement_sync_id_v1 on v1_grants (entitlement_id, sync_id, id);

CREATE TABLE v1_sync_runs (
    id integer primary key,
    sync_id text not null,
    started_at datetime not null,
    ended_at datetime,
    sync_token text not null,
    sync_type text not null default 'full',
    parent_sync_id text not null default '',
    linked_sync_id text not null default '',
    supports_diff integer not null default 0,
    grants_backfilled integer not null default 0,
    stats text,
    ingest_invariant_generation text not null default '',
    ingest_invariant_coverage text not null default '',
    ingest_invariant_mode text not null default ''
);
CREATE UNIQUE INDEX idx_sync_runs_sync_id_v1 on v1_sync_runs (sync_id);

CREATE TABLE v1_assets (
    id integer primary key,
    external_id text not null,
    content_type text not null,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
);
CREATE UNIQUE INDEX idx_assets_external_sync_v1 on v1_assets (external_id, sync_id);

CREATE TABLE v1_connector_sessions (
    id integer primary key,
    sync_id text NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL
);
CREATE UNIQUE INDEX idx_session_store_sync_key_v1 on v1_connector_sessions (sync_id, key);
`;

/**
 * The schema in two parts: tables with their unique indexes (upserts need them from the first row), and the
 * plain indexes, which are far cheaper to build once over a finished table than to maintain row by row.
 */
export function splitSchema(schema = V1_SCHEMA): { upfront: string; deferred: string } {
  const statements = schema
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const deferred = statements.filter((s) => /^CREATE INDEX/i.test(s));
  const upfront = statements.filter((s) => !deferred.includes(s));
  return { upfront: `${upfront.join(';\n')};`, deferred: `${deferred.join(';\n')};` };
}
