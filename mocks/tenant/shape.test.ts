import { describe, expect, it } from 'vitest';
import { UserError } from '../../lib/errors.js';
import { stableUuid } from '../core/ids.js';
import { resolveShape } from './shape.js';

describe('resolveShape', () => {
  it('fills the documented defaults, scaled to the default 200 users', () => {
    const shape = resolveShape();
    expect(shape).toMatchObject({
      seed: 1,
      users: 200,
      groups: 30,
      membershipsPerUser: 3,
      roles: 12,
      roleAssignments: 10,
      apps: 5,
      appRoleAssignments: 50,
      policies: 20,
      policyAttachments: 40,
      guestRatio: 0.05,
      externalRatio: 0.02,
      serviceRatio: 0.02,
      disabledRatio: 0.03,
      domain: 'contoso.test',
    });
    expect(shape.tenantId).toBe(stableUuid(1, 'tenant'));
  });

  it('scales the per-user defaults with --users but keeps explicit values', () => {
    const shape = resolveShape({ users: 1_000_000, roleAssignments: 7 });
    expect(shape.groups).toBe(150_000);
    expect(shape.appRoleAssignments).toBe(250_000);
    expect(shape.roleAssignments).toBe(7);
  });

  it('derives the tenant id from the seed, and treats undefined overrides as absent', () => {
    expect(resolveShape({ seed: 2, users: undefined }).tenantId).toBe(stableUuid(2, 'tenant'));
    expect(resolveShape({ seed: 2 }).users).toBe(200);
  });

  it.each([
    [{ users: -1 }, /users -1: expected a whole number/],
    [{ groups: 2.5 }, /groups 2.5: expected a whole number/],
    [{ seed: Number.NaN }, /seed NaN/],
    [{ guestRatio: 1.5 }, /guestRatio 1.5: expected a fraction from 0 to 1/],
    [{ disabledRatio: -0.1 }, /disabledRatio -0.1/],
    [{ guestRatio: 0.6, serviceRatio: 0.6 }, /add up to 1.22?: together they must be at most 1/],
    [{ membershipsPerUser: -2 }, /membershipsPerUser -2/],
    [{ domain: 'contoso.com' }, /domain contoso.com: must end in a reserved top-level domain/],
    [{ domain: 'not a domain.test' }, /not a domain name/],
    [{ tenantId: 'abc' }, /tenantId abc: expected a GUID/],
  ])('rejects %j with a UserError naming the field', (overrides, message) => {
    const attempt = () => resolveShape(overrides);
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(message);
  });

  it('names fields the way the caller asks (the CLI passes its flags)', () => {
    expect(() => resolveShape({ membershipsPerUser: -1 }, { label: () => '--memberships-per-user' })).toThrow(/^--memberships-per-user -1/);
  });

  it('accepts every reserved TLD and lower-cases the domain', () => {
    for (const domain of ['a.test', 'b.example', 'c.invalid', 'd.localhost']) expect(resolveShape({ domain }).domain).toBe(domain);
    expect(resolveShape({ domain: 'Contoso.TEST' }).domain).toBe('contoso.test');
  });
});
