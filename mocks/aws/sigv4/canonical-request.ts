/**
 * The SigV4 canonical request, rebuilt from what arrived on the wire: method, canonical URI, canonical
 * query, the headers the client says it signed, and the payload hash. Everything is recomputed from the
 * request itself, so a header or body changed after signing changes the signature.
 */
import { createHash } from 'node:crypto';

export interface SignableRequest {
  method: string;
  url: URL;
  /** Header values by lower-case name; repeated headers joined with `,`. */
  headers: Headers | Record<string, string>;
  body: string | Uint8Array;
}

/** The hash SigV4 puts on its last line for an empty body. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, the rest `%XX` upper case. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Non-S3 services normalize the path (`.`/`..`, empty segments) and encode it once more from its decoded
 * form, slashes kept: what @smithy/signature-v4 does with `uriEscapePath` on.
 */
export function canonicalUri(pathname: string): string {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') segments.pop();
    else segments.push(safeDecode(raw));
  }
  const trailing = segments.length > 0 && pathname.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

/** Parameters sorted by encoded name, then value; `X-Amz-Signature` itself excluded (presigned URLs). */
export function canonicalQuery(search: string): string {
  const pairs: Array<[string, string]> = [];
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = safeDecode(eq < 0 ? part : part.slice(0, eq));
    if (name.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([uriEncode(name), uriEncode(safeDecode(eq < 0 ? '' : part.slice(eq + 1)))]);
  }
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** A header's value as signed: trimmed, runs of spaces and tabs collapsed, line breaks as spaces. */
function canonicalHeaderValue(value: string): string {
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function headerValue(headers: SignableRequest['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * The payload hash line. The body's own SHA-256 always: a client's `x-amz-content-sha256` claim is signed
 * as a header, so a body swapped after signing no longer matches. `UNSIGNED-PAYLOAD` is taken literally,
 * as services that accept it do.
 */
function payloadHash(request: SignableRequest): string {
  const claimed = headerValue(request.headers, 'x-amz-content-sha256');
  if (claimed === 'UNSIGNED-PAYLOAD') return claimed;
  return request.body.length === 0 ? EMPTY_SHA256 : sha256Hex(request.body);
}

export function canonicalRequest(request: SignableRequest, signedHeaders: readonly string[]): string {
  const lines = signedHeaders.map((name) => {
    // Fetch's Request may drop `host`; it is always the URL's authority (port only when not the default).
    const value = headerValue(request.headers, name) ?? (name === 'host' ? request.url.host : '');
    return `${name}:${canonicalHeaderValue(value)}`;
  });
  return [
    request.method.toUpperCase(),
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url.search),
    ...lines,
    '',
    signedHeaders.join(';'),
    payloadHash(request),
  ].join('\n');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
