import type { admin_directory_v1 } from '@googleapis/admin';
import { describe, expect, it } from 'vitest';
import { DirectoryFailure } from './errors.js';
import { GROUP_QUERY, parseQuery, USER_QUERY } from './search-query.js';

const ada: admin_directory_v1.Schema$User = {
  primaryEmail: 'ada.lovelace@contoso.test',
  emails: [{ address: 'ada.lovelace@contoso.test', primary: true }, { address: 'ada.lovelace@contoso.test.test-google-a.com' }],
  name: { givenName: 'Ada', familyName: 'Lovelace', fullName: 'Ada Lovelace' },
  orgUnitPath: '/Research',
  isAdmin: true,
  suspended: false,
};
const bob: admin_directory_v1.Schema$User = {
  primaryEmail: 'bob@contoso.test',
  name: { givenName: 'Bob', familyName: 'Byte', fullName: 'Bob Byte' },
  orgUnitPath: '/Sales',
  isAdmin: false,
  suspended: true,
};

const matches = (q: string) => [ada, bob].filter(parseQuery(q, USER_QUERY)).map((u) => u.primaryEmail);

describe('search query', () => {
  it('matches prefixes, whole values and exact values, any case', () => {
    expect(matches('email:ada*')).toEqual(['ada.lovelace@contoso.test']);
    expect(matches('email:ADA.LOVELACE@contoso.test')).toEqual(['ada.lovelace@contoso.test']);
    expect(matches('givenName:Bo')).toEqual([]);
    expect(matches("name:'Bob Byte'")).toEqual(['bob@contoso.test']);
    expect(matches('orgUnitPath=/Sales')).toEqual(['bob@contoso.test']);
  });

  it('combines terms and flags', () => {
    expect(matches('isSuspended=true')).toEqual(['bob@contoso.test']);
    expect(matches('isAdmin=true email:bob*')).toEqual([]);
    expect(matches('lovelace')).toEqual(['ada.lovelace@contoso.test']);
    expect(matches('')).toEqual(['ada.lovelace@contoso.test', 'bob@contoso.test']);
  });

  it('refuses fields it does not simulate', () => {
    expect(() => parseQuery('manager:ada@contoso.test', USER_QUERY)).toThrow(DirectoryFailure);
    expect(() => parseQuery('isAdmin=maybe', USER_QUERY)).toThrow(DirectoryFailure);
    expect(() => parseQuery('givenName:Ada', GROUP_QUERY)).toThrow(DirectoryFailure);
  });
});

describe('groups.list query', () => {
  it('matches group emails and names', () => {
    const groups = [
      { email: 'sales-team@contoso.test', name: 'Sales Team' },
      { email: 'ops@contoso.test', name: 'Operations' },
    ];
    expect(groups.filter(parseQuery('email:sales*', GROUP_QUERY)).map((g) => g.name)).toEqual(['Sales Team']);
    expect(groups.filter(parseQuery("name:'operations'", GROUP_QUERY)).map((g) => g.name)).toEqual(['Operations']);
  });
});
