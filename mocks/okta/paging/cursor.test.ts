import { describe, expect, it } from 'vitest';
import { OktaFailure } from '../wire/errors.js';
import { CursorCodec } from './cursor.js';
import { pageLimit } from './limits.js';

describe('after cursors', () => {
  it('round-trip within their listing and are refused elsewhere or when altered (E0000029)', () => {
    const codec = new CursorCodec(3);
    const cursor = codec.encode('/api/v1/users?', { after: 40, page: 3 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.decode('/api/v1/users?', cursor)).toEqual({ after: 40, page: 3 });
    for (const [listing, text] of [
      ['/api/v1/groups?', cursor],
      ['/api/v1/users?', `${cursor.slice(0, -2)}AA`],
      ['/api/v1/users?', '00u1'],
    ] as const) {
      expect(() => codec.decode(listing, text)).toThrow(OktaFailure);
    }
    expect(() => new CursorCodec(4).decode('/api/v1/users?', cursor)).toThrow(/E0000029/);
  });
});

describe('page limits', () => {
  const url = (q: string) => new URL(`https://acme.okta.com/api/v1/users${q}`);
  it('default, clamp to the maximum, and refuse what is not a positive whole number', () => {
    expect(pageLimit(url(''), 'okta.users.list')).toBe(200);
    expect(pageLimit(url('?limit=1000'), 'okta.users.list')).toBe(200);
    expect(pageLimit(url('?limit=1000'), 'okta.members.list')).toBe(1000);
    expect(pageLimit(url('?limit=7'), 'okta.appUsers.list')).toBe(7);
    expect(pageLimit(url(''), 'okta.appUsers.list')).toBe(50);
    for (const bad of ['0', '-3', 'ten', '2.5']) expect(() => pageLimit(url(`?limit=${bad}`), 'okta.users.list')).toThrow(/E0000001/);
  });
});
