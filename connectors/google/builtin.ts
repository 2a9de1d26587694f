/**
 * `builtin:google`: the reference connector built from the Google simulator's credentials
 * (`{customerId, adminEmail, domain, serviceAccountKey, tokenUri, adminBase, scopes}`, as `serve` prints).
 */
import type { BuiltinConnectorModule } from '../builtin.js';
import { createGoogleConnector } from './connector.js';
import { googleGroundTruth } from './ground-truth.js';

interface KeyFile {
  client_email?: unknown;
  private_key?: unknown;
  token_uri?: unknown;
}

export const builtin: BuiltinConnectorModule = {
  provider: 'google',
  create(credentials, options) {
    const key = (credentials.serviceAccountKey ?? {}) as KeyFile;
    return createGoogleConnector({
      customerId: text(credentials.customerId, 'customerId'),
      adminEmail: text(credentials.adminEmail, 'adminEmail'),
      clientEmail: text(key.client_email, 'serviceAccountKey.client_email'),
      privateKey: text(key.private_key, 'serviceAccountKey.private_key'),
      tokenUri: text(credentials.tokenUri ?? key.token_uri, 'tokenUri'),
      adminBase: text(credentials.adminBase, 'adminBase'),
      fetch: options.fetch,
      now: options.now,
    });
  },
  groundTruth: googleGroundTruth,
  variants: [],
};

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`google credentials: ${name} is missing`);
  return value;
}
