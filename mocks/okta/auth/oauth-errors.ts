/**
 * The org authorization server's token errors: `{"error","error_description"}` JSON (REFERENCE §8). The
 * descriptions marked [I] were seen on the wire in issue threads; the others are [U], worded after them.
 */
export interface TokenError {
  status: number;
  error: string;
  description: string;
  headers?: Record<string, string>;
}

export class TokenFailure extends Error {
  constructor(readonly err: TokenError) {
    super(`${err.error}: ${err.description}`);
    this.name = 'TokenFailure';
  }
}

const client = (description: string, status = 401): TokenError => ({ status, error: 'invalid_client', description });

export const tokenErrors = {
  /** [U] */
  unsupportedGrant: (grant: string): TokenError => ({
    status: 400,
    error: 'unsupported_grant_type',
    description: `The authorization grant type '${grant}' is not supported by the authorization server. Configured grant types: [client_credentials].`,
  }),
  /** [I zitadel/oidc#635] */
  assertionType: () => client('The client_assertion_type is invalid.'),
  /** [U] */
  noAssertion: () => client('Client authentication failed. Either the client or the client credentials are invalid.'),
  /** [U] */
  malformed: () => client('The client_assertion token is invalid.'),
  /** [U]: iss or sub not the app's client id. */
  unknownClient: () => client('The client_assertion token is invalid: iss and sub must both be the client_id of a registered client.'),
  /** [I okta-sdk-python#289] */
  badKid: () => client('The client_assertion JWT kid is invalid.'),
  /** [U]: a key the app does not (or no longer) have. */
  badSignature: () => client('The client_assertion signature is invalid.'),
  /** [I okta-sdk-dotnet#600] */
  badAudience: () => client('The audience claim for client_assertion must be the endpoint invoked for the request.'),
  /** [U] */
  expired: () => client('The client_assertion token is expired.'),
  /** [U]: "exp must be a maximum of only an hour in the future" [D O4O-SVC]. */
  tooLong: () => client('The client_assertion token has an expiration too far into the future.'),
  /** [U]: a `jti` seen before (replay). */
  replayed: () => client('The client_assertion token has already been used.'),
  /** [I requests-oauthlib#463] */
  noScope: (): TokenError => ({
    status: 400,
    error: 'invalid_scope',
    description: "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
  }),
  /** [I okta-sdk-java#822] */
  noneGranted: (): TokenError => ({ status: 400, error: 'consent_required', description: 'You are not allowed any of the requested scopes.' }),
  /** [I okta-sdk-dotnet#697] for a missing proof; the other descriptions and the 400 are [U]. */
  badProof: (description: string): TokenError => ({ status: 400, error: 'invalid_dpop_proof', description }),
  /** [I okta-sdk-golang#598, S oauth.js]: the client repeats the request with this nonce in its proof. */
  useNonce: (nonce: string): TokenError => ({
    status: 400,
    error: 'use_dpop_nonce',
    description: 'Authorization server requires nonce in DPoP proof.',
    headers: { 'dpop-nonce': nonce },
  }),
};

export function tokenErrorResponse(err: TokenError): Response {
  return new Response(JSON.stringify({ error: err.error, error_description: err.description }), {
    status: err.status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache, no-store', pragma: 'no-cache', ...err.headers },
  });
}
