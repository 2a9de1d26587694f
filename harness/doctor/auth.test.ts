import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyAws, healthyEntra, healthyGoogle, healthyScim, JournalBuilder, tenant } from './doctor.test-support.js';

const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);
const finding = (ev: RunEvidence, id: string) => diagnose(ev).findings.find((f) => f.id === id);
const tokenUrl = () => `/${tenant().shape.tenantId}/oauth2/v2.0/token`;

describe('consent-missing', () => {
  it('Entra: Graph refuses every read of an app nobody consented for', () => {
    const journal = new JournalBuilder('entra')
      .add({ method: 'POST', url: tokenUrl(), route: 'entra.token', status: 200 })
      .get('/v1.0/users?$top=999', 'graph.users.list', 403).entries;
    const ev: RunEvidence = {
      ...healthyEntra(),
      granted: [],
      journal,
      outcome: 'failed',
      error: '403 Authorization_RequestDenied: Insufficient privileges to complete the operation.',
      sync: undefined,
    };
    const f = finding(ev, 'consent-missing')!;
    expect(f.evidence).toContain('granted: nothing');
    expect(f.evidence).toContain('#2 GET /v1.0/users?$top=999 -> 403');
    expect(f.fix.join('\n')).toMatch(/API permissions[\s\S]*User\.Read\.All[\s\S]*Grant admin consent/);
    expect(ids(ev)).not.toContain('permission-missing');
  });

  it('Google: the token endpoint answers unauthorized_client (no domain-wide delegation)', () => {
    const journal = new JournalBuilder('google').add({ method: 'POST', url: '/token', route: 'google.token', status: 401 }).entries;
    const ev: RunEvidence = {
      ...healthyGoogle(),
      granted: [],
      journal,
      outcome: 'failed',
      error: 'unauthorized_client: Client is unauthorized to retrieve access tokens using this method',
      sync: undefined,
    };
    const f = finding(ev, 'consent-missing')!;
    expect(f.title).toMatch(/domain-wide delegation/);
    expect(f.fix.join('\n')).toMatch(/Manage Domain Wide Delegation/);
    expect(ids(ev)).not.toContain('invalid-secret');
  });

  it("Okta: the token endpoint answers 400 consent_required (no scope granted to the service app), not the key's 401", () => {
    const journal = new JournalBuilder('okta').add({ method: 'POST', url: '/oauth2/v1/token', route: 'okta.token', status: 400 }).entries;
    const error = 'token request failed: 400: consent_required: You are not allowed any of the requested scopes.';
    const ev: RunEvidence = { ...healthyScim(), provider: 'okta', granted: [], journal, outcome: 'failed', error, sync: undefined };
    const f = finding(ev, 'consent-missing')!;
    expect(f.title).toBe('Consent missing: the token endpoint granted none of the scopes asked for');
    expect(f.evidence).toContain('#1 POST /oauth2/v1/token -> 400');
    expect(f.fix.join('\n')).toMatch(/okta\.users\.read/);
    expect(ids(ev)).not.toContain('invalid-secret');
    // The key refused is 401 invalid_client: a credential finding, not consent.
    const refusedKey = new JournalBuilder('okta').add({ method: 'POST', url: '/oauth2/v1/token', route: 'okta.token', status: 401 }).entries;
    expect(
      ids({ ...ev, journal: refusedKey, error: 'token request failed: 401: invalid_client: The client_assertion signature is invalid.' }),
    ).not.toContain('consent-missing');
  });

  it('AWS: AccessDenied on everything with an empty policy', () => {
    const journal = new JournalBuilder('aws')
      .add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 403 })
      .add({ method: 'POST', url: '/', route: 'iam.ListGroups', status: 403 }).entries;
    const ev: RunEvidence = { ...healthyAws(), granted: [], journal, outcome: 'failed', sync: undefined };
    expect(ids(ev)).toEqual(['consent-missing']);
    expect(finding(ev, 'consent-missing')!.fix[0]).toMatch(/iam:ListGroups, iam:ListUsers/);
  });

  it('a healthy run has none', () => {
    for (const ev of [healthyEntra(), healthyGoogle(), healthyAws(), healthyScim()]) expect(ids(ev)).not.toContain('consent-missing');
  });
});

describe('permission-missing', () => {
  it('Entra: names GroupMember.Read.All for the refused members route', () => {
    const ev = healthyEntra();
    const journal = new JournalBuilder('entra')
      .add({ method: 'POST', url: tokenUrl(), route: 'entra.token', status: 200 })
      .get('/v1.0/users?$top=999', 'graph.users.list', 200, { items: 24 })
      .get('/beta/groups/g1/members?$select=id', 'graph.groups.members.list', 403, { fault: 'partial-consent:missing=GroupMember.Read.All' }).entries;
    const f = finding({ ...ev, journal }, 'permission-missing')!;
    expect(f.title).toContain('GroupMember.Read.All');
    expect(f.evidence[0]).toBe(
      '#3 GET /beta/groups/g1/members?$select=id -> 403 (partial-consent:missing=GroupMember.Read.All): graph.groups.members.list needs GroupMember.Read.All',
    );
    expect(ids({ ...ev, journal })).not.toContain('consent-missing');
  });

  it('Google: names the rolemanagement scope', () => {
    const ev = healthyGoogle();
    const journal = [
      ...ev.journal,
      { ...ev.journal[1]!, seq: 5, url: '/admin/directory/v1/customer/my_customer/roles', route: 'google.roles.list', status: 403 },
    ];
    expect(finding({ ...ev, journal }, 'permission-missing')!.title).toContain(
      'https://www.googleapis.com/auth/admin.directory.rolemanagement.readonly',
    );
  });

  it('AWS: an Identity Store action outside the policy (400 AccessDeniedException) names its IAM action', () => {
    const ev = healthyAws();
    const journal = [...ev.journal, { ...ev.journal[1]!, seq: 5, route: 'identitystore.ListGroupMemberships', status: 400, items: undefined }];
    const f = finding({ ...ev, journal }, 'permission-missing')!;
    expect(f.title).toContain('identitystore:ListGroupMemberships');
    expect(f.fix[0]).toMatch(/identity-based policy/);
  });

  it('reads that all work are not a finding', () => {
    expect(ids(healthyEntra())).not.toContain('permission-missing');
  });
});

describe('write-back-not-consented', () => {
  const withWrite = (status: number, writeBack: boolean): RunEvidence => {
    const ev = healthyEntra();
    const journal = [
      ...ev.journal,
      {
        ...ev.journal[1]!,
        seq: ev.journal.length + 1,
        method: 'POST',
        url: '/v1.0/groups/g1/members/$ref',
        route: 'graph.groups.members.add',
        status,
        items: undefined,
      },
    ];
    return {
      ...ev,
      journal,
      writeBack,
      actions: [
        {
          op: 'grant',
          entitlement: 'group:g1:member',
          principal: 'user:u1',
          ok: status < 300,
          ...(status < 300 ? {} : { error: '403 Authorization_RequestDenied: Insufficient privileges to complete the operation.' }),
        },
      ],
    };
  };

  it('a refused grant while reads worked names the write permission and the write-back switch', () => {
    const f = finding(withWrite(403, false), 'write-back-not-consented')!;
    expect(f.evidence[0]).toContain('graph.groups.members.add needs GroupMember.ReadWrite.All');
    expect(f.fix[0]).toMatch(/write-back off/);
    expect(f.fix.join('\n')).toMatch(/Grant admin consent/);
  });

  it('a read-only grant with write-back off and no write is not a finding; neither is a write that worked', () => {
    expect(ids(healthyEntra())).not.toContain('write-back-not-consented');
    expect(ids(withWrite(204, true))).not.toContain('write-back-not-consented');
  });
});

describe('expired-secret and invalid-secret', () => {
  it('Entra: the token endpoint refuses the secret after earlier successes (AADSTS7000222)', () => {
    const ev = healthyEntra();
    const journal = new JournalBuilder('entra')
      .add({ method: 'POST', url: tokenUrl(), route: 'entra.token', status: 200 })
      .get('/v1.0/users?$top=999', 'graph.users.list', 200, { items: 24, fault: 'expired-secret:from=2' })
      .add({ method: 'POST', url: tokenUrl(), route: 'entra.token', status: 401 }).entries;
    const run: RunEvidence = {
      ...ev,
      journal,
      outcome: 'failed',
      error: "token request failed: 401: AADSTS7000222: The provided client secret keys for app 'x' are expired.",
    };
    const f = finding(run, 'expired-secret')!;
    expect(f.evidence[0]).toBe('last success before it: #2 GET /v1.0/users?$top=999 -> 200 (expired-secret:from=2)');
    expect(f.evidence.join('\n')).toContain('AADSTS7000222');
    expect(f.fix[0]).toMatch(/Certificates & secrets > New client secret/);
    expect(ids(run)).not.toContain('invalid-secret');
  });

  it('Google, AWS and SCIM: refused after working is expiry', () => {
    const google = new JournalBuilder('google')
      .add({ method: 'POST', url: '/token', route: 'google.token', status: 200 })
      .get('/admin/directory/v1/users', 'google.users.list', 200)
      .add({ method: 'POST', url: '/token', route: 'google.token', status: 400 }).entries;
    expect(ids({ ...healthyGoogle(), journal: google, outcome: 'failed', error: 'invalid_grant: Invalid JWT Signature.' })).toContain(
      'expired-secret',
    );
    const aws = new JournalBuilder('aws')
      .add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 200 })
      .add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 403, fault: 'expired-secret:from=2' }).entries;
    expect(
      ids({ ...healthyAws(), journal: aws, outcome: 'failed', error: 'ExpiredToken: The security token included in the request is expired' }),
    ).toEqual(['expired-secret']);
    const scim = new JournalBuilder('scim')
      .get('/scim/v2/Users?startIndex=1&count=10', 'scim.users.list', 200)
      .get('/scim/v2/Users?startIndex=11&count=10', 'scim.users.list', 401).entries;
    const f = finding({ ...healthyScim(), journal: scim, outcome: 'failed' }, 'expired-secret')!;
    expect(f.title).toContain('SCIM token');
    expect(f.fix[0]).toMatch(/new SCIM token/);
  });

  it('Entra: a wrong secret from the start is invalid, not expired (AADSTS7000215)', () => {
    const journal = new JournalBuilder('entra').add({ method: 'POST', url: tokenUrl(), route: 'entra.token', status: 401 }).entries;
    const run: RunEvidence = {
      ...healthyEntra(),
      journal,
      outcome: 'failed',
      error: 'token request failed: 401: AADSTS7000215: Invalid client secret provided.',
      sync: undefined,
    };
    expect(ids(run)).toEqual(['invalid-secret']);
    expect(finding(run, 'invalid-secret')!.fix[0]).toMatch(/Value, not the Secret ID/);
  });

  it('AWS: a key IAM does not know, on actions the policy allows, is invalid (not a missing permission)', () => {
    const journal = new JournalBuilder('aws').add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 403 }).entries;
    expect(
      ids({
        ...healthyAws(),
        journal,
        outcome: 'failed',
        error: 'InvalidClientTokenId: The security token included in the request is invalid.',
        sync: undefined,
      }),
    ).toEqual(['invalid-secret']);
  });

  it('healthy runs have neither', () => {
    for (const ev of [healthyEntra(), healthyGoogle(), healthyAws(), healthyScim()]) {
      expect(ids(ev)).not.toContain('expired-secret');
      expect(ids(ev)).not.toContain('invalid-secret');
    }
  });
});
