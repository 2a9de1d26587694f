import { describe, expect, it } from 'vitest';
import { allows, fullScope, parseMissing, parseScopeClaim, SCOPE_PREFIX } from './scopes.js';

describe('scopes', () => {
  it('expands short names and keeps full URLs', () => {
    expect(fullScope('admin.directory.user.readonly')).toBe(`${SCOPE_PREFIX}admin.directory.user.readonly`);
    expect(fullScope('https://www.googleapis.com/auth/cloud-platform')).toBe('https://www.googleapis.com/auth/cloud-platform');
    expect(parseMissing('admin.directory.user.readonly|https://www.googleapis.com/auth/admin.directory.group.readonly')).toEqual([
      `${SCOPE_PREFIX}admin.directory.user.readonly`,
      `${SCOPE_PREFIX}admin.directory.group.readonly`,
    ]);
    expect(parseScopeClaim(' a  b ')).toEqual(['a', 'b']);
    expect(parseScopeClaim(['a'])).toEqual([]);
  });

  it('lets a group scope read members but not a member scope read groups', () => {
    expect(allows([`${SCOPE_PREFIX}admin.directory.group.readonly`], 'members')).toBe(true);
    expect(allows([`${SCOPE_PREFIX}admin.directory.group.member.readonly`], 'groups')).toBe(false);
    expect(allows([`${SCOPE_PREFIX}admin.directory.group.member.readonly`], 'write-members')).toBe(false);
    expect(allows([`${SCOPE_PREFIX}admin.directory.group.member`], 'write-members')).toBe(true);
  });
});
