/**
 * The doctor: reads a run's evidence and says what went wrong and how to fix it, in the providers' own
 * troubleshooting terms, plus the least permissions the connector really needed. Detectors are small
 * tables per concern; findings come sorted by id so the same run always reads the same.
 */
import { authDetectors } from './auth.js';
import { createContext, type Detector } from './context.js';
import { coverageDetectors } from './coverage.js';
import type { Diagnosis, RunEvidence } from '../../reports/evidence.js';
import { idFormDetector } from './id-forms.js';
import { identityDetectors } from './identities.js';
import { ok } from './journal-facts.js';
import { entryPermission } from './least-privilege.js';
import { paginationDetectors } from './pagination.js';
import { pagingAuditDetectors } from './paging/index.js';
import { performanceDetectors } from './performance.js';
import { rejectedRequestDetector } from './rejected.js';
import { throttlingDetectors } from './throttling.js';
import { transportDetectors } from './transport.js';
import { unexplained } from './unexplained.js';

export type { Diagnosis, Finding, RunEvidence } from '../../reports/evidence.js';

const DETECTORS: readonly Detector[] = [
  ...authDetectors,
  ...throttlingDetectors,
  ...identityDetectors,
  ...paginationDetectors,
  ...pagingAuditDetectors,
  ...performanceDetectors,
  ...coverageDetectors,
  ...transportDetectors,
  rejectedRequestDetector,
  idFormDetector,
];

export function diagnose(evidence: RunEvidence): Diagnosis {
  const context = createContext(evidence);
  const found = DETECTORS.flatMap((detect) => detect(context) ?? []);
  const last = unexplained(context, found);
  const findings = [...found, ...(last ? [last] : [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const minimalPermissions = minimal(evidence);
  const summary = findings.length
    ? findings.map((f) => f.title).join('; ')
    : `healthy: ${evidence.journal.length} requests, permissions needed: ${minimalPermissions.join(', ') || 'none'}`;
  return { findings, minimalPermissions, summary };
}

/** Least-privilege permissions for the routes that answered 2xx. */
function minimal(evidence: RunEvidence): string[] {
  const permissions = new Set<string>();
  for (const e of evidence.journal) {
    if (!ok(e)) continue;
    const permission = entryPermission(e, evidence.provider);
    if (permission) permissions.add(permission);
  }
  return [...permissions].sort();
}
