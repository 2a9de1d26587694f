/**
 * Access tokens the org authorization server issued to the service app (REFERENCE §8): JWT-shaped like
 * Okta's (`ver`, `jti: AT.…`, `iss`, `aud`, `sub` = `cid` = client id, `iat`, `exp` = iat + 3600, `scp`),
 * but judged only by this store, as clients must treat them as opaque. Expiry is judged by the simulation
 * clock; the Node SDK never checks `expires_in` and refreshes only on a 401 (§9), so an expired token must
 * be refused here for it to recover.
 */
import type { SimContext } from '../../core/context.js';

/** "The lifetime for this token is fixed at one hour." [D O4O-SVC] */
export const ACCESS_TOKEN_SECONDS = 3600;

export interface IssuedAccessToken {
  clientId: string;
  scopes: readonly string[];
  issuedAt: number;
  expiresAt: number;
  /** Made unusable before its time (the expired-secret or revoked-credential fault). */
  ended?: 'expired' | 'revoked';
  /** A DPoP-bound token's key thumbprint: only proofs signed with that key may use it. */
  jkt?: string;
}

export class AccessTokens {
  private readonly tokens = new Map<string, IssuedAccessToken>();

  constructor(
    private readonly ctx: SimContext,
    private readonly orgUrl: string,
  ) {}

  issue(clientId: string, scopes: readonly string[], jkt?: string): { token: string; issued: IssuedAccessToken } {
    const iat = Math.floor(this.ctx.clock().getTime() / 1000);
    const issued: IssuedAccessToken = {
      clientId,
      scopes: [...scopes],
      issuedAt: iat,
      expiresAt: iat + ACCESS_TOKEN_SECONDS,
      ...(jkt ? { jkt } : {}),
    };
    const jti = `AT.${this.ctx.ids.token('okta:access-token-id', 43)}`;
    const header = { kid: this.ctx.ids.token('okta:as-kid', 43), alg: 'RS256' };
    const claims = {
      ver: 1,
      jti,
      iss: this.orgUrl,
      aud: this.orgUrl,
      sub: clientId,
      iat,
      exp: issued.expiresAt,
      cid: clientId,
      scp: issued.scopes,
      ...(jkt ? { cnf: { jkt } } : {}),
    };
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${part(header)}.${part(claims)}.${this.ctx.ids.token('okta:access-token-signature', 342)}`;
    this.tokens.set(token, issued);
    this.ctx.issued.add('okta access token', token);
    return { token, issued };
  }

  /** The token's grant while it is usable; `ended` when it was issued but expired or was revoked. */
  find(token: string): IssuedAccessToken | 'ended' | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    return issued.ended || Math.floor(this.ctx.clock().getTime() / 1000) >= issued.expiresAt ? 'ended' : issued;
  }

  /** Every token issued so far, for tests that look inside. */
  issuedSoFar(): IssuedAccessToken[] {
    return [...this.tokens.values()];
  }

  /** Ends every token of the client (its key was revoked), or just this one (it expired early). */
  end(how: 'expired' | 'revoked', token?: string): void {
    for (const [t, issued] of this.tokens) if (token === undefined || t === token) issued.ended ??= how;
  }
}
