/**
 * SCIM error answers (RFC 7644 §3.12): `{"schemas":[Error URN],"status":"404","scimType"?,"detail"}`.
 * `status` is the HTTP status as a JSON *string*, a detail naive mocks get wrong (reference G12) and
 * strict clients reject. Endpoint code throws {@link ScimFailure}; the route wrapper renders it.
 */
import { URN } from '../schema/urns.js';
import { scimJson } from './content-type.js';

/** RFC 7644 §3.12 scimType values (with errata 6893/7898/7916). */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

export class ScimFailure extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ScimFailure';
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType): Record<string, unknown> {
  return { schemas: [URN.error], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

export function scimErrorResponse(failure: ScimFailure): Response {
  return scimJson(scimErrorBody(failure.status, failure.detail, failure.scimType), failure.status, failure.headers);
}

/** The errors endpoints raise. Wording follows Microsoft's SCIM guidance where it shows one. */
export const scimErrors = {
  notFound: (id: string) => new ScimFailure(404, `Resource ${id} not found`),
  invalidFilter: (detail: string) => new ScimFailure(400, detail, 'invalidFilter'),
  invalidValue: (detail: string) => new ScimFailure(400, detail, 'invalidValue'),
  invalidSyntax: (detail: string) => new ScimFailure(400, detail, 'invalidSyntax'),
  invalidPath: (detail: string) => new ScimFailure(400, detail, 'invalidPath'),
  noTarget: (detail: string) => new ScimFailure(400, detail, 'noTarget'),
  /**
   * A token that may read but not write. RFC 7644 §3.12 gives 403 no scimType for "not permitted based on
   * the supplied authorization"; `sensitive` is about secrets in a URI, which is not what happened.
   */
  forbidden: (detail: string) => new ScimFailure(403, detail),
  /** RFC 7644 §3.12: 501 for an operation the provider does not support. */
  notImplemented: (detail: string) => new ScimFailure(501, detail),
};
