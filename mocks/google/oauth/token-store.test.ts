import { describe, expect, it } from 'vitest';
import { createContext } from '../../core/context.js';
import type { TenantStore } from '../../tenant/model.js';
import { TokenStore } from './token-store.js';

describe('issued access tokens', () => {
  it('are seeded, remembered with their grant, and lapse after 3599 s of simulation time', () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const make = () => new TokenStore(createContext({ tenant: {} as TenantStore, seed: 2, clock: () => now }));
    const store = make();
    const { token, issued } = store.issue({ subject: 'a@contoso.test', scopes: ['s1'] });
    expect(make().issue({ scopes: [] }).token).toBe(token);
    expect(store.issue({ scopes: [] }).token).not.toBe(token);
    expect(store.find(token)).toEqual(issued);
    expect(issued).toMatchObject({ subject: 'a@contoso.test', scopes: ['s1'], expiresAt: issued.issuedAt + 3599 });
    now = new Date('2030-01-01T00:59:58Z');
    expect(store.find(token)).toEqual(issued);
    now = new Date('2030-01-01T00:59:59Z');
    expect(store.find(token)).toBe('expired');
    expect(store.find('ya29.unknown')).toBeUndefined();
  });
});
