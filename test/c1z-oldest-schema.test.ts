/**
 * The oldest v1 schema in the wild (a Feb-2025 SDK): `v1_sync_runs` with five columns, grants without the
 * expansion columns, no sessions or assets tables. Built here with the stock sqlite3 and zstd tools, not our
 * writer, so the reader is checked against a file our own code had no hand in.
 */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSyncFile } from '../c1z/open.js';
import {
  encodeMessage,
  EntitlementSchema,
  GrantExpandableSchema,
  GrantSchema,
  packAnnotation,
  ResourceSchema,
  ResourceTypeSchema,
  ResourceTypeTrait,
  unpackAnnotation,
  UserTraitSchema,
} from '../c1z/proto/index.js';
import { Records } from '../c1z/records.js';
import type { SyncFile } from '../c1z/types.js';
import { C1Z_TABLES } from '../c1z/v1/schema-info.js';
import { KsuidSource } from '../c1z/writer/ksuid.js';
import { describeWithTools, sh, sqlite, SQLITE3, ZSTD } from './support/system-tools.js';
import { oldestSchemaSql } from './support/oldest-schema.js';

const ids = new KsuidSource('oldest-schema');
const FINISHED = ids.next(new Date('2025-02-10T16:31:25Z'));
const RUNNING = ids.next(new Date('2025-02-11T09:00:00Z'));

const userType = create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [ResourceTypeTrait.USER] });
const groupType = create(ResourceTypeSchema, { id: 'group', displayName: 'Group', traits: [ResourceTypeTrait.GROUP] });
const user = (id: string, email: string) =>
  create(ResourceSchema, {
    id: { resourceType: 'user', resource: id },
    displayName: id,
    annotations: [packAnnotation(UserTraitSchema, { emails: [{ address: email, isPrimary: true }], login: id })],
  });
const u1 = user('u1', 'u1@example.test');
const u2 = user('u2', 'u2@example.test');
const g1 = create(ResourceSchema, { id: { resourceType: 'group', resource: 'g1' }, displayName: 'Group One' });
const member = create(EntitlementSchema, { id: 'group:g1:member', resource: g1, slug: 'member', grantableTo: [userType] });
const grantTo = (principal: typeof u1, expandable = false) =>
  create(GrantSchema, {
    id: `group:g1:member:user:${principal.id!.resource}`,
    entitlement: member,
    principal,
    // Files of this age kept GrantExpandable inside data; there was no expansion column.
    annotations: expandable ? [packAnnotation(GrantExpandableSchema, { entitlementIds: ['group:g2:member'] })] : [],
  });
const grants = [grantTo(u1), grantTo(u2, true)];

const hex = (bytes: Uint8Array) => `X'${Buffer.from(bytes).toString('hex')}'`;
const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

function rowsSql(): string {
  const at = text('2025-02-10 16:31:25.061');
  const lines = [
    `INSERT INTO v1_sync_runs (sync_id, started_at, ended_at, sync_token) VALUES
       (${text(FINISHED)}, '2025-02-10 16:31:25.057185', '2025-02-10 16:33:36.381422', '{"needs_expansion":true}'),
       (${text(RUNNING)}, '2025-02-11 09:00:00.5', NULL, '{"current_action":{"operation":"list-resources"}}');`,
    ...[userType, groupType].map(
      (t) =>
        `INSERT INTO v1_resource_types (external_id, data, sync_id, discovered_at) VALUES (${text(t.id)}, ${hex(encodeMessage(ResourceTypeSchema, t))}, ${text(FINISHED)}, ${at});`,
    ),
    `INSERT INTO v1_resource_types (external_id, data, sync_id, discovered_at) VALUES ('user', ${hex(encodeMessage(ResourceTypeSchema, userType))}, ${text(RUNNING)}, ${at});`,
    ...[u1, u2, g1].map(
      (r) =>
        `INSERT INTO v1_resources (resource_type_id, external_id, data, sync_id, discovered_at) VALUES (${text(r.id!.resourceType)}, ${text(`${r.id!.resourceType}:${r.id!.resource}`)}, ${hex(encodeMessage(ResourceSchema, r))}, ${text(FINISHED)}, ${at});`,
    ),
    `INSERT INTO v1_resources (resource_type_id, external_id, data, sync_id, discovered_at) VALUES ('user', 'user:u1', ${hex(encodeMessage(ResourceSchema, u1))}, ${text(RUNNING)}, ${at});`,
    `INSERT INTO v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id, discovered_at) VALUES ('group', 'g1', ${text(member.id)}, ${hex(encodeMessage(EntitlementSchema, member))}, ${text(FINISHED)}, ${at});`,
    ...grants.map(
      (g) =>
        `INSERT INTO v1_grants (resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id, external_id, data, sync_id, discovered_at)
         VALUES ('group', 'g1', ${text(member.id)}, 'user', ${text(g.principal!.id!.resource)}, ${text(g.id)}, ${hex(encodeMessage(GrantSchema, g))}, ${text(FINISHED)}, ${at});`,
    ),
  ];
  return lines.join('\n');
}

describeWithTools('reading a file of the oldest v1 schema, made with sqlite3 and zstd', () => {
  let dir: string;
  let c1z: string;
  let file: SyncFile;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oldest-schema-test-'));
    const db = join(dir, 'sync.db');
    c1z = join(dir, 'sync.c1z');
    const script = join(dir, 'schema.sql');
    writeFileSync(script, `${oldestSchemaSql({ wal: true })}\n${rowsSql()}\n`);
    sh(`${SQLITE3} -batch "$1" < "$2" > /dev/null`, db, script);
    sh(`printf 'C1ZF\\0' > "$2" && ${ZSTD} -q -c "$1" >> "$2"`, db, c1z);
    file = await openSyncFile(c1z);
  });
  afterAll(() => {
    file?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is built as intended: the old columns only, the SDK header in WAL mode, behind the v1 magic', () => {
    const db = join(dir, 'sync.db');
    expect(sqlite(db, `SELECT name FROM pragma_table_info('v1_sync_runs')`).flat()).toEqual([
      'id',
      'sync_id',
      'started_at',
      'ended_at',
      'sync_token',
    ]);
    expect(sqlite(db, `SELECT count(*) FROM pragma_table_info('v1_grants') WHERE name LIKE '%expansion%'`)).toEqual([['0']]);
    // Only the tables the reader needs: nothing it could lean on beyond its minimum.
    expect(sqlite(db, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).flat()).toEqual([...C1Z_TABLES].sort());
    expect([...readFileSync(db).subarray(18, 20)]).toEqual([2, 2]);
    expect(readFileSync(c1z).subarray(0, 5).toString('latin1')).toBe('C1ZF\0');
  });

  it('lists both syncs as full, with RFC 3339 times and no end for the unfinished one', () => {
    expect(file.format).toBe('v1');
    expect(file.syncs()).toEqual([
      {
        id: FINISHED,
        startedAt: '2025-02-10T16:31:25.057185Z',
        endedAt: '2025-02-10T16:33:36.381422Z',
        syncToken: '{"needs_expansion":true}',
        syncType: 'full',
        parentSyncId: '',
        linkedSyncId: '',
      },
      {
        id: RUNNING,
        startedAt: '2025-02-11T09:00:00.500Z',
        endedAt: undefined,
        syncToken: '{"current_action":{"operation":"list-resources"}}',
        syncType: 'full',
        parentSyncId: '',
        linkedSyncId: '',
      },
    ]);
  });

  it('counts each sync from its own rows', () => {
    expect(file.stats(FINISHED)).toEqual({
      resourceTypes: 2,
      resources: 3,
      entitlements: 1,
      grants: 2,
      resourcesByResourceType: { group: 1, user: 2 },
      entitlementsByResourceType: { group: 1, user: 0 },
      grantsByResourceType: { group: 2, user: 0 },
      countedFrom: 'rows',
    });
    expect(file.stats(RUNNING)).toMatchObject({ resourceTypes: 1, resources: 1, entitlements: 0, grants: 0, resourcesByResourceType: { user: 1 } });
  });

  it('lists and decodes the rows, the GrantExpandable still inside data', () => {
    const rows = file.rows();
    const scope = { syncId: FINISHED };
    const records = new Records(c1z, rows, scope);
    expect([...rows.resources({ allSyncs: true })].map((r) => [r.syncId, r.externalId])).toEqual([
      [FINISHED, 'user:u1'],
      [FINISHED, 'user:u2'],
      [FINISHED, 'group:g1'],
      [RUNNING, 'user:u1'],
    ]);
    const users = [...rows.resources(scope, { resourceTypeId: 'user' })].map((r) => records.resource(r));
    expect(users.map((u) => unpackAnnotation(u.annotations, UserTraitSchema)?.emails[0]?.address)).toEqual(['u1@example.test', 'u2@example.test']);
    expect(records.typeById('group')?.displayName).toBe('Group');
    expect(records.entitlementById('group:g1:member')?.slug).toBe('member');

    const stored = [...rows.grants(scope, { entitlementId: 'group:g1:member' })];
    expect(stored.map((g) => [g.externalId, g.resourceTypeId, g.resourceId, g.principalResourceId, g.expansion])).toEqual([
      ['group:g1:member:user:u1', 'group', 'g1', 'u1', undefined],
      ['group:g1:member:user:u2', 'group', 'g1', 'u2', undefined],
    ]);
    const decoded = stored.map((g) => records.grant(g));
    expect(decoded.map((g) => Buffer.from(encodeMessage(GrantSchema, g)).toString('hex'))).toEqual(
      grants.map((g) => Buffer.from(encodeMessage(GrantSchema, g)).toString('hex')),
    );
    expect(unpackAnnotation(decoded[1]!.annotations, GrantExpandableSchema)?.entitlementIds).toEqual(['group:g2:member']);
  });
});
