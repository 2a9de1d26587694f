import { create } from '@bufbuild/protobuf';
import { AnySchema } from '@bufbuild/protobuf/wkt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithSamples, SAMPLE, samplePath } from '../../test/support/samples.js';
import {
  AccountType,
  ChildResourceTypeSchema,
  decodeMessage,
  encodeMessage,
  GrantExpandableSchema,
  GrantSchema,
  GroupTraitSchema,
  messageToJson,
  packAnnotation,
  ResourceSchema,
  ResourceTypeSchema,
  RoleTraitSchema,
  SkipEntitlementsAndGrantsSchema,
  unpackAnnotation,
  UserStatus,
  UserTraitSchema,
} from './index.js';
import { openSyncFile } from '../open.js';
import type { SyncFile } from '../types.js';

describe('packAnnotation / unpackAnnotation', () => {
  it('packs with the type.googleapis.com URL and finds the first annotation of a type', () => {
    const first = packAnnotation(ChildResourceTypeSchema, { resourceTypeId: 'project' });
    const second = packAnnotation(ChildResourceTypeSchema, create(ChildResourceTypeSchema, { resourceTypeId: 'role' }));
    const other = packAnnotation(SkipEntitlementsAndGrantsSchema, {});
    expect(first.typeUrl).toBe('type.googleapis.com/c1.connector.v2.ChildResourceType');
    const annotations = [other, first, second];
    expect(unpackAnnotation(annotations, ChildResourceTypeSchema)?.resourceTypeId).toBe('project');
    expect(unpackAnnotation(annotations, UserTraitSchema)).toBeUndefined();
  });

  it('passes annotations of unknown types through decode, encode and JSON', () => {
    const value = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) % 256);
    const unknown = create(AnySchema, { typeUrl: 'type.googleapis.com/example.Unknown', value });
    const resource = create(ResourceSchema, {
      id: { resourceType: 'user', resource: 'u1' },
      annotations: [unknown, packAnnotation(ChildResourceTypeSchema, { resourceTypeId: 'x' })],
    });
    const bytes = encodeMessage(ResourceSchema, resource);
    const decoded = decodeMessage(ResourceSchema, bytes, 'test');
    expect(decoded.annotations[0]?.value).toEqual(value);
    expect(encodeMessage(ResourceSchema, decoded)).toEqual(bytes);
    const json = messageToJson(ResourceSchema, decoded) as { annotations: Array<Record<string, unknown>> };
    expect(json.annotations[0]).toEqual({
      '@type': 'type.googleapis.com/example.Unknown',
      '@value': Buffer.from(value).toString('base64'),
    });
    expect(json.annotations[1]).toEqual({ '@type': 'type.googleapis.com/c1.connector.v2.ChildResourceType', resourceTypeId: 'x' });
  });
});

describeWithSamples('annotations in the real samples', () => {
  const ALL = { allSyncs: true } as const;
  let expanded: SyncFile;
  let inProgress: SyncFile;
  beforeAll(async () => {
    expanded = await openSyncFile(samplePath(SAMPLE.expanded));
    inProgress = await openSyncFile(samplePath(SAMPLE.inProgress));
  });
  afterAll(() => {
    expanded.close();
    inProgress.close();
  });

  /** `type:id` split at the first colon: resource ids may hold colons themselves (scoped_role:role:project). */
  const resource = (file: SyncFile, externalId: string) => {
    const colon = externalId.indexOf(':');
    const row = file.rows().resource(ALL, externalId.slice(0, colon), externalId.slice(colon + 1));
    if (!row) throw new Error(`no resource ${externalId}`);
    return decodeMessage(ResourceSchema, row.data, `v1_resources ${externalId}`);
  };

  it('decodes UserTrait: emails, status, account type, login, profile', () => {
    const user = unpackAnnotation(resource(expanded, 'user:user-0000978').annotations, UserTraitSchema)!;
    expect(user.emails.map((e) => [e.address, e.isPrimary])).toEqual([['user-978@example.com', true]]);
    expect(user.status?.status).toBe(UserStatus.ENABLED);
    expect(user.status?.details).toBe('Enabled');
    expect(user.accountType).toBe(AccountType.HUMAN);
    expect(user.login).toBe('user-0000978');
    expect(user.employeeIds).toEqual(['user-0000978']);
    expect(user.profile).toEqual({ email: 'user-978@example.com', full_name: 'User 0000978', enabled: true });

    // The newest-schema sample also sets created_at.
    const newer = unpackAnnotation(resource(inProgress, 'user:user-0000000').annotations, UserTraitSchema)!;
    expect(newer.emails[0]?.address).toBe('user-0000000@example.com');
    expect(newer.createdAt?.seconds).toBeGreaterThan(0n);
  });

  it('decodes GroupTrait and RoleTrait profiles, and ChildResourceType', () => {
    const group = resource(expanded, 'group:group-0000000');
    expect(unpackAnnotation(group.annotations, GroupTraitSchema)?.profile).toEqual({ group_color: 'green', group_size: 55 });
    const role = unpackAnnotation(resource(expanded, 'role:role-0000000').annotations, RoleTraitSchema)!;
    expect(role.profile).toMatchObject({ role_color: 'blue', total_assignments: 4, direct_assignments: 2, group_assignments: 2 });
    const child = unpackAnnotation(resource(inProgress, 'group:group-0000000').annotations, ChildResourceTypeSchema);
    expect(child?.resourceTypeId).toBe('group');
  });

  it('decodes resource type traits and Skip annotations, and grant expansion', () => {
    const row = expanded.rows().resourceType(ALL, 'user');
    const userType = decodeMessage(ResourceTypeSchema, row!.data, 'v1_resource_types user');
    expect(userType.traits).toEqual([1]);
    expect(unpackAnnotation(userType.annotations, SkipEntitlementsAndGrantsSchema)).toBeDefined();

    const grantId = 'project:project-0000099:access:group:group-0000019';
    const grantRows = [...expanded.rows().grants(ALL, { entitlementId: 'project:project-0000099:access' })].filter((r) => r.externalId === grantId);
    expect(grantRows).toHaveLength(1);
    const grant = decodeMessage(GrantSchema, grantRows[0]!.data, 'v1_grants');
    expect(unpackAnnotation(grant.annotations, GrantExpandableSchema)?.entitlementIds).toEqual([
      'group:group-0000019:member',
      'group:group-0000019:admin',
    ]);
  });

  it('shows SDK annotation types we do not model (ScopeBindingTrait, ETag) in JSON without failing', () => {
    const scoped = resource(inProgress, 'scoped_role:role-0000000:project-0000000');
    expect(scoped.annotations[0]?.typeUrl).toBe('type.googleapis.com/c1.connector.v2.ScopeBindingTrait');
    const json = messageToJson(ResourceSchema, scoped) as { annotations: Array<Record<string, string>> };
    expect(json.annotations[0]?.['@type']).toBe('type.googleapis.com/c1.connector.v2.ScopeBindingTrait');
    expect(Buffer.from(json.annotations[0]!['@value']!, 'base64')).toEqual(Buffer.from(scoped.annotations[0]!.value));
  });
});
