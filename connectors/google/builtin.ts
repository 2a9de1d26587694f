/**
 * `builtin:google`: the reference connector built from the Google simulator's credentials
 * (`{customerId, adminEmail, domain, serviceAccountKey, tokenUri, adminBase, scopes}`, as `serve` prints).
 */
import type { BuiltinConnectorModule } from '../builtin.js';
import { createGoogleConnector, type GoogleConnectorOptions } from './connector.js';

interface KeyFile {
  client_email?: unknown;
  private_key?: unknown;
  token_uri?: unknown;
}

/**
 * Buggy variants, each one mistake: `groups-page-size-500` asks groups for the users' cap (500), which the
 * Directory API refuses for groups (at most 200).
 */
const VARIANTS: Record<string, GoogleConnectorOptions['pageSizes']> = {
  'groups-page-size-500': { groups: 500 },
};

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
      ...(options.variant ? { pageSizes: VARIANTS[options.variant] ?? unknownVariant(options.variant) } : {}),
    });
  },
  variants: Object.keys(VARIANTS),
};

function unknownVariant(name: string): never {
  throw new Error(`builtin:google has no variant ${JSON.stringify(name)} (known: ${Object.keys(VARIANTS).join(', ')})`);
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`google credentials: ${name} is missing`);
  return value;
}
