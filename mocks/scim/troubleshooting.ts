/**
 * A SCIM service's troubleshooting words for the doctor's fix steps (the app's provisioning settings and
 * its bearer token), and the texts that give a SCIM log away.
 */
import type { ProviderTerms } from '../core/provider-descriptor.js';

export const SCIM_TERMS: ProviderTerms = {
  grantSteps: () => ['SCIM has no per-endpoint permissions: check the SCIM token belongs to an app allowed to read users and groups.'],
  renewSecretSteps: [
    "The SCIM token expired or was revoked: generate a new SCIM token in the application's provisioning settings.",
    "Update the connector's bearer token, and note the new token's expiry date.",
  ],
  fixSecretSteps: [
    "The SCIM token is not one the service issued: copy the token again from the application's provisioning settings (Bearer <token>, no quotes).",
  ],
  throttlingStep: 'Lower the page count (larger count= per page) and the request rate.',
  credentialNoun: 'SCIM token',
};

export const SCIM_LOG_TELLS = /\bscim\b|urn:ietf:params:scim/i;
