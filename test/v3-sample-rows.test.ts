/**
 * The v3 reader on the SDK's Pebble sample: rows counted per type equal the manifest header's stats,
 * listings decode into connector messages, and filtered listings and lookups agree with the full scan.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Records } from '../c1z/records.js';
import type { SyncFile, SyncStats } from '../c1z/types.js';
import { openV3File } from '../c1z/v3/open-v3.js';
import { readV3Manifest } from '../c1z/v3/manifest.js';
import { liveTempDirs } from '../lib/fs/temp-files.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const SYNC = '36zGvJw3uxU1QMJKU2yPVQ1hBOC';
const scope = { syncId: SYNC };

/** Per-type counts without the zero entries the header leaves out. */
const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describeWithSamples('v3 reader on the SDK pebble sample', () => {
  let file: SyncFile;
  let records: Records;

  beforeAll(async () => {
    file = await openV3File(samplePath(SAMPLE.pebble));
    records = new Records(file.path, file.rows(), scope);
  });
  afterAll(() => file?.close());

  it('finds the one sync, finished, in the store itself', () => {
    const [sync, ...more] = file.syncs();
    expect(more).toEqual([]);
    expect(sync).toMatchObject({ id: SYNC, syncType: 'full', parentSyncId: '' });
    expect(sync!.endedAt! >= sync!.startedAt!).toBe(true);
  });

  it('counts rows per type equal to the header stats', async () => {
    const header = (await readV3Manifest(file.path)).syncs[0]!.stats!;
    const counted: SyncStats = file.stats(SYNC, { recount: true });
    expect(counted.countedFrom).toBe('rows');
    expect(counted).toMatchObject({ resourceTypes: 4, resources: 35217, entitlements: 334, grants: 66601 });
    expect(counted).toMatchObject({
      resourceTypes: header.resourceTypes,
      resources: header.resources,
      entitlements: header.entitlements,
      grants: header.grants,
    });
    expect(nonZero(counted.resourcesByResourceType)).toEqual(header.resourcesByResourceType);
    expect(nonZero(counted.entitlementsByResourceType)).toEqual(header.entitlementsByResourceType);
    expect(nonZero(counted.grantsByResourceType)).toEqual(header.grantsByResourceType);
    expect(file.stats(SYNC).countedFrom).toBe('header');
  });

  it('lists the resource types with their traits and annotations', () => {
    const types = [...file.rows().resourceTypes(scope)].map((row) => records.resourceType(row));
    expect(types.map((t) => t.id)).toEqual(['group', 'project', 'role', 'user']);
    const user = types.find((t) => t.id === 'user')!;
    expect(user).toMatchObject({ displayName: 'User', traits: [1] });
    expect(user.annotations.map((a) => a.typeUrl)).toEqual(['type.googleapis.com/c1.connector.v2.SkipEntitlementsAndGrants']);
  });

  it('lists resources decoded, filtered by type, each findable by its id', () => {
    const users = [...file.rows().resources(scope, { resourceTypeId: 'user' })];
    expect(users).toHaveLength(35000);
    const first = records.resource(users[0]!);
    expect(first.id).toMatchObject({ resourceType: 'user', resource: 'user-0000000' });
    expect(first.displayName).toBe('User 0000000');
    expect(first.annotations.map((a) => a.typeUrl)).toContain('type.googleapis.com/c1.connector.v2.UserTrait');
    expect(users[0]!.externalId).toBe('user:user-0000000');
    const found = file.rows().resource(scope, 'group', 'group-0000001');
    expect(found && records.resource(found).displayName).toBe('Group 0000001');
    expect(file.rows().resource(scope, 'group', 'no-such-group')).toBeUndefined();
    expect(file.rows().resource({ syncId: 'another-sync' }, 'group', 'group-0000001')).toBeUndefined();
  });

  it('lists entitlements with purpose, slug and grantable-to, each findable by its id', () => {
    const entitlements = [...file.rows().entitlements(scope)];
    expect(entitlements).toHaveLength(334);
    const admin = records.entitlement(entitlements.find((e) => e.externalId === 'group:group-0000000:admin')!);
    expect(admin).toMatchObject({ displayName: 'admin', slug: 'admin', purpose: 2 });
    expect(admin.resource?.id).toMatchObject({ resourceType: 'group', resource: 'group-0000000' });
    expect(admin.grantableTo.map((t) => t.id)).toEqual(['user']);
    expect(file.rows().entitlement(scope, 'role:role-0000099:assignment')?.resourceId).toBe('role-0000099');
    expect([...file.rows().entitlements(scope, { resourceTypeId: 'project' })]).toHaveLength(200);
  });

  it('lists grants with their entitlement, principal and expansion; filters agree with the full scan', () => {
    const all = [...file.rows().grants(scope)];
    expect(all).toHaveLength(66601);
    const member = 'group:group-0000001:member';
    const byEntitlement = [...file.rows().grants(scope, { entitlementId: member })];
    expect(byEntitlement.map((g) => g.externalId)).toEqual(all.filter((g) => g.entitlementId === member).map((g) => g.externalId));
    const nested = byEntitlement.find((g) => g.principalResourceTypeId === 'group')!;
    const grant = records.grant(nested);
    expect(grant.id).toBe('group:group-0000001:member:group:group-0000000');
    expect(grant.principal?.id).toMatchObject({ resourceType: 'group', resource: 'group-0000000' });
    expect(grant.annotations.map((a) => a.typeUrl)).toContain('type.googleapis.com/c1.connector.v2.GrantExpandable');
    const byType = [...file.rows().grants(scope, { resourceTypeId: 'role' })];
    expect(byType).toHaveLength(392);
    const byResource = [...file.rows().grants(scope, { resource: { resourceTypeId: 'group', resourceId: 'group-0000001' } })];
    expect(byResource.length).toBe(all.filter((g) => g.resourceTypeId === 'group' && g.resourceId === 'group-0000001').length);
    expect(records.resourceById(grant.principal?.id)?.displayName).toBe('Group 0000000');
    expect(records.entitlementById(member)?.slug).toBe('member');
  });

  it('removes its temporary folder on close', async () => {
    const before = liveTempDirs().length;
    const other = await openV3File(samplePath(SAMPLE.pebble));
    expect(liveTempDirs().length).toBe(before + 1);
    other.close();
    expect(liveTempDirs().length).toBe(before);
  });
});
