import { describe, expect, it } from 'vitest';
import type { GraphFailure } from '../errors.js';
import { SkipTokenCodec } from './skiptoken.js';

describe('skiptoken', () => {
  const codec = new SkipTokenCodec(42);

  it('round-trips the resume point, page and empty-served flag', () => {
    const token = codec.encode('users', { after: 117, page: 3, emptied: true });
    expect(token).toMatch(/^RFNwdAIA[A-Za-z0-9_-]+$/);
    expect(codec.decode('users', token)).toEqual({ after: 117, page: 3, emptied: true });
  });

  it('is deterministic for the same seed and state', () => {
    expect(new SkipTokenCodec(42).encode('groups', { after: 5, page: 2 })).toBe(codec.encode('groups', { after: 5, page: 2 }));
  });

  const expired = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as GraphFailure).code;
    }
    return 'no error';
  };

  it('refuses a token from another listing, another seed, or altered', () => {
    const token = codec.encode('users', { after: 10, page: 2 });
    expect(expired(() => codec.decode('groups', token))).toBe('Directory_ExpiredPageToken');
    expect(expired(() => new SkipTokenCodec(43).decode('users', token))).toBe('Directory_ExpiredPageToken');
    const bytes = Buffer.from(token, 'base64url');
    bytes[10] = bytes[10]! ^ 1;
    expect(expired(() => codec.decode('users', bytes.toString('base64url')))).toBe('Directory_ExpiredPageToken');
    expect(expired(() => codec.decode('users', 'garbage'))).toBe('Directory_ExpiredPageToken');
    expect(expired(() => codec.decode('users', ''))).toBe('Directory_ExpiredPageToken');
  });
});
