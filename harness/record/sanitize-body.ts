/**
 * Bodies and headers, field by field: JSON (Graph, Google, Identity Store, SCIM), XML (IAM and STS
 * answers), forms (token requests, IAM's Query API) and anything else as free text. A body nothing was
 * changed in is returned byte for byte, so formatting and big numbers survive.
 */
import { escapeText } from '../../lib/markup-escape.js';
import { headerValue, type HeaderList } from './exchange.js';
import { PLACEHOLDERS } from './field-rules.js';
import type { Sanitizer } from './sanitizer.js';

export type BodyKind = 'json' | 'xml' | 'form' | 'text';

export function bodyKind(headers: HeaderList, body: string): BodyKind {
  const type = (headerValue(headers, 'content-type') ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  if (type.includes('x-www-form-urlencoded')) return 'form';
  return sniffBody(body);
}

/** For bodies with no content type (nock fixtures keep none): by their first character. */
export function sniffBody(body: string): BodyKind {
  const start = body.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      JSON.parse(body);
      return 'json';
    } catch {
      return 'text';
    }
  }
  if (start === '<') return 'xml';
  if (/^[\w.%$\-[\]]+=[^&\s]*(&[\w.%$\-[\]]+=[^&\s]*)*$/.test(body.trim())) return 'form';
  return 'text';
}

export function sanitizeBody(s: Sanitizer, kind: BodyKind, body: string): string {
  if (body === '') return body;
  switch (kind) {
    case 'json':
      return sanitizeJsonText(s, body);
    case 'xml':
      return sanitizeXml(s, body);
    case 'form':
      return s.query(body, 'form');
    default:
      return s.value(body);
  }
}

function sanitizeJsonText(s: Sanitizer, body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return s.value(body);
  }
  const changed = { any: false };
  const out = walkJson(s, parsed, undefined, changed);
  if (!changed.any) return body;
  // Keep the answer's own layout: Google pretty-prints with two spaces, Graph does not.
  const indent = /^[{[]\s*\n(\s+)/.exec(body)?.[1]?.length;
  return JSON.stringify(out, null, indent);
}

export function walkJson(s: Sanitizer, node: unknown, key: string | undefined, changed: { any: boolean }): unknown {
  if (typeof node === 'string') {
    const out = s.value(node, key);
    if (out !== node) changed.any = true;
    return out;
  }
  if (Array.isArray(node)) return node.map((item) => walkJson(s, item, key, changed));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = walkJson(s, v, k, changed);
    return out;
  }
  return node;
}

const XML_TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][\s\S]*?>|<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>|[^<]+/g;

/** Text nodes by the element that holds them (`<UserName>`, `<Arn>`, `<Marker>`); tags and attributes kept. */
function sanitizeXml(s: Sanitizer, body: string): string {
  const open: string[] = [];
  let out = '';
  for (const m of body.matchAll(XML_TOKEN)) {
    const [token, closing, name, selfClosing] = m;
    if (name !== undefined) {
      if (closing) open.pop();
      else if (!selfClosing) open.push(name.replace(/^.*:/, ''));
      out += token;
    } else if (token.startsWith('<')) {
      out += token;
    } else if (token.trim() === '') {
      out += token;
    } else {
      const text = decodeEntities(token);
      const clean = s.value(text, open.at(-1));
      out += clean === text ? token : escapeText(clean);
    }
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

/** Credentials in headers, whoever sent them. */
const SECRET_HEADERS = new Set([
  'cookie',
  'set-cookie',
  'x-amz-security-token',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-functions-key',
  'ocp-apim-subscription-key',
  'x-ms-client-secret',
]);

export function sanitizeHeaders(s: Sanitizer, headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      // The scheme says how the client authenticated, which is worth keeping; the credential is not.
      const scheme = /^\s*([A-Za-z0-9-]+)\s/.exec(value)?.[1];
      return [name, scheme ? `${scheme} ${PLACEHOLDERS.token}` : PLACEHOLDERS.token];
    }
    if (SECRET_HEADERS.has(lower)) return [name, PLACEHOLDERS.secret];
    return [name, s.value(value, name)];
  });
}
