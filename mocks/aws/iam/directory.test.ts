import { describe, expect, it } from 'vitest';
import { createTenant } from '../../tenant/store.js';
import { createContext } from '../../core/context.js';
import { awsAccount } from '../credentials.js';
import { IamDirectory } from './directory.js';

const tenant = createTenant({ users: 300, groups: 40, guestRatio: 0.1, externalRatio: 0.05, serviceRatio: 0.05, roles: 15, policies: 30 });
const ctx = createContext({ tenant, seed: 3 });
const account = awsAccount(ctx, 'us-east-1');
const dir = new IamDirectory(() => tenant, account, 3);
const users = tenant.users({ limit: 1000 }).items;
const groups = tenant.groups({ limit: 1000 }).items;
const NAME = /^[\w+=,.@-]{1,64}$/;

describe('IamDirectory names', () => {
  it('gives every user a valid IAM name, unique case-insensitively, found again by it', () => {
    const names = users.map((u) => dir.userName(u));
    expect(names.every((n) => NAME.test(n))).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(users.length);
    for (const u of users) expect(dir.findUser(dir.userName(u).toUpperCase())?.seq).toBe(u.seq);
  });

  it('puts guests and externals under /external/ by their address, service accounts under /service/', () => {
    const guest = users.find((u) => u.kind === 'guest')!;
    const service = users.find((u) => u.kind === 'service')!;
    expect(dir.userArn(guest)).toBe(`arn:aws:iam::${account.accountId}:user/external/${guest.mail.toLowerCase()}`);
    expect(dir.userArn(service)).toMatch(new RegExp(`^arn:aws:iam::${account.accountId}:user/service/svc-`));
  });

  it("does not take a member's UPN for a user name", () => {
    const member = users.find((u) => u.kind === 'member')!;
    expect(dir.findUser(member.userPrincipalName)).toBeUndefined();
    expect(dir.findUser('nobody.at.all')).toBeUndefined();
  });

  it('gives every group a unique valid name, found again by it', () => {
    const names = groups.map((g) => dir.groupName(g));
    expect(names.every((n) => /^[\w+=,.@-]{1,128}$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(groups.length);
    for (const g of groups) expect(dir.findGroup(dir.groupName(g))?.seq).toBe(g.seq);
    expect(dir.findGroup(groups[0]!.mail)).toBeUndefined();
  });

  it('names roles without spaces, uniquely, and finds them by name and ARN', () => {
    const roles = dir.roles();
    expect(roles).toHaveLength(15);
    expect(roles.every((r) => NAME.test(r.roleName) && r.roleId === r.tenantRole!.awsId)).toBe(true);
    expect(new Set(roles.map((r) => r.roleName.toLowerCase())).size).toBe(roles.length);
    expect(dir.findRoleByArn(roles[2]!.arn)?.roleName).toBe(roles[2]!.roleName);
    expect(dir.findRoleByArn(account.roleArn)?.roleName).toBe('SyncHarnessConnectorRole');
    expect(dir.findRoleByArn(`arn:aws:iam::000000000000:role/${roles[2]!.roleName}`)).toBeUndefined();
  });

  it('writes AWS-managed policy ARNs under aws, job-function ones with their path', () => {
    const policies = tenant.policies({ limit: 100 }).items;
    const managed = policies.find((p) => p.awsManaged && p.name === 'AdministratorAccess')!;
    expect(dir.policyArn(managed)).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
    const viewOnly = policies.find((p) => p.name === 'ViewOnlyAccess');
    if (viewOnly) expect(dir.policyArn(viewOnly)).toBe('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    const local = policies.find((p) => !p.awsManaged)!;
    expect(dir.policyArn(local)).toBe(`arn:aws:iam::${account.accountId}:policy/${local.name}`);
    expect(dir.policy(local.seq)?.seq).toBe(local.seq);
    expect(dir.policy(0)).toBeUndefined();
  });

  it('counts attachments per policy across users, groups and roles', () => {
    const naive = new Map<number, number>();
    const count = (targetType: 'user' | 'group' | 'role', seqs: number[]) => {
      for (const seq of seqs)
        for (const a of tenant.policyAttachments({ targetType, targetSeq: seq })) naive.set(a.policySeq, (naive.get(a.policySeq) ?? 0) + 1);
    };
    count(
      'user',
      users.map((u) => u.seq),
    );
    count(
      'group',
      groups.map((g) => g.seq),
    );
    count(
      'role',
      tenant.roles().map((r) => r.seq),
    );
    expect([...naive.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (let seq = 1; seq <= 30; seq++) expect(dir.attachmentCount(seq)).toBe(naive.get(seq) ?? 0);
  });
});
