/**
 * Who may read the explorer: a client that addressed this server by a loopback name, is not a web page
 * from elsewhere (the admin API's Host and Origin rules, shared from mocks/serve/admin-guard.ts), and shows
 * the token printed in the URL. The token comes once as `?token=`, and is then kept in a cookie limited to
 * this origin, so links inside the pages need not carry it. Customer data is on these pages: another local
 * user, or a site open in the same browser, must not read them.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { adminRefusal } from '../../mocks/serve/admin-guard.js';

/**
 * The cookie holding the token, named for the port: cookies are kept per host, not per port, so two
 * explorers open side by side (a sync and a diff) would otherwise overwrite each other's.
 */
export function tokenCookie(served: string): string {
  return `sync_harness_explore_${new URL(served).port}`;
}

/** 32 random bytes, URL-safe: as unguessable as a notebook server's token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export type Verdict =
  | { ok: true; setCookie?: string /** The URL without its token, to send the browser on to. */; redirect?: string }
  | { ok: false; status: 403; message: string };

export function checkAccess(request: IncomingMessage, served: string, token: string | undefined): Verdict {
  const origin = request.headers.origin;
  const refusal = adminRefusal(request.headers.host, origin, served);
  // The shared guard words its refusal for the admin API; the rule is the same here.
  if (refusal)
    return {
      ok: false,
      status: 403,
      message: refusal.replace(/^admin API refused/, 'explore refused').replace('may call /__harness/', 'may read it'),
    };
  if (token === undefined) return { ok: true };
  const url = new URL(request.url ?? '/', served);
  const given = url.searchParams.get('token');
  if (given !== null) {
    if (!same(given, token))
      return { ok: false, status: 403, message: 'explore refused: wrong token (open the URL explore printed, token included)' };
    url.searchParams.delete('token');
    return { ok: true, setCookie: `${tokenCookie(served)}=${token}; HttpOnly; SameSite=Strict; Path=/`, redirect: `${url.pathname}${url.search}` };
  }
  const cookie = cookieValue(request.headers.cookie, tokenCookie(served));
  if (cookie === undefined) return { ok: false, status: 403, message: 'explore refused: no token (open the URL explore printed, token included)' };
  if (!same(cookie, token)) return { ok: false, status: 403, message: 'explore refused: wrong token (open the URL explore printed, token included)' };
  return { ok: true };
}

function same(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
