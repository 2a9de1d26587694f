/**
 * Google's own troubleshooting words for the doctor's fix steps (domain-wide delegation in the Admin
 * console, service account keys in the Cloud console), and the texts that give a Google log away.
 */
import type { ProviderTerms } from '../core/provider-descriptor.js';

export const GOOGLE_TERMS: ProviderTerms = {
  grantSteps: (list) => [
    'Google Admin console > Security > Access and data control > API controls > Manage Domain Wide Delegation.',
    `Edit the service account's client ID and add the OAuth scopes: ${list}.`,
    'The token request must ask only for scopes listed there: one missing scope makes the whole request fail with unauthorized_client.',
    'Make sure the impersonated subject (administrator email) is a Workspace admin.',
  ],
  renewSecretSteps: [
    'Google Cloud console > IAM & Admin > Service Accounts > the service account > Keys: the key in use was deleted or disabled.',
    'Add key > Create new key (JSON) and give the connector the new credentials file; keep the same client ID so domain-wide delegation still applies.',
  ],
  fixSecretSteps: [
    'The JSON key does not match the service account (Invalid JWT Signature.): download a current key from Google Cloud console > IAM & Admin > Service Accounts > Keys.',
    'Check the machine clock: JWT iat/exp outside a few minutes are refused too.',
  ],
  throttlingStep:
    'Directory API quotas are per project: Google Cloud console > APIs & Services > Admin SDK API > Quotas; use maxResults=200 pages and fields=.',
  credentialNoun: 'secret',
};

export const GOOGLE_LOG_TELLS = /googleapis\.com|unauthorized_client|Invalid JWT Signature|baton-google|admin\.directory/i;
