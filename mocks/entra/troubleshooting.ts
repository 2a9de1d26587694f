/**
 * Entra's own troubleshooting words for the doctor's fix steps (the admin center's "API permissions > Grant
 * admin consent", "Certificates & secrets"), and the texts that give an Entra log away.
 */
import type { ProviderTerms } from '../core/provider-descriptor.js';

export const ENTRA_TERMS: ProviderTerms = {
  grantSteps: (list) => [
    'Microsoft Entra admin center > App registrations > the connector app > API permissions.',
    `Add a permission > Microsoft Graph > Application permissions: ${list} (application, not delegated: a sync has no signed-in user).`,
    'Click "Grant admin consent for <tenant>" and check each permission shows "Granted" in the Status column.',
    'Tokens carry the roles granted when they were issued: rerun so the connector fetches a fresh token.',
  ],
  renewSecretSteps: [
    'Microsoft Entra admin center > App registrations > the connector app > Certificates & secrets > New client secret.',
    'Copy the secret Value (not the Secret ID) into the connector configuration, then delete the expired secret.',
    'Track the new expiry date, or switch to a certificate credential.',
  ],
  fixSecretSteps: [
    'AADSTS7000215 means the secret is wrong: in App registrations > Certificates & secrets, copy the secret Value, not the Secret ID.',
    'Check the client ID and tenant ID belong to the same app registration; if the Value is no longer shown, create a new client secret.',
  ],
  throttlingStep: 'Graph throttles per app and tenant: ask for fewer, larger pages ($top=999) with $select, and avoid per-item GETs.',
  credentialNoun: 'secret',
};

export const ENTRA_LOG_TELLS =
  /AADSTS\d+|graph\.microsoft\.com|login\.microsoftonline\.com|Authorization_RequestDenied|baton-microsoft-entra|baton-azure/i;
