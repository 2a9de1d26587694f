import { describe, expect, it } from 'vitest';
import { leastPermissions, pickAccess, readAccessOf, readPermissionsOf } from './consent-plan.js';

const TABLE = { users: ['U.Read', 'Dir.Read'], groups: ['G.Read', 'Dir.Read'], 'write-members': ['G.Write'] } as const;
const rules = {
  byName: (name: string) => readAccessOf(TABLE, name),
  paths: [[/^\/users\b/, 'users']] as [RegExp, 'users' | 'groups'][],
  types: [
    ['user', 'users'],
    ['group', 'groups'],
  ] as [string, 'users' | 'groups'][],
  fallback: 'groups' as const,
};

describe('pickAccess', () => {
  it('takes the named permission first, then the refused URL, then the first unlisted type, then the fallback', () => {
    expect(pickAccess({ named: 'G.Read' }, rules)).toEqual({ access: 'groups', how: 'given with --missing G.Read' });
    expect(pickAccess({ refusal: { line: 7, url: 'https://x.test/users?top=5', method: 'GET' } }, rules)).toEqual({
      access: 'users',
      how: 'the refused call (line 7: GET /users)',
    });
    expect(pickAccess({ listed: ['user'] }, rules)).toEqual({ access: 'groups', how: 'the first listing the log never reported (group)' });
    expect(pickAccess({}, rules).how).toBe('not named in the report: groups assumed (edit missing=)');
  });
});

describe('permission tables', () => {
  it('reads a permission as the access it is least privileged for, else the first it opens; never a write', () => {
    expect(readAccessOf(TABLE, 'G.Read')).toBe('groups');
    expect(readAccessOf(TABLE, 'Dir.Read')).toBe('users');
    expect(readAccessOf(TABLE, 'G.Write')).toBeUndefined();
  });

  it("lists read permissions and each route's least-privileged one", () => {
    expect(readPermissionsOf(TABLE)).toEqual(['U.Read', 'Dir.Read', 'G.Read', 'Dir.Read']);
    expect(leastPermissions({ 'x.users.list': 'users', 'x.members.add': 'write-members' }, TABLE)).toEqual({
      'x.users.list': 'U.Read',
      'x.members.add': 'G.Write',
    });
  });
});
