/**
 * The metadata documents MSAL fetches before its first token request when the authority host is not one
 * it knows by heart (login.microsoftonline.com and the sovereign clouds are hard-coded, reference A1): a
 * loopback or proxy authority needs instance discovery and the tenant's OpenID configuration. The signing
 * keys are published too, so a connector that validates tokens can.
 */
import type { HttpHandler } from 'msw';
import { route } from '../../core/route.js';
import type { EntraEnv } from '../env.js';
import { stsFailure } from './token-endpoint.js';
import { stsErrors } from './sts-errors.js';
import { isOwnTenant } from './tenant-match.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
/** MSAL always asks the public cloud's discovery endpoint, whatever authority it was given. */
const PUBLIC_LOGIN = 'https://login.microsoftonline.com';

export function discoveryEndpoints(env: EntraEnv): HttpHandler[] {
  const { login, graph } = env.bases;
  const loginHosts = login === PUBLIC_LOGIN ? [login] : [login, PUBLIC_LOGIN];
  return [
    ...loginHosts.map((host) =>
      route(env.sts, { name: 'entra.instance-discovery', method: 'GET', url: `${host}/common/discovery/instance` }, ({ call }) => {
        const authorize = call.url.searchParams.get('authorization_endpoint');
        const authority = authorize ? safeUrl(authorize) : undefined;
        const asked = authority?.host ?? new URL(login).host;
        const tenant = authority?.pathname.split('/')[1] || 'common';
        const origin = authority ? `${authority.protocol}//${authority.host}` : login;
        return new Response(
          JSON.stringify({
            tenant_discovery_endpoint: `${origin}/${tenant}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: asked, preferred_cache: asked, aliases: [asked] }],
          }),
          { headers: JSON_HEADERS },
        );
      }),
    ),
    route(
      env.sts,
      { name: 'entra.openid-configuration', method: 'GET', url: `${login}/:tenant/v2.0/.well-known/openid-configuration` },
      ({ params, call }) => {
        const tenant = String(params.tenant);
        if (!isOwnTenant(tenant, env.app) && !['common', 'organizations'].includes(tenant))
          return stsFailure(env, call, stsErrors.unknownTenant(tenant));
        const tid = env.app.tenantId;
        const at = (path: string) => `${login}/${tid}${path}`;
        return new Response(
          JSON.stringify({
            token_endpoint: at('/oauth2/v2.0/token'),
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
            jwks_uri: at('/discovery/v2.0/keys'),
            response_modes_supported: ['query', 'fragment', 'form_post'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            issuer: at('/v2.0'),
            request_uri_parameter_supported: false,
            userinfo_endpoint: `${graph}/oidc/userinfo`,
            authorization_endpoint: at('/oauth2/v2.0/authorize'),
            device_authorization_endpoint: at('/oauth2/v2.0/devicecode'),
            http_logout_supported: true,
            frontchannel_logout_supported: true,
            end_session_endpoint: at('/oauth2/v2.0/logout'),
            claims_supported: [
              'sub',
              'iss',
              'cloud_instance_name',
              'cloud_instance_host_name',
              'cloud_graph_host_name',
              'msgraph_host',
              'aud',
              'exp',
              'iat',
              'auth_time',
              'acr',
              'nonce',
              'preferred_username',
              'name',
              'tid',
              'ver',
              'at_hash',
              'c_hash',
              'email',
            ],
            kerberos_endpoint: at('/kerberos'),
            tenant_region_scope: 'NA',
            cloud_instance_name: 'microsoftonline.com',
            cloud_graph_host_name: 'graph.windows.net',
            msgraph_host: new URL(graph).host,
            rbac_url: 'https://pas.windows.net',
          }),
          { headers: JSON_HEADERS },
        );
      },
    ),
    route(env.sts, { name: 'entra.keys', method: 'GET', url: `${login}/:tenant/discovery/v2.0/keys` }, async () => {
      const { jwk } = await env.keys();
      return new Response(JSON.stringify({ keys: [jwk] }), { headers: JSON_HEADERS });
    }),
  ];
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
