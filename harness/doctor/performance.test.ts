import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyEntra, JournalBuilder, users } from './doctor.test-support.js';

const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);
const finding = (ev: RunEvidence, id: string) => diagnose(ev).findings.find((f) => f.id === id);

describe('n-plus-one', () => {
  const perUserGets = (count: number): RunEvidence => {
    const journal = new JournalBuilder('entra').get('/v1.0/users?$top=999', 'graph.users.list', 200, { items: users().length });
    for (const u of users().slice(0, count)) journal.get(`/v1.0/users/${u.objectId}`, 'graph.users.get');
    return { ...healthyEntra(), journal: journal.entries };
  };

  it('a GET per listed user', () => {
    const f = finding(perUserGets(24), 'n-plus-one')!;
    expect(f.evidence[0]).toBe('graph.users.get: 24 calls for 24 listed item(s) (graph.users.list)');
    expect(f.fix[0]).toMatch(/\$select/);
  });

  it('AWS GetUser per ListUsers item counts too', () => {
    const journal = new JournalBuilder('aws').add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 200, items: 24 });
    for (let i = 0; i < 22; i++) journal.add({ method: 'POST', url: '/', route: 'iam.GetUser', status: 200 });
    expect(ids({ ...healthyEntra(), provider: 'aws', granted: ['iam:List*', 'iam:Get*'], journal: journal.entries })).toContain('n-plus-one');
  });

  it('a few lookups are not', () => {
    expect(ids(perUserGets(5))).not.toContain('n-plus-one');
    expect(ids(healthyEntra())).not.toContain('n-plus-one');
  });
});

describe('memory-growth', () => {
  it('a connector keeping parsed pages (about 1 KB per user) is caught', () => {
    const run = {
      ...healthyEntra(),
      memory: {
        peakHeapBytes: 90e6,
        retained: [
          { users: 10_000, bytes: 15_000_000 },
          { users: 1000, bytes: 5_000_000 },
        ],
      },
    };
    const f = finding(run, 'memory-growth')!;
    expect(f.title).toBe('Memory growth: about 1111 bytes retained per extra user after the sync');
  });

  it('a streaming connector (flat retained heap), a single sample or no samples are not', () => {
    expect(ids(healthyEntra())).not.toContain('memory-growth');
    expect(ids({ ...healthyEntra(), memory: { peakHeapBytes: 1, retained: [{ users: 10, bytes: 1e9 }] } })).not.toContain('memory-growth');
    expect(ids({ ...healthyEntra(), memory: undefined })).not.toContain('memory-growth');
  });
});
