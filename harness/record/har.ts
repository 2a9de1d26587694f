/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format browsers, proxies and
 * `@mswjs/source`'s `fromTraffic` share. Written with everything the spec requires; read leniently, so a
 * HAR exported by a browser or another proxy replays too (form `params` without `text`, base64 content).
 */
import { bodyBytes, encodeBody, HOP_HEADERS, headerValue, type Exchange, type HeaderList } from './exchange.js';
import { packageVersion } from '../cli/version.js';

interface HarHeader {
  name: string;
  value: string;
}

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: unknown[];
    headers: HarHeader[];
    queryString: HarHeader[];
    postData?: { mimeType: string; text?: string; params?: HarHeader[]; encoding?: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: unknown[];
    headers: HarHeader[];
    content: { size: number; mimeType: string; text?: string; encoding?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

export interface Har {
  log: { version: string; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string };
}

export function toHar(exchanges: readonly Exchange[]): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'sync-harness', version: packageVersion() },
      entries: exchanges.map(toEntry),
    },
  };
}

function toEntry(exchange: Exchange): HarEntry {
  const { request, response } = exchange;
  const url = new URL(request.url);
  const requestType = headerValue(request.headers, 'content-type') ?? '';
  const responseType = headerValue(response.headers, 'content-type') ?? '';
  return {
    startedDateTime: exchange.startedAt,
    time: exchange.durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body === undefined
        ? {}
        : { postData: { mimeType: requestType, text: request.body, ...(request.bodyEncoding ? { encoding: 'base64' } : {}) } }),
      headersSize: -1,
      bodySize: request.body === undefined ? 0 : bodyBytes(request).length,
    },
    response: {
      status: response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(response.headers),
      content: {
        size: bodyBytes(response).length,
        mimeType: responseType,
        text: response.body,
        ...(response.bodyEncoding ? { encoding: 'base64' } : {}),
      },
      redirectURL: headerValue(response.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
  };
}

export function fromHar(har: unknown): Exchange[] {
  const entries = (har as Har | undefined)?.log?.entries;
  if (!Array.isArray(entries)) throw new Error('not a HAR file: no log.entries');
  return entries.map((entry, i) => fromEntry(entry, i));
}

function fromEntry(entry: HarEntry, index: number): Exchange {
  const { request, response } = entry;
  if (!request?.method || !request.url || typeof response?.status !== 'number')
    throw new Error(`HAR entry ${index}: needs request.method, request.url and response.status`);
  const post = request.postData;
  const requestBody =
    post === undefined
      ? undefined
      : post.text !== undefined
        ? fromEncoding(post.text, post.encoding)
        : { body: (post.params ?? []).map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}`).join('&') };
  const content = response.content ?? { size: 0, mimeType: '' };
  return {
    startedAt: entry.startedDateTime,
    durationMs: typeof entry.time === 'number' && entry.time >= 0 ? entry.time : 0,
    request: {
      method: request.method.toUpperCase(),
      url: request.url,
      headers: list(request.headers).filter(([name]) => !name.startsWith(':')),
      ...(requestBody ?? {}),
    },
    response: {
      status: response.status,
      headers: list(response.headers).filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())),
      ...(content.text === undefined ? { body: '' } : fromEncoding(content.text, content.encoding)),
    },
  };
}

/** HAR content may be base64 of text; exchanges keep text as text and only binary as base64. */
function fromEncoding(text: string, encoding: string | undefined): { body: string; bodyEncoding?: 'base64' } {
  return encoding === 'base64' ? encodeBody(Buffer.from(text, 'base64')) : { body: text };
}

function pairs(headers: HeaderList): HarHeader[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function list(headers: HarHeader[] | undefined): HeaderList {
  return (headers ?? []).map((h) => [h.name, h.value]);
}
