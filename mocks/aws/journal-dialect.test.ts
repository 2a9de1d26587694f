import { describe, expect, it } from 'vitest';
import { AWS_JOURNAL } from './journal-dialect.js';

const grant = AWS_JOURNAL.grant!(['iam:List*', 'identitystore:ListUsers']);
const refusal = (route: string, status: number) => AWS_JOURNAL.refusal!(route, status, grant);

describe('AWS journal dialect', () => {
  it('a 403 on an action the policy allows is the key, on one it does not the permission', () => {
    expect(refusal('iam.ListUsers', 403)).toBe('credential');
    expect(refusal('iam.GetGroup', 403)).toBe('permission');
  });

  it('Identity Store refuses an action with 400 AccessDeniedException; a 400 on an allowed one is neither', () => {
    expect(refusal('identitystore.ListGroups', 400)).toBe('permission');
    expect(refusal('identitystore.ListUsers', 400)).toBeUndefined();
    expect(refusal('iam.GetGroup', 400)).toBeUndefined();
    expect(refusal('iam.ListUsers', 401)).toBeUndefined();
  });

  it('the policy matches actions as IAM does: wildcards, any case', () => {
    expect(grant.allows('iam:listroles')).toBe(true);
    expect(grant.allows('identitystore:ListGroups')).toBe(false);
  });

  it('an item read shadows its listing; GetGroup lists members, so it is none', () => {
    expect(AWS_JOURNAL.itemRead!('identitystore.DescribeGroup', '/')).toEqual({ list: 'identitystore.ListGroups', kind: 'group' });
    expect(AWS_JOURNAL.itemRead!('iam.GetRole', '/')).toEqual({ list: 'iam.ListRoles', kind: 'other' });
    expect(AWS_JOURNAL.itemRead!('iam.GetGroup', '/')).toBeNull();
  });
});
