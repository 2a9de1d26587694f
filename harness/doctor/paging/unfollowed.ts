/**
 * `next-page-not-requested`: an answer said more followed (a continuation, or a SCIM total beyond the page)
 * and no later request of the same listing asked for it. Whatever the page size: IAM serves short pages
 * that are still truncated, so a connector that stops on a short page loses the rest.
 */
import type { Finding } from '../../../reports/evidence.js';
import { firstFew, ok, requestLine } from '../journal-facts.js';
import { pageLine, saidMore, type ListCall, type Listing } from './listings.js';

/** The answers in a listing that said more and were never followed. */
export function unfollowedPages(listing: Listing): ListCall[] {
  const out: ListCall[] = [];
  listing.calls.forEach((call, i) => {
    if (!saidMore(call)) return;
    const later = listing.calls.slice(i + 1);
    const followed = call.next !== undefined ? later.some((c) => c.token === call.next) : later.some((c) => c.offset! > call.offset!);
    if (!followed) out.push(call);
  });
  return out;
}

/** Why the page looked final to a connector that stopped, for the evidence. */
function shortPageNote(call: ListCall): string {
  const asked = call.size ?? undefined;
  if (asked !== undefined && call.items < asked) return ` (the page held ${call.items} of the ${asked} asked: a short page is not the end)`;
  return '';
}

export function nextPageNotRequested(listings: readonly Listing[], journalEnd: { lastOkSeq: number; failed: boolean }): Finding | undefined {
  const lines: string[] = [];
  const signals = new Set<string>();
  for (const listing of listings) {
    // A run that failed right after the answer never had the chance: its failure explains the stop.
    const pages = unfollowedPages(listing).filter((c) => !journalEnd.failed || journalEnd.lastOkSeq > c.entry.seq);
    for (const call of pages) {
      signals.add(listing.dialect.more);
      const what =
        call.next !== undefined
          ? `no later request sent its ${listing.dialect.token}`
          : `no later request asked for startIndex ${call.offset! + call.items}`;
      lines.push(
        `${listing.label}: the provider said there was more (${listing.dialect.more})${shortPageNote(call)}; ${what}`,
        pageLine(call, requestLine),
      );
    }
  }
  if (lines.length === 0) return undefined;
  return {
    id: 'next-page-not-requested',
    title: 'Next page not requested: the provider said there was more and the connector stopped',
    evidence: firstFew(lines, 6),
    fix: [
      // The provider's own signal, from its paging dialect, so the advice is in the words of the API the connector reads.
      `Keep asking while the answer says there is more: ${[...signals].join('; ')}.`,
      'Never decide the end from the page size: a provider may serve fewer items than asked and still have more.',
    ],
  };
}

/** The end of the run as the journal shows it: the last request answered 2xx, and whether the sync failed. */
export function journalEnd(journal: readonly { seq: number; status: number }[], failed: boolean): { lastOkSeq: number; failed: boolean } {
  let lastOkSeq = 0;
  for (const e of journal) if (ok(e as never)) lastOkSeq = e.seq;
  return { lastOkSeq, failed };
}
