/**
 * SigV4 authentication in front of every AWS call, in the order the checks can be made: the header is
 * there and complete, the credential scope names this service and region, the access key exists (and,
 * for a session key, its token matches and it has not expired), the request is fresh, and the signature
 * recomputes. Each failure is an {@link AuthFailure} that the Query and JSON routes word their own way.
 *
 * Decision: an expired session is reported before freshness, so a test that moves the simulation clock
 * past a session's Expiration sees ExpiredToken (its SDK still signs with the real clock, which the moved
 * clock would otherwise call stale).
 */
import { parseAuthorization } from '../sigv4/authorization-header.js';
import type { SignableRequest } from '../sigv4/canonical-request.js';
import { parseAmzDate } from '../sigv4/signature.js';
import { checkFreshness, signatureMatches } from '../sigv4/verify.js';
import type { AccessKey, KeyStore } from './key-store.js';

export type AuthProblem = 'missing' | 'incomplete' | 'unknown-key' | 'expired-token' | 'signature';

export class AuthFailure extends Error {
  constructor(
    readonly problem: AuthProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AuthFailure';
  }
}

export const authMessages = {
  missing: 'Request is missing Authentication Token',
  unknownKey: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  signature:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
};

export interface AuthInput {
  request: SignableRequest;
  /** The signing name this endpoint expects in the credential scope: `iam`, `sts`, `identitystore`. */
  service: string;
  region: string;
  /** The simulation clock's now. */
  now: Date;
  keys: KeyStore;
  /** Consulted only when the long-term key signed: true when a fault has revoked or expired it. */
  longTermKeyRevoked(): boolean;
}

export function authenticate(input: AuthInput): AccessKey {
  const { request } = input;
  const header = headerOf(request, 'authorization');
  if (!header) throw new AuthFailure('missing', authMessages.missing);
  const parsed = parseAuthorization(header);
  if (!parsed.ok) {
    if (parsed.reason === 'algorithm') throw new AuthFailure('incomplete', `Unsupported AWS 'algorithm': '${parsed.detail}'`);
    const needs = parsed.missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ');
    throw new AuthFailure('incomplete', `${needs || `Authorization header has an invalid ${parsed.detail}.`} Authorization=${header}`);
  }
  const auth = parsed.value;
  const amzDate = headerOf(request, 'x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (!signedAt)
    throw new AuthFailure(
      'incomplete',
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${header}`,
    );

  const { scope } = auth;
  if (auth.terminator !== 'aws4_request')
    throw new AuthFailure('signature', `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'. `);
  if (scope.date !== amzDate.slice(0, 8)) {
    throw new AuthFailure(
      'signature',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  // IAM and the global STS endpoint sign for us-east-1 whatever region the client was given (reference C1).
  if (scope.region !== input.region) throw new AuthFailure('signature', `Credential should be scoped to a valid region, not '${scope.region}'. `);
  if (scope.service !== input.service) throw new AuthFailure('signature', `Credential should be scoped to correct service: '${input.service}'. `);

  const key = input.keys.find(auth.accessKeyId);
  if (!key) throw new AuthFailure('unknown-key', authMessages.unknownKey);
  const token = headerOf(request, 'x-amz-security-token');
  if (key.kind === 'long-term') {
    // A session token sent with a long-term key names no session: refused the same way.
    if (token || input.longTermKeyRevoked()) throw new AuthFailure('unknown-key', authMessages.unknownKey);
  } else {
    if (token !== key.sessionToken) throw new AuthFailure('unknown-key', authMessages.unknownKey);
    if (input.now.getTime() >= key.expiration.getTime()) throw new AuthFailure('expired-token', authMessages.expiredToken);
  }

  const fresh = checkFreshness(signedAt, amzDate, input.now);
  if (!fresh.ok) throw new AuthFailure('signature', fresh.message);
  if (!signatureMatches(request, auth, amzDate, key.secretAccessKey)) throw new AuthFailure('signature', authMessages.signature);
  return key;
}

function headerOf(request: SignableRequest, name: string): string | undefined {
  const h = request.headers;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : h[key];
}
