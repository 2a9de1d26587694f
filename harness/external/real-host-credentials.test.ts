import { describe, expect, it } from 'vitest';
import { onRealHosts } from './real-host-credentials.js';

describe('credentials moved from a stand-in to the real hosts', () => {
  it('moves each URL under the base to the host the same setting has behind the proxy, keeping its path', async () => {
    const base = 'http://127.0.0.1:9';
    const given = {
      tenantId: 'tid',
      clientSecret: 's',
      authority: `${base}/tid`,
      graphBase: base,
      scope: 'https://graph.microsoft.com/.default',
      other: 'http://127.0.0.1:99/x',
    };
    const { credentials, moved } = await onRealHosts('entra', given, `${base}/`);
    expect(credentials).toEqual({ ...given, authority: 'https://login.microsoftonline.com/tid', graphBase: 'https://graph.microsoft.com' });
    expect(moved).toEqual(['authority', 'graphBase']);
  });

  it('follows nested settings, and names the SCIM host it was given', async () => {
    const google = await onRealHosts(
      'google',
      { serviceAccountKey: { token_uri: 'http://127.0.0.1:9/token' }, adminBase: 'http://127.0.0.1:9' },
      'http://127.0.0.1:9',
    );
    expect(google.credentials).toEqual({
      serviceAccountKey: { token_uri: 'https://oauth2.googleapis.com/token' },
      adminBase: 'https://admin.googleapis.com',
    });
    const scim = await onRealHosts('scim', { baseUrl: 'http://127.0.0.1:9/scim/v2', token: 't' }, 'http://127.0.0.1:9', 'scim.acme.test');
    expect(scim.credentials).toEqual({ baseUrl: 'https://scim.acme.test/scim/v2', token: 't' });
  });

  it('leaves settings the provider does not have alone (a third-party connector names its own)', async () => {
    const given = { 'scim-url': 'http://127.0.0.1:9/scim/v2' };
    expect(await onRealHosts('scim', given, 'http://127.0.0.1:9', 'scim.acme.test')).toEqual({ credentials: given, moved: [] });
  });
});
