/**
 * Okta's error answers (REFERENCE §6): `{errorCode, errorSummary, errorLink, errorId, errorCauses}` as
 * `application/json`, `errorLink` the same value as `errorCode`, `errorCauses` `[]` when there are none,
 * `errorId` a per-request id (`oae` + 22 characters, format [U]). The one exception is an OAuth token
 * short of a scope: 403 with an empty body and the reason in `WWW-Authenticate` ({@link OktaFailure.empty}).
 * Endpoint code throws {@link OktaFailure}; the route wrapper renders it.
 */
export const OKTA_JSON = 'application/json';

export class OktaFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly summary: string,
    readonly causes: readonly string[] = [],
    readonly headers: Record<string, string> = {},
    /** Answered with no body at all (insufficient_scope and invalid_token on OAuth tokens). */
    readonly empty = false,
  ) {
    super(`${code} ${summary}`);
    this.name = 'OktaFailure';
  }
}

function oktaErrorBody(f: Pick<OktaFailure, 'code' | 'summary' | 'causes'>, errorId: string): Record<string, unknown> {
  return { errorCode: f.code, errorSummary: f.summary, errorLink: f.code, errorId, errorCauses: f.causes.map((errorSummary) => ({ errorSummary })) };
}

export function oktaErrorResponse(f: OktaFailure, errorId: string): Response {
  if (f.empty) return new Response(null, { status: f.status, headers: f.headers });
  return new Response(JSON.stringify(oktaErrorBody(f, errorId)), { status: f.status, headers: { 'content-type': OKTA_JSON, ...f.headers } });
}

/** An Okta object kind as not-found summaries name it (`(User)`, `(UserGroup)`, `(AppInstance)`). */
export type NotFoundKind = 'User' | 'UserGroup' | 'AppInstance';

/** The errors endpoints raise, in Okta's words where REFERENCE §6 sources them. */
export const oktaErrors = {
  /** Bad, expired or revoked SSWS token, or no Authorization at all (E0000011 [D ERR, D AUTHN]). */
  invalidToken: () => new OktaFailure(401, 'E0000011', 'Invalid token provided'),
  /** The token's admin may not read this object (E0000006 [D ERR], no trailing period as seen on the wire [I]). */
  forbidden: () => new OktaFailure(403, 'E0000006', 'You do not have permission to perform the requested action'),
  /** E0000007, `Not found: Resource not found: {id} ({Type})` [D USERS-LEGACY; the group and app types U]. */
  notFound: (id: string, kind: NotFoundKind) => new OktaFailure(404, 'E0000007', `Not found: Resource not found: ${id} (${kind})`),
  /** A path the API does not have (E0000022 [D ERR]). */
  noSuchPath: () => new OktaFailure(404, 'E0000022', 'The endpoint does not support the provided HTTP method.'),
  /** Validation failures (E0000001 [D CORE]: the example body says `Api validation failed`). */
  validation: (cause: string) => new OktaFailure(400, 'E0000001', `Api validation failed: ${cause.split(':')[0]}`, [cause]),
  /** A `filter` or `search` Okta cannot run (E0000031 [D ERR older table]; today's wording U). */
  invalidFilter: (cause: string) => new OktaFailure(400, 'E0000031', 'Bad request. Invalid filter parameter.', [cause]),
  /** Both at once (E0000033 [D ERR]). */
  searchAndFilter: () => new OktaFailure(400, 'E0000033', "Bad request. Can't specify a search query and filter in the same request."),
  /** A tampered, foreign or expired `after` (E0000029 [D ERR]; which code Okta really uses is U). */
  badCursor: () => new OktaFailure(400, 'E0000029', 'Invalid paging request. Ensure the pagination cursor has not been altered'),
  /** Org-wide and concurrent limits alike (E0000047 [D ERR, I]). */
  rateLimited: (headers: Record<string, string>) =>
    new OktaFailure(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', [], headers),
  /** E0000009 [D ERR older table]. */
  internal: (status: number) => new OktaFailure(status, 'E0000009', 'Internal Server Error'),
  /** E0000010 [D ERR]; what the simulator answers a 503 with. */
  readOnly: () => new OktaFailure(503, 'E0000010', 'Service is in read-only mode.'),
  /** No code for a too-large body is documented [U]: E0000001 with the limit as cause. */
  tooLarge: (limit: number) => new OktaFailure(413, 'E0000001', 'Api validation failed: body', [`body: The request is larger than ${limit} bytes.`]),
};
