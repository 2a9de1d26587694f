import { describe, expect, it } from 'vitest';
import { credentialsFor } from './credentials-file.js';

const scim = { token: 't', baseUrl: 'http://127.0.0.1:9/scim/v2' };
const entra = { tenantId: 'x', clientId: 'y', clientSecret: 'z' };

describe('a credentials file', () => {
  it('is a plain credentials object, as a scenario run writes it', () => {
    expect(credentialsFor(scim, 'scim', 'f')).toEqual({ credentials: scim });
  });

  it("is serve's ready line for one provider", () => {
    expect(credentialsFor({ provider: 'scim', baseUrl: 'http://127.0.0.1:9', credentials: scim }, 'scim', 'f')).toEqual({
      credentials: scim,
      baseUrl: 'http://127.0.0.1:9',
    });
  });

  it("is serve's ready line for several, taking the named provider's entry", () => {
    const line = {
      baseUrl: 'http://127.0.0.1:9',
      providers: [
        { provider: 'entra', baseUrl: 'http://127.0.0.1:9', credentials: entra },
        { provider: 'scim', baseUrl: 'http://127.0.0.1:9', credentials: scim },
      ],
    };
    expect(credentialsFor(line, 'entra', 'f').credentials).toBe(entra);
    expect(credentialsFor(line, 'scim', 'f').credentials).toBe(scim);
  });

  it.each([
    [{ provider: 'entra', credentials: entra }, 'scim', /^f: serve's ready line is for entra, not scim \(run serve --provider scim\)$/],
    [{ providers: [{ provider: 'entra', credentials: entra }] }, 'aws', /^f: serve's ready line has no aws \(it serves entra\) /],
    [{ provider: 'scim', credentials: 'nope' }, 'scim', /no credentials object for scim/],
    [[scim], 'scim', /^f: expected a JSON object, found an array \(pass the JSON line `serve` prints/],
    ['text', 'scim', /found a string/],
  ])('%j for %s is a one-line error', (parsed, provider, message) => {
    expect(() => credentialsFor(parsed, provider, 'f')).toThrow(message);
    try {
      credentialsFor(parsed, provider, 'f');
    } catch (error) {
      expect((error as Error).name).toBe('UserError');
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
