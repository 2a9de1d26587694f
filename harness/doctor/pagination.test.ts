import { describe, expect, it } from 'vitest';
import { unchangedText } from '../sync/page-guard.js';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyAws, healthyEntra, healthyScim, JournalBuilder, users } from './doctor.test-support.js';

const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);
const finding = (ev: RunEvidence, id: string) => diagnose(ev).findings.find((f) => f.id === id);
const failed = (error: string): RunEvidence => ({
  ...healthyEntra(),
  outcome: 'failed',
  error,
  log: [{ level: 'error', msg: 'sync failed', error }],
});

describe('page-token-unchanged', () => {
  it("recognises the page guard's current and legacy SDK texts", () => {
    for (const version of ['current', 'legacy'] as const) {
      const text = unchangedText({ kind: 'resources', resourceTypeId: 'user' }, 'tok-2', version);
      const f = finding(failed(text), 'page-token-unchanged')!;
      expect(f.evidence[0]).toContain('tok-2');
    }
    expect(ids(failed(unchangedText({ kind: 'grants', resourceTypeId: 'group', resourceId: 'g1' }, 't', 'current')))).toContain(
      'page-token-unchanged',
    );
  });

  it('not for other failures', () => {
    expect(ids(failed('403 Forbidden'))).not.toContain('page-token-unchanged');
  });
});

describe('pagination-cycle', () => {
  it("recognises the page guard's cycle text", () => {
    const f = finding(
      failed(
        'listing resources failed: pagination cycle detected (token=A was returned earlier in this listing, type=user, parent=<nil>) - likely a connector bug',
      ),
      'pagination-cycle',
    )!;
    expect(f.evidence[0]).toContain('token=A');
    expect(ids(failed('listing resources failed: pagination cycle detected (token=A ...)'))).not.toContain('page-token-unchanged');
  });

  it('not for a healthy run', () => {
    expect(ids(healthyEntra())).not.toContain('pagination-cycle');
  });
});

describe('no-pagination', () => {
  const missingAfterFirstPage = (provider: 'entra' | 'scim' | 'aws', urls: string[], items = provider === 'aws' ? 100 : 10): RunEvidence => {
    const base = provider === 'entra' ? healthyEntra() : provider === 'scim' ? healthyScim() : healthyAws();
    const route = provider === 'entra' ? 'graph.users.list' : provider === 'scim' ? 'scim.users.list' : 'iam.ListUsers';
    const journal = new JournalBuilder(provider);
    for (const url of urls) journal.add({ method: provider === 'aws' ? 'POST' : 'GET', url, route, status: 200, items });
    const missing = users()
      .slice(10)
      .map((u) => `user:${u.objectId}`);
    return { ...base, journal: journal.entries, completeness: { missing, extra: [] } };
  };

  it('one users page, no page token, and users missing', () => {
    const f = finding(missingAfterFirstPage('entra', ['/v1.0/users?$top=10']), 'no-pagination')!;
    expect(f.evidence[0]).toMatch(/^graph\.users\.list: 1 call\(s\), none with a page token; 14 user\(s\) missing/);
    expect(f.evidence[1]).toBe('#1 GET /v1.0/users?$top=10 -> 200');
    expect(ids(missingAfterFirstPage('scim', ['/scim/v2/Users?startIndex=1&count=10']))).toContain('no-pagination');
    expect(ids(missingAfterFirstPage('aws', ['/']))).toContain('no-pagination');
  });

  it('not when the listing followed page tokens (other causes lose items too), nor when nothing is missing', () => {
    expect(ids(missingAfterFirstPage('entra', ['/v1.0/users?$top=10', '/v1.0/users?$top=10&$skiptoken=RFNwdAIAAQAAAA']))).not.toContain(
      'no-pagination',
    );
    expect(ids(missingAfterFirstPage('scim', ['/scim/v2/Users?startIndex=1&count=10', '/scim/v2/Users?startIndex=11&count=10']))).not.toContain(
      'no-pagination',
    );
    expect(ids(missingAfterFirstPage('aws', ['/', '/']))).not.toContain('no-pagination');
    expect(ids(healthyEntra())).not.toContain('no-pagination');
  });

  it('not when the one page came back short: that page was the whole listing (a filter, say, lost the rest)', () => {
    expect(ids(missingAfterFirstPage('entra', ['/v1.0/users?$top=10'], 7))).not.toContain('no-pagination');
    expect(ids(missingAfterFirstPage('aws', ['/'], 40))).not.toContain('no-pagination');
  });
});
