import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serviceApp, sswsToken } from './credentials.js';

describe('Okta credentials', () => {
  it('an SSWS token is 42 characters from the seed; the service app keeps its key for the seed, so a reset simulator still takes it', () => {
    expect(sswsToken(4)).toMatch(/^00[\w-]{40}$/);
    expect(sswsToken(4)).not.toBe(sswsToken(5));
    const app = serviceApp(4);
    expect(serviceApp(4)).toBe(app);
    expect(app.clientId).toMatch(/^0oa[0-9A-Za-z]{17}$/);
    // Made at run time by the simulator: nothing private is committed, so the key is checked by parsing it.
    expect(createPrivateKey(app.privateKeyPem).asymmetricKeyType).toBe('rsa');
    expect(serviceApp(5).privateKeyPem).not.toBe(app.privateKeyPem);
  });
});
