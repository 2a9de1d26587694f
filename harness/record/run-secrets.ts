/**
 * The secrets of one run, for the scan that proves a recording or bundle carries none of them: what the
 * connector was configured with (client secrets, private keys, AWS secret keys) and what the run's traffic
 * carried (access, refresh and id tokens the token endpoints issued, assertions the connector signed,
 * credentials in Authorization headers), read from the exchanges before sanitizing.
 */
import type { Exchange, HeaderList } from './exchange.js';
import { fieldRule, REDACTED } from './field-rules.js';
import type { Secret } from '../../lib/secrets/index.js';
import { sniffBody } from './sanitize-body.js';

/** Shorter values are not worth scanning for: they would match by chance. */
const MIN_SECRET = 8;

export function secretsOfRun(credentials: unknown, exchanges: readonly Exchange[] = []): Secret[] {
  const found = new Map<string, string>();
  const add = (label: string, value: string) => {
    if (value.length >= MIN_SECRET && !value.startsWith(REDACTED) && !found.has(value)) found.set(value, label);
  };
  collect(credentials, 'credentials', add);
  for (const [i, { request, response }] of exchanges.entries()) {
    const where = `exchange #${i + 1}`;
    fromHeaders(request.headers, `${where} request`, add);
    fromHeaders(response.headers, `${where} response`, add);
    for (const [part, body] of [
      ['request', request.body],
      ['response', response.body],
    ] as const) {
      if (!body) continue;
      const kind = sniffBody(body);
      if (kind === 'json') collect(JSON.parse(body), `${where} ${part}`, add);
      else if (kind === 'form')
        for (const [name, value] of new URLSearchParams(body)) if (fieldRule(name).kind === 'secret') add(`${where} ${part} ${name}`, value);
    }
  }
  return [...found].map(([value, label]) => ({ label, value }));
}

/** Values under secret-named fields (`clientSecret`, `private_key`, `access_token`...), at any depth. */
function collect(node: unknown, path: string, add: (label: string, value: string) => void): void {
  if (Array.isArray(node)) for (const [i, item] of node.entries()) collect(item, `${path}[${i}]`, add);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && fieldRule(key).kind === 'secret') add(`${path}.${key}`, value);
      else collect(value, `${path}.${key}`, add);
    }
  }
}

function fromHeaders(headers: HeaderList, where: string, add: (label: string, value: string) => void): void {
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const credential = value.replace(/^\s*[A-Za-z0-9-]+\s+/, '');
      // SigV4 carries a signature, not a secret: the key never travels.
      if (!/^AWS4-HMAC-SHA256\s/i.test(value)) add(`${where} ${lower}`, credential);
    } else if (lower === 'x-amz-security-token' || lower === 'x-api-key' || lower === 'api-key' || lower === 'x-goog-api-key') {
      add(`${where} ${lower}`, value);
    }
  }
}
