/**
 * The access token @azure/identity gets from the simulator is a real RS256 JWT with the claims an
 * app-only Entra token carries, its lifetime judged by the simulation clock.
 */
import { ClientSecretCredential } from '@azure/identity';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type Clock } from '../mocks/core/context.js';
import { createEntraSimulator, DEFAULT_READ_PERMISSIONS, type EntraSimulatorOptions } from '../mocks/entra/index.js';
import { createTenant } from '../mocks/tenant/store.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function tokenFrom(options: { clock?: Clock; sim?: EntraSimulatorOptions } = {}) {
  const ctx = createContext({ tenant: createTenant({ users: 5 }), seed: 3, clock: options.clock });
  const sim = createEntraSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const { tenantId, clientId, clientSecret } = sim.credentials;
  const access = await new ClientSecretCredential(tenantId, clientId, clientSecret).getToken(sim.scope);
  return { sim, ctx, token: access.token, expiresOn: access.expiresOnTimestamp };
}

describe('Entra access tokens', () => {
  it('carries tid, appid, roles and a 3599 s lifetime from the simulation clock', async () => {
    const fixed = new Date('2031-03-04T05:06:07Z');
    const { sim, token } = await tokenFrom({ clock: () => fixed });
    const claims = decodeJwt(token);
    const now = Math.floor(fixed.getTime() / 1000);
    expect(claims.iat).toBe(now);
    expect(claims.nbf).toBe(now);
    expect(claims.exp).toBe(now + 3599);
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims.iss).toBe(`https://sts.windows.net/${sim.credentials.tenantId}/`);
    expect(claims.tid).toBe(sim.credentials.tenantId);
    expect(claims.appid).toBe(sim.credentials.clientId);
    expect(claims.roles).toEqual([...DEFAULT_READ_PERMISSIONS]);
    expect(claims.idtyp).toBe('app');
  });

  it('is signed RS256 with the key the simulator publishes', async () => {
    const { sim, token } = await tokenFrom();
    const header = decodeProtectedHeader(token);
    const jwk = await sim.publicJwk();
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: jwk.kid });
    const { payload } = await jwtVerify(token, await importJWK(jwk, 'RS256'), { audience: 'https://graph.microsoft.com' });
    expect(payload.appid).toBe(sim.credentials.clientId);
  });

  it('omits roles when no application permission is consented, and still issues the token', async () => {
    const { token } = await tokenFrom({ sim: { grantedPermissions: [] } });
    expect(decodeJwt(token)).not.toHaveProperty('roles');
  });

  it('adds the write permission when write-back is on', async () => {
    const { token } = await tokenFrom({ sim: { writeBack: true } });
    expect(decodeJwt(token).roles).toContain('GroupMember.ReadWrite.All');
  });

  it('gives MSAL an expiry it turns into expiresOnTimestamp about an hour ahead', async () => {
    const before = Date.now();
    const { expiresOn } = await tokenFrom();
    expect(expiresOn).toBeGreaterThanOrEqual(before + 3590_000);
    expect(expiresOn).toBeLessThanOrEqual(Date.now() + 3600_000);
  });
});
