/**
 * Okta's own admin-console words for the doctor's fix steps (granting Okta API scopes to a service app,
 * making and revoking API tokens), and the texts that give an Okta log away.
 */
import type { ProviderTerms } from '../core/provider-descriptor.js';

export const OKTA_TERMS: ProviderTerms = {
  grantSteps: (list) => [
    'Okta Admin Console > Applications > Applications > the API service app > Okta API Scopes.',
    `Click Grant next to each scope: ${list}.`,
    'The token request must then ask for those scopes; Okta issues only the granted ones, and refuses the request (consent_required) when none is granted.',
    'Also give the app an admin role that covers the objects (Admin roles tab, e.g. Read-Only Administrator): scopes choose the actions, roles the resources.',
    "With an API token (SSWS), the token has its creator's admin role: have an admin with the needed role create the token.",
  ],
  renewSecretSteps: [
    'Okta Admin Console > Security > API > Tokens: the token was revoked, or expired after 30 days unused (E0000011 Invalid token provided).',
    'Create Token, give the connector the new value (Authorization: SSWS <token>) and run a sync at least every 30 days so it stays active.',
    'For a service app: Applications > the app > General > Public Keys: add a new key, give the connector its private key and kid, then deactivate the old one.',
  ],
  fixSecretSteps: [
    'The API token is not one this org issued (E0000011 Invalid token provided): copy it again from Security > API > Tokens when creating it (it is shown once), and send it as Authorization: SSWS <token>.',
    'Check the org URL: a token works only on the org that issued it (https://<org>.okta.com, not the -admin host).',
    'For a service app: the client assertion must be signed with the key registered under Public Keys (matching kid), aud = https://<org>.okta.com/oauth2/v1/token, iss = sub = the client id.',
  ],
  throttlingStep:
    'Okta rate limits are per endpoint per minute: read X-Rate-Limit-Remaining and wait until X-Rate-Limit-Reset (UTC epoch seconds) when it runs out; Okta sends no Retry-After. Check Reports > Rate Limits in the Admin Console.',
  credentialNoun: 'API token',
};

export const OKTA_LOG_TELLS = /\.okta(preview|-emea)?\.com|\bSSWS\b|E00000\d\d|errorSummary|X-Rate-Limit-Reset|baton-okta|okta-sdk/i;
