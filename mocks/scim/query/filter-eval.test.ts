import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA } from '../schema/definitions.js';
import { URN } from '../schema/urns.js';
import { ScimFailure } from '../wire/errors.js';
import { compileFilter, type Resource } from './filter-eval.js';
import { parseFilter } from './filter-parse.js';

const ada: Resource = {
  id: 'a1b2',
  externalId: 'Ext-1',
  userName: 'Ada.Lovelace@contoso.test',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  displayName: 'Ada Lovelace',
  active: true,
  emails: [
    { value: 'ada@contoso.test', type: 'work', primary: true },
    { value: 'ada@home.test', type: 'home' },
  ],
  [URN.enterpriseUser]: { department: 'Engineering' },
  meta: { created: '2024-03-01T00:00:00.000Z' },
};
const svc: Resource = {
  id: 'c3',
  userName: 'svc-backup@contoso.test',
  displayName: 'Backup',
  active: false,
  emails: [{ value: 'svc-backup@contoso.test', type: 'work' }],
};

const matches = (filter: string, r: Resource = ada) => compileFilter(parseFilter(filter), USER_SCHEMA).matches(r);

describe('compileFilter', () => {
  it('compares userName and emails ignoring case, id and externalId exactly (caseExact)', () => {
    expect(matches('userName eq "ada.lovelace@CONTOSO.test"')).toBe(true);
    expect(matches('externalId eq "ext-1"')).toBe(false);
    expect(matches('externalId eq "Ext-1"')).toBe(true);
    expect(matches('id eq "A1B2"')).toBe(false);
    expect(matches('emails.value eq "ADA@home.test"')).toBe(true);
  });

  it('supports sw, co, ew, pr, ne, and/or/not', () => {
    expect(matches('userName sw "ada."')).toBe(true);
    expect(matches('displayName co "love"')).toBe(true);
    expect(matches('userName ew "@contoso.test" and not (active eq false)')).toBe(true);
    expect(matches('title pr')).toBe(false);
    expect(matches('name.givenName pr')).toBe(true);
    expect(matches('displayName ne "Ada Lovelace" or active eq true')).toBe(true);
    expect(matches('displayName ne "Ada Lovelace"')).toBe(false);
    expect(matches('active eq false', svc)).toBe(true);
  });

  it('matches a multi-valued attribute when any value matches, and complex attributes by their value', () => {
    expect(matches('emails co "home.test"')).toBe(true);
    expect(matches('emails[type eq "work"].value eq "ada@home.test"')).toBe(false);
    expect(matches('emails[type eq "home" and value ew "home.test"]')).toBe(true);
    expect(matches('emails[type eq "work"].value eq "ada@contoso.test"')).toBe(true);
  });

  it('reads extension attributes, qualified or not, and compares dateTimes as instants', () => {
    expect(matches(`${URN.enterpriseUser}:department eq "engineering"`)).toBe(true);
    expect(matches('department eq "Engineering"')).toBe(true);
    expect(matches('meta.created gt "2024-02-29T23:00:00-00:30"')).toBe(true);
    expect(matches('meta.created lt "2024-03-01T01:00:00+02:00"')).toBe(false);
  });

  it('knows which top-level attributes it reads', () => {
    expect([...compileFilter(parseFilter('members[value eq "x"] or displayName pr'), GROUP_SCHEMA).attributes].sort()).toEqual([
      'displayName',
      'members',
    ]);
  });

  it.each([
    ['nickName eq "x"', 'not defined for User'],
    ['name eq "Ada"', 'is complex'],
    ['active gt true', 'boolean'],
    ['emails[nope eq "x"]', "'nope' is not a sub-attribute of 'emails'"],
    ['userName co 3', 'needs a string'],
    ['meta.created gt "yesterday"', 'not a dateTime'],
  ])('refuses %j with 400 invalidFilter', (text, reason) => {
    let error: unknown;
    try {
      matches(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimFailure);
    expect((error as ScimFailure).scimType).toBe('invalidFilter');
    expect((error as ScimFailure).detail).toContain(reason);
  });
});
