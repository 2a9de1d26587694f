/**
 * Request bodies have a ceiling. A simulator that reads whatever it is sent can be pushed to gigabytes by one
 * POST; real services refuse oversized requests with 413. A declared `Content-Length` over the limit is
 * refused before a byte is read; a body without one (chunked) is read only up to the limit.
 */

/** What every simulated service accepts unless its descriptor says otherwise (SCIM's usual bulk maxPayloadSize). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Microsoft Graph documents a 4 MB limit per request. */
export const GRAPH_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The most any served request may carry, whoever reads it (the admin API, an unmatched request): the largest provider limit. */
export const MAX_BODY_BYTES = Math.max(DEFAULT_MAX_BODY_BYTES, GRAPH_MAX_BODY_BYTES);

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The declared body size, when the request says one. */
export function declaredLength(headers: Headers): number | undefined {
  const value = headers.get('content-length');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

export interface LimitedRequest {
  request: Request;
  /** Whether reading went past the limit (the handler may have caught the error and answered anyway). */
  tripped(): boolean;
}

/** The same request with a body that fails with {@link BodyTooLargeError} past `limit` bytes, and stops reading there. */
export function limitBody(request: Request, limit: number): LimitedRequest {
  if (!request.body) return { request, tripped: () => false };
  let seen = 0;
  let over = false;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          over = true;
          controller.error(new BodyTooLargeError(limit));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: 'half',
  } as RequestInit);
  return { request: limited, tripped: () => over };
}
