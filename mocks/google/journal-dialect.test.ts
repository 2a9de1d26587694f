import { describe, expect, it } from 'vitest';
import { GOOGLE_JOURNAL } from './journal-dialect.js';
import { SCOPE_PREFIX } from './scopes.js';

describe('Google journal dialect', () => {
  const { unreadable } = GOOGLE_JOURNAL.delegation!;

  it('each kind of directory data the delegated scopes cannot read, by its least-privileged scope', () => {
    const granted = [`${SCOPE_PREFIX}admin.directory.user.readonly`, `${SCOPE_PREFIX}admin.directory.group`];
    // The full group scope opens groups and members too; only roles are left.
    expect(unreadable(granted)).toEqual([`${SCOPE_PREFIX}admin.directory.rolemanagement.readonly`]);
    expect(unreadable([])).toHaveLength(4);
  });
});
