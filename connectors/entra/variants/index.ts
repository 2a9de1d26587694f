/**
 * The Entra connector's buggy variants, for `builtin:entra:<variant>`: each is the reference connector with
 * one small, realistic mistake, so a scenario can show which check catches it.
 */
import { UserError } from '../../../lib/errors.js';
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { dropsGuests } from './drops-guests.js';
import { dropsSome } from './drops-some.js';
import { firstPageOnly } from './first-page-only.js';
import { ignoresRetryAfter } from './ignores-retry-after.js';
import { keepsPages } from './keeps-pages.js';
import { nPlusOne } from './n-plus-one.js';
import { noProvisioner } from './no-provisioner.js';
import { noRawId } from './no-raw-id.js';
import { repeatsPageToken } from './repeats-page-token.js';
import { uppercaseIds } from './uppercase-ids.js';
import { wrongEndpoint } from './wrong-endpoint.js';
import { wrongPrincipalType } from './wrong-principal-type.js';

export const ENTRA_VARIANTS = {
  'repeats-page-token': repeatsPageToken,
  'wrong-principal-type': wrongPrincipalType,
  'n-plus-one': nPlusOne,
  'no-raw-id': noRawId,
  'ignores-retry-after': ignoresRetryAfter,
  'first-page-only': firstPageOnly,
  'drops-guests': dropsGuests,
  'keeps-pages': keepsPages,
  'no-provisioner': noProvisioner,
  'wrong-endpoint': wrongEndpoint,
  'uppercase-ids': uppercaseIds,
  'drops-some': dropsSome,
} satisfies Record<string, (options: EntraConnectorOptions) => EntraConnector>;

export type EntraVariant = keyof typeof ENTRA_VARIANTS;

export const ENTRA_VARIANT_NAMES = Object.keys(ENTRA_VARIANTS) as EntraVariant[];

/** The clean connector when `variant` is absent; an unknown name is an error naming the known ones. */
export function createEntraVariant(variant: string | undefined, options: EntraConnectorOptions): EntraConnector {
  if (variant === undefined || variant === '') return createEntraConnector(options);
  const build = (ENTRA_VARIANTS as Record<string, (o: EntraConnectorOptions) => EntraConnector>)[variant];
  if (!build) throw new UserError(`entra connector: unknown variant ${JSON.stringify(variant)} (known: ${ENTRA_VARIANT_NAMES.join(', ')})`);
  return build(options);
}
