/**
 * The last word: a sync that lost ids, or failed, with no other finding to say why, still gets one. What
 * is missing (by type, with examples), classified from the journal (lost after a refused or failed
 * request, at the end of a paged listing, all of one kind); for a failure, the last failed request and the
 * tail of what the connector wrote on stderr. A run never ends with "N missing" and no word on why.
 */
import type { JournalEntry } from '../../mocks/core/journal.js';
import { isGroupType, isUserType, type DoctorContext, type ResourceKey } from './context.js';
import type { Finding } from '../../reports/evidence.js';
import { callKind, firstFew, ok, quote, requestLine } from './journal-facts.js';
import { listingsOf, saidMore } from './paging/index.js';

/** Findings that describe cost or form, not why ids are missing or the run failed. */
const EXPLAINS_NOTHING = new Set(['n-plus-one', 'memory-growth', 'missing-raw-id']);

/** Lines of the connector's own output quoted for a failure. */
export const STDERR_TAIL_LINES = 5;

export function unexplained(c: DoctorContext, findings: readonly Finding[]): Finding | undefined {
  if (findings.some((f) => !EXPLAINS_NOTHING.has(f.id))) return undefined;
  if (c.ev.outcome === 'failed') return unexplainedFailure(c);
  if (c.missingResources.length || c.missingGrants.length) return unexplainedLoss(c);
  return undefined;
}

/** Reads and writes the provider did not answer 2xx, and that no later identical request made good. */
function failedCalls(journal: readonly JournalEntry[]): JournalEntry[] {
  return journal.filter((e, i) => {
    const kind = callKind(e);
    if (ok(e) || (kind !== 'read' && kind !== 'write' && kind !== 'unmatched')) return false;
    return !journal.slice(i + 1).some((later) => later.url === e.url && later.route === e.route && ok(later) && !e.page?.asked);
  });
}

function byType(keys: readonly ResourceKey[]): string {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k.type, (counts.get(k.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
}

function classify(c: DoctorContext, failed: JournalEntry[]): string[] {
  const lines: string[] = [];
  const missing = c.missingResources;
  if (failed.length) lines.push(`after a refused or failed request: ${failed.length} request(s) never answered 2xx, e.g. ${requestLine(failed[0]!)}`);
  const listings = listingsOf(c.ev.provider, c.ev.journal);
  const paged = listings.filter((l) => l.calls.filter((x) => x.answered).length > 1 || l.calls.some(saidMore));
  const kinds = new Set(missing.map((k) => (isUserType(k.type) ? 'user' : isGroupType(k.type) ? 'group' : k.type)));
  if (missing.length && paged.some((l) => kinds.has(/users/i.test(l.route) ? 'user' : /groups/i.test(l.route) ? 'group' : ''))) {
    lines.push(
      `in a listing read over several pages: ${paged
        .map((l) => `${l.label} (${l.calls.length} pages)`)
        .slice(0, 3)
        .join('; ')}; items may be lost at page boundaries`,
    );
  }
  if (missing.length && new Set(missing.map((k) => k.type)).size === 1) {
    const user = missing.map((k) => c.userOf(k.id)).filter(Boolean);
    const userKinds = new Set(user.map((u) => u!.kind));
    const note = user.length === missing.length && userKinds.size === 1 ? ` (every one a ${[...userKinds][0]} user)` : '';
    lines.push(`all of one kind: ${missing[0]!.type}${note}`);
  }
  return lines;
}

function unexplainedLoss(c: DoctorContext): Finding {
  const missing = c.missingResources;
  const grants = c.missingGrants;
  const what = [
    missing.length
      ? `${missing.length} resource(s) missing (${byType(missing)}), e.g. ${missing
          .slice(0, 3)
          .map((k) => `${k.type}:${k.id}`)
          .join(', ')}`
      : '',
    grants.length ? `${grants.length} grant(s) missing, e.g. ${grants.slice(0, 2).join(', ')}` : '',
  ].filter(Boolean);
  const failed = failedCalls(c.ev.journal);
  const classes = classify(c, failed);
  return {
    id: 'unexplained-loss',
    title: 'Unexplained loss: the sync succeeded without everything the tenant holds, and no other finding says why',
    evidence: firstFew(
      [
        ...what,
        ...(classes.length ? classes : ['no failed request, and every listing the provider answered was read to its end']),
        ...failed.slice(1, 3).map(requestLine),
      ],
      6,
    ),
    fix: [
      'Compare the journal with the connector: which listing should have returned the missing ids, and what did the connector do with its answer?',
      'A connector that skips items it cannot map, or filters by default, should log what it dropped and why.',
    ],
  };
}

function unexplainedFailure(c: DoctorContext): Finding {
  const failed = failedCalls(c.ev.journal);
  const last = failed[failed.length - 1];
  const tail = c.ev.log.slice(-STDERR_TAIL_LINES).map((l) => quote(typeof l.error === 'string' ? `${l.msg}: ${l.error}` : l.msg, 200));
  const evidence = [
    c.ev.error ? `run error: ${quote(c.ev.error, 300)}` : 'the run failed with no error text',
    last
      ? `last failed request: ${requestLine(last)}${last.refusal ? `: ${last.refusal.code}: ${quote(last.refusal.message, 160)}` : ''}`
      : 'no request failed: the connector stopped on its own',
    ...(tail.length ? ['connector output, last lines:', ...tail] : []),
  ];
  return {
    id: 'unexplained-failure',
    title: 'Unexplained failure: the sync failed and no other finding says why',
    evidence,
    fix: [
      "Read the last failed request and the connector's last lines: they show where it gave up.",
      "A connector should exit with an error that names the request and the provider's answer.",
    ],
  };
}
