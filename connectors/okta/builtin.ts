/**
 * `builtin:okta`: the reference connector built from what the Okta simulator hands out (`serve --provider
 * okta` prints `{orgUrl, credentials: {token} | {clientId, privateKey, keyId?}}`; the fields are also read
 * at the top level). A private key means an OAuth service app, a token an SSWS API token.
 * Variants, each one mistake: `ignores-retry-after` sends a 429'd request again at once, up to three times,
 * before the engine (which waits for X-Rate-Limit-Reset) sees it; `first-page-only` takes the first user
 * page for the whole listing, never following its Link rel="next".
 */
import type { BuiltinConnectorModule } from '../builtin.js';
import type { Connector } from '../../c1z/contract/index.js';
import type { OktaAuth } from './client.js';
import { createOktaConnector } from './connector.js';

const VARIANTS = ['ignores-retry-after', 'first-page-only'] as const;
const IMMEDIATE_RESENDS = 3;

export const builtin: BuiltinConnectorModule = {
  provider: 'okta',
  variants: VARIANTS,
  create(credentials, { fetch, now, variant }) {
    if (variant !== undefined && !(VARIANTS as readonly string[]).includes(variant)) {
      throw new Error(`builtin:okta has no variant ${JSON.stringify(variant)} (known: ${VARIANTS.join(', ')})`);
    }
    const connector = createOktaConnector({
      orgUrl: text(credentials.orgUrl, 'orgUrl'),
      auth: authOf({ ...credentials, ...(isRecord(credentials.credentials) ? credentials.credentials : {}) }),
      fetch,
      now,
      immediateThrottleResends: variant === 'ignores-retry-after' ? IMMEDIATE_RESENDS : 0,
    });
    return variant === 'first-page-only' ? firstPageOnly(connector) : connector;
  },
};

function firstPageOnly<C extends Connector>(connector: C): C {
  const users = connector.syncers.user!;
  const list: typeof users.list = async (parent, token) => ({ ...(await users.list(parent, token)), nextPageToken: '' });
  return { ...connector, syncers: { ...connector.syncers, user: { ...users, list } } };
}

function authOf(fields: Record<string, unknown>): OktaAuth {
  if (fields.privateKey !== undefined) {
    const privateKey = isRecord(fields.privateKey) ? fields.privateKey : text(fields.privateKey, 'privateKey');
    const keyId = typeof fields.keyId === 'string' && fields.keyId ? fields.keyId : undefined;
    // The `scopes` printed beside the key are what the app was granted; the connector still asks for the read
    // scopes it needs, and Okta's answer says which of them it got.
    return { kind: 'oauth', clientId: text(fields.clientId, 'clientId'), privateKey, ...(keyId ? { keyId } : {}) };
  }
  if (fields.token !== undefined) return { kind: 'ssws', token: text(fields.token, 'token') };
  throw new TypeError('okta credentials: give either token (an SSWS API token) or clientId and privateKey (an OAuth service app)');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`okta credentials: ${name} is missing`);
  return value;
}
