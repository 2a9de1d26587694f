/**
 * The interactive endpoints a connector's setup flow sends an administrator to. Nobody clicks anything in
 * a simulation, so they answer with the error redirects a real tenant gives when consent does not happen:
 *   adminconsent                   -> AADSTS65004 (the administrator declined), error_subcode=cancel
 *   authorize, prompt=none         -> AADSTS65001 consent_required (silent sign-in, nothing consented)
 *   authorize, prompt=consent|admin_consent -> AADSTS65004 declined, error_subcode=cancel
 *   authorize, otherwise           -> AADSTS90094 (the permissions need an administrator's consent)
 * Without a usable redirect (unknown tenant or app, no redirect_uri) eSTS shows an error page instead.
 */
import type { HttpHandler } from 'msw';
import { escapeText } from '../../../lib/markup-escape.js';
import { route } from '../../core/route.js';
import type { RouteCall } from '../../faults/engine.js';
import { callIds } from '../call-ids.js';
import type { EntraEnv } from '../env.js';
import { stsCorrelationId } from './sts-dialect.js';
import { stsDescription, type StsError } from './sts-error.js';
import { stsErrors } from './sts-errors.js';
import { isOwnTenant } from './tenant-match.js';

export function consentEndpoints(env: EntraEnv): HttpHandler[] {
  const { login } = env.bases;
  return [
    route(env.sts, { name: 'entra.adminconsent', method: 'GET', url: `${login}/:tenant/adminconsent` }, ({ params, call }) =>
      answer(env, call, String(params.tenant), () => stsErrors.userDeclined()),
    ),
    route(env.sts, { name: 'entra.authorize', method: 'GET', url: `${login}/:tenant/oauth2/v2.0/authorize` }, ({ params, call }) =>
      answer(env, call, String(params.tenant), (query) => {
        const prompt = query.get('prompt');
        if (prompt === 'none') return stsErrors.consentMissing(env.app.clientId, env.app.displayName);
        if (prompt === 'consent' || prompt === 'admin_consent') return stsErrors.userDeclined();
        return stsErrors.adminConsentRequired();
      }),
    ),
  ];
}

function answer(env: EntraEnv, call: RouteCall, tenant: string, outcome: (query: URLSearchParams) => StsError): Response {
  const query = call.url.searchParams;
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri');
  const ids = { traceId: callIds(env.ctx, call).requestId, correlationId: stsCorrelationId(env.ctx, call), at: env.ctx.clock() };
  if (!isOwnTenant(tenant, env.app)) return errorPage(stsDescription(stsErrors.unknownTenant(tenant), ids), 400);
  if (clientId.toLowerCase() !== env.app.clientId) return errorPage(stsDescription(stsErrors.unknownClient(clientId, tenant), ids), 400);
  if (!redirectUri) return errorPage(stsDescription(stsErrors.missingRedirectUri(), ids), 400);

  const err = outcome(query);
  const out = new URLSearchParams({ error: err.error, error_description: stsDescription(err, ids) });
  if (err.code === 65004) out.set('error_subcode', 'cancel');
  out.set('error_uri', `${env.bases.login}/error?code=${err.code}`);
  const state = query.get('state');
  if (state !== null) out.set('state', state);
  const target = new URL(redirectUri);
  if (query.get('response_mode') === 'fragment') target.hash = out.toString();
  else for (const [k, v] of out) target.searchParams.set(k, v);
  return new Response(null, { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store, no-cache' } });
}

function errorPage(description: string, status: number): Response {
  const escaped = escapeText(description).replace(/\r\n/g, '<br>');
  return new Response(
    `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><div id="error">${escaped}</div></body></html>`,
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
  );
}
