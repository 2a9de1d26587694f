/**
 * Access tokens the token endpoint issued. Google's are opaque (`ya29.` + an unreadable blob), not JWTs,
 * so the API can only judge one by asking whoever issued it: here, this map. Expiry is judged by the
 * simulation clock, so tests can move time past the hour a token lives.
 */
import type { SimContext } from '../../core/context.js';

export const TOKEN_LIFETIME_SECONDS = 3599;

export interface IssuedToken {
  /** The impersonated user's email as the assertion named it, or undefined for the service account itself. */
  subject?: string;
  /** Full scope URLs the token was issued for. */
  scopes: readonly string[];
  /** Seconds since the epoch, simulation clock. */
  issuedAt: number;
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly ctx: SimContext) {}

  issue(grant: { subject?: string; scopes: readonly string[] }): { token: string; issued: IssuedToken } {
    const issuedAt = Math.floor(this.ctx.clock().getTime() / 1000);
    // Service-account tokens are `ya29.c.` plus a long opaque blob; the length is what matters to clients
    // that store it.
    const token = `ya29.c.${[1, 2, 3, 4].map(() => this.ctx.ids.token('google:access-token', 43)).join('')}`;
    const issued: IssuedToken = { subject: grant.subject, scopes: [...grant.scopes], issuedAt, expiresAt: issuedAt + TOKEN_LIFETIME_SECONDS };
    this.tokens.set(token, issued);
    this.ctx.issued.add('google access token', token);
    return { token, issued };
  }

  /** The token's grant while it is alive by the simulation clock; `expired` when it was issued but has lapsed. */
  find(token: string): IssuedToken | 'expired' | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    return Math.floor(this.ctx.clock().getTime() / 1000) >= issued.expiresAt ? 'expired' : issued;
  }
}
