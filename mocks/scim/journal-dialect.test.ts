import { describe, expect, it } from 'vitest';
import { SCIM_JOURNAL } from './journal-dialect.js';

describe('SCIM journal dialect', () => {
  it('a group read for its members alone is no item read; any other read is left to REST', () => {
    expect(SCIM_JOURNAL.itemRead!('scim.groups.get', '/scim/v2/Groups/g1?attributes=members')).toBeNull();
    expect(SCIM_JOURNAL.itemRead!('scim.groups.get', '/scim/v2/Groups/g1?attributes=members,displayName')).toBeUndefined();
    expect(SCIM_JOURNAL.itemRead!('scim.users.get', '/scim/v2/Users/u1')).toBeUndefined();
  });
});
