import { describe, expect, it } from 'vitest';
import { SCIM_JSON } from './content-type.js';
import { scimErrorResponse, scimErrors, ScimFailure } from './errors.js';

describe('SCIM error answers', () => {
  it('write status as a JSON string, scimType when there is one, as application/scim+json', async () => {
    const response = scimErrorResponse(scimErrors.invalidFilter('bad'));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(SCIM_JSON);
    const text = await response.text();
    expect(text).toContain('"status":"400"');
    expect(JSON.parse(text)).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      scimType: 'invalidFilter',
      detail: 'bad',
    });
  });

  it('leave scimType out when the RFC gives none and keep extra headers', async () => {
    const response = scimErrorResponse(new ScimFailure(401, 'no', undefined, { 'www-authenticate': 'Bearer realm="x"' }));
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="x"');
    expect(Object.keys((await response.json()) as object)).toEqual(['schemas', 'status', 'detail']);
  });
});
