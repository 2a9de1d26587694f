/**
 * The AADSTS errors the simulator answers with, worded as the real service words them
 * (reference A1; learn.microsoft.com/entra/identity-platform/reference-error-codes).
 */
import type { StsError } from './sts-error.js';

export const stsErrors = {
  /** Unverified: no capture of eSTS refusing an oversized token request; its OAuth error shape, 413 and the generic AADSTS50000. */
  tooLarge: (limit: number): StsError => ({
    status: 413,
    error: 'invalid_request',
    code: 50000,
    message: `There was an error issuing a token: the request body is larger than ${limit} bytes.`,
  }),
  missingGrantType: (): StsError => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    message: "The request body must contain the following parameter: 'grant_type'.",
  }),
  unsupportedGrantType: (grant: string): StsError => ({
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
    message: `The app requested an unsupported grant type '${grant}'.`,
  }),
  missingClientId: (): StsError => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    message: "The request body must contain the following parameter: 'client_id'.",
  }),
  unknownTenant: (tenant: string): StsError => ({
    status: 400,
    error: 'invalid_request',
    code: 90002,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  unknownClient: (clientId: string, tenant: string): StsError => ({
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    message: `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  disabledClient: (clientId: string, name: string): StsError => ({
    status: 400,
    error: 'unauthorized_client',
    code: 7000112,
    message: `Application '${clientId}'(${name}) is disabled.`,
  }),
  missingSecret: (): StsError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  invalidSecret: (clientId: string): StsError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  expiredSecret: (clientId: string): StsError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000222,
    message: `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  }),
  missingScope: (): StsError => ({
    status: 400,
    error: 'invalid_scope',
    code: 70011,
    message: "The provided request must include a 'scope' input parameter.",
  }),
  invalidScope: (scope: string): StsError => ({
    status: 400,
    error: 'invalid_scope',
    code: 70011,
    message: `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  }),
  throttled: (): StsError => ({
    status: 429,
    error: 'temporarily_unavailable',
    code: 90055,
    message: 'TenantThrottlingError - There are too many incoming requests. This exception is thrown for blocked tenants.',
  }),
  transient: (status: number): StsError => ({
    status,
    error: 'temporarily_unavailable',
    code: 90033,
    message: 'A transient error has occurred. Please try again.',
  }),
  consentMissing: (clientId: string, name: string): StsError => ({
    status: 400,
    error: 'consent_required',
    code: 65001,
    message: `The user or administrator has not consented to use the application with ID '${clientId}' named '${name}'. Send an interactive authorization request for this user and resource.`,
  }),
  adminConsentRequired: (): StsError => ({ status: 400, error: 'access_denied', code: 90094, message: 'The grant requires admin permission.' }),
  userDeclined: (): StsError => ({ status: 400, error: 'access_denied', code: 65004, message: 'User declined to consent to access the app.' }),
  missingRedirectUri: (): StsError => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    message: "The request body must contain the following parameter: 'redirect_uri'.",
  }),
} as const;
