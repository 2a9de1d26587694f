/**
 * Bearer authentication in front of every call (RFC 6750 §3): no credentials get a bare
 * `WWW-Authenticate: Bearer realm="..."`; a wrong, expired or revoked token adds `error="invalid_token"`
 * and a description. Both are 401 with a SCIM error body (reference D).
 */
import type { ScimEnv } from './env.js';
import { ScimFailure } from './wire/errors.js';

export const authMessages = {
  missing: 'Authorization failure. The authorization header is missing or is not a Bearer token.',
  invalid: 'Authorization failure. The access token is invalid.',
  expired: 'Authorization failure. The access token expired.',
  revoked: 'Authorization failure. The access token has been revoked.',
};

export function authenticate(env: ScimEnv, request: Request): void {
  const header = request.headers.get('authorization') ?? '';
  const match = header.match(/^Bearer[ \t]+(\S+)\s*$/i);
  if (!match) throw unauthorized(env, authMessages.missing);
  if (match[1] !== env.token) throw unauthorized(env, authMessages.invalid, 'The access token is invalid');
  const lost = env.credential.lost;
  if (lost?.kind === 'expired') throw unauthorized(env, authMessages.expired, 'The access token expired');
  if (lost?.kind === 'revoked') throw unauthorized(env, authMessages.revoked, 'The access token has been revoked');
}

function unauthorized(env: ScimEnv, detail: string, description?: string): ScimFailure {
  const realm = `Bearer realm="${new URL(env.base).host}"`;
  const challenge = description ? `${realm}, error="invalid_token", error_description="${description}"` : realm;
  return new ScimFailure(401, detail, undefined, { 'www-authenticate': challenge });
}
