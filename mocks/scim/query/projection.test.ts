import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA } from '../schema/definitions.js';
import { URN } from '../schema/urns.js';
import { project, readProjection, wants, type Resource } from './projection.js';

const user: Resource = {
  schemas: [URN.user, URN.enterpriseUser],
  id: 'u1',
  externalId: 'e1',
  userName: 'ada@contoso.test',
  name: { formatted: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: 'ada@contoso.test', type: 'work', primary: true }],
  groups: [{ value: 'g1' }],
  [URN.enterpriseUser]: { department: 'Engineering' },
  meta: { resourceType: 'User', location: 'https://x/Users/u1' },
};

const userProjection = (query: string) => readProjection(new URLSearchParams(query), USER_SCHEMA);

describe('attributes=', () => {
  it('keeps schemas and id (returned always) plus what was named, case-insensitively, in resource order', () => {
    const out = project(user, userProjection('attributes=USERNAME,name.givenName,emails.value'));
    expect(out).toEqual({
      schemas: user.schemas,
      id: 'u1',
      userName: 'ada@contoso.test',
      name: { givenName: 'Ada' },
      emails: [{ value: 'ada@contoso.test' }],
    });
  });

  it('selects extension attributes by URN, whole or by name, and ignores unknown names', () => {
    expect(project(user, userProjection(`attributes=${URN.enterpriseUser}:department,nickName`))).toEqual({
      schemas: user.schemas,
      id: 'u1',
      [URN.enterpriseUser]: { department: 'Engineering' },
    });
    expect(project(user, userProjection(`attributes=${URN.enterpriseUser}`))[URN.enterpriseUser]).toEqual({ department: 'Engineering' });
  });

  it('is the only way to get request-only attributes (User.groups)', () => {
    expect(project(user, userProjection('')).groups).toBeUndefined();
    expect(project(user, userProjection('attributes=groups')).groups).toEqual([{ value: 'g1' }]);
    expect(wants(userProjection(''), 'groups')).toBe(false);
    expect(wants(userProjection('attributes=groups'), 'groups')).toBe(true);
  });
});

describe('excludedAttributes=', () => {
  it('removes attributes and sub-attributes but never id', () => {
    const out = project(user, userProjection(`excludedAttributes=emails,name.formatted,id,${URN.enterpriseUser}:department`));
    expect(out.id).toBe('u1');
    expect(out.emails).toBeUndefined();
    expect(out.name).toEqual({ givenName: 'Ada', familyName: 'Lovelace' });
    expect(out[URN.enterpriseUser]).toBeUndefined();
    expect(out.userName).toBe('ada@contoso.test');
  });

  it('tells renderers to skip members when a group list excludes them', () => {
    const p = readProjection(new URLSearchParams('excludedAttributes=members'), GROUP_SCHEMA);
    expect(wants(p, 'members')).toBe(false);
    expect(wants(p, 'displayName')).toBe(true);
    expect(wants(readProjection(new URLSearchParams(''), GROUP_SCHEMA), 'members')).toBe(true);
  });

  it('loses to attributes= when both are given', () => {
    const out = project(user, userProjection('attributes=userName&excludedAttributes=userName'));
    expect(out.userName).toBe('ada@contoso.test');
    expect(out.meta).toBeUndefined();
  });
});
