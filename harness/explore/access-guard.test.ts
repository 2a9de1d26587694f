import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkAccess, newToken, tokenCookie } from './access-guard.js';

const served = 'http://127.0.0.1:4100';
const token = 'tok-123';
const TOKEN_COOKIE = 'sync_harness_explore_4100';

function request(url: string, headers: Record<string, string> = {}): IncomingMessage {
  return { url, headers: { host: '127.0.0.1:4100', ...headers } } as unknown as IncomingMessage;
}

describe('checkAccess', () => {
  it('takes the token once from the URL, sets the cookie and sends the browser on without it', () => {
    const verdict = checkAccess(request('/resources?q=ada&token=tok-123'), served, token);
    expect(verdict).toEqual({ ok: true, setCookie: `${TOKEN_COOKIE}=tok-123; HttpOnly; SameSite=Strict; Path=/`, redirect: '/resources?q=ada' });
  });

  it('accepts the cookie afterwards', () => {
    expect(checkAccess(request('/', { cookie: `other=1; ${TOKEN_COOKIE}=tok-123` }), served, token)).toEqual({ ok: true });
  });

  it('refuses a missing or wrong token', () => {
    expect(checkAccess(request('/'), served, token)).toMatchObject({ ok: false, status: 403, message: expect.stringContaining('no token') });
    expect(checkAccess(request('/?token=nope'), served, token)).toMatchObject({ ok: false, message: expect.stringContaining('wrong token') });
    expect(checkAccess(request('/', { cookie: `${TOKEN_COOKIE}=nope` }), served, token)).toMatchObject({
      ok: false,
      message: expect.stringContaining('wrong token'),
    });
  });

  it('refuses a foreign Host or Origin even with the token, as the admin API does', () => {
    expect(checkAccess(request('/?token=tok-123', { host: 'evil.example:4100' }), served, token)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^explore refused: Host/),
    });
    expect(checkAccess(request('/?token=tok-123', { origin: 'http://evil.example' }), served, token)).toMatchObject({
      ok: false,
      message: expect.stringContaining('web page at'),
    });
    expect(checkAccess(request('/', { origin: 'http://127.0.0.1:4100', cookie: `${TOKEN_COOKIE}=tok-123` }), served, token)).toEqual({ ok: true });
  });

  it('names the cookie for the port, so explorers side by side keep their own', () => {
    expect(tokenCookie(served)).toBe(TOKEN_COOKIE);
    expect(checkAccess(request('/', { cookie: `sync_harness_explore_4101=tok-123` }), served, token)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no token'),
    });
  });

  it('lets anyone on loopback in with --no-token', () => {
    expect(checkAccess(request('/'), served, undefined)).toEqual({ ok: true });
  });

  it('makes tokens that differ and carry 256 bits', () => {
    expect(newToken()).not.toBe(newToken());
    expect(Buffer.from(newToken(), 'base64url')).toHaveLength(32);
  });
});
