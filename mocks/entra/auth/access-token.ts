/**
 * App-only access tokens for Graph, shaped like the v1 tokens Entra issues to client-credentials apps:
 * `roles` carries the application permissions an admin consented to (none when consent is missing, which
 * is not a token error), and `exp` follows the simulation clock so tests can move time.
 */
import { SignJWT } from 'jose';
import type { SimContext } from '../../core/context.js';
import type { EntraApp } from '../credentials.js';
import type { SigningKeys } from './signing-keys.js';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Graph's well-known application id; tokens may carry it as the audience instead of the URL. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const TOKEN_LIFETIME_SECONDS = 3599;

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  appid: string;
  oid: string;
  roles?: string[];
}

export async function issueAccessToken(
  ctx: SimContext,
  app: EntraApp,
  keys: SigningKeys,
  roles: readonly string[],
): Promise<{ token: string; claims: AccessTokenClaims }> {
  const now = Math.floor(ctx.clock().getTime() / 1000);
  const claims: AccessTokenClaims = {
    aud: GRAPH_RESOURCE,
    iss: `https://sts.windows.net/${app.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    tid: app.tenantId,
    appid: app.clientId,
    oid: app.servicePrincipalId,
    // Entra omits the claim entirely when no application permission is consented.
    ...(roles.length ? { roles: [...roles] } : {}),
  };
  const token = await new SignJWT({
    ...claims,
    app_displayname: app.displayName,
    appidacr: '1',
    idp: `https://sts.windows.net/${app.tenantId}/`,
    idtyp: 'app',
    sub: app.servicePrincipalId,
    uti: ctx.ids.token('uti', 22),
    ver: '1.0',
  })
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: keys.kid, x5t: keys.kid })
    .sign(keys.privateKey);
  return { token, claims };
}
