/**
 * The Directory API's error answers (reference B3): `{"error":{"code","message","errors":[{"message",
 * "domain","reason",...}],"status"}}` as `application/json; charset=UTF-8`. gaxios makes its error
 * message from `errors[].message` and leaves the reason at `response.data.error.errors[0].reason`, where
 * connectors look for it. Endpoint code throws {@link DirectoryFailure}; the route wrapper renders it.
 */

export const DIRECTORY_JSON = 'application/json; charset=UTF-8';

/** The canonical status name Google's newer frontends add next to the numeric code. */
const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export interface FailureDetail {
  /** `errors[0].message` when it differs from the top-level message. */
  itemMessage?: string;
  domain?: string;
  location?: string;
  locationType?: 'header' | 'parameter';
  details?: unknown[];
  headers?: Record<string, string>;
}

export class DirectoryFailure extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly detail: FailureDetail = {},
  ) {
    super(message);
    this.name = 'DirectoryFailure';
  }
}

export function directoryErrorBody(f: DirectoryFailure): Record<string, unknown> {
  const { itemMessage, domain, location, locationType, details } = f.detail;
  const item: Record<string, string> = { message: itemMessage ?? f.message, domain: domain ?? 'global', reason: f.reason };
  if (location) Object.assign(item, { location, locationType });
  return {
    error: {
      code: f.status,
      message: f.message,
      errors: [item],
      ...(STATUS[f.status] ? { status: STATUS[f.status] } : {}),
      ...(details ? { details } : {}),
    },
  };
}

export function directoryErrorResponse(f: DirectoryFailure): Response {
  return new Response(JSON.stringify(directoryErrorBody(f), null, 2), {
    status: f.status,
    headers: { 'content-type': DIRECTORY_JSON, ...f.detail.headers },
  });
}

export type QuotaReason = 'userRateLimitExceeded' | 'quotaExceeded' | 'rateLimitExceeded';
export const QUOTA_REASONS: readonly QuotaReason[] = ['userRateLimitExceeded', 'quotaExceeded', 'rateLimitExceeded'];

/** The errors endpoints raise, worded as the Directory API words them. */
export const directoryErrors = {
  /** Unknown, expired or missing bearer token. */
  authError: () =>
    new DirectoryFailure(401, 'authError', 'Invalid Credentials', {
      location: 'Authorization',
      locationType: 'header',
      headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    }),
  /** The token lacks every scope the method accepts. */
  insufficientScopes: (method: string) =>
    new DirectoryFailure(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', {
      itemMessage: 'Insufficient Permission',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: 'admin.googleapis.com', method },
        },
      ],
    }),
  /** The impersonated user is not an admin (or there is no impersonated user), or asked for another customer. */
  forbidden: () => new DirectoryFailure(403, 'forbidden', 'Not Authorized to access this resource/api'),
  notFound: (what: string) => new DirectoryFailure(404, 'notFound', `Resource Not Found: ${what}`),
  /** Unverified wording for an unknown `domain`. */
  domainNotFound: () => new DirectoryFailure(404, 'notFound', 'Domain not found.'),
  badRequest: () => new DirectoryFailure(400, 'badRequest', 'Bad Request'),
  /** A parameter outside its declared range or set (the API frontend's own check). */
  invalidValue: (param: string, value: string, allowed: string) =>
    new DirectoryFailure(400, 'invalid', `Invalid value '${value}'. ${allowed}`, { location: param, locationType: 'parameter' }),
  invalidInput: (what: string) => new DirectoryFailure(400, 'invalid', `Invalid Input: ${what}`),
  duplicateMember: () => new DirectoryFailure(409, 'duplicate', 'Member already exists.'),
  quota: (reason: QuotaReason) => {
    const status = reason === 'rateLimitExceeded' ? 429 : 403;
    const message =
      reason === 'userRateLimitExceeded' ? 'User Rate Limit Exceeded' : reason === 'quotaExceeded' ? 'Quota exceeded' : 'Rate Limit Exceeded';
    return new DirectoryFailure(status, reason, message, { domain: 'usageLimits' });
  },
  backend: (status: number) => new DirectoryFailure(status, 'backendError', 'Backend Error'),
};
