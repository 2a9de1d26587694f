import { describe, expect, it } from 'vitest';
import { createContext } from './context.js';
import type { Finding, LogLine, RunEvidence } from '../../reports/evidence.js';
import { healthyScim, JournalBuilder, users } from './doctor.test-support.js';
import { STDERR_TAIL_LINES, unexplained } from './unexplained.js';

const other = (id: string): Finding => ({ id, title: id, evidence: [], fix: [] });
const run = (ev: RunEvidence, findings: Finding[] = []) => unexplained(createContext(ev), findings);

/** A SCIM run whose users listing is read whole over two pages, optionally with more requests after it. */
function scim(add: (j: JournalBuilder) => void = () => undefined): RunEvidence {
  const j = new JournalBuilder('scim')
    .get('/scim/v2/Users?startIndex=1&count=12', 'scim.users.list', 200, { items: 12, page: { total: 24 } })
    .get('/scim/v2/Users?startIndex=13&count=12', 'scim.users.list', 200, { items: 12, page: { total: 24 } });
  add(j);
  return { ...healthyScim(), journal: j.entries };
}

const guests = users().filter((u) => u.kind === 'guest');

describe('unexplained-loss', () => {
  it('says what is missing, by type with examples, classified as in a listing read over several pages and all of one kind', () => {
    const missing = guests.map((u) => `user:${u.objectId}`);
    const f = run({ ...scim(), completeness: { missing, extra: [] } })!;
    expect(f.id).toBe('unexplained-loss');
    expect(f.evidence[0]).toMatch(new RegExp(`^${missing.length} resource\\(s\\) missing \\(${missing.length} user\\), e\\.g\\. user:`));
    expect(f.evidence).toContain(
      'in a listing read over several pages: scim.users.list /scim/v2/Users (2 pages); items may be lost at page boundaries',
    );
    expect(f.evidence).toContain('all of one kind: user (every one a guest user)');
  });

  it('names the refused or failed request the loss came after, unless a later identical request made it good', () => {
    const u = users()[0]!;
    const ev = scim((j) => j.get('/scim/v2/Groups?startIndex=1&count=100', 'scim.groups.list', 500));
    const f = run({ ...ev, completeness: { missing: [`user:${u.objectId}`], extra: [] } })!;
    expect(f.evidence).toContain(
      'after a refused or failed request: 1 request(s) never answered 2xx, e.g. #3 GET /scim/v2/Groups?startIndex=1&count=100 -> 500',
    );
    const retried = scim((j) =>
      j
        .get('/scim/v2/Groups?startIndex=1&count=100', 'scim.groups.list', 500)
        .get('/scim/v2/Groups?startIndex=1&count=100', 'scim.groups.list', 200, { items: 4 }),
    );
    const g = run({ ...retried, completeness: { missing: [`user:${u.objectId}`], extra: [] } })!;
    expect(g.evidence.join('\n')).not.toContain('after a refused or failed request');
  });

  it('missing grants only, with every listing read to its end and one page each: says so', () => {
    const f = run({ ...healthyScim(), completeness: { missing: ['group:g1:member:user:u1'], extra: [] } })!;
    expect(f.evidence).toEqual([
      '1 grant(s) missing, e.g. group:g1:member:user:u1',
      'no failed request, and every listing the provider answered was read to its end',
    ]);
  });

  it('only when no other finding explains the run: cost and form findings do not count', () => {
    const ev = { ...scim(), completeness: { missing: [`user:${users()[0]!.objectId}`], extra: [] } };
    expect(run(ev, [other('next-page-not-requested')])).toBeUndefined();
    expect(run(ev, [other('n-plus-one'), other('missing-raw-id')])?.id).toBe('unexplained-loss');
  });

  it('nothing missing and succeeded: none', () => {
    expect(run(scim())).toBeUndefined();
  });
});

describe('unexplained-failure', () => {
  it("gives the run error, the last failed request with the provider's refusal, and the connector's last lines", () => {
    const ev = scim((j) => {
      j.get('/scim/v2/Groups?startIndex=1&count=100', 'scim.groups.list', 500);
      j.get('/scim/v2/Groups?startIndex=0&count=100', 'scim.groups.list', 400, {
        refusal: { code: 'invalidValue', message: 'startIndex must be 1 or more' },
      });
    });
    const log: LogLine[] = Array.from({ length: 7 }, (_, i) => ({ level: 'info', msg: `line ${i + 1}` }));
    log.push({ level: 'error', msg: 'Traceback', error: 'RuntimeError: boom' });
    const f = run({ ...ev, outcome: 'failed', error: 'connector exited 1', log })!;
    expect(f.id).toBe('unexplained-failure');
    expect(f.evidence[0]).toBe('run error: connector exited 1');
    expect(f.evidence[1]).toBe(
      'last failed request: #4 GET /scim/v2/Groups?startIndex=0&count=100 -> 400: invalidValue: startIndex must be 1 or more',
    );
    expect(f.evidence.slice(2)).toEqual(['connector output, last lines:', 'line 4', 'line 5', 'line 6', 'line 7', 'Traceback: RuntimeError: boom']);
    expect(f.evidence.length).toBe(3 + STDERR_TAIL_LINES);
  });

  it('with no error text and no failed request: says the connector stopped on its own', () => {
    const f = run({ ...scim(), outcome: 'failed' })!;
    expect(f.evidence).toEqual(['the run failed with no error text', 'no request failed: the connector stopped on its own']);
  });

  it('a failure another finding explains is left to it', () => {
    expect(run({ ...scim(), outcome: 'failed' }, [other('expired-secret')])).toBeUndefined();
  });
});
