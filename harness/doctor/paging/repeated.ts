/**
 * `page-requested-again`: the connector sent a continuation (token, marker or startIndex) whose page it
 * already had, when the provider had not handed that continuation back (a provider that repeats or cycles
 * its tokens is the provider's fault, and has its own findings). A retry after a failed request is not a
 * repeat. Then it either stopped, or looped: asked for the same pages again and again.
 */
import type { Finding } from '../../../reports/evidence.js';
import { firstFew, requestLine } from '../journal-facts.js';
import { pageLine, saidMore, type ListCall, type Listing } from './listings.js';

/** A page's continuation as sent: the token, the offset, or `first` for a first page. */
const sent = (c: ListCall): string => (c.token !== undefined ? c.token : c.offset !== undefined && c.offset > 1 ? `startIndex=${c.offset}` : 'first');

/** What the answer before handed out, in the same terms. */
function handedOut(previous: ListCall | undefined): string | undefined {
  if (!previous || !saidMore(previous)) return undefined;
  if (previous.next !== undefined) return previous.next;
  return `startIndex=${previous.offset! + previous.items}`;
}

interface Repeat {
  call: ListCall;
  /** The answered call that had already served this page. */
  first: ListCall;
}

export function repeatedPages(listing: Listing): Repeat[] {
  const served = new Map<string, ListCall>();
  const repeats: Repeat[] = [];
  let previousAnswered: ListCall | undefined;
  let previous: ListCall | undefined;
  for (const call of listing.calls) {
    const key = sent(call);
    const retry = previous !== undefined && !previous.answered && sent(previous) === key;
    const earlier = served.get(key);
    const offered = handedOut(previousAnswered);
    // A first page again is a repeat only while the listing was unfinished: a second full pass is not a bug.
    const unfinished = previousAnswered !== undefined && saidMore(previousAnswered);
    if (earlier && !retry && offered !== key && (key !== 'first' || unfinished)) repeats.push({ call, first: earlier });
    if (call.answered) {
      if (!served.has(key)) served.set(key, call);
      previousAnswered = call;
    }
    previous = call;
  }
  return repeats;
}

export function pageRequestedAgain(listings: readonly Listing[]): Finding | undefined {
  const lines: string[] = [];
  for (const listing of listings) {
    const repeats = repeatedPages(listing);
    if (repeats.length === 0) continue;
    const last = listing.calls[listing.calls.length - 1]!;
    const looped = repeats.length >= 2;
    const outcome = looped
      ? `looped: ${repeats.length} pages asked again (${listing.calls.length} requests in all)`
      : last === repeats[0]!.call
        ? 'then stopped'
        : `then went on (${listing.calls.length} requests in all)`;
    const r = repeats[0]!;
    const what =
      r.call.token !== undefined
        ? `the same ${listing.dialect.token}`
        : r.call.offset !== undefined
          ? `the same ${listing.dialect.offset}`
          : 'the first page';
    lines.push(
      `${listing.label}: asked again for a page it already had (${what}), ${outcome}`,
      `first: ${pageLine(r.first, requestLine)}`,
      `again: ${pageLine(r.call, requestLine)}`,
    );
  }
  if (lines.length === 0) return undefined;
  return {
    id: 'page-requested-again',
    title: 'Page requested again: the connector asked for a page it already had',
    evidence: firstFew(lines, 6),
    fix: [
      "Send the continuation the last answer handed out (Graph's whole @odata.nextLink, Google nextPageToken, IAM Marker, Identity Store NextToken), not the one the request carried.",
      'SCIM: the next startIndex is this startIndex plus the items this page returned.',
      'Stop when the answer says there is no more, and never restart a listing from its first page mid-way.',
    ],
  };
}
