/**
 * Who is calling `/api/v1` (REFERENCE §6, §8): `Authorization: SSWS <token>` (the admin's API token, all of
 * its admin's reads), or `Bearer <access token>` / `DPoP <access token>` from the org authorization server
 * (the scopes granted to the service app). A bad, expired or revoked SSWS token, or none, is 401 E0000011
 * in Okta's JSON; an OAuth token that is unknown, expired or revoked is 401 with an empty body and
 * `WWW-Authenticate: Bearer … error="invalid_token"` (body [U], empty per okta-sdk-dotnet#795), and one
 * short of the route's scope 403 with an empty body and `error="insufficient_scope"` (okta-sdk-golang#145).
 */
import type { OktaEnv } from '../env.js';
import { OktaFailure, oktaErrors } from '../wire/errors.js';
import { DpopProblem, verifyProof } from './dpop.js';

export type Caller = { kind: 'ssws' } | { kind: 'oauth'; token: string; scopes: readonly string[]; scheme: 'Bearer' | 'DPoP' };

export async function authenticate(env: OktaEnv, request: Request): Promise<Caller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^(SSWS|Bearer|DPoP)[ \t]+(\S+)\s*$/i.exec(header);
  if (!match) throw oktaErrors.invalidToken();
  const scheme = match[1]!.toUpperCase();
  const presented = match[2]!;
  if (scheme === 'SSWS') {
    if (presented !== env.token || env.credential.sswsLost) throw oktaErrors.invalidToken();
    return { kind: 'ssws' };
  }
  const found = env.tokens.find(presented);
  // An SSWS token sent as a Bearer token is not an access token either ([U] what Okta says to that).
  const asked = scheme === 'DPOP' ? 'DPoP' : 'Bearer';
  if (found === undefined || found === 'ended') throw invalidAccessToken(env, asked);
  // A DPoP-bound token only with the DPoP scheme and a proof by its key; a Bearer token only as Bearer [U].
  if ((found.jkt !== undefined) !== (asked === 'DPoP')) throw invalidAccessToken(env, asked);
  if (found.jkt !== undefined) {
    const url = new URL(request.url);
    try {
      const proof = await verifyProof(request.headers.get('dpop'), {
        htm: request.method,
        htu: `${url.origin}${url.pathname}`,
        now: Math.floor(env.ctx.clock().getTime() / 1000),
        accessToken: presented,
      });
      if (proof.jkt !== found.jkt) throw new DpopProblem('The DPoP proof JWT is not signed by the key the access token is bound to.');
    } catch (error) {
      if (error instanceof DpopProblem) throw invalidProof(env, error.message);
      throw error;
    }
  }
  return { kind: 'oauth', token: presented, scopes: found.scopes, scheme: asked };
}

function challenge(env: OktaEnv, scheme: 'Bearer' | 'DPoP'): string {
  // Both reports show http:// for realm and authorization_uri [I golang#145, terraform#2375].
  const org = env.orgUrl.replace(/^https:/, 'http:');
  const algs = scheme === 'DPoP' ? ' algs="RS256 RS384 RS512 ES256 ES384 ES512",' : '';
  return `${scheme}${algs} authorization_uri="${org}/oauth2/v1/authorize", realm="${org}"`;
}

export function invalidAccessToken(env: OktaEnv, scheme: 'Bearer' | 'DPoP'): OktaFailure {
  const value = `${challenge(env, scheme)}, error="invalid_token", error_description="The access token is invalid."`;
  return new OktaFailure(401, 'invalid_token', 'The access token is invalid.', [], { 'www-authenticate': value }, true);
}

function invalidProof(env: OktaEnv, description: string): OktaFailure {
  const value = `${challenge(env, 'DPoP')}, error="invalid_dpop_proof", error_description="${description}"`;
  return new OktaFailure(401, 'invalid_dpop_proof', description, [], { 'www-authenticate': value }, true);
}

export function insufficientScope(env: OktaEnv, scheme: 'Bearer' | 'DPoP', scope: string, path: string): OktaFailure {
  const value = `${challenge(env, scheme)}, scope="${scope}", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="${path}"`;
  return new OktaFailure(
    403,
    'insufficient_scope',
    'The access token provided does not contain the required scopes.',
    [],
    { 'www-authenticate': value },
    true,
  );
}
