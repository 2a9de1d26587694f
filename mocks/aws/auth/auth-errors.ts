/**
 * How each protocol names an authentication failure. The Query services (IAM, STS) answer with their
 * classic codes, all HTTP 403 except the malformed header (reference C3). The JSON services answer with
 * `...Exception` names; Identity Store is assumed to do what DynamoDB documents for awsJson services
 * (every one HTTP 400), which is not verified against Identity Store itself.
 */
import { AwsFailure } from '../failure.js';
import type { AuthFailure, AuthProblem } from './authenticate.js';

const QUERY: Record<AuthProblem, [number, string]> = {
  missing: [403, 'MissingAuthenticationToken'],
  incomplete: [400, 'IncompleteSignature'],
  'unknown-key': [403, 'InvalidClientTokenId'],
  'expired-token': [403, 'ExpiredToken'],
  signature: [403, 'SignatureDoesNotMatch'],
};

const JSON_: Record<AuthProblem, [number, string]> = {
  missing: [400, 'MissingAuthenticationTokenException'],
  incomplete: [400, 'IncompleteSignatureException'],
  'unknown-key': [400, 'UnrecognizedClientException'],
  'expired-token': [400, 'ExpiredTokenException'],
  signature: [400, 'InvalidSignatureException'],
};

export function authFailure(protocol: 'query' | 'json', failure: AuthFailure): AwsFailure {
  const [status, code] = (protocol === 'query' ? QUERY : JSON_)[failure.problem];
  return new AwsFailure(status, code, failure.message);
}
