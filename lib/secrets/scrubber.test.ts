/**
 * The scrubber leaves nothing the scan can find, in any encoding (base64 at any alignment included, which a
 * plain split misses), blanks credential-shaped text whose value it was not told, keeps JSON valid, and
 * leaves page tokens and ordinary text alone.
 */
import { describe, expect, it } from 'vitest';
import { addCredentialSchemes } from './credential-schemes.js';
import { SecretMatcher, type Secret } from './secret-forms.js';
import { Scrubber } from './scrubber.js';
import { scanText } from './secret-scan.js';

// Built at run time so no key header is committed (the repository's hygiene check refuses one); the text is no key.
const KEY = ['PRIVATE', 'KEY'].join(' ');

const secret = 'abc8Q~Zt7/kP+9vW=rYx_QmN4.sT2uL6hJ0';
const secrets: Secret[] = [{ label: 'clientSecret', value: secret }];
const scrubber = new Scrubber(secrets);
const leftIn = (text: string) => scanText(new SecretMatcher(secrets), text, 'x').map((f) => f.form);

describe('Scrubber', () => {
  it('removes a known secret in every form the scan knows', () => {
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      `Basic ${Buffer.from(`client-id:${secret}`).toString('base64')}`,
      Buffer.from(`xy${secret}z`).toString('base64url'),
      encodeURIComponent(Buffer.from(`a:${secret}`).toString('base64')),
    ];
    for (const form of forms) {
      const text = `before ${form} after`;
      expect(leftIn(text).length, form).toBeGreaterThan(0);
      const out = scrubber.scrub(text);
      expect(leftIn(out), form).toEqual([]);
      expect(out).toMatch(/^before .*\[redacted\].* after$/);
    }
  });

  it('blanks credential-shaped text whose value it was not given', () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzb21lb25lIn0.${'s'.repeat(40)}`;
    const pem = `-----BEGIN ${KEY}-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END ${KEY}-----`;
    const out = new Scrubber().scrub(
      `token ${jwt}\nAuthorization: Bearer ya29.c.opaque-token-value\n${pem}\n{"client_secret":"plain"} password=hunter22&x=1 Authorization: scim_rawtokenvalue`,
    );
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('ya29.c.opaque');
    expect(out).not.toContain('MIIEvQ');
    expect(out).not.toContain('plain');
    expect(out).not.toContain('hunter22');
    expect(out).not.toContain('scim_rawtokenvalue');
    expect(out).toContain('x=1');
  });

  it('blanks the values of a scheme a provider adds (Okta: SSWS and DPoP)', () => {
    addCredentialSchemes(['SSWS', 'DPoP']);
    const out = new Scrubber().scrub('Authorization: SSWS 00abcdEFGH1234-token_value and authorization=DPoP eyJnotajwt.opaque-access');
    expect(out).not.toContain('00abcdEFGH1234');
    expect(out).not.toContain('opaque-access');
    expect(out).toContain('SSWS [redacted]');
  });

  it('keeps page tokens and ordinary text', () => {
    const text = '{"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=RFNwdAIAAQAAAC","nextPageToken":"abcdefgh123"}';
    expect(scrubber.scrub(text)).toBe(text);
  });

  it('writes valid JSON even when a redaction would break the JSON text', () => {
    const sneaky = 'trailing-backslash\\';
    const value = { msg: `got ${sneaky}`, nested: [{ token: 'not-a-known-value' }] };
    const out = new Scrubber([{ label: 's', value: sneaky }]).json(value);
    const parsed = JSON.parse(out) as typeof value;
    expect(parsed.msg).toBe('got [redacted]');
    expect(parsed.nested[0]!.token).toBe('[redacted]');
  });
});

describe('Scrubber on keys printed apart', () => {
  it('blanks an unknown private key printed line by line, or cut before its end', () => {
    const body = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'kP9vW3rYxQmN4sT2uL6hJ0abc8QZt7kP9vW3rYxQmN4sT2uL6hJ0'];
    const whole = `-----BEGIN ${KEY}-----\n${body.join('\n')}\n-----END ${KEY}-----\nnext`;
    const cut = `-----BEGIN RSA ${KEY}-----\n${body.join('\n')}`;
    for (const text of [whole, cut, JSON.stringify(cut).slice(1, -1)]) {
      const out = new Scrubber().scrub(text);
      for (const line of body) expect(out).not.toContain(line.slice(20, 40));
    }
    expect(new Scrubber().scrub(whole)).toBe('[private key [redacted]]\nnext');
  });
});
