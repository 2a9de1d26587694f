/**
 * The awsJson1_1 protocol as Identity Store speaks it (reference C5): `POST /` with
 * `x-amz-target: AWSIdentityStore.<Operation>`, JSON both ways as `application/x-amz-json-1.1`; errors
 * carry `__type` (the SDK strips any namespace before `#`), `Message`, and the error type again in
 * `x-amzn-ErrorType`.
 */
import type { AwsFailure } from '../failure.js';

export const AMZ_JSON = 'application/x-amz-json-1.1';
export const TARGET_PREFIX = 'AWSIdentityStore.';

export function jsonResponse(body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': AMZ_JSON } });
}

export function jsonErrorBody(code: string, message: string, requestId: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ __type: code, Message: message, RequestId: requestId, ...fields });
}

export function jsonErrorResponse(failure: AwsFailure, requestId: string): Response {
  return new Response(jsonErrorBody(failure.code, failure.message, requestId, failure.fields), {
    status: failure.status,
    headers: { 'content-type': AMZ_JSON, 'x-amzn-errortype': failure.code, ...failure.headers },
  });
}
