import { describe, expect, it } from 'vitest';
import { ScimFailure } from '../wire/errors.js';
import { parseFilter, parsePatchPath } from './filter-parse.js';

const failure = (f: () => unknown): ScimFailure => {
  try {
    f();
  } catch (error) {
    if (error instanceof ScimFailure) return error;
    throw error;
  }
  throw new Error('expected a ScimFailure');
};

describe('parseFilter', () => {
  it('reads a comparison with case-insensitive operator and a JSON string value', () => {
    expect(parseFilter('userName EQ "a\\"b@x.test"')).toEqual({ kind: 'test', path: { attr: 'userName' }, test: { op: 'eq', value: 'a"b@x.test' } });
  });

  it('binds and tighter than or, and honours parentheses and not(...)', () => {
    const f = parseFilter('a pr or b eq 1 and c eq true');
    expect(f).toMatchObject({ kind: 'logical', op: 'or', right: { kind: 'logical', op: 'and' } });
    const g = parseFilter('not (a pr) and (b eq null or c eq false)');
    expect(g).toMatchObject({ kind: 'logical', op: 'and', left: { kind: 'not' }, right: { kind: 'logical', op: 'or' } });
  });

  it('reads URN-qualified paths, sub-attributes and value paths with a trailing sub-attribute', () => {
    expect(parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "IT"')).toMatchObject({
      path: { urn: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attr: 'department' },
    });
    expect(parseFilter('name.givenName sw "A"')).toMatchObject({ path: { attr: 'name', sub: 'givenName' }, test: { op: 'sw' } });
    expect(parseFilter('emails[type eq "work" and value co "@x"].value eq "a@x"')).toMatchObject({
      kind: 'valuePath',
      path: { attr: 'emails' },
      filter: { kind: 'logical', op: 'and' },
      sub: { name: 'value', test: { op: 'eq', value: 'a@x' } },
    });
  });

  it.each([
    ['userName eq', 'unexpected end'],
    ['userName like "x"', "unknown operator 'like'"],
    ['userName eq "open', 'unterminated string'],
    ['userName eq bare', 'expected a value'],
    ['not userName pr', "expected '(' after not"],
    ['(userName pr', "expected ')'"],
    ['emails[type eq "a"[value pr]]', "expected ']'"],
    ['userName pr extra', "unexpected 'extra'"],
    ['', 'unexpected end'],
  ])('rejects %j as invalidFilter (%s)', (text, reason) => {
    const error = failure(() => parseFilter(text));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.detail).toContain(reason);
  });
});

describe('parsePatchPath', () => {
  it('reads a plain path and a value path with its filter', () => {
    expect(parsePatchPath('members')).toEqual({ path: { attr: 'members' } });
    expect(parsePatchPath('members[value eq "abc"]')).toMatchObject({
      path: { attr: 'members' },
      filter: { kind: 'test', test: { op: 'eq', value: 'abc' } },
    });
  });

  it('reports bad paths as invalidPath', () => {
    expect(failure(() => parsePatchPath('members[value eq "x"')).scimType).toBe('invalidPath');
    expect(failure(() => parsePatchPath('"members"')).scimType).toBe('invalidPath');
  });
});
