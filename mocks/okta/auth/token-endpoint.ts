/**
 * `POST {org}/oauth2/v1/token`, the client-credentials grant of an OAuth service app with a
 * `private_key_jwt` assertion (REFERENCE §8). A token is issued for the requested scopes the app is
 * granted (the subset when only some are, as Okta does); none granted is 400 consent_required. Tokens are
 * `Bearer` unless the app requires DPoP (`dpop` option, auth/dpop.ts): then the request needs a proof with a
 * server nonce (400 `use_dpop_nonce` and a `DPoP-Nonce` header first) and the token is `DPoP`, bound to the
 * proof's key. An app without DPoP ignores the proof the Node SDK always sends [U that Okta tolerates it].
 *
 * Faults: `revoked-credential` (the app's key was deactivated) refuses every assertion from then on with
 * invalid_client and ends the tokens issued; `expired-secret` here refuses the assertion as expired for
 * the calls it fires on (at `/api/v1` it ends the access token in use instead, see okta-route.ts);
 * `partial-consent` (`missing=<scope>`) takes scopes out of the app's grants for the calls it fires on.
 */
import type { HttpHandler } from 'msw';
import { endpointFaults } from '../../core/endpoint.js';
import { route, type RouteResult } from '../../core/route.js';
import type { OktaEnv } from '../env.js';
import { parseMissing } from '../scopes.js';
import { ACCESS_TOKEN_SECONDS } from './access-tokens.js';
import { verifyClientAssertion } from './client-assertion.js';
import { DpopProblem, verifyProof } from './dpop.js';
import { TokenFailure, tokenErrorResponse, tokenErrors } from './oauth-errors.js';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** How long a DPoP nonce is accepted [U]. */
const NONCE_SECONDS = 300;

const tokenUrl = (env: Pick<OktaEnv, 'orgUrl'>): string => `${env.orgUrl}/oauth2/v1/token`;

export function tokenEndpoint(env: OktaEnv): HttpHandler {
  const seen = new Map<string, number>();
  return route(env.runtime, { name: 'okta.token', method: 'POST', url: tokenUrl(env) }, async ({ request, call }): Promise<RouteResult> => {
    const { fault, done } = endpointFaults(env.ctx.faults, call);
    const now = Math.floor(env.ctx.clock().getTime() / 1000);
    try {
      const form = new URLSearchParams(await request.text());
      const grant = form.get('grant_type') ?? '';
      if (grant !== 'client_credentials') throw new TokenFailure(tokenErrors.unsupportedGrant(grant));
      const assertion = form.get('client_assertion');
      if (!assertion) throw new TokenFailure(tokenErrors.noAssertion());
      if (form.get('client_assertion_type') !== JWT_BEARER) throw new TokenFailure(tokenErrors.assertionType());
      // Before the assertion, whose jti a client may send again with the nonce it is told to use.
      const jkt = env.dpop ? await dpopKey(env, request, now) : undefined;
      const lost = fault(['expired-secret', 'revoked-credential']);
      if (lost?.spec.kind === 'revoked-credential') {
        env.credential.keyRevoked = true;
        env.tokens.end('revoked');
      }
      await verifyClientAssertion(assertion, {
        clientId: env.app.clientId,
        keyId: env.app.keyId,
        publicKey: env.app.publicKey,
        audience: tokenUrl(env),
        now,
        useJti: (jti, exp) => {
          for (const [old, until] of seen) if (until < now) seen.delete(old);
          if (seen.has(jti)) return false;
          seen.set(jti, exp);
          return true;
        },
      });
      if (env.credential.keyRevoked) throw new TokenFailure(tokenErrors.badSignature());
      if (lost?.spec.kind === 'expired-secret') throw new TokenFailure(tokenErrors.expired());
      const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
      if (requested.length === 0) throw new TokenFailure(tokenErrors.noScope());
      const consent = fault(['partial-consent']);
      const missing = new Set(consent ? parseMissing(consent.spec.params.missing) : []);
      const granted = requested.filter((s) => env.granted.includes(s) && !missing.has(s));
      if (granted.length === 0) throw new TokenFailure(tokenErrors.noneGranted());
      const { token } = env.tokens.issue(env.app.clientId, granted, jkt);
      const body = { token_type: jkt ? 'DPoP' : 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, access_token: token, scope: granted.join(' ') };
      return done(
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-cache, no-store', pragma: 'no-cache' },
        }),
      );
    } catch (error) {
      if (error instanceof TokenFailure)
        return done(tokenErrorResponse(error.err), { refusal: { code: error.err.error, message: error.err.description } });
      throw error;
    }
  });
}

/** The key a DPoP-requiring app's token will be bound to, once its proof carries a live nonce of ours. */
async function dpopKey(env: OktaEnv, request: Request, now: number): Promise<string> {
  let proof;
  try {
    proof = await verifyProof(request.headers.get('dpop'), { htm: 'POST', htu: tokenUrl(env), now });
  } catch (error) {
    if (error instanceof DpopProblem) throw new TokenFailure(tokenErrors.badProof(error.message));
    throw error;
  }
  for (const [nonce, until] of env.dpopNonces) if (until < now) env.dpopNonces.delete(nonce);
  if (proof.nonce === undefined || !env.dpopNonces.has(proof.nonce)) {
    const nonce = env.ctx.ids.token('okta:dpop-nonce', 32);
    env.dpopNonces.set(nonce, now + NONCE_SECONDS);
    throw new TokenFailure(tokenErrors.useNonce(nonce));
  }
  return proof.jkt;
}
