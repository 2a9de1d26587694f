/**
 * Which application permissions (token `roles`) open which Graph data, after the permissions reference
 * and each list page's "Permissions" table (reference A2). A route names the data it serves; the token's
 * roles, minus whatever a `partial-consent` fault takes away, decide.
 */

/** Kinds of data a route serves. */
export type Access = 'users' | 'groups' | 'members' | 'roles' | 'apps' | 'write-members';

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];

/** Any one of these opens the access; least privileged first. */
export const GRANTS: Record<Access, readonly string[]> = {
  users: ['User.Read.All', 'User.ReadBasic.All', 'User.ReadWrite.All', ...DIRECTORY_READ],
  // GroupMember.Read.All reads groups' basic properties too (group-list's least privileged permission).
  groups: ['Group.Read.All', 'GroupMember.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', ...DIRECTORY_READ],
  members: ['GroupMember.Read.All', 'Group.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All', ...DIRECTORY_READ],
  roles: ['RoleManagement.Read.Directory', 'RoleManagement.Read.All', 'RoleManagement.ReadWrite.Directory', ...DIRECTORY_READ],
  apps: ['Application.Read.All', 'Application.ReadWrite.All', ...DIRECTORY_READ],
  'write-members': ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
};

export class Grants {
  private readonly roles: ReadonlySet<string>;

  constructor(roles: Iterable<string>) {
    this.roles = new Set(roles);
  }

  /** These grants without the given permissions (a `partial-consent` fault's `missing=`). */
  without(missing: Iterable<string>): Grants {
    const drop = new Set(missing);
    return new Grants([...this.roles].filter((r) => !drop.has(r)));
  }

  allows(access: Access): boolean {
    return GRANTS[access].some((p) => this.roles.has(p));
  }

  /**
   * How a directory object of this type inside a collection the app may read is shown: in full, or as
   * "limited information" (`@odata.type` + `id`, everything else null) when the app cannot read that type.
   */
  visibility(type: 'user' | 'group' | 'servicePrincipal'): 'full' | 'limited' {
    const access: Access = type === 'user' ? 'users' : type === 'group' ? 'groups' : 'apps';
    return this.allows(access) ? 'full' : 'limited';
  }

  list(): string[] {
    return [...this.roles].sort();
  }
}

/** `missing=User.Read.All|Directory.Read.All` (also `+` or space separated; `,` separates fault keys). */
export function parseMissing(value: string | undefined): string[] {
  return (value ?? '').split(/[|+\s]+/).filter(Boolean);
}

/** Least-privileged read permissions covering every read endpoint (what a sync connector's docs ask for). */
export const DEFAULT_READ_PERMISSIONS = [
  'User.Read.All',
  'Group.Read.All',
  'GroupMember.Read.All',
  'RoleManagement.Read.Directory',
  'Application.Read.All',
] as const;
