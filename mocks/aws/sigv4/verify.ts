/**
 * The two checks SigV4 makes once it knows the secret: is the request fresh (its `x-amz-date` within five
 * minutes of the server's clock), and does the signature recompute. Both pure: the caller supplies "now"
 * (the simulation clock) and the secret (a long-term key or an issued session's).
 */
import { timingSafeEqual } from 'node:crypto';
import { canonicalRequest, type SignableRequest } from './canonical-request.js';
import type { ParsedAuthorization } from './authorization-header.js';
import { signature, toAmzDate } from './signature.js';

/** How far a request's time may be from the server's, either way. */
const SKEW_LIMIT_MS = 5 * 60_000;

export type Freshness = { ok: true } | { ok: false; message: string };

/**
 * AWS's wording (seen on real STS/EKS answers): `Signature expired: 20240522T115159Z is now earlier than
 * 20240522T120519Z (20240522T121019Z - 5 min.)`, and `Signature not yet current: <t> is still later than
 * <now + 5 min> (<now> + 5 min.)` for a clock running ahead.
 */
export function checkFreshness(signedAt: Date, amzDate: string, now: Date): Freshness {
  const earliest = new Date(now.getTime() - SKEW_LIMIT_MS);
  const latest = new Date(now.getTime() + SKEW_LIMIT_MS);
  if (signedAt < earliest) {
    return { ok: false, message: `Signature expired: ${amzDate} is now earlier than ${toAmzDate(earliest)} (${toAmzDate(now)} - 5 min.)` };
  }
  if (signedAt > latest) {
    return { ok: false, message: `Signature not yet current: ${amzDate} is still later than ${toAmzDate(latest)} (${toAmzDate(now)} + 5 min.)` };
  }
  return { ok: true };
}

export function signatureMatches(request: SignableRequest, auth: ParsedAuthorization, amzDate: string, secret: string): boolean {
  const expected = signature(secret, auth.scope, amzDate, canonicalRequest(request, auth.signedHeaders));
  const given = auth.signature;
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'));
}
