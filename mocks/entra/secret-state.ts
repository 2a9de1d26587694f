/**
 * When the app's secret expired, shared by the token endpoint and Graph.
 *
 * Decision: the `expired-secret` fault is consulted at the token endpoint and at every Graph call. The
 * first time it fires the secret is expired "now" (simulation clock); from then on the token endpoint
 * answers AADSTS7000222 while it keeps firing, and Graph rejects every token issued at or before that
 * moment with 401 "Lifetime validation failed, the token is expired.". The real service keeps honouring
 * an issued token until its own `exp` (up to ~90 minutes later); the simulator compresses that wait to
 * zero so a test sees the consequence at once. A connector must then get a new token, and SDK token
 * caches (MSAL keeps a token until 5 minutes before `exp`) will hand it the old one: that is the real
 * failure mode of a long sync that outlives its secret, sped up. The moment is sticky: if the rule stops
 * firing (`count=`), new tokens work again (a rotated secret) while the old ones stay refused.
 */
export class SecretState {
  private expiredAt: Date | undefined;

  expire(at: Date): void {
    this.expiredAt ??= at;
  }

  /** True when a token issued at `iat` (seconds) predates the expiry and must be refused. */
  outlived(iat: number): boolean {
    return this.expiredAt !== undefined && iat <= Math.floor(this.expiredAt.getTime() / 1000);
  }

  get expired(): Date | undefined {
    return this.expiredAt;
  }
}
