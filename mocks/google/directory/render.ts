/**
 * Tenant entities as the Directory API shows them, type-checked against @googleapis/admin's schema types
 * so a field name or type that drifts from the real schema fails the build. Ids are the tenant's
 * `googleId`s; `etag` is added last, over the rest of the object.
 */
import type { admin_directory_v1 } from '@googleapis/admin';
import type { DirectoryEntity } from '../../core/entity.js';
import type { RoleAssignment, TenantGroup, TenantRole, TenantUser } from '../../tenant/model.js';
import type { AdminPrivileges } from '../admin-subjects.js';
import { digits } from '../credentials.js';
import { etagOf } from './etag.js';
import { primaryEmail } from './lookup.js';
import { CUSTOM_ROLE_PRIVILEGES, systemRole } from './system-roles.js';

type User = admin_directory_v1.Schema$User;
type Group = admin_directory_v1.Schema$Group;
type Member = admin_directory_v1.Schema$Member;
type Role = admin_directory_v1.Schema$Role;
type Assignment = admin_directory_v1.Schema$RoleAssignment;

export interface RenderScope {
  seed: number;
  customerId: string;
  domain: string;
}

/** What `lastLoginTime` says for an account that never signed in; the tenant has no sign-in history. */
const NEVER = '1970-01-01T00:00:00.000Z';

export function renderUser(u: TenantUser, privileges: AdminPrivileges, scope: RenderScope): User {
  const email = primaryEmail(u);
  const guest = u.kind === 'guest' || u.kind === 'external';
  const local = email.slice(0, email.indexOf('@'));
  // Every address in the primary domain also answers at `<domain>.test-google-a.com`, listed as a
  // non-editable alias; guests' external addresses have none.
  const testAlias = guest ? undefined : `${local}@${scope.domain}.test-google-a.com`;
  const name = userName(u);
  const user: User = {
    kind: 'admin#directory#user',
    id: u.googleId,
    primaryEmail: email,
    name: { ...name, fullName: `${name.givenName} ${name.familyName}` },
    isAdmin: privileges.isAdmin,
    isDelegatedAdmin: privileges.isDelegatedAdmin,
    lastLoginTime: NEVER,
    creationTime: u.createdAt,
    agreedToTerms: u.enabled,
    suspended: !u.enabled,
    ...(u.enabled ? {} : { suspensionReason: 'ADMIN' }),
    archived: false,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    emails: [{ address: email, primary: true }, ...(testAlias ? [{ address: testAlias }] : [])],
    organizations: [{ title: u.jobTitle, primary: true, customType: '', department: u.department, description: '' }],
    ...(testAlias ? { nonEditableAliases: [testAlias] } : {}),
    customerId: scope.customerId,
    orgUnitPath: orgUnitPath(u),
    isMailboxSetup: !guest,
    isEnrolledIn2Sv: false,
    isEnforcedIn2Sv: false,
    includeInGlobalAddressList: !guest,
    ...(guest ? { isGuestUser: true, guestAccountInfo: { primaryGuestEmail: u.mail } } : {}),
  };
  return withEtag(scope, user);
}

/** Service accounts have no person's name in the tenant; Workspace requires both parts. */
export function userName(u: TenantUser): { givenName: string; familyName: string } {
  return u.kind === 'service' ? { givenName: u.displayName, familyName: 'Service' } : { givenName: u.givenName, familyName: u.surname };
}

/** Members sit in an organisational unit per department; service accounts and guests in their own. */
function orgUnitPath(u: TenantUser): string {
  if (u.kind === 'service') return '/Service Accounts';
  if (u.kind === 'guest' || u.kind === 'external') return '/Guests';
  return `/${u.department}`;
}

export function renderGroup(g: TenantGroup, directMembers: number, scope: RenderScope): Group {
  const local = g.mail.slice(0, g.mail.indexOf('@'));
  return withEtag(scope, {
    kind: 'admin#directory#group',
    id: g.googleId,
    email: g.mail,
    name: g.displayName,
    directMembersCount: String(directMembers),
    description: g.description,
    adminCreated: true,
    nonEditableAliases: [`${local}@${scope.domain}.test-google-a.com`],
  } satisfies Group);
}

export type MemberRole = 'OWNER' | 'MANAGER' | 'MEMBER';

export function renderMember(e: DirectoryEntity, role: MemberRole, scope: RenderScope): Member {
  const member: Member =
    e.type === 'user'
      ? {
          kind: 'admin#directory#member',
          id: e.user.googleId,
          email: primaryEmail(e.user),
          role,
          type: 'USER',
          status: e.user.enabled ? 'ACTIVE' : 'SUSPENDED',
        }
      : { kind: 'admin#directory#member', id: e.group.googleId, email: e.group.mail, role, type: 'GROUP', status: 'ACTIVE' };
  return withEtag(scope, member);
}

export function renderRole(r: TenantRole, scope: RenderScope): Role {
  const system = systemRole(r);
  return withEtag(scope, {
    kind: 'admin#directory#role',
    roleId: r.googleId,
    roleName: system?.roleName ?? r.displayName,
    roleDescription: system?.roleDescription ?? r.description,
    rolePrivileges: (system?.privileges ?? CUSTOM_ROLE_PRIVILEGES).map((p) => ({ ...p })),
    isSystemRole: system !== undefined,
    isSuperAdminRole: system?.roleName === '_SEED_ADMIN_ROLE',
  } satisfies Role);
}

export function renderRoleAssignment(a: RoleAssignment, role: TenantRole, assignee: DirectoryEntity, scope: RenderScope): Assignment {
  return withEtag(scope, {
    kind: 'admin#directory#roleAssignment',
    roleAssignmentId: roleAssignmentId(scope.seed, a),
    roleId: role.googleId,
    assignedTo: assignee.type === 'user' ? assignee.user.googleId : assignee.group.googleId,
    assigneeType: assignee.type,
    scopeType: 'CUSTOMER',
  } satisfies Assignment);
}

/** Numeric like Google's; the tenant's assignments have no Google id of their own. Seq 0 is the synthetic one. */
export function roleAssignmentId(seed: number, a: RoleAssignment): string {
  return `1${digits(seed, `google:role-assignment:${a.seq === 0 ? 'admin-subject' : a.seq}`, 16)}`;
}

/** Google puts `etag` second, after `kind`. */
function withEtag<T extends { kind?: string | null }>(scope: RenderScope, obj: T): T {
  const { kind, ...rest } = obj;
  return { kind, etag: etagOf(scope.seed, obj), ...rest } as unknown as T;
}
