/**
 * One recorded HTTP exchange: what the proxy (or a wrapped `fetch`) saw, with bodies as text so recordings
 * stay diffable and greppable. Bodies that are not valid UTF-8 are kept as base64 with `bodyEncoding`.
 */

export type HeaderList = [name: string, value: string][];

export interface RecordedRequest {
  method: string;
  /** Absolute, on the real host: `https://graph.microsoft.com/v1.0/users?$top=999`. */
  url: string;
  headers: HeaderList;
  body?: string;
  bodyEncoding?: 'base64';
}

export interface RecordedResponse {
  status: number;
  headers: HeaderList;
  body: string;
  bodyEncoding?: 'base64';
}

export interface Exchange {
  /** ISO 8601, when the request was sent. */
  startedAt: string;
  durationMs: number;
  request: RecordedRequest;
  response: RecordedResponse;
}

/** Headers that describe one connection or one encoding of the bytes, not the message: never replayed. */
export const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when the bytes are UTF-8, else base64 with the flag that says so. */
export function encodeBody(bytes: Uint8Array): { body: string; bodyEncoding?: 'base64' } {
  try {
    return { body: strictUtf8.decode(bytes) };
  } catch {
    return { body: Buffer.from(bytes).toString('base64'), bodyEncoding: 'base64' };
  }
}

export function bodyBytes(part: { body?: string; bodyEncoding?: 'base64' }): Uint8Array {
  if (part.body === undefined) return new Uint8Array();
  return part.bodyEncoding === 'base64' ? Buffer.from(part.body, 'base64') : Buffer.from(part.body, 'utf8');
}

export function headerValue(headers: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/**
 * An exchange from a fetch Request and the Response it got. Both are cloned, so the caller can still read
 * them. The response body is decoded (fetch already undid any content-encoding), so encoding headers go.
 */
export async function exchangeFrom(request: Request, response: Response, startedAt: Date, durationMs: number): Promise<Exchange> {
  const requestBytes = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.clone().arrayBuffer());
  const responseBytes = new Uint8Array(await response.clone().arrayBuffer());
  return {
    startedAt: startedAt.toISOString(),
    durationMs,
    request: {
      method: request.method,
      url: request.url,
      headers: [...request.headers],
      ...(requestBytes && requestBytes.length > 0 ? encodeBody(requestBytes) : {}),
    },
    response: {
      status: response.status,
      headers: [...response.headers].filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())),
      ...encodeBody(responseBytes),
    },
  };
}

/**
 * A `fetch` that records every exchange into `into` (in the order responses arrive) and otherwise behaves
 * exactly like `inner`. `now` stamps `startedAt`; durations use the monotonic clock.
 */
export function recordingFetch(inner: typeof fetch, into: Exchange[], now: () => Date = () => new Date()): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const startedAt = now();
    const began = performance.now();
    const response = await inner(request.clone());
    into.push(await exchangeFrom(request, response, startedAt, Math.round((performance.now() - began) * 1000) / 1000));
    return response;
  };
}
