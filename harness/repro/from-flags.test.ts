import { describe, expect, it } from 'vitest';
import { parseSymptoms, planInputFromFlags } from './from-flags.js';

describe('planInputFromFlags', () => {
  it('turns flags into symptoms and sizes', () => {
    const input = planInputFromFlags({ provider: 'entra', symptom: 'expired-secret, throttled', users: '5000', name: 'x' });
    expect(input.symptoms).toEqual([
      { id: 'expired-secret', lines: [] },
      { id: 'throttled', lines: [] },
    ]);
    expect(input.sizes).toEqual({ users: 5000 });
    expect(input.origin[0]).toBe('From flags: --provider entra --symptom expired-secret,throttled --users 5000 (no log).');
  });

  it('suggests the closest provider and symptom', () => {
    expect(() => planInputFromFlags({ provider: 'entr', symptom: 'throttled', name: 'x' })).toThrow(
      /--provider: unknown provider "entr" \(did you mean "entra"\?/,
    );
    expect(() => parseSymptoms('expired-secrets', 'entra')).toThrow(
      /unknown symptom "expired-secrets" \(did you mean "expired-secret"\? known: expired-secret, invalid-secret/,
    );
  });

  it('says why a symptom does not apply to the provider, and which do', () => {
    expect(() => parseSymptoms('consent-missing', 'scim')).toThrow(
      /consent-missing does not apply to scim: a SCIM bearer token carries no permissions .*\(symptoms for scim: expired-secret, invalid-secret, throttled,/,
    );
  });

  it('refuses what cannot be meant', () => {
    expect(() => planInputFromFlags({ symptom: 'throttled', name: 'x' })).toThrow(/--symptom needs --provider/);
    expect(() => planInputFromFlags({ provider: 'aws', symptom: 'throttled', users: 'many', name: 'x' })).toThrow(
      /--users "many" is not a whole number/,
    );
    expect(() => planInputFromFlags({ provider: 'aws', symptom: 'throttled', missing: 'iam:ListGroups', name: 'x' })).toThrow(
      /--missing names the permission of a permission-missing report/,
    );
    expect(() => parseSymptoms(' , ', 'aws')).toThrow(/--symptom is empty/);
  });
});
