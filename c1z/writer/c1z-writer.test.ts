/** How C1zWriter files connector messages: the indexed columns the SDK derives, upserts, and reading back. */
import { create, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { all, openInflated } from '../../test/support/inflated-db.js';
import { openSyncFile } from '../open.js';
import { decodeMessage, encodeMessage, packAnnotation } from '../proto/index.js';
import { GrantExpandableSchema, RawIdSchema } from '../proto/connector-annotations.js';
import {
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  ResourceTypeSchema,
  type Entitlement,
  type Grant,
  type Resource,
  type ResourceType,
} from '../proto/connector.js';
import { Records } from '../records.js';
import { steppingClock } from '../synthetic/stepping-clock.js';
import { writeDirectory } from '../synthetic/directory.js';
import type { StoredGrant } from '../types.js';
import { C1zWriter, type C1zWriterOptions } from './c1z-writer.js';

const EXPANDABLE_URL = 'type.googleapis.com/c1.connector.v2.GrantExpandable';
const clock = () => steppingClock(new Date('2026-01-01T00:00:00Z'), 1);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'c1z-writer-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

type ResourceInit = MessageInitShape<typeof ResourceSchema>;
const resource = (type: string, id: string, init: ResourceInit = {}) =>
  create(ResourceSchema, { id: { resourceType: type, resource: id }, displayName: `${type} ${id}`, ...init } as ResourceInit);
const group = resource('group', 'g1');
const parent = resource('org', 'o1');
const member = create(EntitlementSchema, { id: 'group:g1:member', resource: group, slug: 'member', displayName: 'member' });
const ada = resource('user', 'ada', { parentResourceId: { resourceType: 'org', resource: 'o1' } });
const nested = resource('group', 'g2');
const expandable = packAnnotation(GrantExpandableSchema, { entitlementIds: ['group:g2:member'], shallow: true });
const rawId = packAnnotation(RawIdSchema, { id: 'raw-1' });
const plainGrant = create(GrantSchema, { id: 'group:g1:member:user:ada', entitlement: member, principal: ada, annotations: [rawId] });
const expandableGrant = create(GrantSchema, {
  id: 'group:g1:member:group:g2',
  entitlement: member,
  principal: nested,
  annotations: [rawId, expandable],
});

async function write(name: string, fill: (writer: C1zWriter, syncId: string) => void, options: C1zWriterOptions = {}): Promise<string> {
  const path = join(dir, name);
  const writer = new C1zWriter(path, { clock: clock(), ...options });
  const syncId = writer.startSync();
  fill(writer, syncId);
  writer.endSync(syncId);
  await writer.finish();
  return path;
}

async function rows<T>(path: string, sql: string): Promise<T[]> {
  const db = await openInflated(path);
  try {
    return all<T>(db, sql);
  } finally {
    db.close();
  }
}

describe('C1zWriter columns', () => {
  it('keys resources by <type>:<id> (ids may hold colons) and records the parent', async () => {
    const scoped = resource('scoped_role', 'role-1:project-1');
    const path = await write('resources.c1z', (w, s) => {
      for (const r of [parent, ada, scoped]) w.addResource(s, r);
    });
    expect(
      await rows(
        path,
        `SELECT external_id, resource_type_id, parent_resource_type_id AS pt, parent_resource_id AS pid FROM v1_resources ORDER BY id`,
      ),
    ).toEqual([
      { external_id: 'org:o1', resource_type_id: 'org', pt: null, pid: null },
      { external_id: 'user:ada', resource_type_id: 'user', pt: 'org', pid: 'o1' },
      { external_id: 'scoped_role:role-1:project-1', resource_type_id: 'scoped_role', pt: null, pid: null },
    ]);
  });

  it('keys entitlements and grants by their proto id and files grants under the entitlement resource', async () => {
    const path = await write('grants.c1z', (w, s) => {
      w.addEntitlement(s, member);
      w.addGrant(s, plainGrant);
    });
    expect(await rows(path, `SELECT external_id, resource_type_id, resource_id FROM v1_entitlements`)).toEqual([
      { external_id: 'group:g1:member', resource_type_id: 'group', resource_id: 'g1' },
    ]);
    expect(
      await rows(
        path,
        `SELECT external_id, resource_type_id, resource_id, entitlement_id, principal_resource_type_id AS prt, principal_resource_id AS pid FROM v1_grants`,
      ),
    ).toEqual([
      {
        external_id: 'group:g1:member:user:ada',
        resource_type_id: 'group',
        resource_id: 'g1',
        entitlement_id: 'group:g1:member',
        prt: 'user',
        pid: 'ada',
      },
    ]);
  });

  it('moves GrantExpandable into the expansion column and flags the grant for expansion', async () => {
    const path = await write('expansion.c1z', (w, s) => {
      for (const g of [plainGrant, expandableGrant]) w.addGrant(s, g);
    });
    const stored = await rows<{ external_id: string; expansion: Uint8Array | null; needs_expansion: number; data: Uint8Array }>(
      path,
      `SELECT external_id, expansion, needs_expansion, data FROM v1_grants ORDER BY id`,
    );
    expect(stored.map((r) => [r.external_id, r.needs_expansion, r.expansion === null])).toEqual([
      ['group:g1:member:user:ada', 0, true],
      ['group:g1:member:group:g2', 1, false],
    ]);
    const moved = stored[1]!;
    expect(decodeMessage(GrantExpandableSchema, moved.expansion!, 'expansion')).toMatchObject({ entitlementIds: ['group:g2:member'], shallow: true });
    // Only the GrantExpandable left `data`; the other annotations stay.
    expect(decodeMessage(GrantSchema, moved.data, 'data').annotations.map((a) => a.typeUrl)).toEqual([rawId.typeUrl]);
  });

  it('keeps GrantExpandable in data with expansionInData, as writers before the expansion column did', async () => {
    const path = await write('in-data.c1z', (w, s) => w.addGrant(s, expandableGrant), { expansionInData: true });
    const [row] = await rows<{ expansion: Uint8Array | null; needs_expansion: number; data: Uint8Array }>(
      path,
      `SELECT expansion, needs_expansion, data FROM v1_grants`,
    );
    expect(row!.expansion).toBeNull();
    expect(row!.needs_expansion).toBe(0);
    expect(Buffer.from(row!.data).equals(Buffer.from(encodeMessage(GrantSchema, expandableGrant)))).toBe(true);
  });

  it('reads the same grant back through Records whichever way the expansion was stored', async () => {
    const split = await write('split.c1z', (w, s) => w.addGrant(s, expandableGrant));
    const inData = await write('in-data.c1z', (w, s) => w.addGrant(s, expandableGrant), { expansionInData: true });
    const readGrant = async (path: string): Promise<[Grant, StoredGrant]> => {
      const file = await openSyncFile(path);
      try {
        const scope = { syncId: file.syncs()[0]!.id };
        const [row] = [...file.rows().grants(scope)];
        return [new Records(path, file.rows(), scope).grant(row!), row!];
      } finally {
        file.close();
      }
    };
    const [fromSplit, splitRow] = await readGrant(split);
    const [fromData, dataRow] = await readGrant(inData);
    expect(splitRow.expansion).toBeDefined();
    expect(dataRow.expansion).toBeUndefined();
    const written = encodeMessage(GrantSchema, expandableGrant);
    expect(encodeMessage(GrantSchema, fromSplit)).toEqual(written);
    expect(encodeMessage(GrantSchema, fromData)).toEqual(written);
  });

  it('puts a restored GrantExpandable last: the column split does not record where it stood', async () => {
    // The SDK's format has no place for the position, so a connector that lists it first reads back reordered.
    const first = create(GrantSchema, { ...expandableGrant, annotations: [expandable, rawId] });
    const path = await write('first.c1z', (w, s) => w.addGrant(s, first));
    const file = await openSyncFile(path);
    try {
      const scope = { allSyncs: true } as const;
      const grant = new Records(path, file.rows(), scope).grant([...file.rows().grants(scope)][0]!);
      expect(grant.annotations.map((a) => a.typeUrl)).toEqual([rawId.typeUrl, EXPANDABLE_URL]);
      expect(Buffer.from(grant.annotations[1]!.value).equals(Buffer.from(expandable.value))).toBe(true);
    } finally {
      file.close();
    }
  });

  it('rejects messages without the ids the columns are derived from', () => {
    const writer = new C1zWriter(join(dir, 'bad.c1z'), { clock: clock() });
    const s = writer.startSync();
    try {
      expect(() => writer.addResourceType(s, create(ResourceTypeSchema, {}))).toThrow(/needs an id/);
      expect(() => writer.addResource(s, create(ResourceSchema, { displayName: 'no id' }))).toThrow(/needs an id/);
      expect(() => writer.addEntitlement(s, create(EntitlementSchema, { id: 'e' }))).toThrow(/entitlement e: resource needs an id/);
      expect(() => writer.addGrant(s, create(GrantSchema, { id: 'g', principal: ada }))).toThrow(/grant g: needs its entitlement/);
      expect(() => writer.addGrant(s, create(GrantSchema, { id: 'g', entitlement: member }))).toThrow(/grant g: principal/);
    } finally {
      writer.abort();
    }
  });
});

describe('C1zWriter upserts on (external_id, sync_id)', () => {
  it('keeps one row with the last data when an object is written twice in one sync', async () => {
    const renamed = resource('user', 'ada', { displayName: 'Ada Lovelace' });
    const unexpanded = create(GrantSchema, { ...expandableGrant, annotations: [rawId] });
    const path = await write('twice.c1z', (w, s) => {
      w.addResource(s, ada);
      w.addResource(s, renamed);
      w.addGrant(s, expandableGrant);
      w.addGrant(s, unexpanded);
    });
    const resources = await rows<{ external_id: string; data: Uint8Array }>(path, `SELECT external_id, data FROM v1_resources`);
    expect(resources.map((r) => r.external_id)).toEqual(['user:ada']);
    expect(decodeMessage(ResourceSchema, resources[0]!.data, 'row').displayName).toBe('Ada Lovelace');
    // Every column follows the last write, including the expansion the first write set.
    expect(await rows(path, `SELECT count(*) AS n, max(needs_expansion) AS needs, max(expansion) AS expansion FROM v1_grants`)).toEqual([
      { n: 1, needs: 0, expansion: null },
    ]);
  });

  it('keeps one row per sync when the same object is written in two syncs', async () => {
    const path = join(dir, 'two-syncs.c1z');
    const writer = new C1zWriter(path, { clock: clock() });
    const first = writer.startSync();
    writer.addResource(first, ada);
    writer.endSync(first);
    const second = writer.startSync();
    writer.addResource(second, ada);
    writer.endSync(second);
    await writer.finish();
    expect(await rows(path, `SELECT sync_id, external_id FROM v1_resources ORDER BY id`)).toEqual([
      { sync_id: first, external_id: 'user:ada' },
      { sync_id: second, external_id: 'user:ada' },
    ]);
  });

  it('keeps working after a failed write, such as starting a sync under an id already used', async () => {
    const path = join(dir, 'after-error.c1z');
    const writer = new C1zWriter(path, { clock: clock() });
    const s = writer.startSync();
    writer.endSync(s);
    expect(() => writer.startSync({ id: s })).toThrow(/UNIQUE constraint failed: v1_sync_runs\.sync_id/);
    writer.addResource(s, ada);
    await writer.finish();
    expect(await rows(path, `SELECT (SELECT count(*) FROM v1_sync_runs) AS syncs, (SELECT count(*) FROM v1_resources) AS resources`)).toEqual([
      { syncs: 1, resources: 1 },
    ]);
  });
});

/** Remembers every message it writes, to compare with what the reader gives back. */
class RecordingWriter extends C1zWriter {
  readonly written = { resourceTypes: [] as ResourceType[], resources: [] as Resource[], entitlements: [] as Entitlement[], grants: [] as Grant[] };
  override addResourceType(syncId: string, m: ResourceType): void {
    super.addResourceType(syncId, m);
    this.written.resourceTypes.push(m);
  }
  override addResource(syncId: string, m: Resource): void {
    super.addResource(syncId, m);
    this.written.resources.push(m);
  }
  override addEntitlement(syncId: string, m: Entitlement): void {
    super.addEntitlement(syncId, m);
    this.written.entitlements.push(m);
  }
  override addGrant(syncId: string, m: Grant): void {
    super.addGrant(syncId, m);
    this.written.grants.push(m);
  }
}

describe('reading a written file back', () => {
  it('gives the same messages, in order, through openSyncFile and Records', async () => {
    const path = join(dir, 'directory.c1z');
    const writer = new RecordingWriter(path, { clock: clock(), seed: 3 });
    const syncId = writer.startSync();
    const counts = writeDirectory(writer, syncId, { users: 60, groups: 41, roles: 5, memberships: 150, roleAssignments: 40, seed: 9 });
    writer.endSync(syncId);
    await writer.finish();

    const file = await openSyncFile(path);
    try {
      const scope = { syncId };
      const records = new Records(path, file.rows(), scope);
      const bytes = <Desc extends DescMessage>(schema: Desc, messages: MessageShape<Desc>[]) =>
        messages.map((m) => Buffer.from(encodeMessage(schema, m)).toString('base64'));
      const read = {
        resourceTypes: [...file.rows().resourceTypes(scope)].map((r) => records.resourceType(r)),
        resources: [...file.rows().resources(scope)].map((r) => records.resource(r)),
        entitlements: [...file.rows().entitlements(scope)].map((r) => records.entitlement(r)),
        grants: [...file.rows().grants(scope)].map((r) => records.grant(r)),
      };
      expect(read.grants.length).toBe(counts.grants);
      // Some grants went through the expansion column: the comparison covers putting it back.
      expect([...file.rows().grants(scope)].filter((r) => r.expansion).length).toBeGreaterThan(0);
      expect(bytes(ResourceTypeSchema, read.resourceTypes)).toEqual(bytes(ResourceTypeSchema, writer.written.resourceTypes));
      expect(bytes(ResourceSchema, read.resources)).toEqual(bytes(ResourceSchema, writer.written.resources));
      expect(bytes(EntitlementSchema, read.entitlements)).toEqual(bytes(EntitlementSchema, writer.written.entitlements));
      expect(bytes(GrantSchema, read.grants)).toEqual(bytes(GrantSchema, writer.written.grants));
      expect(file.stats(syncId)).toMatchObject({
        resourceTypes: counts.resourceTypes,
        resources: counts.resources,
        entitlements: counts.entitlements,
        grants: counts.grants,
      });
    } finally {
      file.close();
    }
  });
});
