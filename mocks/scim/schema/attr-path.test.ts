import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA } from './definitions.js';
import { parseAttrPath, resolveAttrPath } from './attr-path.js';
import { URN } from './urns.js';

const resolve = (text: string, schema = USER_SCHEMA) => resolveAttrPath(schema, parseAttrPath(text)!);

describe('attribute paths', () => {
  it('parse plain, dotted and URN-qualified names, and refuse others', () => {
    expect(parseAttrPath('name.givenName')).toEqual({ attr: 'name', sub: 'givenName' });
    expect(parseAttrPath(`${URN.user}:userName`)).toEqual({ urn: URN.user, attr: 'userName' });
    expect(parseAttrPath('members.$ref')).toEqual({ attr: 'members', sub: '$ref' });
    expect(parseAttrPath('a.b.c')).toBeUndefined();
    expect(parseAttrPath('1abc')).toBeUndefined();
  });

  it('resolve case-insensitively to canonical definitions, core before extensions', () => {
    expect(resolve('USERNAME')).toMatchObject({ kind: 'attribute', def: { name: 'userName', caseExact: false } });
    expect(resolve('ID')).toMatchObject({ def: { name: 'id', caseExact: true, returned: 'always' } });
    expect(resolve('department')).toMatchObject({ container: URN.enterpriseUser, def: { name: 'department' } });
    expect(resolve(`${URN.enterpriseUser.toUpperCase()}:Department`)).toMatchObject({ container: URN.enterpriseUser });
    expect(resolve(URN.enterpriseUser)).toEqual({ kind: 'extension', container: URN.enterpriseUser });
    expect(resolve('members.VALUE', GROUP_SCHEMA)).toMatchObject({ def: { name: 'members' }, sub: { name: 'value' } });
  });

  it('resolve nothing for names the schema does not define', () => {
    expect(resolve('members')).toBeUndefined();
    expect(resolve('name.middleName')).toBeUndefined();
    expect(resolve(`${URN.group}:displayName`)).toBeUndefined();
  });
});
