/**
 * Who is a Workspace administrator. The tenant's role assignments decide (a user directly assigned the
 * role shown as Super Admin is a super admin; any other role makes a delegated admin), plus the one user
 * the simulator names as the connector's DWD subject: a super admin whatever the tenant says, because a
 * Workspace connector cannot work without one. When the tenant has no such assignment for that user, a
 * synthetic one is listed by `roleassignments`, so what the API says about admins stays consistent.
 */
import type { RoleAssignment, TenantRole, TenantStore, TenantUser } from '../tenant/model.js';
import { isSuperAdminRole } from './directory/system-roles.js';

export interface AdminPrivileges {
  isAdmin: boolean;
  isDelegatedAdmin: boolean;
}

export class AdminSubjects {
  /** The DWD subject the simulator hands out (`adminEmail`). */
  readonly admin: TenantUser | undefined;
  readonly superAdminRole: TenantRole | undefined;
  /** `seq` 0: not a tenant assignment. */
  readonly synthetic: RoleAssignment | undefined;

  constructor(
    private readonly tenant: TenantStore,
    subject?: string,
  ) {
    this.superAdminRole = tenant.roles().find(isSuperAdminRole);
    this.admin = subject === undefined ? this.defaultAdmin() : tenant.findUser(subject);
    if (subject !== undefined && !this.admin) throw new RangeError(`adminSubject ${subject}: no such user in the tenant`);
    if (this.admin && this.superAdminRole && !this.holds(this.admin, this.superAdminRole)) {
      this.synthetic = { seq: 0, roleSeq: this.superAdminRole.seq, principalType: 'user', principalSeq: this.admin.seq };
    }
  }

  privileges(user: TenantUser): AdminPrivileges {
    const held = this.assignments(user);
    const isAdmin = user.seq === this.admin?.seq || held.some((a) => a.roleSeq === this.superAdminRole?.seq);
    return { isAdmin, isDelegatedAdmin: !isAdmin && held.length > 0 };
  }

  /** May this user, as a DWD subject, call the Directory API at all (any admin role). */
  isAdmin(user: TenantUser): boolean {
    const p = this.privileges(user);
    return p.isAdmin || p.isDelegatedAdmin;
  }

  /**
   * The first enabled member already holding the super admin role, else the first enabled member (made one
   * synthetically), else whoever comes first.
   */
  private defaultAdmin(): TenantUser | undefined {
    if (this.superAdminRole) {
      const holders = this.tenant.roleAssignments({ limit: 1000 }, { roleSeq: this.superAdminRole.seq }).items;
      for (const a of holders) {
        const user = a.principalType === 'user' ? this.tenant.user(a.principalSeq) : undefined;
        if (user?.enabled && user.kind === 'member') return user;
      }
    }
    return this.tenant.users({ limit: 1 }, { kind: 'member', enabled: true }).items[0] ?? this.tenant.user(1);
  }

  private assignments(user: TenantUser): RoleAssignment[] {
    return this.tenant.roleAssignments({ limit: 1000 }, { principalType: 'user', principalSeq: user.seq }).items;
  }

  private holds(user: TenantUser, role: TenantRole): boolean {
    return this.assignments(user).some((a) => a.roleSeq === role.seq);
  }
}
