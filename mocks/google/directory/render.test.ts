import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../tenant/builtin-roles.js';
import type { TenantRole, TenantUser } from '../../tenant/model.js';
import { renderMember, renderRole, renderRoleAssignment, renderUser, roleAssignmentId } from './render.js';

const scope = { seed: 1, customerId: 'C0abc1234', domain: 'contoso.test' };
const base: TenantUser = {
  seq: 1,
  kind: 'member',
  enabled: true,
  givenName: 'Ada',
  surname: 'Lovelace',
  displayName: 'Ada Lovelace',
  userPrincipalName: 'ada.lovelace@contoso.test',
  mail: 'ada.lovelace@contoso.test',
  jobTitle: 'Engineer',
  department: 'Research',
  createdAt: '2024-01-02T03:04:05.000Z',
  objectId: 'o',
  googleId: '100000000000000000001',
  awsId: 'AIDA',
  scimId: 's',
};
const notAdmin = { isAdmin: false, isDelegatedAdmin: false };
const role = (name: string, seq = 1): TenantRole => ({
  seq,
  displayName: name,
  description: 'd',
  templateId: BUILTIN_ROLES.find((r) => r.displayName === name)?.templateId ?? 'custom',
  activated: true,
  objectId: 'o',
  googleId: `9${seq}`,
  awsId: 'a',
  scimId: 's',
});

describe('Directory API rendering', () => {
  it('puts kind and etag first and uses the Google id', () => {
    const user = renderUser(base, notAdmin, scope);
    expect(Object.keys(user).slice(0, 3)).toEqual(['kind', 'etag', 'id']);
    expect(user).toMatchObject({
      id: base.googleId,
      primaryEmail: base.mail,
      orgUnitPath: '/Research',
      nonEditableAliases: ['ada.lovelace@contoso.test.test-google-a.com'],
    });
    expect(renderUser({ ...base, enabled: false }, notAdmin, scope).etag).not.toBe(user.etag);
  });

  it('names service accounts and marks guests', () => {
    const svc = renderUser({ ...base, kind: 'service', givenName: '', surname: '', displayName: 'svc-backup' }, notAdmin, scope);
    expect(svc.name).toEqual({ givenName: 'svc-backup', familyName: 'Service', fullName: 'svc-backup Service' });
    const guest = renderUser({ ...base, kind: 'external', mail: 'ada@fabrikam.test' }, notAdmin, scope);
    expect(guest).toMatchObject({ isGuestUser: true, guestAccountInfo: { primaryGuestEmail: 'ada@fabrikam.test' }, isMailboxSetup: false });
    expect(guest.nonEditableAliases).toBeUndefined();
  });

  it('shows Entra built-ins as Workspace system roles and the rest as custom roles', () => {
    expect(renderRole(role('Global Administrator'), scope)).toMatchObject({
      roleName: '_SEED_ADMIN_ROLE',
      isSystemRole: true,
      isSuperAdminRole: true,
    });
    expect(renderRole(role('Groups Administrator'), scope)).toMatchObject({ roleName: '_GROUPS_ADMIN_ROLE', isSuperAdminRole: false });
    expect(renderRole(role('Billing Administrator'), scope)).toMatchObject({ roleName: 'Billing Administrator', isSystemRole: false });
  });

  it('gives assignments stable numeric ids and members their type', () => {
    const a = { seq: 7, roleSeq: 1, principalType: 'user' as const, principalSeq: 1 };
    expect(roleAssignmentId(1, a)).toMatch(/^1\d{16}$/);
    expect(roleAssignmentId(1, a)).toBe(roleAssignmentId(1, { ...a }));
    expect(roleAssignmentId(1, { ...a, seq: 0 })).not.toBe(roleAssignmentId(1, a));
    expect(renderRoleAssignment(a, role('Global Administrator'), { type: 'user', user: base }, scope)).toMatchObject({
      assignedTo: base.googleId,
      assigneeType: 'user',
      scopeType: 'CUSTOMER',
      roleId: '91',
    });
    expect(renderMember({ type: 'user', user: { ...base, enabled: false } }, 'OWNER', scope)).toMatchObject({
      type: 'USER',
      role: 'OWNER',
      status: 'SUSPENDED',
    });
  });
});
