import { describe, expect, it } from 'vitest';
import { permissionPlan } from './permission.js';

describe('permissionPlan', () => {
  it('Entra: from the refused URL, removing every default permission that would open it', () => {
    const plan = permissionPlan('entra', { refusal: { line: 6, method: 'GET', url: 'https://graph.microsoft.com/v1.0/groups?$top=999' } })!;
    expect(plan.fault).toBe('partial-consent:missing=Group.Read.All|GroupMember.Read.All');
    expect(plan.permission).toBe('Group.Read.All');
    expect(plan.how).toBe('the refused call (line 6: GET /v1.0/groups)');
  });

  it('Entra: a named permission wins; members are refused on their own route only', () => {
    expect(permissionPlan('entra', { named: 'User.Read.All' })!.fault).toBe('partial-consent:missing=User.Read.All');
    expect(permissionPlan('entra', { named: 'GroupMember.Read.All' })!.fault).toBe(
      'partial-consent:missing=GroupMember.Read.All|Group.Read.All,route=graph.groups.members.list',
    );
    expect(permissionPlan('entra', { named: 'RoleManagement.Read.Directory' })!.caveat).toMatch(/does not list directory roles/);
  });

  it('Entra: else the first listing the log never reported', () => {
    expect(permissionPlan('entra', { listed: ['user', 'group'] })!.permission).toBe('Application.Read.All');
    expect(permissionPlan('entra', {})!.how).toMatch(/not named in the report: groups assumed/);
  });

  it('Google: the route loses every scope that opens its data', () => {
    const plan = permissionPlan('google', {
      refusal: { line: 3, url: 'https://admin.googleapis.com/admin/directory/v1/groups/abc/members?maxResults=200' },
    })!;
    expect(plan.fault).toBe(
      'partial-consent:missing=admin.directory.group.member.readonly|admin.directory.group.readonly|admin.directory.group.member|admin.directory.group,route=google.members.list',
    );
    expect(permissionPlan('google', { named: 'https://www.googleapis.com/auth/admin.directory.user.readonly' })!.fault).toBe(
      'partial-consent:missing=admin.directory.user.readonly|admin.directory.user,route=google.users.list',
    );
  });

  it('AWS: the action named, else the first unlisted type; SCIM has no permissions', () => {
    expect(permissionPlan('aws', { refusal: { line: 5, permission: 'iam:ListRoles' } })!.fault).toBe('partial-consent:missing=iam:ListRoles');
    expect(permissionPlan('aws', { listed: ['iam_user', 'group'] })!.permission).toBe('iam:ListRoles');
    expect(permissionPlan('scim', {})).toBeUndefined();
  });
});
