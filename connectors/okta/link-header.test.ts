import { describe, expect, it } from 'vitest';
import { nextLink, pageUrl } from './link-header.js';

const ORG = 'https://acme.okta.com';

describe('nextLink', () => {
  it("takes the next URL from Okta's two Link lines as fetch joins them", () => {
    const header = `<${ORG}/api/v1/users?limit=200>; rel="self", <${ORG}/api/v1/users?after=00ud4tVDDXYVKPXKVLCO&limit=200>; rel="next"`;
    expect(nextLink(header)).toBe(`${ORG}/api/v1/users?after=00ud4tVDDXYVKPXKVLCO&limit=200`);
  });

  it('keeps a query holding commas and encoded quotes whole', () => {
    const next = `${ORG}/api/v1/users?after=x&limit=2&filter=status+eq+%22ACTIVE%22,b`;
    expect(nextLink(`<${next}>; rel="next"`)).toBe(next);
  });

  it('answers undefined on the last page (self only) and without a header', () => {
    expect(nextLink(`<${ORG}/api/v1/users?limit=200>; rel="self"`)).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
    expect(nextLink('')).toBeUndefined();
  });

  it('reads an unquoted rel and a rel list', () => {
    expect(nextLink(`<${ORG}/a?after=1>; rel=next`)).toBe(`${ORG}/a?after=1`);
    expect(nextLink(`<${ORG}/a?after=2>; rel="prev next"`)).toBe(`${ORG}/a?after=2`);
  });
});

describe('pageUrl', () => {
  it('builds the first page from the org and follows later links verbatim', () => {
    expect(pageUrl(ORG, '/api/v1/users?limit=200', '')).toBe(`${ORG}/api/v1/users?limit=200`);
    expect(pageUrl(ORG, '/ignored', `${ORG}/api/v1/users?after=abc&limit=200`)).toBe(`${ORG}/api/v1/users?after=abc&limit=200`);
  });

  it('refuses a relative link and a link to another origin, which would carry the token away', () => {
    expect(() => pageUrl(ORG, '/x', '/api/v1/users?after=1')).toThrow(/not an absolute next link/);
    expect(() => pageUrl(ORG, '/x', 'https://evil.example/api/v1/users?after=1')).toThrow(/points at https:\/\/evil.example, not the org/);
  });
});
