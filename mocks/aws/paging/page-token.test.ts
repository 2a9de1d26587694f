import { describe, expect, it } from 'vitest';
import { PageTokenCodec } from './page-token.js';

describe('PageTokenCodec', () => {
  const codec = new PageTokenCodec(7, 'marker');

  it('round-trips a state within its listing only', () => {
    const token = codec.encode('users', { after: 40, page: 3 });
    expect(token).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(codec.decode('users', token)).toEqual({ after: 40, page: 3 });
    expect(codec.decode('groups', token)).toBeUndefined();
  });

  it('refuses tampered, truncated and foreign tokens', () => {
    const token = codec.encode('users', { after: 40, page: 3, emptied: true });
    expect(codec.decode('users', token)).toEqual({ after: 40, page: 3, emptied: true });
    expect(codec.decode('users', token.slice(0, -4))).toBeUndefined();
    expect(codec.decode('users', `A${token.slice(1)}`)).toBeUndefined();
    expect(codec.decode('users', new PageTokenCodec(8, 'marker').encode('users', { after: 40, page: 3 }))).toBeUndefined();
    expect(codec.decode('users', new PageTokenCodec(7, 'next-token').encode('users', { after: 40, page: 3 }))).toBeUndefined();
  });
});
