/**
 * SigV4's string to sign, signing key and signature (AWS4-HMAC-SHA256), with node:crypto only. The same
 * functions serve the verifier and tests that sign requests by hand.
 */
import { createHmac } from 'node:crypto';
import { canonicalRequest, sha256Hex, type SignableRequest } from './canonical-request.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export interface CredentialScope {
  /** `yyyymmdd`. */
  date: string;
  region: string;
  service: string;
}

function scopeString(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
}

function stringToSign(amzDate: string, scope: CredentialScope, canonical: string): string {
  return [ALGORITHM, amzDate, scopeString(scope), sha256Hex(canonical)].join('\n');
}

function signingKey(secret: string, scope: CredentialScope): Buffer {
  const kDate = hmac(`AWS4${secret}`, scope.date);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  return hmac(kService, 'aws4_request');
}

export function signature(secret: string, scope: CredentialScope, amzDate: string, canonical: string): string {
  return createHmac('sha256', signingKey(secret, scope))
    .update(stringToSign(amzDate, scope, canonical))
    .digest('hex');
}

/**
 * Signs a request the way an SDK v3 client does: every given header plus `host`, `x-amz-date` and
 * `x-amz-content-sha256` signed. Returns
 * the headers to send. For tests and tools that talk to the simulator without an SDK.
 */
export function signRequest(
  request: Omit<SignableRequest, 'headers'> & { headers?: Record<string, string> },
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  scope: Omit<CredentialScope, 'date'>,
  at: Date,
): Record<string, string> {
  const amzDate = toAmzDate(at);
  // Like SDK v3 clients, which sign the body's hash as a header too.
  const headers: Record<string, string> = {
    host: request.url.host,
    'x-amz-content-sha256': sha256Hex(request.body),
    ...lowerKeys(request.headers ?? {}),
    'x-amz-date': amzDate,
  };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const signed = Object.keys(headers).sort();
  const full: CredentialScope = { ...scope, date: amzDate.slice(0, 8) };
  const canonical = canonicalRequest({ ...request, headers }, signed);
  const sig = signature(credentials.secretAccessKey, full, amzDate, canonical);
  headers.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scopeString(full)}, SignedHeaders=${signed.join(';')}, Signature=${sig}`;
  return headers;
}

/** `20150830T123600Z`. */
export function toAmzDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The instant an `x-amz-date` value names, or undefined when it is not `yyyymmddThhmmssZ`. */
export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
