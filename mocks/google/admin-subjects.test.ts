import { describe, expect, it } from 'vitest';
import { createTenant } from '../tenant/store.js';
import { AdminSubjects } from './admin-subjects.js';

describe('admin subjects', () => {
  const tenant = createTenant({ users: 60, groups: 4 });
  const assignments = tenant.roleAssignments({ limit: 1000 }).items;
  const holders = new Set(assignments.filter((a) => a.principalType === 'user').map((a) => a.principalSeq));

  it('picks an enabled member as the super admin, the same every time', () => {
    const admins = new AdminSubjects(tenant);
    expect(admins.admin).toBeDefined();
    expect(admins.admin).toMatchObject({ kind: 'member', enabled: true });
    expect(new AdminSubjects(tenant).admin?.seq).toBe(admins.admin!.seq);
    expect(admins.privileges(admins.admin!)).toEqual({ isAdmin: true, isDelegatedAdmin: false });
    expect(admins.superAdminRole?.displayName).toBe('Global Administrator');
  });

  it('lists a synthetic super admin assignment only when the tenant lacks one for the subject', () => {
    const plain = Array.from({ length: 60 }, (_, i) => tenant.user(i + 1)!).find((u) => u.enabled && u.kind === 'member' && !holders.has(u.seq))!;
    const admins = new AdminSubjects(tenant, plain.mail);
    expect(admins.synthetic).toEqual({ seq: 0, roleSeq: admins.superAdminRole!.seq, principalType: 'user', principalSeq: plain.seq });
    const existing = assignments.find((a) => a.principalType === 'user' && a.roleSeq === admins.superAdminRole!.seq);
    if (existing) expect(new AdminSubjects(tenant, tenant.user(existing.principalSeq)!.googleId).synthetic).toBeUndefined();
  });

  it('makes role holders delegated admins and everyone else no admin', () => {
    const admins = new AdminSubjects(tenant);
    const delegated = assignments.find(
      (a) => a.principalType === 'user' && a.roleSeq !== admins.superAdminRole!.seq && a.principalSeq !== admins.admin!.seq,
    )!;
    expect(admins.privileges(tenant.user(delegated.principalSeq)!).isDelegatedAdmin).toBe(true);
    const nobody = Array.from({ length: 60 }, (_, i) => tenant.user(i + 1)!).find((u) => !holders.has(u.seq) && u.seq !== admins.admin!.seq)!;
    expect(admins.isAdmin(nobody)).toBe(false);
  });

  it('refuses a subject that is not in the tenant', () => {
    expect(() => new AdminSubjects(tenant, 'ghost@contoso.test')).toThrow(/no such user/);
  });
});
