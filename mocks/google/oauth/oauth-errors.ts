/**
 * Google's OAuth token endpoint errors: `{"error","error_description"}` JSON. google-auth-library rewrites
 * the thrown message to `<error>: <error_description>`, and connectors match those strings, so the wording
 * follows what the real endpoint is reported to say (reference B1). Marked "unverified" where no capture
 * of the real answer was found and the wording is a best guess.
 */
export interface OAuthError {
  status: number;
  error: string;
  description: string;
}

export class OAuthFailure extends Error {
  constructor(readonly err: OAuthError) {
    super(`${err.error}: ${err.description}`);
    this.name = 'OAuthFailure';
  }
}

const CLOCK =
  'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';

export const oauthErrors = {
  unsupportedGrantType: (grant: string): OAuthError => ({
    status: 400,
    error: 'unsupported_grant_type',
    description: `Invalid grant_type: ${grant}`,
  }),
  /** Unverified wording. */
  missingAssertion: (): OAuthError => ({ status: 400, error: 'invalid_request', description: 'Missing required parameter: assertion' }),
  /** Unverified wording: an assertion that is not a JWT at all. */
  malformedAssertion: (): OAuthError => ({ status: 400, error: 'invalid_request', description: 'Invalid JWT format.' }),
  /** `iss` names no service account (or a deleted one). */
  accountNotFound: (): OAuthError => ({ status: 400, error: 'invalid_grant', description: 'Invalid grant: account not found' }),
  /** Signed with a key the account does not have: another key, a deleted or rotated one. */
  invalidSignature: (): OAuthError => ({ status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.' }),
  badAudience: (tokenUri: string): OAuthError => ({
    status: 400,
    error: 'invalid_grant',
    description: `Invalid JWT: Failed audience check. The right audience is ${tokenUri}`,
  }),
  badTimes: (): OAuthError => ({ status: 400, error: 'invalid_grant', description: CLOCK }),
  missingScope: (): OAuthError => ({ status: 400, error: 'invalid_scope', description: 'Invalid OAuth scope or ID token audience provided.' }),
  /** No domain-wide delegation for the client, or a requested scope not in its grant (401, reference B1). */
  unauthorizedClient: (): OAuthError => ({
    status: 401,
    error: 'unauthorized_client',
    description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
  }),
  unknownSubject: (): OAuthError => ({ status: 400, error: 'invalid_grant', description: 'Invalid email or User ID' }),
  /** Unverified: the token endpoint is rarely seen throttled. */
  throttled: (): OAuthError => ({ status: 429, error: 'rate_limit_exceeded', description: 'Rate Limit Exceeded' }),
  /** Unverified wording. */
  tooLarge: (limit: number): OAuthError => ({
    status: 413,
    error: 'invalid_request',
    description: `Request payload size exceeds the limit: ${limit} bytes.`,
  }),
  /** Unverified wording. */
  transient: (status: number): OAuthError => ({ status, error: 'internal_failure', description: 'Backend Error' }),
} as const;

export function oauthErrorResponse(err: OAuthError): Response {
  return new Response(JSON.stringify({ error: err.error, error_description: err.description }, null, 2), {
    status: err.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
