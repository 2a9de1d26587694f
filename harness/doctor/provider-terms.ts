/**
 * Fix steps in each provider's own troubleshooting words, so a finding reads like the admin guide the
 * user will open next (Entra's "API permissions > Grant admin consent", Google's domain-wide delegation in
 * the Admin console, an IAM policy's actions, a SCIM app's token). The words are the provider's
 * descriptor's (mocks/<provider>/troubleshooting.ts).
 */
import { descriptorOf } from '../../mocks/providers.js';
import type { RunEvidence } from '../../reports/evidence.js';

type Provider = RunEvidence['provider'];

/** How to give the app these permissions (least privileged, as named by least-privilege.ts). */
export function grantSteps(provider: Provider, permissions: readonly string[]): string[] {
  return descriptorOf(provider).terms.grantSteps(permissions.join(', ') || '(the permissions the connector documents)');
}

/** How to replace an expired or revoked credential. */
export function renewSecretSteps(provider: Provider): string[] {
  return [...descriptorOf(provider).terms.renewSecretSteps];
}

/** How to fix a credential that never worked. */
export function fixSecretSteps(provider: Provider): string[] {
  return [...descriptorOf(provider).terms.fixSecretSteps];
}

/** How a connector should behave under rate limits, in the provider's terms (only the common advice when unknown). */
export function throttlingSteps(provider: Provider | undefined): string[] {
  const common = 'Wait at least the Retry-After the answer carries before retrying; without one, back off exponentially with jitter.';
  return provider ? [common, descriptorOf(provider).terms.throttlingStep] : [common];
}

/** What the provider's credential is called: "secret", "SCIM token". */
export function credentialNoun(provider: Provider): string {
  return descriptorOf(provider).terms.credentialNoun;
}
