/**
 * Fix steps in each provider's own troubleshooting words, so a finding reads like the admin guide the
 * user will open next: Entra's "API permissions > Grant admin consent", Google's domain-wide delegation
 * in the Admin console, an IAM policy's actions, a SCIM app's token.
 */
import type { RunEvidence } from './evidence.js';

type Provider = RunEvidence['provider'];

/** How to give the app these permissions (least privileged, as named by least-privilege.ts). */
export function grantSteps(provider: Provider, permissions: readonly string[]): string[] {
  const list = permissions.join(', ') || '(the permissions the connector documents)';
  switch (provider) {
    case 'entra':
      return [
        'Microsoft Entra admin center > App registrations > the connector app > API permissions.',
        `Add a permission > Microsoft Graph > Application permissions: ${list} (application, not delegated: a sync has no signed-in user).`,
        'Click "Grant admin consent for <tenant>" and check each permission shows "Granted" in the Status column.',
        'Tokens carry the roles granted when they were issued: rerun so the connector fetches a fresh token.',
      ];
    case 'google':
      return [
        'Google Admin console > Security > Access and data control > API controls > Manage Domain Wide Delegation.',
        `Edit the service account's client ID and add the OAuth scopes: ${list}.`,
        'The token request must ask only for scopes listed there: one missing scope makes the whole request fail with unauthorized_client.',
        'Make sure the impersonated subject (administrator email) is a Workspace admin.',
      ];
    case 'aws':
      return [
        `Add the IAM actions ${list} to an identity-based policy attached to the connector's role or user (IAM console > Roles > Permissions > Add permissions).`,
        'Check no permissions boundary, SCP or explicit Deny removes them (IAM policy simulator: "Simulate" the actions).',
      ];
    case 'scim':
      return ['SCIM has no per-endpoint permissions: check the SCIM token belongs to an app allowed to read users and groups.'];
  }
}

/** How to replace an expired or revoked credential. */
export function renewSecretSteps(provider: Provider): string[] {
  switch (provider) {
    case 'entra':
      return [
        'Microsoft Entra admin center > App registrations > the connector app > Certificates & secrets > New client secret.',
        'Copy the secret Value (not the Secret ID) into the connector configuration, then delete the expired secret.',
        'Track the new expiry date, or switch to a certificate credential.',
      ];
    case 'google':
      return [
        'Google Cloud console > IAM & Admin > Service Accounts > the service account > Keys: the key in use was deleted or disabled.',
        'Add key > Create new key (JSON) and give the connector the new credentials file; keep the same client ID so domain-wide delegation still applies.',
      ];
    case 'aws':
      return [
        'The access key or session was rejected (ExpiredToken / InvalidClientTokenId): long-lived keys were deactivated or deleted, or the STS session ran out.',
        'IAM console > Users > Security credentials > Create access key (or refresh the AssumeRole session before it expires) and update the connector.',
      ];
    case 'scim':
      return [
        'The SCIM token expired or was revoked: generate a new SCIM token in the application\'s provisioning settings.',
        'Update the connector\'s bearer token, and note the new token\'s expiry date.',
      ];
  }
}

/** How to fix a credential that never worked. */
export function fixSecretSteps(provider: Provider): string[] {
  switch (provider) {
    case 'entra':
      return [
        'AADSTS7000215 means the secret is wrong: in App registrations > Certificates & secrets, copy the secret Value, not the Secret ID.',
        'Check the client ID and tenant ID belong to the same app registration; if the Value is no longer shown, create a new client secret.',
      ];
    case 'google':
      return [
        'The JSON key does not match the service account (Invalid JWT Signature.): download a current key from Google Cloud console > IAM & Admin > Service Accounts > Keys.',
        'Check the machine clock: JWT iat/exp outside a few minutes are refused too.',
      ];
    case 'aws':
      return [
        'The access key ID or secret is wrong (InvalidClientTokenId / SignatureDoesNotMatch): copy both from IAM > Users > Security credentials again, with no whitespace.',
        'Use the right region and partition for the keys; a session token must accompany temporary keys.',
      ];
    case 'scim':
      return ['The SCIM token is not one the service issued: copy the token again from the application\'s provisioning settings (Bearer <token>, no quotes).'];
  }
}

/** How a connector should behave under rate limits, in the provider's terms. */
export function throttlingSteps(provider: Provider): string[] {
  const common = 'Wait at least the Retry-After the answer carries before retrying; without one, back off exponentially with jitter.';
  switch (provider) {
    case 'entra':
      return [common, 'Graph throttles per app and tenant: ask for fewer, larger pages ($top=999) with $select, and avoid per-item GETs.'];
    case 'google':
      return [common, 'Directory API quotas are per project: Google Cloud console > APIs & Services > Admin SDK API > Quotas; use maxResults=200 pages and fields=.'];
    case 'aws':
      return [common, 'AWS answers Throttling / ThrottlingException (HTTP 400): use the SDK retry mode "adaptive" and raise max attempts.'];
    case 'scim':
      return [common, 'Lower the page count (larger count= per page) and the request rate.'];
  }
}
