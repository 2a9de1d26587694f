/**
 * Okta simulator: an org's Management API and its org authorization server. Entry point:
 *
 *   const sim = createOktaSimulator(ctx, { orgUrl: 'https://acme.okta.com' });
 *   setupServer(...sim.handlers);
 *   new okta.Client({ orgUrl: sim.credentials.orgUrl, token: sim.credentials.token });
 *   // or { authorizationMode: 'PrivateKey', clientId, privateKey, keyId, scopes } from sim.credentials
 *
 * The service app issues Bearer tokens, or DPoP-bound ones with `{ dpop: true }` (auth/dpop.ts), the
 * default for API service apps Okta creates today; `serve` has no flag for it yet.
 *
 * What it renders from the tenant: users with Okta statuses (render/user-status.ts; the plain listing
 * omits DEPROVISIONED), OKTA_GROUPs and APP_GROUPs with direct user members only (Okta groups do not
 * nest), no group rules (the tenant has no dynamic groups), admin role assignments (render/role.ts) and
 * apps with their user and group assignments (endpoints/app-assignments.ts). Ids: ids.ts (`oktaId`).
 *
 * Faults it understands beyond the generic ones (throttle `reason=org|concurrent`, server-error, latency,
 * socket faults): expired-secret and revoked-credential (an SSWS token stops working for good; an OAuth
 * access token ends and must be renewed, a revoked service-app key is refused at the token endpoint),
 * partial-consent (`missing=<scope>`: out of the app's grants at the token endpoint, out of the token at
 * the API, a 403 E0000006 for an SSWS caller), not-admin (403 E0000006), bad-pagination (`mode=`, every
 * core mode on the Link cursor, see paging/listing.ts).
 */
import { hostsOf, type ProviderFactory } from '../core/served-provider.js';
import { createOktaSimulator } from './simulator.js';

export { createOktaSimulator } from './simulator.js';
export type { OktaSimulator, OktaSimulatorOptions } from './simulator.js';
export type { OktaCredentials } from './credentials.js';
export { DEFAULT_ORG_URL } from './env.js';
export { oktaId, seqOfOktaId, type OktaKind } from './ids.js';
export { userStatus, USER_STATUSES, type UserStatus } from './render/user-status.js';
export { groupType, type GroupType } from './render/group.js';
export { oktaRole, STANDARD_ROLES } from './render/role.js';
export { appAssignments } from './endpoints/app-assignments.js';
export { ROUTE_SCOPES, SYNC_SCOPES, type OktaScope } from './scopes.js';
export { OKTA_BAD_PAGINATION_MODES } from './paging/listing.js';
export { PAGE_LIMITS as OKTA_PAGE_LIMITS } from './paging/limits.js';
export { THROTTLE_REASONS as OKTA_THROTTLE_REASONS } from './wire/throttle-reasons.js';

/** For `serve` and scenario runs: the org at the base URL (or at the default org behind the proxy). */
export const oktaProvider: ProviderFactory = (ctx, baseUrl, settings = {}) => {
  const sim = createOktaSimulator(ctx, { orgUrl: baseUrl, grantedScopes: settings.permissions, writeBack: settings.writeBack });
  return { handlers: sim.handlers, hosts: hostsOf(sim.env.orgUrl), granted: sim.env.granted, credentials: { ...sim.credentials } };
};
