import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { EntitlementSchema, GrantSchema } from '../../c1z/proto/connector.js';
import { capabilitiesOf, derivedCapabilities, type Connector } from '../../c1z/contract/connector.js';
import { ConnectorHttpError, SyncError } from '../../c1z/contract/sync-errors.js';
import { GROUP_TYPE, USER_TYPE, fakeDirectory, fakeGroup, fakeUser } from './fake-connector.test-support.js';
import { noProvisionerText, provisionGrant, provisionRevoke } from './provision.js';

const member = create(EntitlementSchema, { id: 'group:g1:member', resource: fakeGroup('g1'), slug: 'member' });
const grant = create(GrantSchema, { id: 'group:g1:member:user:u1', entitlement: member, principal: fakeUser('u1') });

/** Claims provisioning for groups without implementing it: the SDK's builder never checks the claim. */
function claimsProvisioning(): Connector {
  const base = fakeDirectory({ users: 1, groups: 1 });
  return {
    ...base,
    capabilities: () => ({
      resourceTypeCapabilities: [
        { resourceType: USER_TYPE, capabilities: ['CAPABILITY_SYNC'] },
        { resourceType: GROUP_TYPE, capabilities: ['CAPABILITY_PROVISION', 'CAPABILITY_SYNC'] },
      ],
      connectorCapabilities: ['CAPABILITY_PROVISION', 'CAPABILITY_SYNC'],
    }),
  };
}

describe('provisioning', () => {
  it('fails grant and revoke on a type that claims provisioning but lacks it, with the SDK text', async () => {
    const connector = claimsProvisioning();
    expect(capabilitiesOf(connector).resourceTypeCapabilities[1]?.capabilities).toContain('CAPABILITY_PROVISION');
    const granting = provisionGrant(connector, fakeUser('u1'), member);
    await expect(granting).rejects.toThrow('resource type group does not have provisioner configured');
    await expect(granting).rejects.toBeInstanceOf(SyncError);
    await expect(granting).rejects.toMatchObject({ code: 'Unimplemented' });
    await expect(provisionRevoke(connector, grant)).rejects.toThrow(noProvisionerText('group'));
  });

  it('routes to the entitlement type’s syncer and wraps its failures as the SDK does', async () => {
    const base = fakeDirectory({ users: 1, groups: 1 });
    const revoked: string[] = [];
    const group = base.syncers.group!;
    const connector: Connector = {
      ...base,
      syncers: {
        ...base.syncers,
        group: { ...group, grant: async () => [grant], revoke: async (g) => void revoked.push(g.id) },
        user: { ...base.syncers.user!, grant: async () => Promise.reject(new ConnectorHttpError(403)), revoke: async () => undefined },
      },
    };
    await expect(provisionGrant(connector, fakeUser('u1'), member)).resolves.toEqual([grant]);
    await provisionRevoke(connector, grant);
    expect(revoked).toEqual(['group:g1:member:user:u1']);
    const onUser = create(EntitlementSchema, { id: 'user:u1:x', resource: fakeUser('u1') });
    await expect(provisionGrant(connector, fakeUser('u2'), onUser)).rejects.toThrow('grant failed: 403 Forbidden');
  });

  it('derives PROVISION only for types with both grant and revoke', () => {
    const base = fakeDirectory({ users: 1, groups: 1 });
    const connector: Connector = { ...base, syncers: { ...base.syncers, group: { ...base.syncers.group!, grant: async () => [] } } };
    expect(derivedCapabilities(connector).connectorCapabilities).toEqual(['CAPABILITY_SYNC']);
    const both: Connector = {
      ...base,
      syncers: { ...base.syncers, group: { ...base.syncers.group!, grant: async () => [], revoke: async () => undefined } },
    };
    const caps = derivedCapabilities(both);
    expect(caps.resourceTypeCapabilities.map((c) => [c.resourceType.id, c.capabilities])).toEqual([
      ['user', ['CAPABILITY_SYNC']],
      ['group', ['CAPABILITY_PROVISION', 'CAPABILITY_SYNC']],
    ]);
    expect(caps.connectorCapabilities).toEqual(['CAPABILITY_PROVISION', 'CAPABILITY_SYNC']);
  });
});
