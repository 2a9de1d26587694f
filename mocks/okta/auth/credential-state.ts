/**
 * Whether the SSWS token and the service app's key still work. The `expired-secret` and
 * `revoked-credential` faults are consulted at every call; the first time either fires the credential in
 * use stops working for good: an SSWS token expires after 30 days unused or is revoked by an admin, and
 * neither comes back by itself (a new token must be made). An OAuth access token that expires is replaced
 * by asking for another; a revoked service-app key is refused at the token endpoint from then on.
 */
export class CredentialState {
  sswsLost: 'expired' | 'revoked' | undefined;
  keyRevoked = false;
}
