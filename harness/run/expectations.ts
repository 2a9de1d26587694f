/**
 * A run against its scenario's `expect`: one line per expectation that does not hold, saying what was
 * expected and what happened, so a red CI line explains itself.
 */
import type { SyncStats } from '../../c1z/index.js';
import type { CountRange, ErrorMatcher, Expectations } from '../scenario/schema.js';
import type { Finding } from '../../reports/evidence.js';
import type { TenantStore } from '../../mocks/tenant/model.js';
import type { ConnectorRun, RerunResult } from '../../reports/run/result.js';
import { isMember, resolveEntitlement, resolvePrincipal } from './tenant-refs.js';

export interface RunFacts {
  outcome: 'succeeded' | 'failed';
  error?: string;
  connectors: ConnectorRun[];
  requests: number;
  requestsByRoute: Record<string, number>;
  findings: Finding[];
  peakMemoryMb?: number;
  tenant: TenantStore;
  rerun?: RerunResult;
}

const SHOWN = 5;

export function unmetExpectations(expect: Expectations, facts: RunFacts): string[] {
  const unmet: string[] = [];
  if (facts.outcome !== expect.outcome)
    unmet.push(`outcome: expected ${expect.outcome}, got ${facts.outcome}${facts.error ? ` (${oneLine(facts.error)})` : ''}`);
  for (const matcher of expect.error ?? []) {
    if (!matches(matcher, facts.error ?? ''))
      unmet.push(`error: expected ${describeMatcher(matcher)}, got ${facts.error ? JSON.stringify(oneLine(facts.error)) : 'no error'}`);
  }
  for (const run of facts.connectors) {
    const label = facts.connectors.length > 1 ? `${run.name}: ` : '';
    for (const [type, range] of Object.entries(expect.counts ?? {})) {
      const got = countOf(run.stats, type);
      if (!inRange(got, range)) unmet.push(`${label}counts.${type}: expected ${describeRange(range)}, got ${got}`);
    }
    const complete = run.missing.length === 0 && run.extra.length === 0;
    if (expect.complete === true && !complete)
      unmet.push(`${label}complete: ${run.missing.length} missing${sample(run.missing)}, ${run.extra.length} extra${sample(run.extra)}`);
    // `complete: false` asserts the loss a scenario is about, so a fixed bug shows up as a changed scenario.
    if (expect.complete === false && complete) unmet.push(`${label}complete: expected missing or extra ids, but the sync matches the tenant exactly`);
  }
  if (expect.requests?.max !== undefined && facts.requests > expect.requests.max)
    unmet.push(`requests.max: expected at most ${expect.requests.max}, got ${facts.requests}`);
  for (const [pattern, max] of Object.entries(expect.requests?.perRoute ?? {})) {
    const got = routeCount(facts.requestsByRoute, pattern);
    if (got > max) unmet.push(`requests.perRoute.${pattern}: expected at most ${max}, got ${got}`);
  }
  if (expect.retryAfterHonoured !== undefined) {
    const ignored = facts.findings.some((f) => f.id === 'retry-after-ignored');
    if (ignored === expect.retryAfterHonoured)
      unmet.push(
        `retryAfterHonoured: expected ${expect.retryAfterHonoured}, but a retry ${ignored ? 'came sooner than' : 'never came sooner than'} Retry-After asked`,
      );
  }
  if (expect.peakMemoryMb !== undefined && facts.peakMemoryMb !== undefined && facts.peakMemoryMb > expect.peakMemoryMb) {
    unmet.push(`peakMemoryMb: expected at most ${expect.peakMemoryMb}, got ${facts.peakMemoryMb.toFixed(1)}`);
  }
  for (const [i, pair] of (expect.state?.granted ?? []).entries()) {
    if (!holds(facts.tenant, pair, `expect.state.granted[${i}]`)) unmet.push(`state.granted: ${pair.principal} does not hold ${pair.entitlement}`);
  }
  for (const [i, pair] of (expect.state?.notGranted ?? []).entries()) {
    if (holds(facts.tenant, pair, `expect.state.notGranted[${i}]`)) unmet.push(`state.notGranted: ${pair.principal} still holds ${pair.entitlement}`);
  }
  if (expect.diff) unmet.push(...unmetDiff(expect.diff, facts.rerun));
  if (expect.findings) {
    const got = [...new Set(facts.findings.map((f) => f.id))].sort();
    const want = [...new Set(expect.findings)].sort();
    if (got.join() !== want.join()) unmet.push(`findings: expected [${want.join(', ')}], got [${got.join(', ')}]`);
  }
  return unmet;
}

function unmetDiff(expected: NonNullable<Expectations['diff']>, rerun: RerunResult | undefined): string[] {
  const diff = rerun?.diff;
  if (!diff)
    return [
      `diff: expected a comparison of the two syncs, but ${rerun ? `the rerun wrote no sync to compare (${rerun.error ?? 'no error'})` : 'there was no rerun'}`,
    ];
  const unmet: string[] = [];
  const gate = diff.gate.passed ? 'passed' : 'failed';
  if (gate !== expected.gate) {
    const why = diff.gate.failures.map((f) => f.message).join('; ');
    unmet.push(`diff.gate: expected ${expected.gate}, got ${gate}${why ? ` (${why})` : ''}`);
  }
  if (expected.differ !== undefined && diff.differ !== expected.differ) unmet.push(`diff.differ: expected ${expected.differ}, got ${diff.differ}`);
  if (expected.findings) {
    const want = [...new Set(expected.findings)].sort();
    if (want.join() !== diff.findings.join()) unmet.push(`diff.findings: expected [${want.join(', ')}], got [${diff.findings.join(', ')}]`);
  }
  return unmet;
}

function holds(tenant: TenantStore, pair: { entitlement: string; principal: string }, where: string): boolean {
  const { group } = resolveEntitlement(tenant, pair.entitlement, where);
  return isMember(tenant, group, resolvePrincipal(tenant, pair.principal, where));
}

/** `grants` and `entitlements` are totals; anything else is a resource type id. */
function countOf(stats: SyncStats | undefined, key: string): number {
  if (!stats) return 0;
  if (key === 'grants') return stats.grants;
  if (key === 'entitlements') return stats.entitlements;
  return stats.resourcesByResourceType[key] ?? 0;
}

function inRange(value: number, range: CountRange): boolean {
  if (range.exact !== undefined) return value === range.exact;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

function describeRange(range: CountRange): string {
  if (range.exact !== undefined) return `exactly ${range.exact}`;
  if (range.min !== undefined && range.max !== undefined) return `${range.min} to ${range.max}`;
  return range.min !== undefined ? `at least ${range.min}` : `at most ${range.max}`;
}

/** A route name, or a pattern with `*` (`graph.users.*`). */
function routeCount(byRoute: Record<string, number>, pattern: string): number {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return Object.entries(byRoute).reduce((sum, [route, n]) => (regex.test(route) ? sum + n : sum), 0);
}

function matches(matcher: ErrorMatcher, text: string): boolean {
  return 'text' in matcher ? text.includes(matcher.text) : matcher.regex.test(text);
}

function describeMatcher(matcher: ErrorMatcher): string {
  return 'text' in matcher ? JSON.stringify(matcher.text) : String(matcher.regex);
}

function sample(ids: string[]): string {
  if (ids.length === 0) return '';
  return ` (${ids.slice(0, SHOWN).join(', ')}${ids.length > SHOWN ? ', ...' : ''})`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
