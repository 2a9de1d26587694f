/**
 * `POST {oauth}/token`, the JWT-bearer grant a service account uses (reference B1). Checks run in this
 * order: the grant type, the assertion (account, signature, audience, lifetime), the scopes against the
 * domain-wide delegation grant, and last the impersonated user. Google does not document its order; this
 * one reports the most basic mistake first, so an assertion with several gets one stable answer.
 *
 * Faults: `expired-secret` and `revoked-credential` both mean the service account key was deleted (Google
 * keys do not expire by default; a deleted or disabled key is what a connector meets): the assertion's
 * signature no longer verifies, `invalid_grant` "Invalid JWT Signature.". Access tokens already issued stay
 * valid until their own expiry, as Google does not revoke them with the key. `partial-consent`
 * (`missing=<scope>`) removes scopes from the delegation grant for the calls it fires on.
 */
import type { HttpHandler } from 'msw';
import { route, type RouteResult } from '../../core/route.js';
import { userByKey } from '../directory/lookup.js';
import { GOOGLE_TOKEN_URL, type GoogleEnv } from '../env.js';
import { parseMissing } from '../scopes.js';
import { verifyAssertion } from './assertion.js';
import { OAuthFailure, oauthErrorResponse, oauthErrors, type OAuthError } from './oauth-errors.js';
import { TOKEN_LIFETIME_SECONDS } from './token-store.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export function tokenUri(env: Pick<GoogleEnv, 'bases'>): string {
  return `${env.bases.oauth}/token`;
}

export function tokenEndpoint(env: GoogleEnv): HttpHandler {
  const { ctx, account } = env;
  return route(env.oauth, { name: 'google.token', method: 'POST', url: tokenUri(env) }, async ({ request, call }): Promise<RouteResult> => {
    const fired: string[] = [];
    const fail = (err: OAuthError): RouteResult => ({ response: oauthErrorResponse(err), ...(fired.length ? { fault: fired.join('; ') } : {}) });
    const form = new URLSearchParams(await request.text());
    const grantType = form.get('grant_type') ?? '';
    if (grantType !== JWT_BEARER) return fail(oauthErrors.unsupportedGrantType(grantType));
    const assertion = form.get('assertion');
    if (!assertion) return fail(oauthErrors.missingAssertion());

    const deleted = ctx.faults.check(call, ['expired-secret', 'revoked-credential']);
    if (deleted) {
      fired.push(deleted.spec.text);
      return fail(oauthErrors.invalidSignature());
    }
    let claims;
    try {
      claims = await verifyAssertion(assertion, {
        publicKey: account.publicKey,
        clientEmail: account.clientEmail,
        // gtoken signs for Google's URL whatever the key file says; clients that honour token_uri sign for ours.
        audiences: [...new Set([tokenUri(env), GOOGLE_TOKEN_URL])],
        now: Math.floor(ctx.clock().getTime() / 1000),
      });
    } catch (error) {
      if (error instanceof OAuthFailure) return fail(error.err);
      throw error;
    }
    if (claims.scopes.length === 0) return fail(oauthErrors.missingScope());

    if (claims.sub !== undefined) {
      // Domain-wide delegation: every requested scope must be in the client's grant.
      if (!env.domainWideDelegation) return fail(oauthErrors.unauthorizedClient());
      const consent = ctx.faults.check(call, ['partial-consent']);
      if (consent) fired.push(consent.spec.text);
      const missing = new Set(consent ? parseMissing(consent.spec.params.missing) : []);
      const granted = new Set(env.granted.filter((scope) => !missing.has(scope)));
      if (!claims.scopes.every((scope) => granted.has(scope))) return fail(oauthErrors.unauthorizedClient());
      if (!userByKey(ctx.tenant, claims.sub)) return fail(oauthErrors.unknownSubject());
    }

    const { token } = env.tokens.issue({ subject: claims.sub, scopes: claims.scopes });
    return {
      response: new Response(JSON.stringify({ access_token: token, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer' }, null, 2), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }),
      ...(fired.length ? { fault: fired.join('; ') } : {}),
    };
  });
}
