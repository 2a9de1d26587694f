/**
 * The tenant as IAM shows it: names, paths, ARNs and dates for users, groups, roles and managed
 * policies, and lookups by name. Names follow IAM's character set (`[\w+=,.@-]`, at most 64/128) and are
 * unique case-insensitively, as IAM requires:
 *   users    members and service accounts: the UPN's local part (`jane.doe`, `svc-backup`); guests and
 *            externals: their home address (`jane@fabrikam.example`), since `#EXT#` is not allowed.
 *            Paths: `/` members, `/external/` guests and externals, `/service/` service accounts.
 *   groups   the group mail's local part (`marketing-team`, numbered when taken), path `/`.
 *   roles    the tenant role's display name without spaces (`GlobalAdministrator`), path `/`, trusting
 *            the account's SAML provider (so a connector cannot assume them).
 *   policies the tenant policy name; AWS-managed ones under `arn:aws:iam::aws:policy/...`.
 * Lookups by name go through the tenant's unique indexes (UPN, mail), never a scan, except roles (few).
 */
import { drain, storeSource } from '../../core/paging/list-source.js';
import type { Policy, TenantGroup, TenantRole, TenantStore, TenantUser } from '../../tenant/model.js';
import { REFERENCE_DATE } from '../../tenant/entity-random.js';
import type { AwsAccount } from '../credentials.js';
import { isoSeconds, seededDate } from '../ids.js';

export interface IamRole {
  /** The tenant role, or undefined for the connector's own role. */
  tenantRole?: TenantRole;
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  createDate: string;
  description?: string;
  maxSessionDuration: number;
  /** The trust policy, as JSON (IAM returns it URL-encoded). */
  trustPolicy: string;
}

/** AWS-managed policies that live under a path other than `/` (the job-function policies). */
const MANAGED_PATHS: Record<string, string> = { ViewOnlyAccess: '/job-function/' };

/** When most AWS-managed policies were created (AdministratorAccess and friends). */
const AWS_MANAGED_CREATED = '2015-02-06T18:39:46Z';

export class IamDirectory {
  private roleList?: IamRole[];
  private attachments?: Map<number, number>;

  constructor(
    private readonly tenantOf: () => TenantStore,
    private readonly account: AwsAccount,
    private readonly seed: number,
    private readonly externalId?: string,
  ) {}

  private get tenant(): TenantStore {
    return this.tenantOf();
  }

  private get domain(): string {
    return this.tenant.shape.domain;
  }

  // Users

  userName(u: TenantUser): string {
    if (u.kind === 'guest' || u.kind === 'external') return u.mail.toLowerCase();
    return u.userPrincipalName.slice(0, u.userPrincipalName.lastIndexOf('@'));
  }

  userPath(u: TenantUser): string {
    return u.kind === 'service' ? '/service/' : u.kind === 'member' ? '/' : '/external/';
  }

  userArn(u: TenantUser): string {
    return `arn:aws:iam::${this.account.accountId}:user${this.userPath(u)}${this.userName(u)}`;
  }

  findUser(name: string): TenantUser | undefined {
    const lower = name.toLowerCase();
    const found = this.tenant.findUser(lower.includes('@') ? lower : `${lower}@${this.domain}`);
    return found && this.userName(found).toLowerCase() === lower ? found : undefined;
  }

  // Groups

  groupName(g: TenantGroup): string {
    return g.mail.slice(0, g.mail.lastIndexOf('@'));
  }

  groupArn(g: TenantGroup): string {
    return `arn:aws:iam::${this.account.accountId}:group/${this.groupName(g)}`;
  }

  findGroup(name: string): TenantGroup | undefined {
    if (name.includes('@')) return undefined;
    const found = this.tenant.findGroup(`${name.toLowerCase()}@${this.domain}`);
    return found && this.groupName(found).toLowerCase() === name.toLowerCase() ? found : undefined;
  }

  // Roles

  /** The tenant's roles as IAM roles, in seq order (the connector's role is not among them). */
  roles(): IamRole[] {
    if (!this.roleList) {
      const taken = new Map<string, number>();
      this.roleList = this.tenant.roles().map((r) => {
        const base = r.displayName.replace(/[^\w+=,.@-]/g, '').slice(0, 60) || `Role${r.seq}`;
        const n = (taken.get(base.toLowerCase()) ?? 0) + 1;
        taken.set(base.toLowerCase(), n);
        const roleName = n === 1 ? base : `${base}${n}`;
        return {
          tenantRole: r,
          roleName,
          roleId: r.awsId,
          path: '/',
          arn: `arn:aws:iam::${this.account.accountId}:role/${roleName}`,
          createDate: seededDate(this.seed, `role-created:${r.seq}`, REFERENCE_DATE),
          description: r.description,
          maxSessionDuration: 3600,
          trustPolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: `arn:aws:iam::${this.account.accountId}:saml-provider/${this.domain}` },
                Action: 'sts:AssumeRoleWithSAML',
                Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
              },
            ],
          }),
        };
      });
    }
    return this.roleList;
  }

  /** The connector's own role: assumable by the connector's user (with the external id, when one is set). */
  connectorRole(): IamRole {
    const role = this.account.role;
    const statement: Record<string, unknown> = { Effect: 'Allow', Principal: { AWS: this.account.user.arn }, Action: 'sts:AssumeRole' };
    if (this.externalId !== undefined) statement.Condition = { StringEquals: { 'sts:ExternalId': this.externalId } };
    return {
      roleName: role.roleName,
      roleId: role.roleId,
      path: role.path,
      arn: role.arn,
      createDate: role.createDate,
      description: 'Lets the sync connector read the directory.',
      maxSessionDuration: role.maxSessionDuration,
      trustPolicy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
    };
  }

  findRole(name: string): IamRole | undefined {
    const lower = name.toLowerCase();
    if (lower === this.account.role.roleName.toLowerCase()) return this.connectorRole();
    return this.roles().find((r) => r.roleName.toLowerCase() === lower);
  }

  findRoleByArn(arn: string): IamRole | undefined {
    const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
    if (!m || m[1] !== this.account.accountId) return undefined;
    const role = this.findRole(m[2]!);
    return role && role.arn === arn ? role : undefined;
  }

  // Policies

  policyName(p: Policy): string {
    return p.name.replace(/[^\w+=,.@-]/g, '');
  }

  policyPath(p: Policy): string {
    return p.awsManaged ? (MANAGED_PATHS[p.name] ?? '/') : '/';
  }

  policyArn(p: Policy): string {
    const owner = p.awsManaged ? 'aws' : this.account.accountId;
    return `arn:aws:iam::${owner}:policy${this.policyPath(p)}${this.policyName(p)}`;
  }

  policyCreateDate(p: Policy): string {
    return p.awsManaged ? AWS_MANAGED_CREATED : seededDate(this.seed, `policy-created:${p.seq}`, REFERENCE_DATE);
  }

  policy(seq: number): Policy | undefined {
    return seq >= 1 ? this.tenant.policies({ after: seq - 1, limit: 1 }).items.find((p) => p.seq === seq) : undefined;
  }

  /**
   * How many users, groups and roles each policy is attached to (ListPolicies' AttachmentCount and
   * OnlyAttached). The store indexes attachments by target only, so this visits every principal once and
   * is kept: attachments never change while a simulator runs.
   */
  attachmentCount(policySeq: number): number {
    if (!this.attachments) {
      const counts = new Map<number, number>();
      const add = (targetType: 'user' | 'group' | 'role', targetSeq: number) => {
        for (const a of this.tenant.policyAttachments({ targetType, targetSeq })) counts.set(a.policySeq, (counts.get(a.policySeq) ?? 0) + 1);
      };
      for (const u of drain(storeSource((p) => this.tenant.users(p)))) add('user', u.seq);
      for (const g of drain(storeSource((p) => this.tenant.groups(p)))) add('group', g.seq);
      for (const r of this.tenant.roles()) add('role', r.seq);
      this.attachments = counts;
    }
    return this.attachments.get(policySeq) ?? 0;
  }

  createDate(entity: TenantUser | TenantGroup): string {
    return isoSeconds(entity.createdAt);
  }
}
