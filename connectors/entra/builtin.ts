/**
 * `builtin:entra[:<variant>]`: the reference Entra connector (or one of its buggy variants) built from the
 * credentials the Entra simulator hands out (`entraProvider`: tenantId, clientId, clientSecret, authority,
 * graphBase, scope). Listings use Graph's `$top=999`, as the real connector does, so the paging variants
 * only misbehave on a tenant with more than 999 users or groups.
 */
import type { BuiltinConnectorModule } from '../builtin.js';
import { createEntraVariant, ENTRA_VARIANT_NAMES } from './variants/index.js';

const FIELDS = ['tenantId', 'clientId', 'clientSecret', 'authority', 'graphBase'] as const;

export const builtin: BuiltinConnectorModule = {
  provider: 'entra',
  create(credentials, options) {
    const missing = FIELDS.filter((f) => typeof credentials[f] !== 'string' || credentials[f] === '');
    if (missing.length)
      throw new Error(`builtin:entra needs credentials { ${FIELDS.join(', ')} } as the Entra simulator gives them; missing ${missing.join(', ')}`);
    const [tenantId, clientId, clientSecret, authority, graphBase] = FIELDS.map((f) => credentials[f] as string) as [
      string,
      string,
      string,
      string,
      string,
    ];
    // `scope` is always Graph's `.default`, which the client asks for itself.
    return createEntraVariant(options.variant, { tenantId, clientId, clientSecret, authority, graphBase, fetch: options.fetch, now: options.now });
  },
  variants: ENTRA_VARIANT_NAMES,
};
