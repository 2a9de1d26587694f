/**
 * AWS error answers as {@link ConnectorHttpError}s the engine can act on. AWS does not say what to do
 * with the HTTP status alone: IAM throttles with HTTP 400 `Throttling` and Identity Store with a 400
 * `ThrottlingException` (reference C3, C5), which uhttp's status mapping would call InvalidArgument and
 * abort on. So the error code decides: throttling becomes 429 (retried), credential problems 401, denials
 * 403, missing entities 404; anything else keeps its status. The AWS code and message stay in the text.
 */
import { ConnectorHttpError } from '../../c1z/contract/index.js';
import { childText, parseXml } from './xml.js';

/** The SDK's throttling codes (reference C4). */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
]);

/** The key or signature is not accepted: Query codes (403) and awsJson codes (400). */
const UNAUTHENTICATED = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'IncompleteSignature',
  'IncompleteSignatureException',
]);

const DENIED = new Set(['AccessDenied', 'AccessDeniedException']);
const NOT_FOUND = new Set(['NoSuchEntity', 'ResourceNotFoundException']);

export interface AwsErrorDetail {
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
}

export function isThrottling(code: string | undefined): boolean {
  return code !== undefined && THROTTLING.has(code);
}

/** The error in a Query (XML) answer: `ErrorResponse/Error/{Code,Message}` (also `Errors/Error`). */
export function queryErrorDetail(text: string): AwsErrorDetail {
  try {
    const root = parseXml(text);
    const error =
      root.children.find((c) => c.name === 'Error') ?? root.children.find((c) => c.name === 'Errors')?.children.find((c) => c.name === 'Error');
    return { code: childText(error, 'Code'), message: childText(error, 'Message') };
  } catch {
    return {};
  }
}

/** The error in an awsJson answer: `__type` (namespace before `#` dropped) or `x-amzn-errortype`, and `Message`. */
export function jsonErrorDetail(text: string, headers: Headers): AwsErrorDetail {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // The header may still name the error.
  }
  const raw =
    typeof body.__type === 'string' ? body.__type : typeof body.code === 'string' ? body.code : (headers.get('x-amzn-errortype') ?? undefined);
  const code = raw?.split(':')[0]?.split('#').pop();
  const message = typeof body.Message === 'string' ? body.Message : typeof body.message === 'string' ? body.message : undefined;
  const retryAfterSeconds = typeof body.RetryAfterSeconds === 'number' ? body.RetryAfterSeconds : undefined;
  return { code, message, retryAfterSeconds };
}

/** `Retry-After` / `x-amz-retry-after` (ms) as seconds. */
function retryAfterHeader(headers: Headers): number | undefined {
  const seconds = headers.get('retry-after');
  if (seconds !== null && /^\d+(\.\d+)?$/.test(seconds.trim())) return Number(seconds.trim());
  const ms = headers.get('x-amz-retry-after');
  if (ms !== null && /^\d+$/.test(ms.trim())) return Number(ms.trim()) / 1000;
  return undefined;
}

/** `<operation>: <status> <Code>: <Message>` as a ConnectorHttpError with the status the engine should see. */
export function awsHttpError(operation: string, response: Response, detail: AwsErrorDetail, bodyText: string): ConnectorHttpError {
  const { code } = detail;
  const status = isThrottling(code)
    ? 429
    : code && UNAUTHENTICATED.has(code)
      ? 401
      : code && DENIED.has(code)
        ? 403
        : code && NOT_FOUND.has(code)
          ? 404
          : response.status;
  const what = code ? [code, detail.message].filter(Boolean).join(': ') : bodyText.slice(0, 200);
  const retryAfterSeconds = retryAfterHeader(response.headers) ?? detail.retryAfterSeconds;
  return new ConnectorHttpError(status, { message: `${operation}: ${response.status}${what ? ` ${what}` : ''}`, retryAfterSeconds });
}
