/**
 * The secrets in a connector's configuration (the credentials a run hands it), to scrub from whatever it
 * prints and to scan for: every string under a credential-named field at any depth, and every longer
 * string inside a credential-named object (a Google key file's `client_email` and `client_id` name the
 * key, so they go with it; its endpoint URLs do not, and masking them would hide which host was called).
 */
import { isCredentialField } from './credential-fields.js';
import type { Secret } from './secret-forms.js';

/** Shorter values are not searched for: they would match by chance. */
const MIN_SECRET = 6;
/** Inside a key file, strings this long are the key's identity; shorter ones are its type and version. */
const MIN_INNER = 21;

export function credentialSecrets(credentials: unknown, path = 'credentials'): Secret[] {
  const found = new Map<string, string>();
  const add = (label: string, value: string, min = MIN_SECRET) => {
    if (value.length >= min && !found.has(value)) found.set(value, label);
  };
  const walk = (node: unknown, at: string, within: boolean) => {
    if (Array.isArray(node)) for (const [i, item] of node.entries()) walk(item, `${at}[${i}]`, within);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const secret = isCredentialField(key);
        if (typeof value === 'string') {
          // `token_uri`, `auth_provider_x509_cert_url`: where to ask, not what to show.
          if (/ur[il]$/i.test(key) && /^https?:\/\//i.test(value)) continue;
          if (secret) add(`${at}.${key}`, value);
          else if (within) add(`${at}.${key}`, value, MIN_INNER);
        } else walk(value, `${at}.${key}`, within || secret);
      }
    }
  };
  walk(credentials, path, false);
  return [...found].map(([value, label]) => ({ label, value }));
}
