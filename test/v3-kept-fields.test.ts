/**
 * A v1 sync reduced to what a v3 file keeps (how `diff` compares a v1 file with a v3 one): the fields v3
 * records have survive, the rest go, nested entitlements and principals become their ids, a grant's
 * GrantExpandable moves to the expansion column; and reducing what was reduced changes no byte, so equal
 * kept content compares equal.
 */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { openSyncFile } from '../c1z/open.js';
import { messageToJson } from '../c1z/proto/json.js';
import {
  EntitlementPurpose,
  EntitlementSchema,
  GrantExpandableSchema,
  GrantSchema,
  packAnnotation,
  RawIdSchema,
  ResourceSchema,
  ResourceTypeSchema,
  ResourceTypeTrait,
} from '../c1z/proto/index.js';
import { decodeMessage } from '../c1z/proto/codec.js';
import type { SyncFile } from '../c1z/types.js';
import { writeRowsDatabase, type RowsToWrite } from '../c1z/v1/rows-database.js';
import { V1Store } from '../c1z/v1/store.js';
import { keptByV3 } from '../c1z/v3/store/kept-by-v3.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';

const userType = create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [ResourceTypeTrait.USER], description: 'people' });
const groupType = create(ResourceTypeSchema, { id: 'group', displayName: 'Group', traits: [ResourceTypeTrait.GROUP] });
const ann = create(ResourceSchema, {
  id: { resourceType: 'user', resource: 'u1' },
  parentResourceId: { resourceType: 'org', resource: 'o1' },
  displayName: 'Ann',
  description: 'first user',
  annotations: [packAnnotation(RawIdSchema, { id: 'raw-u1' })],
  externalId: { id: 'ext-u1', link: 'https://example.test/u1' },
  status: { status: 1, details: 'enabled' },
  createdAt: { seconds: 1_700_000_000n, nanos: 0 },
});
const admins = create(ResourceSchema, {
  id: { resourceType: 'group', resource: 'g1' },
  displayName: 'Admins',
  annotations: [packAnnotation(RawIdSchema, { id: 'raw-g1' })],
});
const member = create(EntitlementSchema, {
  id: 'group:g1:member',
  resource: admins,
  displayName: 'member',
  description: 'Member of Admins',
  grantableTo: [userType],
  purpose: EntitlementPurpose.ASSIGNMENT,
  slug: 'member',
});
const grant = create(GrantSchema, {
  id: 'group:g1:member:user:u1',
  entitlement: member,
  principal: ann,
  annotations: [
    packAnnotation(GrantExpandableSchema, { entitlementIds: ['group:g2:member'], shallow: true }),
    packAnnotation(RawIdSchema, { id: 'm-1' }),
  ],
  sources: { sources: { 'group:g2:member': { isDirect: true } } },
});

function collect(rows: Omit<RowsToWrite, 'runs'>) {
  return { resourceTypes: [...rows.resourceTypes], resources: [...rows.resources], entitlements: [...rows.entitlements], grants: [...rows.grants] };
}

describe('a v1 sync reduced to what v3 keeps', () => {
  let dir: string;
  let file: SyncFile;
  let syncId: string;
  let reduced: ReturnType<typeof collect>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'v3-kept-fields-'));
    const path = join(dir, 'full.c1z');
    const writer = new C1zWriter(path, { seed: 3 });
    const sync = writer.startSync({ type: 'full' });
    writer.addResourceType(sync, userType);
    writer.addResourceType(sync, groupType);
    writer.addResource(sync, ann);
    writer.addResource(sync, admins);
    writer.addEntitlement(sync, member);
    writer.addGrant(sync, grant);
    writer.endSync(sync);
    await writer.finish();
    file = await openSyncFile(path);
    syncId = file.syncs()[0]!.id;
    reduced = collect(keptByV3(path, file.rows(), { syncId }));
  });

  afterAll(() => {
    file?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resource types keep every field', () => {
    const types = reduced.resourceTypes.map((row) => decodeMessage(ResourceTypeSchema, row.data, 'type'));
    expect(types.map((t) => messageToJson(ResourceTypeSchema, t))).toEqual([userType, groupType].map((t) => messageToJson(ResourceTypeSchema, t)));
  });

  it('resources lose their external id, status and creation time, and keep id, parent, name, description, annotations', () => {
    const row = reduced.resources.find((r) => r.externalId === 'user:u1')!;
    expect(row).toMatchObject({ syncId, resourceTypeId: 'user', parentResourceTypeId: 'org', parentResourceId: 'o1' });
    expect(messageToJson(ResourceSchema, decodeMessage(ResourceSchema, row.data, 'resource'))).toEqual({
      id: { resourceType: 'user', resource: 'u1' },
      parentResourceId: { resourceType: 'org', resource: 'o1' },
      displayName: 'Ann',
      description: 'first user',
      annotations: [{ '@type': 'type.googleapis.com/c1.connector.v2.RawId', id: 'raw-u1' }],
    });
  });

  it('entitlements keep their resource and grantable-to types as ids', () => {
    const [row] = reduced.entitlements;
    expect(row).toMatchObject({ externalId: 'group:g1:member', resourceTypeId: 'group', resourceId: 'g1' });
    expect(messageToJson(EntitlementSchema, decodeMessage(EntitlementSchema, row!.data, 'entitlement'))).toEqual({
      resource: { id: { resourceType: 'group', resource: 'g1' } },
      id: 'group:g1:member',
      displayName: 'member',
      description: 'Member of Admins',
      grantableTo: [{ id: 'user' }],
      purpose: 'PURPOSE_VALUE_ASSIGNMENT',
      slug: 'member',
    });
  });

  it('grants keep their entitlement and principal as ids, their sources and annotations; the expansion moves to its column', () => {
    const [row] = reduced.grants;
    expect(row).toMatchObject({
      externalId: 'group:g1:member:user:u1',
      entitlementId: 'group:g1:member',
      principalResourceTypeId: 'user',
      principalResourceId: 'u1',
    });
    expect(messageToJson(GrantSchema, decodeMessage(GrantSchema, row!.data, 'grant'))).toEqual({
      entitlement: { resource: { id: { resourceType: 'group', resource: 'g1' } }, id: 'group:g1:member' },
      principal: { id: { resourceType: 'user', resource: 'u1' }, parentResourceId: { resourceType: 'org', resource: 'o1' } },
      id: 'group:g1:member:user:u1',
      annotations: [{ '@type': 'type.googleapis.com/c1.connector.v2.RawId', id: 'm-1' }],
      sources: { sources: { 'group:g2:member': { isDirect: true } } },
    });
    expect(decodeMessage(GrantExpandableSchema, row!.expansion!, 'expansion')).toMatchObject({ entitlementIds: ['group:g2:member'], shallow: true });
  });

  it('reducing the reduced rows changes no byte', async () => {
    const db = join(dir, 'reduced.db');
    await writeRowsDatabase(db, { runs: file.syncs(), ...reduced });
    const store = new V1Store(db, 'reduced.db');
    try {
      const again = collect(keptByV3('reduced.db', store, { syncId }));
      expect(again).toEqual(reduced);
    } finally {
      store.close();
    }
  });
});
