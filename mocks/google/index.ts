/**
 * Google Workspace simulator: the OAuth token endpoint a service account uses with domain-wide
 * delegation, and the Admin SDK Directory API. Entry point:
 *
 *   const sim = createGoogleSimulator(ctx, { writeBack, grantedScopes, bases });
 *   setupServer(...sim.handlers);
 *   const { serviceAccountKey: key, adminEmail } = sim.credentials;
 *   new JWT({ email: key.client_email, key: key.private_key, scopes, subject: adminEmail });
 *
 * Faults it understands beyond the generic ones (throttle `reason=`, server-error, latency, ...):
 * expired-secret and revoked-credential (the service account key was deleted: "Invalid JWT Signature."),
 * partial-consent (`missing=<scope>`: dropped from the DWD grant at the token endpoint, from the token at
 * the API), not-admin (the subject loses its admin role: 403 forbidden), bad-pagination (`mode=`; the
 * pager is mocks/core/paging/pager.ts, the same modes as the Entra simulator's), each mode on the
 * Directory API's wire:
 *   repeat-token            nextPageToken is the request's own pageToken (endless loop)
 *   cycle                   page 3 (or the last page) hands back a token for page 1 (A->B->C->A)
 *   empty-page-with-token   an empty page (no array at all, as Google omits empty arrays) whose token
 *                           resumes where it should (clients that stop on an empty page lose the rest)
 *   duplicate-across-pages  each next page starts with the previous page's last item again
 *   drop-items              each next token skips one item (silent loss)
 *   stale-token             following any nextPageToken fails with 400 invalid pageToken
 *   unstable-order          the order shifts between pages: items come shuffled and each next token
 *                           resumes a seeded few items early or late (duplicates and misses)
 */
import { hostsOf, type ProviderFactory } from '../core/served-provider.js';
import { createGoogleSimulator } from './simulator.js';

export { createGoogleSimulator } from './simulator.js';
export { DEFAULT_BASES } from './env.js';
export type { GoogleSimulator, GoogleSimulatorOptions } from './simulator.js';
export type { GoogleCredentials, ServiceAccountKey } from './credentials.js';
export type { GoogleBases } from './env.js';
export { GOOGLE_TOKEN_URL } from './env.js';
export { ACCESS_SCOPES, SCOPE_PREFIX, SYNC_SCOPES, WRITE_SCOPES, type Access } from './scopes.js';
export { BAD_PAGINATION_MODES, type BadPaginationMode } from '../core/paging/pager.js';
export { DIRECTORY_JSON, QUOTA_REASONS, type QuotaReason } from './directory/errors.js';

/**
 * For `serve` and scenario runs: both hosts on one base URL, the token endpoint at `{baseUrl}/token` (the
 * key file's `token_uri`) and the API at `{baseUrl}/admin/directory/v1/...`. Clients that always sign for
 * and post to oauth2.googleapis.com (google-auth-library's gtoken) need their transport redirected.
 */
export const googleProvider: ProviderFactory = (ctx, baseUrl, settings = {}) => {
  const sim = createGoogleSimulator(ctx, {
    bases: baseUrl === undefined ? undefined : { oauth: baseUrl, admin: baseUrl },
    writeBack: settings.writeBack,
    grantedScopes: settings.permissions && [...settings.permissions],
  });
  return {
    handlers: sim.handlers,
    hosts: hostsOf(sim.bases.oauth, sim.bases.admin),
    granted: sim.grantedScopes,
    credentials: { ...sim.credentials, tokenUri: sim.credentials.serviceAccountKey.token_uri, adminBase: sim.bases.admin, scopes: sim.grantedScopes },
  };
};
