import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/protocols';
import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './authorization-header.js';
import { canonicalQuery, canonicalRequest, canonicalUri } from './canonical-request.js';
import { parseAmzDate, signRequest, signature, toAmzDate } from './signature.js';
import { checkFreshness, signatureMatches } from './verify.js';

/** The AWS SigV4 test suite's "get-vanilla" case: its documented canonical request and signature. */
const VANILLA = {
  secret: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  amzDate: '20150830T123600Z',
  scope: { date: '20150830', region: 'us-east-1', service: 'service' },
  canonical: [
    'GET',
    '/',
    '',
    'host:example.amazonaws.com',
    'x-amz-date:20150830T123600Z',
    '',
    'host;x-amz-date',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n'),
  signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
};

/** @smithy/signature-v4 wants a hash class (an HMAC when given a key); node:crypto's do the job. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  update(data: string | Uint8Array) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

describe('SigV4 against the AWS test suite (get-vanilla)', () => {
  const request = {
    method: 'GET',
    url: new URL('https://example.amazonaws.com/'),
    headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': VANILLA.amzDate },
    body: '',
  };

  it('rebuilds the documented canonical request', () => {
    expect(canonicalRequest(request, ['host', 'x-amz-date'])).toBe(VANILLA.canonical);
  });

  it('computes the documented signature', () => {
    expect(signature(VANILLA.secret, VANILLA.scope, VANILLA.amzDate, VANILLA.canonical)).toBe(VANILLA.signature);
  });

  it('verifies the documented Authorization header, and refuses it under another secret', () => {
    const header = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${VANILLA.signature}`;
    const parsed = parseAuthorization(header);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.accessKeyId).toBe('AKIDEXAMPLE');
    expect(parsed.value.scope).toEqual(VANILLA.scope);
    expect(signatureMatches(request, parsed.value, VANILLA.amzDate, VANILLA.secret)).toBe(true);
    expect(signatureMatches(request, parsed.value, VANILLA.amzDate, VANILLA.secret.replace('K7', 'K8'))).toBe(false);
    expect(signatureMatches({ ...request, url: new URL('https://example.amazonaws.com/?a=1') }, parsed.value, VANILLA.amzDate, VANILLA.secret)).toBe(
      false,
    );
  });
});

describe('SigV4 against @smithy/signature-v4 (the signer every SDK v3 client uses)', () => {
  const credentials = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
  };
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'iam', sha256: Sha256 as never });
  const cases: Array<{ path: string; query: Record<string, string | string[]>; body: string }> = [
    { path: '/', query: {}, body: 'Action=ListUsers&Version=2010-05-08&Marker=a%2Bb%2Fc%3D%3D' },
    { path: '/a b/../c/./d', query: { Action: 'GetUser', 'b key': 'x y*', a: ['2', '1'] }, body: '' },
    { path: '/', query: {}, body: '{"IdentityStoreId":"d-1234567890","NextToken":"é+/"}' },
  ];

  it.each(cases)('verifies what the SDK signer signed: $path', async ({ path, query, body }) => {
    const at = new Date('2026-03-04T05:06:07Z');
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'https:',
        hostname: 'iam.amazonaws.com',
        path,
        query,
        body,
        headers: { host: 'iam.amazonaws.com', 'content-type': 'application/x-www-form-urlencoded', 'x-custom': '  a   b  ' },
      }),
      { signingDate: at },
    );
    const search = Object.entries(signed.query ?? {})
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x as string)}`))
      .join('&');
    const url = new URL(`https://iam.amazonaws.com${encodeURI(path)}${search ? `?${search}` : ''}`);
    const parsed = parseAuthorization(signed.headers.authorization!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.signedHeaders).toContain('x-amz-security-token');
    const wire = { method: 'POST', url, headers: signed.headers, body };
    expect(signatureMatches(wire, parsed.value, signed.headers['x-amz-date']!, credentials.secretAccessKey)).toBe(true);
    expect(signatureMatches({ ...wire, body: `${body} ` }, parsed.value, signed.headers['x-amz-date']!, credentials.secretAccessKey)).toBe(false);
  });

  it('signs by hand exactly as the SDK signer does', async () => {
    const at = new Date('2026-03-04T05:06:07Z');
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const smithy = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'https:',
        hostname: 'sts.amazonaws.com',
        path: '/',
        body,
        headers: { host: 'sts.amazonaws.com', ...headers },
      }),
      {
        signingDate: at,
        signingService: 'sts',
      },
    );
    const mine = signRequest(
      { method: 'POST', url: new URL('https://sts.amazonaws.com/'), headers, body },
      credentials,
      { region: 'us-east-1', service: 'sts' },
      at,
    );
    expect(mine.authorization).toBe(smithy.headers.authorization);
  });
});

describe('canonical pieces', () => {
  it('normalizes and encodes the path once from its decoded form', () => {
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('/a/./b/../c//d/')).toBe('/a/c/d/');
    expect(canonicalUri('/example%20space/')).toBe('/example%20space/');
  });

  it('sorts query parameters by name then value, RFC 3986 encoded', () => {
    expect(canonicalQuery('?b=2&a=2&a=1&c=x%20y*&X-Amz-Signature=abc')).toBe('a=1&a=2&b=2&c=x%20y%2A');
  });
});

describe('freshness', () => {
  const now = new Date('2024-05-22T12:10:19Z');

  it('accepts up to five minutes either way', () => {
    expect(checkFreshness(new Date(now.getTime() - 299_000), 'x', now).ok).toBe(true);
    expect(checkFreshness(new Date(now.getTime() + 299_000), 'x', now).ok).toBe(true);
  });

  it('words an old request the way AWS does', () => {
    const signedAt = new Date('2024-05-22T11:51:59Z');
    expect(checkFreshness(signedAt, toAmzDate(signedAt), now)).toEqual({
      ok: false,
      message: 'Signature expired: 20240522T115159Z is now earlier than 20240522T120519Z (20240522T121019Z - 5 min.)',
    });
  });

  it('words a request from the future', () => {
    const signedAt = new Date('2024-05-22T12:30:00Z');
    const result = checkFreshness(signedAt, toAmzDate(signedAt), now);
    expect(result.ok ? '' : result.message).toBe(
      'Signature not yet current: 20240522T123000Z is still later than 20240522T121519Z (20240522T121019Z + 5 min.)',
    );
  });

  it('parses x-amz-date and rejects other shapes', () => {
    expect(parseAmzDate('20150830T123600Z')?.toISOString()).toBe('2015-08-30T12:36:00.000Z');
    expect(parseAmzDate('2015-08-30T12:36:00Z')).toBeUndefined();
  });
});
