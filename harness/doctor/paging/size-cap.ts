/**
 * `page-size-over-cap`: the connector asked for a bigger page than the listing allows. Graph, Google and
 * AWS refuse the request; SCIM serves its maximum, which breaks a connector that then assumes it got what
 * it asked for.
 */
import type { Finding } from '../../../reports/evidence.js';
import { firstFew, requestLine } from '../journal-facts.js';
import { sizeCap } from '../../../mocks/core/paging/dialect.js';
import type { Listing } from './listings.js';

export function pageSizeOverCap(listings: readonly Listing[]): Finding | undefined {
  const lines: string[] = [];
  for (const listing of listings) {
    const cap = sizeCap(listing.dialect, listing.route);
    if (cap === undefined) continue;
    const over = listing.calls.filter((c) => c.size !== undefined && c.size > cap);
    if (over.length === 0) continue;
    const c = over[0]!;
    const outcome =
      listing.dialect.overCap === 'refused'
        ? `the provider refused ${c.entry.status >= 400 ? 'it' : 'such requests'}`
        : `the provider served at most ${cap}`;
    lines.push(
      `${listing.route}: asked ${listing.dialect.size}=${c.size}, above its cap of ${cap}; ${outcome} (${over.length} request(s))`,
      requestLine(c.entry),
    );
  }
  if (lines.length === 0) return undefined;
  return {
    id: 'page-size-over-cap',
    title: 'Page size over the cap: the connector asked for more per page than the listing allows',
    evidence: firstFew(lines, 6),
    fix: [
      "Ask at most the cap: Graph $top 999, Google maxResults 500 for users and 200 for groups and members, IAM MaxItems 1000, Identity Store MaxResults 100, SCIM count up to the server's filter.maxResults.",
      'Page by what the answer says (continuation, or items returned), never by the size asked.',
    ],
  };
}
