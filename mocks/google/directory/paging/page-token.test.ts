import { describe, expect, it } from 'vitest';
import { DirectoryFailure } from '../errors.js';
import { PAGE_TOKEN_LIFETIME_SECONDS, PageTokenCodec } from './page-token.js';

describe('page tokens', () => {
  const codec = new PageTokenCodec(7);
  const now = 1_900_000_000;

  it('round-trip the state within their listing', () => {
    const token = codec.encode('users', { after: 42, page: 3, emptied: true }, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.decode('users', token, now + 10)).toEqual({ after: 42, page: 3, emptied: true });
  });

  it('refuse tampering, another listing, another seed and old age with 400 invalid', () => {
    const token = codec.encode('users', { after: 42, page: 3 }, now);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const attempt of [
      () => codec.decode('users', tampered, now),
      () => codec.decode('groups', token, now),
      () => new PageTokenCodec(8).decode('users', token, now),
      () => codec.decode('users', token, now + PAGE_TOKEN_LIFETIME_SECONDS + 1),
      () => codec.decode('users', 'garbage', now),
    ]) {
      expect(attempt).toThrow(DirectoryFailure);
      try {
        attempt();
      } catch (error) {
        expect((error as DirectoryFailure).status).toBe(400);
        expect((error as DirectoryFailure).reason).toBe('invalid');
      }
    }
  });
});
