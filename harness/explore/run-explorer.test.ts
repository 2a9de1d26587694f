import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../mocks/core/journal.js';
import type { RunReport } from '../../reports/model.js';
import { RunExplorer } from './run-explorer.js';

function entry(seq: number, status: number, route: string | undefined, fault?: string): JournalEntry {
  return {
    seq,
    provider: 'entra',
    ...(route ? { route } : {}),
    method: 'GET',
    url: `/v1.0/x?n=${seq}`,
    status,
    ...(fault ? { fault } : {}),
    latencyMs: 1,
    at: `2026-05-01T12:00:0${seq}.000Z`,
  };
}

const journal = [
  entry(1, 200, 'graph.users.list'),
  entry(2, 429, 'graph.users.list', 'throttle:every=2'),
  entry(3, 200, 'graph.groups.list'),
  entry(4, 404, undefined),
];
const report = {
  findings: [
    {
      id: 'throttled',
      title: 'Throttled',
      evidence: ['#2 GET /v1.0/x -> 429', 'journal #4: and #99, which the journal does not hold', 'no citation'],
      fix: [],
    },
  ],
} as unknown as RunReport;

describe('RunExplorer', () => {
  it('links each evidence line to the journal requests it cites, and only to those that exist', () => {
    const run = new RunExplorer(journal, report);
    expect(run.findings[0]!.evidence.map((e) => e.requests)).toEqual([[2], [4], []]);
    expect(run.request(2)).toEqual({ entry: journal[1], citedBy: ['throttled'] });
    expect(run.request(3)).toEqual({ entry: journal[2], citedBy: [] });
    expect(run.request(99)).toBeUndefined();
  });

  it('filters by route (unmatched ones by name), status and fault (or none), with the choices of the whole journal', () => {
    const run = new RunExplorer(journal, report);
    expect(run.requests({ route: 'graph.users.list' }).items.map((e) => e.seq)).toEqual([1, 2]);
    expect(run.requests({ route: '(unmatched)' }).items.map((e) => e.seq)).toEqual([4]);
    expect(run.requests({ status: 200 }).total).toBe(2);
    expect(run.requests({ fault: 'throttle:every=2' }).items.map((e) => e.seq)).toEqual([2]);
    expect(run.requests({ fault: '(none)' }).total).toBe(3);
    expect(run.requests({}, 3)).toMatchObject({ offset: 3, total: 4, items: [journal[3]] });
    expect(run.requests({}).choices).toEqual({
      routes: ['(unmatched)', 'graph.groups.list', 'graph.users.list'],
      statuses: [200, 404, 429],
      faults: ['throttle:every=2'],
    });
  });
});
