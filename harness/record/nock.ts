/**
 * nock's recorder JSON: what `nock.recorder.rec({ output_objects: true })` prints and what `nock.back`
 * keeps as fixture files in connector repos (an array of these definitions). Only the format: nock itself
 * is never loaded here, since it and MSW break each other in one process (reference/tooling.md 1.3).
 *
 * Written the way the recorder writes it (scope with port, path with query, JSON bodies as objects, a
 * flat `rawHeaders`), except that a request body holding redaction placeholders is left out, so nock in a
 * connector's repo matches the request whatever secret the test sends. Read leniently: `headers` objects
 * from old recorders, scopes without a port, hex-encoded or gzipped binary answers.
 */
import { gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import { encodeBody, headerValue, HOP_HEADERS, type Exchange, type HeaderList } from './exchange.js';
import { REDACTED } from './field-rules.js';
import { bodyKind } from './sanitize-body.js';

export interface NockDefinition {
  scope: string;
  method: string;
  path: string;
  body?: unknown;
  status?: number;
  response?: unknown;
  rawHeaders?: string[] | Record<string, string>;
  headers?: Record<string, string>;
  reqheaders?: Record<string, unknown>;
  responseIsBinary?: boolean;
}

/** Request headers nock must match on: the ones that choose the operation (AWS JSON APIs post everything to `/`). */
const MATCHED_REQUEST_HEADERS = ['x-amz-target'];

export function toNock(exchanges: readonly Exchange[]): NockDefinition[] {
  return exchanges.map((exchange) => {
    const { request, response } = exchange;
    const url = new URL(request.url);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const reqheaders = Object.fromEntries(
      MATCHED_REQUEST_HEADERS.flatMap((name) => {
        const value = headerValue(request.headers, name);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    const binary = response.bodyEncoding === 'base64';
    const definition: NockDefinition = {
      scope: `${url.protocol}//${url.hostname}:${port}`,
      method: request.method,
      path: `${url.pathname}${url.search}`,
      ...(request.body?.includes(REDACTED) ? {} : { body: request.body === undefined ? '' : asJsonOrText(request.headers, request.body) }),
      status: response.status,
      response: binary ? Buffer.from(response.body, 'base64').toString('hex') : asJsonOrText(response.headers, response.body),
      rawHeaders: response.headers.flat(),
      ...(Object.keys(reqheaders).length > 0 ? { reqheaders } : {}),
      responseIsBinary: binary,
    };
    return definition;
  });
}

function asJsonOrText(headers: HeaderList, body: string): unknown {
  if (body === '' || bodyKind(headers, body) !== 'json') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** A nock.back fixture file (an array), one recorder definition, or recorder output lines. */
export function fromNock(input: unknown): Exchange[] {
  const definitions = Array.isArray(input) ? input : [input];
  return definitions.map((definition, i) => fromDefinition(definition as NockDefinition, i));
}

function fromDefinition(d: NockDefinition, index: number): Exchange {
  if (!d || typeof d.scope !== 'string' || typeof d.path !== 'string') throw new Error(`nock definition ${index}: needs scope and path`);
  const scope = new URL(d.scope);
  // nock writes the default port into the scope; the real URL has none.
  const defaultPort = (scope.protocol === 'https:' && scope.port === '443') || (scope.protocol === 'http:' && scope.port === '80');
  const origin = `${scope.protocol}//${scope.hostname}${scope.port && !defaultPort ? `:${scope.port}` : ''}`;
  const responseHeaders = headerList(d.rawHeaders ?? d.headers);
  const requestHeaders: HeaderList = Object.entries(d.reqheaders ?? {}).flatMap(([name, value]) =>
    typeof value === 'string' ? [[name, value] as [string, string]] : [],
  );
  const requestBody = d.body === undefined || d.body === '' ? undefined : typeof d.body === 'string' ? d.body : JSON.stringify(d.body);
  return {
    startedAt: new Date(0).toISOString(),
    durationMs: 0,
    request: {
      method: (d.method ?? 'GET').toUpperCase(),
      url: `${origin}${d.path.startsWith('/') ? '' : '/'}${d.path}`,
      headers: requestHeaders,
      ...(requestBody === undefined ? {} : { body: requestBody }),
    },
    response: {
      status: d.status ?? 200,
      headers: responseHeaders.filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())),
      ...responseBody(d, responseHeaders),
    },
  };
}

function responseBody(d: NockDefinition, headers: HeaderList): { body: string; bodyEncoding?: 'base64' } {
  const { response } = d;
  if (response === undefined || response === null) return { body: '' };
  // Binary answers are hex: one string (`responseIsBinary`), or an array of chunks for compressed ones.
  const compressed = d.responseIsBinary || headerValue(headers, 'content-encoding') !== undefined;
  const hexChunks = Array.isArray(response) && response.length > 0 && response.every((c) => typeof c === 'string' && /^[0-9a-f]*$/i.test(c));
  const hex =
    compressed && typeof response === 'string' && /^[0-9a-f]*$/i.test(response)
      ? [response]
      : compressed && hexChunks
        ? (response as string[])
        : undefined;
  if (hex) return encodeBody(decompress(Buffer.from(hex.join(''), 'hex'), headerValue(headers, 'content-encoding')));
  return { body: typeof response === 'string' ? response : JSON.stringify(response) };
}

function decompress(bytes: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.toLowerCase()) {
    case 'gzip':
      return gunzipSync(bytes);
    case 'deflate':
      return inflateSync(bytes);
    case 'br':
      return brotliDecompressSync(bytes);
    default:
      return bytes;
  }
}

function headerList(raw: NockDefinition['rawHeaders']): HeaderList {
  if (!raw) return [];
  if (Array.isArray(raw)) {
    const out: HeaderList = [];
    for (let i = 0; i + 1 < raw.length; i += 2) out.push([String(raw[i]), String(raw[i + 1])]);
    return out;
  }
  return Object.entries(raw).map(([name, value]) => [name, String(value)]);
}
