import { describe, expect, it } from 'vitest';
import { planInputFromFlags } from './from-flags.js';
import { planRepro, type ReproPlan } from './plan.js';
import { redact, renderScenario } from './render.js';
import { parseScenario } from '../scenario/load.js';

const plan = (provider: string, symptom: string, extra: Record<string, string> = {}): ReproPlan => {
  const made = planRepro(planInputFromFlags({ provider, symptom, name: `t-${provider}`, ...extra }));
  if ('impossible' in made) throw new Error('impossible');
  return made;
};

describe('planRepro', () => {
  it('adds the faults up and expects the error of the most telling symptom', () => {
    const p = plan('entra', 'throttled,expired-secret');
    expect(p.faults).toEqual(['expired-secret:from=6', 'throttle:count=3,retry-after=2,provider=entra']);
    expect(p.expect).toEqual({ outcome: 'failed', error: '/AADSTS7000222|token is expired/', findings: ['expired-secret', 'throttled'] });
    expect(p.report).toEqual({ errorClass: 'auth-failure', findings: ['expired-secret', 'throttled'] });
  });

  it('names a real membership for a revoke, from the tenant the scenario builds', () => {
    const p = plan('scim', 'write-back-not-consented');
    expect(p.actions).toEqual([
      {
        op: 'revoke',
        entitlement: expect.stringMatching(/^group:.+@contoso\.test:member$/),
        principal: expect.stringMatching(/^user:.+@contoso\.test$/),
      },
    ]);
    expect(p.writeBack).toBe(false);
  });

  it('says why when nothing can be reproduced for the provider', () => {
    const input = {
      ...planInputFromFlags({ provider: 'scim', symptom: 'throttled', name: 'x' }),
      symptoms: [{ id: 'pagination-cycle', lines: [4] }],
    };
    expect(planRepro(input)).toEqual({
      impossible: [{ id: 'pagination-cycle', why: expect.stringMatching(/^cannot be reproduced for scim: SCIM pages by startIndex/) }],
    });
  });
});

describe('renderScenario', () => {
  it('writes a scenario the loader reads back as planned', () => {
    const p = plan('entra', 'permission-missing', { missing: 'Group.Read.All', users: '120' });
    const text = renderScenario(p);
    const loaded = parseScenario(text, 'x.yaml');
    expect(loaded.name).toBe('t-entra');
    expect(loaded.tenant.users).toBe(120);
    expect(loaded.faults.map((f) => f.text)).toEqual(['partial-consent:missing=Group.Read.All|GroupMember.Read.All']);
    expect(loaded.expect).toMatchObject({ outcome: 'failed', error: [{ text: 'Authorization_RequestDenied' }], findings: ['permission-missing'] });
    expect(text).toMatch(
      /^# Reproduction of a customer report, written by `sync-harness repro`\.\n# From flags: --provider entra --symptom permission-missing --users 120 --missing Group\.Read\.All/,
    );
    expect(text).toContain('#       missing Group.Read.All: given with --missing Group.Read.All');
  });

  it('renders every kind of ingredient loadably: actions, variants, empty tenants, a connector process', () => {
    for (const [provider, symptom] of [
      ['entra', 'provisioner-missing'],
      ['aws', 'empty-sync'],
      ['aws', 'retry-after-ignored'],
      ['okta', 'retry-after-ignored'],
      ['google', 'consent-missing'],
      ['scim', 'tls-untrusted'],
    ] as const) {
      expect(() => parseScenario(renderScenario(plan(provider, symptom)), `${symptom}.yaml`)).not.toThrow();
    }
  });
});

describe('redact', () => {
  it('masks credentials before a log line is quoted', () => {
    expect(redact('Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).toBe('Authorization: Bearer [redacted]');
    expect(redact('client_secret=Zx8Q~abc.def&grant_type=client_credentials')).toBe('client_secret=[redacted]&grant_type=client_credentials');
    expect(redact('token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl here')).toBe('token [jwt redacted] here');
    expect(redact('"password": "hunter22"')).toBe('"password": "[redacted]"');
    // Page tokens are not credentials; the evidence keeps them.
    expect(redact('next page token unchanged (token=CAES2, type=group)')).toBe('next page token unchanged (token=CAES2, type=group)');
  });
});
