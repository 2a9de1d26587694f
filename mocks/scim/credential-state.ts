/**
 * Whether the bearer token still works. The `expired-secret` and `revoked-credential` faults are consulted
 * at every call; the first time either fires, the token stops working for good (401 from then on), because
 * a long-lived SCIM token does not come back by itself: an admin must issue a new one. Rules that stop
 * firing (`count=1`) therefore still leave it dead; `POST /__harness/reset` (a fresh simulator) revives it.
 */
export type CredentialLoss = 'expired' | 'revoked';

export class CredentialState {
  private loss: { kind: CredentialLoss; at: Date } | undefined;

  lose(kind: CredentialLoss, at: Date): void {
    this.loss ??= { kind, at };
  }

  get lost(): { kind: CredentialLoss; at: Date } | undefined {
    return this.loss;
  }
}
