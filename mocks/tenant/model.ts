/**
 * The provider-neutral identity graph every simulator renders: one seeded tenant, shown as Graph objects,
 * Google directory entries, IAM entities or SCIM resources. Entities are numbered (`seq`, 1-based, dense per
 * kind) and carry the ids each provider uses, derived from the seed, so the same seed gives the same ids.
 */

export type UserKind = 'member' | 'guest' | 'external' | 'service';
export type GroupKind = 'security' | 'distribution' | 'microsoft365';
export type PrincipalType = 'user' | 'group';

/** Ids of one entity as each provider shows it. */
export interface ProviderIds {
  /** Entra / Graph object id (a GUID). */
  objectId: string;
  /** Google directory id: a decimal string (21 digits for users, 15-ish for groups). */
  googleId: string;
  /** IAM unique id: prefix (AIDA user, AGPA group, AROA role and app, ANPA policy) + 16 upper-case alphanumerics. */
  awsId: string;
  /** SCIM resource id (a GUID distinct from objectId). */
  scimId: string;
}

export interface TenantUser extends ProviderIds {
  seq: number;
  kind: UserKind;
  enabled: boolean;
  givenName: string;
  surname: string;
  displayName: string;
  /**
   * `first.last@<domain>` (numbered when taken: `first.last2@`); guests and externals use
   * `first.last_other.test#EXT#@<domain>` like Entra; service accounts `svc-<purpose>@<domain>`.
   */
  userPrincipalName: string;
  /** Unique across users. Members and service accounts: the UPN; guests and externals: their home address. */
  mail: string;
  jobTitle: string;
  department: string;
  /** ISO 8601, from the tenant's fixed reference date (never the wall clock). */
  createdAt: string;
}

export interface TenantGroup extends ProviderIds {
  seq: number;
  kind: GroupKind;
  displayName: string;
  /** Every group has one (Google groups need an email); Entra shows it only for mail-enabled kinds. */
  mail: string;
  description: string;
  createdAt: string;
}

/** A direct membership. Generated nesting only puts a group inside a lower seq, so it has no cycles. */
export interface Membership {
  groupSeq: number;
  memberType: PrincipalType;
  memberSeq: number;
}

export interface TenantRole extends ProviderIds {
  seq: number;
  displayName: string;
  description: string;
  /** Entra role template id (stable GUID per built-in role name); Google numeric role id in googleId. */
  templateId: string;
  /** Entra: only activated roles appear in /directoryRoles. */
  activated: boolean;
}

export interface RoleAssignment {
  seq: number;
  roleSeq: number;
  principalType: PrincipalType;
  principalSeq: number;
}

export interface TenantApp extends ProviderIds {
  seq: number;
  displayName: string;
  /** Application (client) id GUID. */
  appId: string;
}

export interface AppRole {
  seq: number;
  appSeq: number;
  /** GUID; the default access role is 00000000-0000-0000-0000-000000000000. */
  id: string;
  value: string;
  displayName: string;
}

export interface AppRoleAssignment {
  seq: number;
  appRoleSeq: number;
  principalType: PrincipalType;
  principalSeq: number;
}

export interface Policy extends ProviderIds {
  seq: number;
  name: string;
  /** AWS-managed (`arn:aws:iam::aws:policy/...`) or customer-managed. */
  awsManaged: boolean;
  description: string;
}

export interface PolicyAttachment {
  policySeq: number;
  targetType: 'user' | 'group' | 'role';
  targetSeq: number;
}

export interface TenantShape {
  seed: number;
  users: number;
  groups: number;
  /** Average group memberships per user. */
  membershipsPerUser: number;
  /** Fraction of groups nested in another group. */
  nestedGroupRatio: number;
  roles: number;
  roleAssignments: number;
  apps: number;
  appRoleAssignments: number;
  policies: number;
  policyAttachments: number;
  /** Mix of user kinds; the rest are members. */
  guestRatio: number;
  externalRatio: number;
  serviceRatio: number;
  disabledRatio: number;
  /** Primary domain, e.g. `contoso.test` (always a reserved TLD: nothing real is ever named). */
  domain: string;
  tenantId: string;
}

/** One page of an indexed listing; `next` is the `seq` to resume after, absent on the last page. */
export interface Page<T> {
  items: T[];
  next?: number;
}

export interface PageRequest {
  /** Resume after this seq (exclusive); 0 or absent = from the start. */
  after?: number;
  limit: number;
}

/**
 * Read access the simulators use. Every listing is an indexed query ordered by seq, so a page of a
 * million-user tenant costs the same as a page of a small one.
 */
export interface TenantStore {
  readonly shape: TenantShape;
  counts(): Record<
    'users' | 'groups' | 'memberships' | 'roles' | 'roleAssignments' | 'apps' | 'appRoles' | 'appRoleAssignments' | 'policies' | 'policyAttachments',
    number
  >;
  users(page: PageRequest, filter?: { kind?: UserKind; enabled?: boolean }): Page<TenantUser>;
  groups(page: PageRequest): Page<TenantGroup>;
  user(seq: number): TenantUser | undefined;
  group(seq: number): TenantGroup | undefined;
  /** By any provider id or UPN/mail (case-insensitive for names). */
  findUser(key: string): TenantUser | undefined;
  findGroup(key: string): TenantGroup | undefined;
  /**
   * Direct members, users and groups together, ordered by (memberType, memberSeq) with users before groups;
   * `after` is an opaque resume point from a previous `next` (a number, not a seq).
   */
  members(groupSeq: number, page: PageRequest): Page<Membership>;
  /** Groups a principal is a direct member of. */
  memberOf(principalType: PrincipalType, seq: number): Membership[];
  owners(groupSeq: number): TenantUser[];
  roles(): TenantRole[];
  role(seq: number): TenantRole | undefined;
  roleAssignments(page: PageRequest, filter?: { roleSeq?: number; principalType?: PrincipalType; principalSeq?: number }): Page<RoleAssignment>;
  apps(page: PageRequest): Page<TenantApp>;
  appRoles(appSeq: number): AppRole[];
  appRoleAssignments(appSeq: number, page: PageRequest): Page<AppRoleAssignment>;
  policies(page: PageRequest): Page<Policy>;
  policyAttachments(target: { targetType: PolicyAttachment['targetType']; targetSeq: number }): PolicyAttachment[];
  /**
   * Writes, for provisioning endpoints (add/remove a group member). Return false when nothing changed.
   * addMember throws a RangeError for a group or member that does not exist, or a group added to itself.
   * The SQLite store keeps writes beside the tenant, never in its file.
   */
  addMember(m: Membership): boolean;
  removeMember(m: Membership): boolean;
  /** Undo every addMember/removeMember since the store was opened (the admin API's reset). */
  reset?(): void;
  close(): void;
}

/** What `counts()` returns, by name, for code that passes counts around. */
export type TenantCounts = ReturnType<TenantStore['counts']>;
