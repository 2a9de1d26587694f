import { describe, expect, it } from 'vitest';
import { Grants, parseMissing } from './permissions.js';

describe('permissions', () => {
  it('opens each kind of data with its least-privileged permission', () => {
    expect(new Grants(['User.Read.All']).allows('users')).toBe(true);
    expect(new Grants(['User.Read.All']).allows('groups')).toBe(false);
    expect(new Grants(['GroupMember.Read.All']).allows('members')).toBe(true);
    expect(new Grants(['RoleManagement.Read.Directory']).allows('roles')).toBe(true);
    expect(new Grants(['Application.Read.All']).allows('apps')).toBe(true);
  });

  it('lets Directory.Read.All read everything but write nothing', () => {
    const directory = new Grants(['Directory.Read.All']);
    for (const access of ['users', 'groups', 'members', 'roles', 'apps'] as const) expect(directory.allows(access)).toBe(true);
    expect(directory.allows('write-members')).toBe(false);
    expect(new Grants(['GroupMember.ReadWrite.All']).allows('write-members')).toBe(true);
  });

  it('shows users in a collection as limited information without a user read permission', () => {
    const members = new Grants(['GroupMember.Read.All']);
    expect(members.visibility('user')).toBe('limited');
    expect(members.visibility('group')).toBe('full');
    expect(new Grants(['GroupMember.Read.All', 'User.Read.All']).visibility('user')).toBe('full');
  });

  it('removes what a partial-consent fault names, and only that', () => {
    const grants = new Grants(['User.Read.All', 'Group.Read.All', 'Directory.Read.All']);
    expect(grants.without(['User.Read.All']).allows('users')).toBe(true);
    expect(grants.without(parseMissing('User.Read.All|Directory.Read.All')).allows('users')).toBe(false);
    expect(grants.without(parseMissing('User.Read.All+Directory.Read.All')).list()).toEqual(['Group.Read.All']);
  });
});
