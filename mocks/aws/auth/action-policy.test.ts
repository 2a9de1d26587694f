import { describe, expect, it } from 'vitest';
import { ActionPolicy, defaultAllowedActions, notAuthorizedMessage, parseMissing } from './action-policy.js';

describe('ActionPolicy', () => {
  it('matches IAM-style wildcards, case-insensitively', () => {
    const policy = new ActionPolicy(['iam:List*', 'sts:AssumeRole']);
    expect(policy.allows('iam:ListUsers')).toBe(true);
    expect(policy.allows('IAM:listgroups')).toBe(true);
    expect(policy.allows('iam:GetUser')).toBe(false);
    expect(policy.allows('sts:AssumeRoleWithSAML')).toBe(false);
  });

  it('takes away what a partial-consent fault names', () => {
    const policy = new ActionPolicy(defaultAllowedActions(false)).without(parseMissing('iam:ListGroups|iam:Get*'));
    expect(policy.allows('iam:ListGroups')).toBe(false);
    expect(policy.allows('iam:GetGroup')).toBe(false);
    expect(policy.allows('iam:ListUsers')).toBe(true);
  });

  it('allows membership writes by default only with write-back', () => {
    expect(new ActionPolicy(defaultAllowedActions(false)).allows('iam:AddUserToGroup')).toBe(false);
    expect(new ActionPolicy(defaultAllowedActions(true)).allows('iam:AddUserToGroup')).toBe(true);
  });

  it('words a denial like IAM', () => {
    expect(notAuthorizedMessage('arn:aws:iam::123456789012:user/bob', 'iam:ListUsers', 'arn:aws:iam::123456789012:user/')).toBe(
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action',
    );
  });
});
