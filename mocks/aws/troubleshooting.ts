/**
 * AWS's own troubleshooting words for the doctor's fix steps (an IAM policy's actions, access keys), and
 * the texts that give an AWS log away.
 */
import type { ProviderTerms } from '../core/provider-descriptor.js';

export const AWS_TERMS: ProviderTerms = {
  grantSteps: (list) => [
    `Add the IAM actions ${list} to an identity-based policy attached to the connector's role or user (IAM console > Roles > Permissions > Add permissions).`,
    'Check no permissions boundary, SCP or explicit Deny removes them (IAM policy simulator: "Simulate" the actions).',
  ],
  renewSecretSteps: [
    'The access key or session was rejected (ExpiredToken / InvalidClientTokenId): long-lived keys were deactivated or deleted, or the STS session ran out.',
    'IAM console > Users > Security credentials > Create access key (or refresh the AssumeRole session before it expires) and update the connector.',
  ],
  fixSecretSteps: [
    'The access key ID or secret is wrong (InvalidClientTokenId / SignatureDoesNotMatch): copy both from IAM > Users > Security credentials again, with no whitespace.',
    'Use the right region and partition for the keys; a session token must accompany temporary keys.',
  ],
  throttlingStep: 'AWS answers Throttling / ThrottlingException (HTTP 400): use the SDK retry mode "adaptive" and raise max attempts.',
  credentialNoun: 'secret',
};

export const AWS_LOG_TELLS = /amazonaws\.com|InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|AccessDenied|baton-aws|\biam:|identitystore/i;
