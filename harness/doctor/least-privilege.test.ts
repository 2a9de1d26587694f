import { describe, expect, it } from 'vitest';
import { leastPrivilege } from './least-privilege.js';

describe('leastPrivilege', () => {
  it('names the Graph permission the route declares, least privileged first', () => {
    expect(leastPrivilege('entra', 'graph.users.list')).toBe('User.Read.All');
    expect(leastPrivilege('entra', 'graph.groups.members.list')).toBe('GroupMember.Read.All');
    expect(leastPrivilege('entra', 'graph.roleAssignments.list')).toBe('RoleManagement.Read.Directory');
    expect(leastPrivilege('entra', 'graph.groups.members.add')).toBe('GroupMember.ReadWrite.All');
    expect(leastPrivilege('entra', 'entra.token')).toBeUndefined();
  });

  it('names the Directory API scope for Google routes', () => {
    expect(leastPrivilege('google', 'google.users.list')).toBe('https://www.googleapis.com/auth/admin.directory.user.readonly');
    expect(leastPrivilege('google', 'google.members.insert')).toBe('https://www.googleapis.com/auth/admin.directory.group.member');
    expect(leastPrivilege('google', 'google.token')).toBeUndefined();
  });

  it('turns AWS route names into IAM actions, except ungated ones', () => {
    expect(leastPrivilege('aws', 'iam.ListUsers')).toBe('iam:ListUsers');
    expect(leastPrivilege('aws', 'identitystore.ListGroupMemberships')).toBe('identitystore:ListGroupMemberships');
    expect(leastPrivilege('aws', 'sts.GetCallerIdentity')).toBeUndefined();
    expect(leastPrivilege('aws', 'iam.unknown')).toBeUndefined();
  });

  it('needs no permission for SCIM', () => {
    expect(leastPrivilege('scim', 'scim.users.list')).toBeUndefined();
  });
});
