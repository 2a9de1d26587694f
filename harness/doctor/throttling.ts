/**
 * Rate limits: how often the connector was throttled and whether the sync came through, and retries that
 * came back sooner than the server's Retry-After (timed on the run's virtual clock, the journal's `at`).
 */
import type { JournalEntry } from '../../mocks/core/journal.js';
import type { Detector } from './context.js';
import { firstFew, isThrottle, ok, requestLine } from './journal-facts.js';
import { throttlingSteps } from './provider-terms.js';

const throttledDetector: Detector = (c) => {
  const throttled = c.ev.journal.filter(isThrottle);
  if (throttled.length === 0) return undefined;
  const last = throttled.at(-1)!;
  const recoveredRoute = c.ev.journal.some((e) => e.seq > last.seq && e.route === last.route && ok(e));
  const recovered = c.ev.outcome === 'succeeded' || recoveredRoute;
  const retries = c.ev.log.filter((l) => l.msg === 'retrying operation').length;
  return {
    id: 'throttled',
    title: `Throttled: ${throttled.length} answer(s) rate limited; ${recovered ? 'the sync recovered' : 'the sync did not recover'}`,
    evidence: [
      ...firstFew(throttled.map(requestLine), 4),
      ...(retries ? [`${retries} 'retrying operation' log line(s)`] : []),
      c.ev.outcome === 'succeeded' ? 'outcome: succeeded' : `outcome: failed${c.ev.error ? ` (${c.ev.error.slice(0, 160)})` : ''}`,
    ],
    fix: recovered
      ? [...throttlingSteps(c.ev.provider), 'The sync recovered: this is informational unless it slows the sync down noticeably.']
      : throttlingSteps(c.ev.provider),
  };
};

/** The connector's next call to the same URL, or else to the same route, after a throttled answer. */
function nextAttempt(journal: readonly JournalEntry[], throttled: JournalEntry): JournalEntry | undefined {
  // With several connectors, only the throttled one's own next call is its retry.
  const later = journal.filter((e) => e.seq > throttled.seq && e.provider === throttled.provider && e.client === throttled.client);
  return later.find((e) => e.url === throttled.url && e.route === throttled.route) ?? later.find((e) => e.route === throttled.route);
}

const retryAfterIgnoredDetector: Detector = (c) => {
  const early: string[] = [];
  for (const e of c.ev.journal) {
    if (!isThrottle(e) || !e.retryAfterSeconds) continue;
    const next = nextAttempt(c.ev.journal, e);
    if (!next) continue;
    const waitedMs = Date.parse(next.at) - Date.parse(e.at);
    if (waitedMs < e.retryAfterSeconds * 1000) {
      early.push(`${requestLine(e)} asked to wait ${e.retryAfterSeconds}s; ${requestLine(next)} came ${(waitedMs / 1000).toFixed(1)}s later`);
    }
  }
  if (early.length === 0) return undefined;
  return {
    id: 'retry-after-ignored',
    title: `Retry-After ignored: ${early.length} retry(ies) came sooner than the server asked`,
    evidence: firstFew(early, 4),
    fix: [
      "Read the wait from every 429 (and 503) answer (Retry-After, or the provider's own header named below) and wait at least that long before the next attempt.",
      'With a connector SDK: pass the Retry-After on the error (ConnectorHttpError retryAfterSeconds) so the engine waits, instead of retrying in the client.',
      ...throttlingSteps(c.ev.provider).slice(1),
    ],
  };
};

export const throttlingDetectors: Detector[] = [throttledDetector, retryAfterIgnoredDetector];
