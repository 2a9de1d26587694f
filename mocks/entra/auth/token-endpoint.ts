/**
 * `POST {login}/{tenant}/oauth2/v2.0/token`, client-credentials grant. Checks run in the order eSTS
 * reports them (tenant, app, scope, credential), so a request with several mistakes gets the error a
 * real tenant would give first.
 */
import type { HttpHandler } from 'msw';
import { route } from '../../core/route.js';
import type { RouteCall } from '../../faults/engine.js';
import { callIds } from '../call-ids.js';
import type { EntraEnv } from '../env.js';
import { GRAPH_APP_ID, GRAPH_RESOURCE, issueAccessToken, TOKEN_LIFETIME_SECONDS } from './access-token.js';
import { readTokenRequest } from './client-credentials.js';
import { stsCorrelationId } from './sts-dialect.js';
import { stsErrorResponse, type StsError } from './sts-error.js';
import { stsErrors } from './sts-errors.js';
import { isOwnTenant } from './tenant-match.js';

/** OpenID scopes MSAL may add; they never decide anything for an app-only token. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const GRAPH_DEFAULT_SCOPES = new Set([`${GRAPH_RESOURCE}/.default`, `${GRAPH_RESOURCE}//.default`, `${GRAPH_APP_ID}/.default`]);

export function tokenEndpoint(env: EntraEnv): HttpHandler {
  const { ctx, app } = env;
  return route(
    env.sts,
    { name: 'entra.token', method: 'POST', url: `${env.bases.login}/:tenant/oauth2/v2.0/token` },
    async ({ request, params, call }) => {
      const fail = (err: StsError, fault?: string) => ({ response: stsFailure(env, call, err), fault });
      const tenant = String(params.tenant);
      const body = await readTokenRequest(request);
      if (!body.grantType) return fail(stsErrors.missingGrantType());
      if (body.grantType !== 'client_credentials') return fail(stsErrors.unsupportedGrantType(body.grantType));
      if (!isOwnTenant(tenant, app)) return fail(stsErrors.unknownTenant(tenant));
      if (!body.clientId) return fail(stsErrors.missingClientId());
      if (body.clientId.toLowerCase() !== app.clientId) return fail(stsErrors.unknownClient(body.clientId, tenant));
      const scopes = (body.scope ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
      if (scopes.length === 0) return fail(stsErrors.missingScope());
      if (scopes.length !== 1 || !GRAPH_DEFAULT_SCOPES.has(scopes[0]!)) return fail(stsErrors.invalidScope(scopes.join(' ')));
      if (!body.clientSecret) {
        return fail(
          body.clientAssertion
            ? { status: 401, error: 'invalid_client', code: 700027, message: 'Client assertion failed signature validation.' }
            : stsErrors.missingSecret(),
        );
      }

      const hit = ctx.faults.check(call, ['expired-secret', 'revoked-credential']);
      if (hit?.spec.kind === 'revoked-credential') {
        const reason = hit.spec.params.reason ?? 'secret-deleted';
        const err =
          reason === 'app-disabled'
            ? stsErrors.disabledClient(app.clientId, app.displayName)
            : reason === 'app-deleted'
              ? stsErrors.unknownClient(app.clientId, tenant)
              : stsErrors.invalidSecret(app.clientId);
        return fail(err, hit.spec.text);
      }
      if (body.clientSecret !== app.clientSecret) return fail(stsErrors.invalidSecret(app.clientId), hit?.spec.text);
      if (hit?.spec.kind === 'expired-secret') {
        env.secret.expire(ctx.clock());
        return fail(stsErrors.expiredSecret(app.clientId), hit.spec.text);
      }

      const { token } = await issueAccessToken(ctx, app, await env.keys(), env.granted);
      ctx.issued.add('entra access token', token);
      return new Response(
        JSON.stringify({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: token }),
        {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
        },
      );
    },
  );
}

export function stsFailure(env: EntraEnv, call: RouteCall, err: StsError): Response {
  const ids = callIds(env.ctx, call);
  return stsErrorResponse(err, { traceId: ids.requestId, correlationId: stsCorrelationId(env.ctx, call), at: env.ctx.clock() }, env.bases.login);
}
