/**
 * `page-offset-gap` and `page-offset-overlap`: in an offset scheme (SCIM `startIndex`), the next page must
 * start right after the items the last one returned. Starting later skips items; earlier reads some twice.
 * The usual causes: advancing by the `count` asked when the server served fewer, or a 0-based index.
 */
import type { Finding } from '../../../reports/evidence.js';
import { firstFew, requestLine } from '../journal-facts.js';
import { pageLine, saidMore, type ListCall, type Listing } from './listings.js';

interface OffsetStep {
  from: ListCall;
  to: ListCall;
  /** First 1-based position the next page should have started at. */
  expected: number;
}

/** Consecutive answered pages of an offset listing whose offsets do not meet. */
export function offsetSteps(listing: Listing): { gaps: OffsetStep[]; overlaps: OffsetStep[] } {
  const gaps: OffsetStep[] = [];
  const overlaps: OffsetStep[] = [];
  if (!listing.dialect.offset) return { gaps, overlaps };
  const answered = listing.calls.filter((c) => c.answered);
  for (let i = 1; i < answered.length; i++) {
    const from = answered[i - 1]!;
    const to = answered[i]!;
    // A new pass from the start after a finished listing is not a step.
    if (to.offset === 1 && !saidMore(from)) continue;
    if (from.items === 0) continue;
    const expected = from.offset! + from.items;
    if (to.offset! > expected) gaps.push({ from, to, expected });
    else if (to.offset! < expected && to.offset! > from.offset!) overlaps.push({ from, to, expected });
  }
  return { gaps, overlaps };
}

function stepLines(listing: Listing, steps: OffsetStep[], kind: 'gap' | 'overlap'): string[] {
  return steps.flatMap((s) => {
    const range = kind === 'gap' ? [s.expected, s.to.offset! - 1] : [s.to.offset!, s.expected - 1];
    const n = range[1]! - range[0]! + 1;
    const what = kind === 'gap' ? `items ${range[0]}-${range[1]} (${n}) were never read` : `items ${range[0]}-${range[1]} (${n}) were read twice`;
    const sizeNote = s.from.size !== undefined && s.from.size !== s.from.items ? `; it asked count=${s.from.size} and got ${s.from.items}` : '';
    return [
      `${listing.label}: ${what}: the page at ${listing.dialect.offset} ${s.from.offset} returned ${s.from.items} and the next asked ${listing.dialect.offset} ${s.to.offset}${sizeNote}`,
      pageLine(s.from, requestLine),
      pageLine(s.to, requestLine),
    ];
  });
}

export function offsetFindings(listings: readonly Listing[], missingExamples: (listing: Listing) => string[]): Finding[] {
  const gapLines: string[] = [];
  const overlapLines: string[] = [];
  for (const listing of listings) {
    const { gaps, overlaps } = offsetSteps(listing);
    if (gaps.length) gapLines.push(...stepLines(listing, gaps, 'gap'), ...missingExamples(listing));
    if (overlaps.length) overlapLines.push(...stepLines(listing, overlaps, 'overlap'));
  }
  const findings: Finding[] = [];
  if (gapLines.length) {
    findings.push({
      id: 'page-offset-gap',
      title: 'Paging offsets leave gaps: the connector skipped items between pages',
      evidence: firstFew(gapLines, 6),
      fix: [
        'Advance startIndex by the items the page returned (itemsPerPage), not by the count asked: servers may serve fewer.',
        'startIndex is 1-based: the first page is startIndex=1.',
      ],
    });
  }
  if (overlapLines.length) {
    findings.push({
      id: 'page-offset-overlap',
      title: 'Paging offsets overlap: the connector read some items twice',
      evidence: firstFew(overlapLines, 6),
      fix: ['The next startIndex is this startIndex plus the items returned: do not step back, and do not start at 0 (SCIM counts from 1).'],
    });
  }
  return findings;
}
